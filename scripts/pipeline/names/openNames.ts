/**
 * OS Open Names populated places (input `open_names`): cities, towns,
 * suburban areas, villages, other settlements and hamlets, one point each,
 * for the place-name search.
 *
 * Read: the OS columns `ID`, `NAME1` (and `NAME2`, an alternative name where
 * OS has one, e.g. "Marazion" for "Market Jew"), `LOCAL_TYPE`, and the point
 * as `LONG`/`LAT` (WGS84) or else `GEOMETRY_X`/`GEOMETRY_Y` (British National
 * Grid, reprojected as the boundaries are), and `LSOA21CD`, the LSOA 2021 the
 * point is in (computed for the shared copy; see data/sources.json). The
 * authority is the LSOA's in the lookup: the OS authority columns are of
 * about 2017.
 *
 * Stops the build (InputError: file, line, column): a missing column, an
 * unknown LOCAL_TYPE, an ID given twice, an empty name, a coordinate that is
 * not a number or not in England, an LSOA code of the wrong shape. Skipped,
 * counted and listed: places in an LSOA the lookup does not have (Welsh, or
 * of another vintage) or in none, and the kinds left out of the search index
 * to keep it small (hamlets).
 */
import proj4 from 'proj4';
import type { PlaceKind } from '../../../src/data/namesSchema.ts';
import { BRITISH_NATIONAL_GRID } from '../boundaries.ts';
import { readCsv, requireColumns, type CsvTable } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';
import type { Geography } from '../lookup.ts';
import { recordSkipped, type BuildContext } from '../model.ts';

/** OS Open Names LOCAL_TYPE of a populated place → the app's kind of place. */
export const OS_LOCAL_TYPES: Record<string, Exclude<PlaceKind, 'neighbourhood'>> = {
  City: 'city',
  Town: 'town',
  'Suburban Area': 'suburb',
  Village: 'village',
  'Other Settlement': 'other',
  Hamlet: 'hamlet',
};

/**
 * Kinds left out of the search index: with the 9,628 hamlets it would be
 * about 177 KB gzip, over the 150 KB that the index may add to the search's
 * first use (measured on the full file; README, "Place names").
 */
export const OMITTED_KINDS: readonly PlaceKind[] = ['hamlet'];

export interface Place {
  /** OS ID (e.g. "osgb4000000074560725"). */
  id: string;
  name: string;
  kind: Exclude<PlaceKind, 'neighbourhood'>;
  /** Authority: index in the lookup's authorities (through the place's LSOA). */
  lad: number;
  lng: number;
  lat: number;
}

export interface OpenNames {
  file: string;
  /** Places kept for the search, in file order; a place with an alternative name (NAME2) appears once per name. */
  places: Place[];
  omitted: { kind: PlaceKind; examples: string[]; count: number }[];
  /** Places whose LSOA the lookup does not have, e.g. "Llanymynech (W01000123, line 12)". */
  skippedUnknownLsoa: string[];
  /** Places with no LSOA. */
  skippedNoLsoa: string[];
}

/** A generous box around England in WGS84 (as for the boundaries, centroids and postcodes). */
const ENGLAND_BOX = { west: -7, south: 49.5, east: 2.2, north: 56 };
const LSOA_CODE = /^[EW]01\d{6}$/;

function coordinateColumns(table: CsvTable): { lng: number; lat: number; projected: boolean } {
  const lng = table.header.indexOf('LONG');
  const lat = table.header.indexOf('LAT');
  if (lng >= 0 && lat >= 0) return { lng, lat, projected: false };
  const x = table.header.indexOf('GEOMETRY_X');
  const y = table.header.indexOf('GEOMETRY_Y');
  if (x >= 0 && y >= 0) return { lng: x, lat: y, projected: true };
  throw new InputError({
    file: table.file,
    line: 1,
    problem: 'missing the coordinates: columns "LONG" and "LAT" (WGS84) or "GEOMETRY_X" and "GEOMETRY_Y" (British National Grid)',
    hint: `The header has: ${listSome(table.header.map((h) => `"${h}"`), 12)}`,
  });
}

export function parseOpenNames(table: CsvTable, geography: Geography, ladOfLsoa: Int32Array, lookupName: string): OpenNames {
  const [idColumn, nameColumn, typeColumn, lsoaColumn] = requireColumns(table, ['ID', 'NAME1', 'LOCAL_TYPE', 'LSOA21CD']);
  const altNameColumn = table.header.indexOf('NAME2');
  const coordinates = coordinateColumns(table);
  const toWgs84 = coordinates.projected ? proj4(BRITISH_NATIONAL_GRID, 'WGS84') : null;
  const lsoaIndex = new Map(geography.lsoa.codes.map((code, i) => [code, i]));

  const places: Place[] = [];
  const omitted = new Map<PlaceKind, string[]>();
  const skippedUnknownLsoa: string[] = [];
  const skippedNoLsoa: string[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const where = (column: number) => ({ file: table.file, line, column: table.header[column] });
    const id = row[idColumn].trim();
    if (id === '') throw new InputError({ ...where(idColumn), problem: 'the ID is empty' });
    const first = seen.get(id);
    if (first !== undefined) throw new InputError({ ...where(idColumn), problem: `ID ${id} is given twice (first on line ${first})` });
    seen.set(id, line);
    const name = row[nameColumn].trim();
    if (name === '') throw new InputError({ ...where(nameColumn), problem: `place ${id} has no name` });
    const type = row[typeColumn].trim();
    const kind = OS_LOCAL_TYPES[type];
    if (!kind) {
      throw new InputError({
        ...where(typeColumn),
        problem: `"${type}" is not a populated place type of OS Open Names (${Object.keys(OS_LOCAL_TYPES).join(', ')})`,
      });
    }
    const read = (column: number): number => {
      const text = row[column].trim();
      const value = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw new InputError({ ...where(column), problem: `"${text}" is not a number` });
      return value;
    };
    let [lng, lat] = [read(coordinates.lng), read(coordinates.lat)];
    if (toWgs84) [lng, lat] = toWgs84.forward([lng, lat]);
    if (lng < ENGLAND_BOX.west || lng > ENGLAND_BOX.east || lat < ENGLAND_BOX.south || lat > ENGLAND_BOX.north) {
      throw new InputError({
        ...where(lng < ENGLAND_BOX.west || lng > ENGLAND_BOX.east ? coordinates.lng : coordinates.lat),
        problem: `the point of ${name} (longitude ${lng.toFixed(5)}, latitude ${lat.toFixed(5)}) is not in England`,
        hint: coordinates.projected ? 'GEOMETRY_X and GEOMETRY_Y must be British National Grid metres (EPSG:27700).' : 'LONG and LAT must be WGS84 degrees (are they swapped?).',
      });
    }
    const label = `${name} (${id}, line ${line})`;
    const lsoaCode = row[lsoaColumn].trim();
    if (lsoaCode === '') {
      skippedNoLsoa.push(label);
      return;
    }
    if (!LSOA_CODE.test(lsoaCode)) throw new InputError({ ...where(lsoaColumn), problem: `"${lsoaCode}" is not an LSOA 2021 code (E01 and six digits)` });
    const lsoa = lsoaIndex.get(lsoaCode);
    if (lsoa === undefined) {
      skippedUnknownLsoa.push(`${name} (${lsoaCode}, line ${line})`);
      return;
    }
    if (OMITTED_KINDS.includes(kind)) {
      const list = omitted.get(kind) ?? [];
      list.push(label);
      omitted.set(kind, list);
      return;
    }
    const place = { id, name, kind, lad: ladOfLsoa[lsoa], lng, lat };
    places.push(place);
    const altName = altNameColumn >= 0 ? row[altNameColumn].trim() : '';
    if (altName !== '' && altName !== name) places.push({ ...place, name: altName });
  });
  if (places.length === 0) {
    throw new InputError({ file: table.file, problem: `no place is in an LSOA of ${lookupName} (are these places in England, with LSOA 2021 codes?)` });
  }
  return {
    file: table.file,
    places,
    omitted: [...omitted.entries()].map(([kind, examples]) => ({ kind, examples, count: examples.length })),
    skippedUnknownLsoa,
    skippedNoLsoa,
  };
}

/** Reads and checks the OS Open Names places, if given; undefined when they are not (the search then has no place names). */
export async function readOpenNames(ctx: BuildContext, note: (message: string) => void): Promise<OpenNames | undefined> {
  const input = ctx.inputs.open_names;
  if (!input) {
    note('no OS Open Names populated places (--open-names): the search has no place names');
    return undefined;
  }
  const names = parseOpenNames(await readCsv(input.path, input.name), ctx.geography, ctx.ladOfLsoa, ctx.lookupName);
  recordSkipped(ctx, note, { file: input.name, what: `places in an LSOA that ${ctx.lookupName} does not have`, examples: names.skippedUnknownLsoa, count: names.skippedUnknownLsoa.length });
  recordSkipped(ctx, note, { file: input.name, what: 'places without an LSOA', examples: names.skippedNoLsoa, count: names.skippedNoLsoa.length });
  for (const { kind, examples, count } of names.omitted) {
    recordSkipped(ctx, note, { file: input.name, what: `places of kind "${kind}" left out of the search index (its size)`, examples, count });
  }
  note(`${countOf(names.places.length, 'place name')} from ${input.name}`);
  return names;
}
