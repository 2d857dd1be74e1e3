/**
 * Food banks from Give Food's foodbanks.csv: one row per food bank
 * organisation (not per distribution point), England's open ones. Placed at
 * the postcode's centroid: the published latitude and longitude disagree
 * with the postcode by kilometres for a few rows (one by 229 km; several are
 * PO-box or office postcodes), and the data README prefers the postcode.
 * Where the postcode is not in Code-Point Open England, the published point
 * is used if it is in England. The network (Trussell Trust, IFAN,
 * Independent) is the record's detail.
 */
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';
import { haversineKm } from '../../../src/stats/geodesy.ts';
import { readCsv, type CsvTable } from '../csv.ts';
import type { InputFile } from '../inputs.ts';
import { GeocodingTally, type Geocoder } from './geocode.ts';
import { cellError, columnsOf, serviceSource, type SourceRead } from './source.ts';
import { cellText } from './text.ts';

/** A published point farther than this from the postcode's centroid is noted (the postcode is used). */
export const DISAGREEMENT_METRES = 1000;

const CLOSED: Record<string, boolean> = { TRUE: true, FALSE: false };

/** "52.6489495,1.7287352" (latitude first, as Give Food writes it) → a point; blank → undefined. */
function pointCell(table: CsvTable, row: number, column: number): { lng: number; lat: number } | undefined {
  const text = table.rows[row][column].trim();
  if (text === '') return undefined;
  const parts = text.split(',').map((part) => Number(part.trim()));
  const [lat, lng] = parts;
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw cellError(table, row, column, `"${text}" is not "latitude,longitude"`);
  }
  return { lng, lat };
}

export function parseFoodbanks(table: CsvTable, geocoder: Geocoder): SourceRead {
  const col = columnsOf(table, ['name', 'slug', 'postcode', 'country', 'closed', 'latt_long', 'network']);
  const tally = new GeocodingTally('foodbank', 'foodbanks', table.file);
  const records: ServiceRecord[] = [];
  const seen = new Map<string, number>();
  const disagreeing: string[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    tally.read++;
    const name = cellText(row[col.name]);
    if (!name) throw cellError(table, r, col.name, 'the name is blank');
    const slug = row[col.slug].trim();
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw cellError(table, r, col.slug, `"${slug}" is not a Give Food slug (lower-case words joined by hyphens)`);
    const first = seen.get(slug);
    if (first !== undefined) throw cellError(table, r, col.slug, `${slug} is given twice (first on line ${first})`);
    seen.set(slug, table.lines[r]);
    const closedText = row[col.closed].trim().toUpperCase();
    if (!(closedText in CLOSED)) throw cellError(table, r, col.closed, `"${row[col.closed]}" is not True or False`);
    const published = pointCell(table, r, col.latt_long);
    const postcodeText = row[col.postcode];
    const example = `${name} (${postcodeText.trim() || 'no postcode'})`;
    const country = row[col.country].trim();
    if (country !== 'England') {
      tally.exclude(`outside England (country "${country}")`, example);
      continue;
    }
    if (CLOSED[closedText]) {
      tally.exclude('closed', example);
      continue;
    }
    const at = tally.settle(geocoder.place(postcodeText, published), name, postcodeText, example);
    if (!at) continue;
    if (published && at.located === 'postcode') {
      const metres = haversineKm(at.lng, at.lat, published.lng, published.lat) * 1000;
      if (metres > DISAGREEMENT_METRES) disagreeing.push(`${example} ${(metres / 1000).toFixed(1)} km`);
    }
    const network = cellText(row[col.network]);
    records.push({
      type: 'foodbank',
      id: slug,
      name,
      ...at,
      ...(network ? { detail: network } : {}),
      url: `https://www.givefood.org.uk/needs/at/${slug}/`,
      source: 'foodbanks',
    });
  }
  return {
    records,
    tallies: [tally],
    sources: [serviceSource('foodbanks')],
    notes: [],
    listed: [{ file: table.file, what: `food banks whose published point is more than ${DISAGREEMENT_METRES / 1000} km from their postcode (placed at the postcode)`, examples: disagreeing }],
  };
}

export async function readFoodbanks(input: InputFile, geocoder: Geocoder): Promise<SourceRead> {
  return parseFoodbanks(await readCsv(input.path, input.name), geocoder);
}
