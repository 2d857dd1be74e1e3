/**
 * The postcode index (issue 14): OS Code-Point Open, England, into small
 * static files (src/data/postcodeSchema.ts). Optional input `postcodes`:
 * without it the build goes on without postcode files, and says so.
 *
 * Read: the CSV with the official long header (`Postcode`,
 * `Positional_quality_indicator`, `Eastings`, `Northings`, `Country_code`, …;
 * the short codes PC, PQ, EA, NO, CY are accepted too), plain or gzip.
 * 1.5 million rows are read with a small CSV splitter of their own rather than
 * csv-parse (several times faster; quoted fields as RFC 4180). Eastings and
 * northings (British National Grid) are reprojected to WGS84 with proj4, as
 * the boundaries and centroids are. Rows with positional quality 90 have no
 * coordinates (0, 0): skipped, counted and listed. A bad postcode, a
 * coordinate that is not a whole number of metres or falls outside England,
 * a postcode given twice or a row of another country stops the build with
 * the file, line and column.
 *
 * Located: each postcode's LSOA 2021 by point in polygon on the full
 * boundaries (not the simplified tiles; lsoaLocator.ts); a postcode inside
 * none takes the LSOA whose boundary is nearest within 250 m, else none
 * (-1); both are counted and listed.
 *
 * Written: postcodes/<OUTWARD>.json per outward code, and postcodes/index.json;
 * an outward file that would be over 50 KB is split by sector
 * (postcodes/<OUTWARD>/<sector>.json).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import proj4 from 'proj4';
import { postcodePaths, type PostcodeFile, type PostcodeIndexFile } from '../../src/data/postcodeSchema.ts';
import { BRITISH_NATIONAL_GRID, type AreaGeometry } from './boundaries.ts';
import { countOf, InputError, listSome } from './errors.ts';
import { lsoaLocator } from './lsoaLocator.ts';
import { recordSkipped, type BuildContext } from './model.ts';
import type { OutputFolder } from './output.ts';

/** A generous box around England in WGS84 (as for the boundaries and centroids). */
const ENGLAND_BOX = { west: -7, south: 49.5, east: 2.2, north: 56 };
const ENGLAND = 'E92000001';
/** GSS codes of the other countries and the islands in Code-Point Open: Scotland, Wales, Northern Ireland, Channel Islands, Isle of Man. */
const OTHER_COUNTRIES = ['S92000003', 'W92000004', 'N92000002', 'L93000001', 'M83000003'];
/** Positional quality 90: "no coordinates" (eastings and northings are 0). */
const NO_COORDINATES = 90;
/** A postcode outside every LSOA takes the nearest one within this distance (coastal rounding). */
export const NEAREST_WITHIN_METRES = 250;
/** An outward file larger than this is split into sector files. */
export const MAX_FILE_BYTES = 50_000;

/** UK postcode, spaces removed: outward (area letters, district digit, optional digit or letter) and inward (digit, two letters). */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** The columns used, by official long name and short code (Doc/Code-Point_Open_Column_Headers.csv). */
const COLUMNS = {
  postcode: ['Postcode', 'PC'],
  quality: ['Positional_quality_indicator', 'PQ'],
  eastings: ['Eastings', 'EA'],
  northings: ['Northings', 'NO'],
  country: ['Country_code', 'CY'],
} as const;

/** Postcodes read from Code-Point Open, in file order. */
export interface PostcodeTable {
  file: string;
  /** "B15 2TT": outward, a space, inward. */
  postcodes: string[];
  lng: Float64Array;
  lat: Float64Array;
  /** Line of each postcode in the file (for messages). */
  lines: Int32Array;
  /** Postcodes skipped for having no coordinates (positional quality 90). */
  skippedNoCoordinates: string[];
  /** Postcodes of Scotland, Wales, Northern Ireland, the Channel Islands and the Isle of Man (the GB release has them). */
  skippedOutsideEngland: string[];
}

/**
 * Splits one CSV line into fields (RFC 4180 quoting: "a,b" and "" for a
 * quote inside a quoted field). Null when a quoted field is not closed.
 */
export function splitCsvLine(line: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      // Quoted field.
      let text = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return null;
        text += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          text += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(text);
      if (i >= n) return fields;
      if (line.charCodeAt(i) !== 44) return null; // text after the closing quote
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
    if (i === n) {
      fields.push('');
      return fields;
    }
  }
}

/** Calls `visit` with every line of a (gzip-compressed) text file and its number, decoding it in chunks. */
function forEachLine(path: string, file: string, visit: (line: string, number: number) => void): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new InputError({ file, problem: 'the file ends in .gz but is not valid gzip data (truncated download?)' });
    throw new InputError({ file, problem: `cannot be read: ${(error as Error).message}` });
  }
  const CHUNK = 8 << 20;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let number = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + CHUNK);
    if (end < bytes.length) {
      const newline = bytes.lastIndexOf(10, end - 1);
      end = newline >= start ? newline + 1 : bytes.length;
    }
    const lines = bytes.toString('utf8', start, end).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const raw of lines) {
      number++;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line !== '') visit(line, number);
    }
    start = end;
  }
}

/** Reads and checks Code-Point Open; see the file comment. */
export function parseCodePoint(path: string, file: string): PostcodeTable {
  let header: string[] | undefined;
  let at: Record<keyof typeof COLUMNS, number> | undefined;
  const postcodes: string[] = [];
  let lng = new Float64Array(1 << 16);
  let lat = new Float64Array(1 << 16);
  let lines = new Int32Array(1 << 16);
  const firstLine = new Map<string, number>();
  const skippedNoCoordinates: string[] = [];
  const skippedOutsideEngland: string[] = [];
  const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');
  forEachLine(path, file, (line, number) => {
    const fields = splitCsvLine(line);
    if (!fields) throw new InputError({ file, line: number, problem: 'malformed CSV: a quoted field is not closed, or text follows its closing quote' });
    if (!header) {
      header = fields.map((name) => name.trim());
      const found = {} as Record<keyof typeof COLUMNS, number>;
      const missing: string[] = [];
      for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
        const index = header.findIndex((name) => names.some((n) => n.toLowerCase() === name.toLowerCase()));
        if (index < 0) missing.push(`"${names[0]}"`);
        found[key] = index;
      }
      if (missing.length > 0) {
        throw new InputError({
          file,
          line: 1,
          problem: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
          hint: `The header has: ${listSome(header.map((h) => `"${h}"`), 12)}. Code-Point Open CSV files have no header: add the line of Doc/Code-Point_Open_Column_Headers.csv (long names) at the top.`,
        });
      }
      at = found;
      return;
    }
    const columns = at!;
    if (fields.length !== header.length) throw new InputError({ file, line: number, problem: `this row has ${fields.length} fields, the header ${header.length} (a stray comma or quote?)` });
    const where = (key: keyof typeof COLUMNS) => ({ file, line: number, column: header![columns[key]] });
    const text = fields[columns.postcode].trim().toUpperCase();
    const match = POSTCODE.exec(text.replace(/ /g, ''));
    if (!match) throw new InputError({ ...where('postcode'), problem: `"${fields[columns.postcode]}" is not a postcode (e.g. "B15 2TT")` });
    const postcode = `${match[1]} ${match[2]}`;
    const first = firstLine.get(postcode);
    if (first !== undefined) throw new InputError({ ...where('postcode'), problem: `postcode ${postcode} is given twice (first on line ${first})` });
    firstLine.set(postcode, number);
    const country = fields[columns.country].trim();
    if (country !== ENGLAND) {
      // The GB release holds Scotland, Wales and the islands too: skipped and counted, as the English indices cover England only.
      if (OTHER_COUNTRIES.includes(country)) {
        skippedOutsideEngland.push(postcode);
        return;
      }
      throw new InputError({
        ...where('country'),
        problem: `postcode ${postcode} has the country code "${country}", which is not a GSS country code of the UK or the islands (England is ${ENGLAND})`,
      });
    }
    const whole = (key: 'quality' | 'eastings' | 'northings'): number => {
      const cell = fields[columns[key]].trim();
      const value = /^\d+$/.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) throw new InputError({ ...where(key), problem: `"${cell}" is not a whole number${key === 'quality' ? '' : ' of metres'}` });
      return value;
    };
    const quality = whole('quality');
    const [e, n] = [whole('eastings'), whole('northings')];
    if (quality === NO_COORDINATES) {
      skippedNoCoordinates.push(postcode);
      return;
    }
    const [x, y] = toWgs84.forward([e, n]);
    if (!(x >= ENGLAND_BOX.west && x <= ENGLAND_BOX.east && y >= ENGLAND_BOX.south && y <= ENGLAND_BOX.north)) {
      const key = x < ENGLAND_BOX.west || x > ENGLAND_BOX.east ? 'eastings' : 'northings';
      throw new InputError({
        ...where(key),
        problem: `postcode ${postcode} at ${e}, ${n} (longitude ${x.toFixed(5)}, latitude ${y.toFixed(5)}) is not in England`,
        hint: 'Eastings and Northings must be British National Grid metres (EPSG:27700); rows without coordinates must have positional quality 90.',
      });
    }
    const i = postcodes.length;
    if (i === lng.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      [lng, lat, lines] = [grow(lng), grow(lat), grow(lines)];
    }
    postcodes.push(postcode);
    lng[i] = x;
    lat[i] = y;
    lines[i] = number;
  });
  if (!header) throw new InputError({ file, problem: 'the file is empty (no header row)' });
  if (postcodes.length === 0 && skippedNoCoordinates.length === 0 && skippedOutsideEngland.length === 0) throw new InputError({ file, problem: 'the file has a header but no data rows' });
  const n = postcodes.length;
  return { file, postcodes, lng: lng.slice(0, n), lat: lat.slice(0, n), lines: lines.slice(0, n), skippedNoCoordinates, skippedOutsideEngland };
}

/** Reads and checks the postcodes input, if given; undefined when it is not (no postcode files are then written). */
export function readPostcodes(ctx: BuildContext, note: (message: string) => void): PostcodeTable | undefined {
  const input = ctx.inputs.postcodes;
  if (!input) {
    note('no postcodes (OS Code-Point Open, --postcodes): the postcode index (postcodes/) is not written');
    return undefined;
  }
  const table = parseCodePoint(input.path, input.name);
  recordSkipped(ctx, note, { file: input.name, what: 'postcodes without coordinates (positional quality 90)', examples: table.skippedNoCoordinates });
  recordSkipped(ctx, note, { file: input.name, what: 'postcodes outside England (Scotland, Wales, Northern Ireland, the islands)', examples: table.skippedOutsideEngland });
  note(`${countOf(table.postcodes.length, 'postcode')} with coordinates from ${input.name}`);
  return table;
}

/** Each postcode's LSOA (index in the build's order), -1 for none; and which were placed by the nearest boundary or not at all. */
export function locatePostcodes(
  table: PostcodeTable,
  lsoaGeometries: readonly AreaGeometry[],
): { lsoa: Int32Array; nearest: string[]; outside: string[]; farthestNearestMetres: number } {
  const locator = lsoaLocator(lsoaGeometries);
  const lsoa = new Int32Array(table.postcodes.length);
  const nearest: string[] = [];
  const outside: string[] = [];
  let farthestNearestMetres = 0;
  for (let i = 0; i < lsoa.length; i++) {
    let at = locator.locate(table.lng[i], table.lat[i]);
    if (at < 0) {
      const near = locator.nearest(table.lng[i], table.lat[i], NEAREST_WITHIN_METRES);
      if (near) {
        at = near.index;
        nearest.push(table.postcodes[i]);
        farthestNearestMetres = Math.max(farthestNearestMetres, near.metres);
      } else outside.push(table.postcodes[i]);
    }
    lsoa[i] = at;
  }
  return { lsoa, nearest, outside, farthestNearestMetres };
}

function deltas(values: readonly number[]): number[] {
  return values.map((value, i) => (i === 0 ? value : value - values[i - 1]));
}

function postcodeFile(outward: string, members: readonly number[], table: PostcodeTable, lsoa: Int32Array, sector?: string): PostcodeFile {
  const fixed = (a: Float64Array) => members.map((i) => Math.round(a[i] * 1e5));
  return {
    outward,
    ...(sector !== undefined ? { sector } : {}),
    inward: members.map((i) => table.postcodes[i].slice(-3)).join(''),
    lng: deltas(fixed(table.lng)),
    lat: deltas(fixed(table.lat)),
    lsoa: members.map((i) => lsoa[i]),
  };
}

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

/** Writes postcodes/index.json and the outward (and sector) files; returns the paths written. */
export function writePostcodeFiles(output: OutputFolder, table: PostcodeTable, lsoa: Int32Array): string[] {
  const byOutward = new Map<string, number[]>();
  const order = table.postcodes.map((_, i) => i).sort((a, b) => (table.postcodes[a] < table.postcodes[b] ? -1 : 1));
  for (const i of order) {
    const outward = table.postcodes[i].slice(0, -4);
    let members = byOutward.get(outward);
    if (!members) byOutward.set(outward, (members = []));
    members.push(i);
  }
  const index: PostcodeIndexFile = { outward: [], count: [], bounds: [], sectors: {}, total: table.postcodes.length };
  const written: string[] = [];
  const write = (path: string, file: PostcodeFile) => {
    output.writeJson(path, file);
    written.push(path);
  };
  for (const [outward, members] of [...byOutward.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    index.outward.push(outward);
    index.count.push(members.length);
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const i of members) {
      west = Math.min(west, table.lng[i]);
      east = Math.max(east, table.lng[i]);
      south = Math.min(south, table.lat[i]);
      north = Math.max(north, table.lat[i]);
    }
    index.bounds.push(round4(west), round4(south), round4(east), round4(north));
    const whole = postcodeFile(outward, members, table, lsoa);
    if (Buffer.byteLength(JSON.stringify(whole)) <= MAX_FILE_BYTES) {
      write(postcodePaths.outward(outward), whole);
      continue;
    }
    const bySector = new Map<string, number[]>();
    for (const i of members) {
      const sector = table.postcodes[i].slice(-3, -2);
      let list = bySector.get(sector);
      if (!list) bySector.set(sector, (list = []));
      list.push(i);
    }
    const sectors = [...bySector.keys()].sort();
    index.sectors[outward] = sectors;
    write(postcodePaths.outward(outward), { outward, sectors, inward: '', lng: [], lat: [], lsoa: [] });
    for (const sector of sectors) write(postcodePaths.sector(outward, sector), postcodeFile(outward, bySector.get(sector)!, table, lsoa, sector));
  }
  output.writeJson(postcodePaths.index, index);
  written.push(postcodePaths.index);
  return written;
}

/** The postcode stage: locate every postcode on the full LSOA boundaries, record what did not fall inside one, and write the files. */
export function buildPostcodeIndex(
  ctx: BuildContext,
  table: PostcodeTable,
  lsoaGeometries: readonly AreaGeometry[],
  output: OutputFolder,
  note: (message: string) => void,
): string[] {
  const started = performance.now();
  const { lsoa, nearest, outside, farthestNearestMetres } = locatePostcodes(table, lsoaGeometries);
  note(`located ${countOf(table.postcodes.length, 'postcode')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  recordSkipped(ctx, note, {
    file: table.file,
    what: `postcodes in no LSOA, given the LSOA whose boundary is nearest (within ${NEAREST_WITHIN_METRES} m; farthest ${Math.round(farthestNearestMetres)} m)`,
    examples: nearest,
  });
  recordSkipped(ctx, note, { file: table.file, what: `postcodes in no LSOA and more than ${NEAREST_WITHIN_METRES} m from every one (LSOA -1)`, examples: outside });
  const written = writePostcodeFiles(output, table, lsoa);
  const sizes = written.map((path) => output.sizes.get(path)!);
  const total = sizes.reduce((a, b) => a + b, 0);
  const largest = Math.max(...sizes);
  note(`${countOf(written.length, 'file')} in postcodes/, ${(total / 1e6).toFixed(1)} MB, the largest ${(largest / 1e3).toFixed(1)} kB (${written[sizes.indexOf(largest)]})`);
  return written;
}
