/**
 * GP practices from NHS England's ODS `epraccur` file: the active ones
 * (status A) with prescribing setting 4 (GP practice); every other row is
 * left out and counted by reason. Placed at their postcode.
 *
 * The official file has no header row (27 columns, named by position in the
 * ODS specification); the shared copy has a header of those names without
 * the six always-empty columns. Both are read. The source's date is the
 * latest open or join date in the file (the file carries no other date).
 */
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';
import { createInterface } from 'node:readline';
import { openInput, readCsv, type CsvTable } from '../csv.ts';
import type { InputFile } from '../inputs.ts';
import { GeocodingTally, type Geocoder } from './geocode.ts';
import { cellError, columnsOf, serviceSource, type SourceRead } from './source.ts';
import { fromCapitals, joinAddress } from './text.ts';

/** The 27 columns of the official (headerless) file, by position (ODS epraccur specification; "Null" columns are always empty). */
export const EPRACCUR_COLUMNS = [
  'Organisation Code', 'Name', 'National Grouping', 'High Level Health Geography',
  'Address Line 1', 'Address Line 2', 'Address Line 3', 'Address Line 4', 'Address Line 5',
  'Postcode', 'Open Date', 'Close Date', 'Status Code', 'Organisation Sub-Type Code', 'Commissioner',
  'Join Provider/Purchaser Date', 'Left Provider/Purchaser Date', 'Contact Telephone Number',
  'Null 1', 'Null 2', 'Null 3', 'Amended Record Indicator', 'Null 4', 'Provider/Purchaser', 'Null 5', 'Prescribing Setting', 'Null 6',
] as const;

const ADDRESS_LINES = ['Address Line 1', 'Address Line 2', 'Address Line 3', 'Address Line 4', 'Address Line 5'] as const;
const GP_PRACTICE_SETTING = 4;
const STATUS: Record<string, string | undefined> = { A: undefined, C: 'closed (status C)', D: 'dormant (status D)', P: 'proposed, not yet open (status P)' };

/**
 * Whether the file is the official one, without a header: its first line
 * starts with an organisation code, not with "Organisation Code".
 */
async function isHeaderless(path: string): Promise<boolean> {
  const input = openInput(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return /^"?[A-Z0-9]{3,6}"?,/.test(line.replace(/^\uFEFF/, ''));
    return false;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** "20250423" → "2025-04-23"; blank → undefined; anything that is not a date stops the build. */
function dateCell(table: CsvTable, row: number, column: number): string | undefined {
  const text = table.rows[row][column].trim();
  if (text === '') return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  const date = new Date(`${iso}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw cellError(table, row, column, `"${text}" is not a date YYYYMMDD`);
  return iso;
}

export function parseGpPractices(table: CsvTable, geocoder: Geocoder): SourceRead {
  const col = columnsOf(table, ['Organisation Code', 'Name', ...ADDRESS_LINES, 'Postcode', 'Open Date', 'Join Provider/Purchaser Date', 'Status Code', 'Prescribing Setting']);
  const tally = new GeocodingTally('gp_practice', 'gp_practices', table.file);
  const records: ServiceRecord[] = [];
  const seen = new Map<string, number>();
  let latest = '';
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    tally.read++;
    const code = row[col['Organisation Code']].trim();
    if (!/^[A-Z0-9]{3,6}$/.test(code)) throw cellError(table, r, col['Organisation Code'], `"${code}" is not an ODS organisation code (3 to 6 capital letters and digits)`);
    const first = seen.get(code);
    if (first !== undefined) throw cellError(table, r, col['Organisation Code'], `${code} is given twice (first on line ${first})`);
    seen.set(code, table.lines[r]);
    for (const column of [col['Open Date'], col['Join Provider/Purchaser Date']]) {
      const date = dateCell(table, r, column);
      if (date && date > latest) latest = date;
    }
    const status = row[col['Status Code']].trim();
    if (!(status in STATUS)) throw cellError(table, r, col['Status Code'], `"${status}" is not a status code (A active, C closed, D dormant, P proposed)`);
    const settingText = row[col['Prescribing Setting']].trim();
    if (!/^\d+$/.test(settingText)) throw cellError(table, r, col['Prescribing Setting'], `"${settingText}" is not a prescribing setting (a whole number; 4 is a GP practice)`);
    const name = fromCapitals(row[col.Name]);
    if (name === '') throw cellError(table, r, col.Name, 'the name is blank');
    const postcodeText = row[col.Postcode];
    const example = `${name} (${code})`;
    if (Number(settingText) !== GP_PRACTICE_SETTING) {
      tally.exclude('not a GP practice (prescribing setting other than 4)', `${name} (${code}, setting ${Number(settingText)})`);
      continue;
    }
    const inactive = STATUS[status];
    if (inactive) {
      tally.exclude(inactive, example);
      continue;
    }
    const placed = tally.settle(geocoder.place(postcodeText), name, postcodeText, example);
    if (!placed) continue;
    const address = joinAddress(ADDRESS_LINES.map((line) => fromCapitals(row[col[line]])));
    records.push({
      type: 'gp_practice',
      id: code,
      name,
      ...placed,
      ...(address ? { address } : {}),
      source: 'gp_practices',
    });
  }
  if (latest === '') throw cellError(table, 0, col['Open Date'], 'no row has an open or join date, so the file cannot be dated');
  return {
    records,
    tallies: [tally],
    sources: [serviceSource('gp_practices', { date: latest, dateNote: 'the latest open or join date in the file' })],
    notes: [`GP practices: the file is dated ${latest} (its latest open or join date)`],
    listed: [],
  };
}

export async function readGpPractices(input: InputFile, geocoder: Geocoder): Promise<SourceRead> {
  const official = await isHeaderless(input.path);
  return parseGpPractices(await readCsv(input.path, input.name, official ? { columns: EPRACCUR_COLUMNS } : {}), geocoder);
}
