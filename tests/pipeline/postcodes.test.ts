/**
 * The postcode index (scripts/pipeline/postcodes.ts, lsoaLocator.ts): Code-Point
 * Open read with errors naming the file, line and column; each postcode
 * located in its LSOA on the full boundaries (holes count; the nearest LSOA
 * within 250 m for a postcode just outside); the outward files and the index
 * written by a run of the pipeline on the hand-made fixture, checked by hand.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { lsoaLocator } from '../../scripts/pipeline/lsoaLocator.ts';
import { parseCodePoint, splitCsvLine } from '../../scripts/pipeline/postcodes.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { decodeCodes } from '../../src/data/codes.ts';
import { decodeDeltas, postcodePaths, type PostcodeFile, type PostcodeIndexFile } from '../../src/data/postcodeSchema.ts';
import type { AreaCodes } from '../../src/data/schema.ts';
import { expectInputError } from './helpers.ts';
import { LSOAS, tempDir, writeFixture } from './fixtures.ts';

const FILE = 'postcodes/codepoint_open_england_2025-10.csv';
const HEADER = 'Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,Admin_ward_code';
const row = (postcode: string, pqi: number | string, e: number | string, n: number | string, country = 'E92000001') =>
  `"${postcode}",${pqi},${e},${n},"${country}","E19000001","E18000005","","E08000025","E05011118"`;

// British National Grid points (whole metres) near the fixture's LSOA squares (fixtures.ts GRID:
// 0.01° squares, 4 columns from −1.95, rows from 52.5 down), with their WGS84 position ×1e5
// from proj4 (BRITISH_NATIONAL_GRID): the centre of square 0 (E01000901), of square 5
// (E01000906), of square 11 (E01000912), 0.0015° (about 100 m) west of square 0, 0.015°
// (about 1 km) west of it.
const IN_0 = [403831, 288567, -194500, 5249500] as const;
const IN_5 = [404511, 287455, -193500, 5248500] as const;
const IN_11 = [405871, 286344, -191499, 5247500] as const;
const NEAR_0 = [403390, 288567, -195150, 5249500] as const;
const FAR = [402473, 288566, -196500, 5249500] as const;

const ROWS = [
  row('B1  1AA', 10, IN_11[0], IN_11[1]),
  row('B15 2TU', 10, IN_5[0], IN_5[1]),
  row('B15 2TT', 10, IN_0[0], IN_0[1]),
  row('B15 1AA', 50, NEAR_0[0], NEAR_0[1]),
  row('B15 9ZZ', 90, 0, 0),
  row('B15 3XX', 10, FAR[0], FAR[1]),
];

describe('splitCsvLine', () => {
  it('splits plain and quoted fields (RFC 4180), and refuses an unclosed quote', () => {
    expect(splitCsvLine('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvLine('"B1  1AY",10,"a,b","say ""hi""",')).toEqual(['B1  1AY', '10', 'a,b', 'say "hi"', '']);
    expect(splitCsvLine('"B1  1AY,10')).toBeNull();
    expect(splitCsvLine('"B1"x,10')).toBeNull();
  });
});

describe('lsoaLocator', () => {
  const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
  // Area 0: a square with a square hole; area 1: the hole's island and a second part far away; area 2: a triangle.
  const geometries = [
    { type: 'Polygon', coordinates: [square(0, 0, 1, 1), square(0.4, 0.4, 0.6, 0.6)] } as Polygon,
    { type: 'MultiPolygon', coordinates: [[square(0.45, 0.45, 0.55, 0.55)], [square(5, 5, 6, 6)]] } as const,
    { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [1, 1], [1, 0]]] } as Polygon,
  ] as const;

  for (const cell of [0.01, 0.3, 10]) {
    it(`finds the area by the even-odd rule, holes and parts included (grid cell ${cell}°)`, () => {
      const locator = lsoaLocator(geometries as never, cell);
      expect(locator.locate(0.2, 0.2)).toBe(0);
      expect(locator.locate(0.42, 0.5)).toBe(-1); // in the hole, outside the island
      expect(locator.locate(0.5, 0.5)).toBe(1); // on the island in the hole
      expect(locator.locate(5.5, 5.5)).toBe(1); // the second part
      expect(locator.locate(1.2, 0.2)).toBe(2);
      expect(locator.locate(1.9, 0.9)).toBe(-1); // in the triangle's box, not in it
      expect(locator.locate(-1, 0.5)).toBe(-1);
    });
  }

  it('gives the area whose boundary is nearest, within the distance', () => {
    const locator = lsoaLocator(geometries as never);
    // 0.001° of latitude is 111.2 m on the mean Earth radius.
    const below = locator.nearest(0.5, -0.001, 250)!;
    expect(below.index).toBe(0);
    expect(below.metres).toBeCloseTo(111.195, 2);
    expect(locator.nearest(0.5, -0.003, 250)).toBeNull();
    expect(locator.nearest(1.5, -0.0005, 250)!.index).toBe(2);
    expect(locator.nearest(-1, 0.5, 250)).toBeNull();
  });
});

describe('parseCodePoint', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const write = (lines: string[]) => {
    const dir = tempDir('codepoint-');
    dirs.push(dir);
    const path = join(dir, 'cp.csv');
    writeFileSync(path, [HEADER, ...lines].join('\r\n') + '\r\n');
    return path;
  };

  it('reads postcodes, reprojects them and skips those without coordinates (PQI 90)', () => {
    const table = parseCodePoint(write(ROWS), FILE);
    expect(table.postcodes).toEqual(['B1 1AA', 'B15 2TU', 'B15 2TT', 'B15 1AA', 'B15 3XX']);
    expect([...table.lines]).toEqual([2, 3, 4, 5, 7]);
    expect(table.skippedNoCoordinates).toEqual(['B15 9ZZ']);
    expect(Math.round(table.lng[2] * 1e5)).toBe(IN_0[2]);
    expect(Math.round(table.lat[2] * 1e5)).toBe(IN_0[3]);
  });

  it('puts B15 2TT where the data README says (52.4533, −1.9279)', () => {
    const table = parseCodePoint(write([row('B15 2TT', 10, 404997, 283926)]), FILE);
    expect(table.lat[0].toFixed(4)).toBe('52.4533');
    expect(table.lng[0].toFixed(4)).toBe('-1.9279');
  });

  it('names the file, line and column of a bad coordinate, a bad postcode, a duplicate and a row of another country', () => {
    const broken = (at: number, line: string) => write(ROWS.map((r, i) => (i === at ? line : r)));
    expectInputError(() => parseCodePoint(broken(1, row('B15 2TU', 10, '4045x1', IN_5[1])), FILE), {
      file: FILE,
      line: 3,
      column: 'Eastings',
      message: ['"4045x1" is not a whole number of metres'],
    });
    expectInputError(() => parseCodePoint(broken(2, row('B15 2TT', 10, IN_0[0], 900000)), FILE), {
      file: FILE,
      line: 4,
      column: 'Northings',
      message: ['postcode B15 2TT at 403831, 900000', 'is not in England'],
    });
    expectInputError(() => parseCodePoint(broken(3, row('B15 1A', 10, IN_0[0], IN_0[1])), FILE), {
      file: FILE,
      line: 5,
      column: 'Postcode',
      message: ['"B15 1A" is not a postcode'],
    });
    expectInputError(() => parseCodePoint(broken(5, row('B15 2TU', 10, IN_0[0], IN_0[1])), FILE), {
      file: FILE,
      line: 7,
      column: 'Postcode',
      message: ['postcode B15 2TU is given twice (first on line 3)'],
    });
    // A Welsh row (the GB release has them) is skipped and counted; a code that is no country's is an error.
    const welsh = parseCodePoint(broken(0, row('CF10 1AA', 10, 318000, 176000, 'W92000004')), FILE);
    expect(welsh.skippedOutsideEngland).toEqual(['CF10 1AA']);
    expect(welsh.postcodes).not.toContain('CF10 1AA');
    expectInputError(() => parseCodePoint(broken(0, row('CF10 1AA', 10, 318000, 176000, 'X99999999')), FILE), {
      file: FILE,
      line: 2,
      column: 'Country_code',
      message: ['postcode CF10 1AA has the country code "X99999999"'],
    });
    expectInputError(() => parseCodePoint(broken(4, row('B15 9ZZ', 'n/a', 0, 0)), FILE), {
      file: FILE,
      line: 6,
      column: 'Positional_quality_indicator',
      message: ['"n/a" is not a whole number'],
    });
    expectInputError(() => parseCodePoint(broken(0, '"B1  1AA",10,405871'), FILE), { file: FILE, line: 2, message: ['this row has 3 fields, the header 10'] });
  });

  it('names missing columns', () => {
    const dir = tempDir('codepoint-');
    dirs.push(dir);
    const path = join(dir, 'cp.csv');
    writeFileSync(path, `${ROWS[0]}\n${ROWS[1]}\n`);
    expectInputError(() => parseCodePoint(path, FILE), { file: FILE, line: 1, message: ['missing columns "Postcode"', 'Code-Point Open CSV files have no header'] });
  });
});

describe('the pipeline with the postcodes', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const expected = { lsoas: 12, lads: 2, lsoa11s: 12 };

  it('writes an outward file per outward code and the index, and records what it skipped or placed by the nearest boundary', async () => {
    const fixture = writeFixture();
    const out = tempDir('postcodes-out-');
    dirs.push(out);
    mkdirSync(join(fixture.dir, 'postcodes'));
    writeFileSync(join(fixture.dir, FILE), [HEADER, ...ROWS].join('\n') + '\n');
    try {
      const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: () => {} });
      expect(result.warnings.filter((w) => !w.includes('segregation over Output Areas'))).toEqual([]);
      const codes = decodeCodes((JSON.parse(readFileSync(join(out, 'areas/lsoa.json'), 'utf8')) as AreaCodes).codes);
      const at = (code: string) => codes.indexOf(code);
      expect(at(LSOAS[0].code)).toBeGreaterThanOrEqual(0);

      const b15 = JSON.parse(readFileSync(join(out, postcodePaths.outward('B15')), 'utf8')) as PostcodeFile;
      // Sorted by inward code: 1AA (100 m west of square 0: its nearest LSOA), 2TT (square 0), 2TU (square 5), 3XX (1 km out: none).
      expect(b15).toEqual({
        outward: 'B15',
        inward: '1AA2TT2TU3XX',
        lng: [NEAR_0[2], IN_0[2] - NEAR_0[2], IN_5[2] - IN_0[2], FAR[2] - IN_5[2]],
        lat: [NEAR_0[3], IN_0[3] - NEAR_0[3], IN_5[3] - IN_0[3], FAR[3] - IN_5[3]],
        lsoa: [at(LSOAS[0].code), at(LSOAS[0].code), at(LSOAS[5].code), -1],
      });
      expect(b15.lng).toEqual([-195150, 650, 1000, -3000]);
      expect(decodeDeltas(b15.lat)).toEqual([52.495, 52.495, 52.485, 52.495]);
      const b1 = JSON.parse(readFileSync(join(out, postcodePaths.outward('B1')), 'utf8')) as PostcodeFile;
      expect(b1).toEqual({ outward: 'B1', inward: '1AA', lng: [IN_11[2]], lat: [IN_11[3]], lsoa: [at(LSOAS[11].code)] });

      const index = JSON.parse(readFileSync(join(out, postcodePaths.index), 'utf8')) as PostcodeIndexFile;
      expect(index).toEqual({
        outward: ['B1', 'B15'],
        count: [1, 4],
        bounds: [-1.915, 52.475, -1.915, 52.475, -1.965, 52.485, -1.935, 52.495],
        sectors: {},
        total: 5,
      });

      const { manifest } = result;
      expect(manifest.sources.map((s) => s.id)).toContain('postcodes');
      expect(manifest.files[postcodePaths.index]).toBeGreaterThan(0);
      expect(manifest.files[postcodePaths.outward('B15')]).toBeUndefined(); // listed by the index, not the manifest
      const skipped = (what: string) => manifest.skipped.find((s) => s.file === FILE && s.what.startsWith(what));
      expect(skipped('postcodes without coordinates')).toEqual(expect.objectContaining({ count: 1, examples: ['B15 9ZZ'] }));
      expect(skipped('postcodes in no LSOA, given the LSOA whose boundary is nearest')).toEqual(expect.objectContaining({ count: 1, examples: ['B15 1AA'] }));
      expect(skipped('postcodes in no LSOA and more than 250 m')).toEqual(expect.objectContaining({ count: 1, examples: ['B15 3XX'] }));
    } finally {
      fixture.cleanup();
    }
  });

  it('stops on a bad row, leaving the previous output as it was', async () => {
    const fixture = writeFixture();
    const out = tempDir('postcodes-out-');
    dirs.push(out);
    writeFileSync(join(out, 'marker.txt'), 'previous');
    mkdirSync(join(fixture.dir, 'postcodes'));
    writeFileSync(join(fixture.dir, FILE), [HEADER, ...ROWS, ROWS[0]].join('\n') + '\n');
    try {
      await expect(runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: () => {} })).rejects.toThrow(
        `${FILE}, line 8, column "Postcode": postcode B1 1AA is given twice (first on line 2)`,
      );
      expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous');
    } finally {
      fixture.cleanup();
    }
  });

  it('builds without the postcodes, and says so in a note', async () => {
    const fixture = writeFixture();
    const out = tempDir('postcodes-out-');
    dirs.push(out);
    const lines: string[] = [];
    try {
      const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: (line) => lines.push(line) });
      expect(result.warnings.filter((w) => !w.includes('segregation over Output Areas'))).toEqual([]);
      expect(result.manifest.files[postcodePaths.index]).toBeUndefined();
      expect(result.manifest.sources.map((s) => s.id)).not.toContain('postcodes');
      expect(lines.some((line) => line.includes('no postcodes (OS Code-Point Open, --postcodes)'))).toBe(true);
    } finally {
      fixture.cleanup();
    }
  });
});
