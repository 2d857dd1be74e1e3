/**
 * The LSOAs' population-weighted centroids (ONS, "LSOA (December 2021)
 * Population Weighted Centroids"), for the app's live selection tools: an
 * LSOA is in a lasso or within N km when its centroid is
 * (src/map/selection/geometry.ts). Optional input `lsoa_pwc`: without it the
 * build goes on without areas/lsoa-points.json (and says so), and the map
 * offers no selection tools (the manifest's file list lacks the file).
 *
 * Accepted: the ONS CSV as published (`LSOA21CD`, `x`, `y` in British
 * National Grid metres, England and Wales; reprojected to WGS84 with the
 * OSGB36 → WGS84 Helmert shift, as the boundaries are; good to about 2 m) or the shared copy,
 * which adds `LONG`, `LAT` in WGS84 (used as they are when present). Welsh
 * rows are skipped and counted; every LSOA of the lookup must have exactly
 * one point and there must be no English code the lookup lacks; coordinates
 * must be numbers inside a box around England.
 *
 * Output: areas/lsoa-points.json, `{ "points": [lng, lat, …] }` in the order
 * of areas/lsoa.json, 5 decimals (about a metre).
 */
import proj4 from 'proj4';
import { dataPaths, type PointsFile } from '../../src/data/schema.ts';
import { BRITISH_NATIONAL_GRID } from './boundaries.ts';
import { readCsv, requireColumns, type CsvTable } from './csv.ts';
import { countOf, InputError, listSome } from './errors.ts';
import { recordSkipped, type BuildContext } from './model.ts';
import type { OutputFolder } from './output.ts';

/** A generous box around England in WGS84 (as for the boundaries): catches swapped or unprojected coordinates. */
const ENGLAND_BOX = { west: -7, south: 49.5, east: 2.2, north: 56 };

/** Columns, matched without regard to case (the ONS has published both `X`/`x`). */
function columnOf(table: CsvTable, ...names: string[]): number {
  const lower = table.header.map((name) => name.toLowerCase());
  for (const name of names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * The centroid of every LSOA of the build, flattened [lng, lat] in the
 * order of `lsoaCodes`, 5 decimals. Welsh rows are returned as skipped.
 */
export function parseLsoaPoints(table: CsvTable, lsoaCodes: readonly string[], lookupName: string): { points: number[]; skippedWelsh: string[] } {
  const [codeColumn] = requireColumns(table, ['LSOA21CD']);
  let lngColumn = columnOf(table, 'LONG', 'lng', 'lon');
  let latColumn = columnOf(table, 'LAT');
  let projected = false;
  if (lngColumn < 0 || latColumn < 0) {
    lngColumn = columnOf(table, 'x');
    latColumn = columnOf(table, 'y');
    projected = true;
    if (lngColumn < 0 || latColumn < 0) {
      throw new InputError({
        file: table.file,
        line: 1,
        problem: 'missing the coordinates: columns "LONG" and "LAT" (WGS84) or "x" and "y" (British National Grid)',
        hint: `The header has: ${listSome(table.header.map((h) => `"${h}"`), 12)}`,
      });
    }
  }
  const toWgs84 = projected ? proj4(BRITISH_NATIONAL_GRID, 'WGS84') : null;
  const position = new Map(lsoaCodes.map((code, i) => [code, i]));
  const points = new Array<number>(lsoaCodes.length * 2).fill(Number.NaN);
  const seenAt = new Map<string, number>();
  const skippedWelsh: string[] = [];
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const code = row[codeColumn].trim();
    if (code.startsWith('W01')) {
      skippedWelsh.push(code);
      return;
    }
    const at = position.get(code);
    if (at === undefined) {
      throw new InputError({
        file: table.file,
        line,
        column: table.header[codeColumn],
        problem: /^E01\d{6}$/.test(code) ? `LSOA ${code} is not in ${lookupName}` : `"${code}" is not an LSOA 2021 code (E01 and six digits)`,
        hint: 'The centroids must be of the same LSOAs 2021 as the lookup (LSOA December 2021 PWC).',
      });
    }
    if (seenAt.has(code)) {
      throw new InputError({ file: table.file, line, column: table.header[codeColumn], problem: `LSOA ${code} has a second point (the first is on line ${seenAt.get(code)})` });
    }
    seenAt.set(code, line);
    const read = (column: number): number => {
      const text = row[column].trim();
      const value = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw new InputError({ file: table.file, line, column: table.header[column], problem: `"${text}" is not a number` });
      return value;
    };
    let [lng, lat] = [read(lngColumn), read(latColumn)];
    if (toWgs84) [lng, lat] = toWgs84.forward([lng, lat]);
    if (lng < ENGLAND_BOX.west || lng > ENGLAND_BOX.east || lat < ENGLAND_BOX.south || lat > ENGLAND_BOX.north) {
      const column = lng < ENGLAND_BOX.west || lng > ENGLAND_BOX.east ? lngColumn : latColumn;
      throw new InputError({
        file: table.file,
        line,
        column: table.header[column],
        problem: `the point of ${code} (${projected ? `${row[lngColumn]}, ${row[latColumn]} → ` : ''}longitude ${lng.toFixed(5)}, latitude ${lat.toFixed(5)}) is not in England`,
        hint: projected ? 'x and y must be British National Grid metres (EPSG:27700).' : 'LONG and LAT must be WGS84 degrees (longitude first; are they swapped?).',
      });
    }
    points[at * 2] = Number(lng.toFixed(5));
    points[at * 2 + 1] = Number(lat.toFixed(5));
  });
  const missing = lsoaCodes.filter((code) => !seenAt.has(code));
  if (missing.length > 0) {
    throw new InputError({
      file: table.file,
      problem: `${countOf(missing.length, 'LSOA')} of ${lookupName} ${missing.length === 1 ? 'has' : 'have'} no point: ${listSome(missing)}`,
      hint: 'The centroids must be of the same LSOAs 2021 as the lookup (LSOA December 2021 PWC).',
    });
  }
  return { points, skippedWelsh };
}

/** Reads and checks the centroids input, if given; undefined when it is not (the map then offers no selection tools). */
export async function readLsoaPoints(ctx: BuildContext, note: (message: string) => void): Promise<number[] | undefined> {
  const input = ctx.inputs.lsoa_pwc;
  if (!input) {
    note('no LSOA population-weighted centroids (--lsoa-pwc): areas/lsoa-points.json is not written, so the map offers no lasso or distance tools');
    return undefined;
  }
  const { points, skippedWelsh } = parseLsoaPoints(await readCsv(input.path, input.name), ctx.geography.lsoa.codes, ctx.lookupName);
  recordSkipped(ctx, note, { file: input.name, what: 'Welsh LSOA centroids', examples: skippedWelsh });
  note(`${countOf(points.length / 2, 'LSOA centroid')} from ${input.name}`);
  return points;
}

/** Writes areas/lsoa-points.json. */
export function writeLsoaPoints(output: OutputFolder, points: readonly number[]): void {
  const file: PointsFile = { points: [...points] };
  output.writeJson(dataPaths.lsoaPoints, file);
}
