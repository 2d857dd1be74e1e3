/**
 * The LSOA centroids input (scripts/pipeline/points.ts): read in either
 * published form, checked against the build's LSOAs with errors that name
 * the file, line and column, and written as areas/lsoa-points.json by a run
 * of the pipeline on the hand-made fixture.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLsoaPoints } from '../../scripts/pipeline/points.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { csvTable, expectInputError } from './helpers.ts';
import { GRID, LSOAS, tempDir, writeFixture } from './fixtures.ts';
import type { PointsFile } from '../../src/data/schema.ts';

const FILE = 'lookups/lsoa21_pwc_england.csv';
const LOOKUP = 'the lookup (lookups/lsoa21_ward24_lad24_england.csv)';
const CODES = ['E01000001', 'E01000002', 'E01000003'];
const HEADER = ['LSOA21CD', 'X', 'Y', 'LONG', 'LAT'];
// The shared copy's first rows (X, Y as published; LONG, LAT computed from them).
const ROWS = [
  ['E01000001', '532181.764', '181792.282', '-0.096266', '51.519592'],
  ['E01000002', '532501.382', '181755.612', '-0.091676', '51.519187'],
  ['E01000003', '532243.380', '182146.261', '-0.095266', '51.522750'],
];

describe('parseLsoaPoints', () => {
  it('gives [lng, lat] to 5 decimals in the lookup order, and skips Welsh rows', () => {
    const table = csvTable(FILE, HEADER, [ROWS[2], ['W01000001', '318000', '176000', '-3.18', '51.48'], ROWS[0], ROWS[1]]);
    const { points, skippedWelsh } = parseLsoaPoints(table, CODES, LOOKUP);
    expect(points).toEqual([-0.09627, 51.51959, -0.09168, 51.51919, -0.09527, 51.52275]);
    expect(skippedWelsh).toEqual(['W01000001']);
  });

  it('reprojects the published British National Grid x and y (lower case, as the ONS CSV has them) like the shared copy', () => {
    const table = csvTable(FILE, ['FID', 'LSOA21CD', 'x', 'y', 'GlobalID'], ROWS.map((row, i) => [String(i + 1), row[0], row[1], row[2], `{${i}}`]));
    const { points } = parseLsoaPoints(table, CODES, LOOKUP);
    // The 7-parameter OSGB36 → WGS84 Helmert shift (proj4, as for the boundaries) is good to about 2 m; the
    // shared copy's LONG, LAT (PROJ's "OSGB36 to WGS 84 (6)") agree within 0.00003° (about 2 m).
    ROWS.forEach((row, i) => {
      expect(Math.abs(points[2 * i] - Number(row[3]))).toBeLessThan(0.00003);
      expect(Math.abs(points[2 * i + 1] - Number(row[4]))).toBeLessThan(0.00003);
    });
  });

  it('names a missing LSOA', () => {
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, [ROWS[0], ROWS[2]]), CODES, LOOKUP), {
      file: FILE,
      line: undefined,
      message: [`1 LSOA of ${LOOKUP} has no point: E01000002`],
    });
  });

  it('names the line and column of a bad coordinate', () => {
    const bad = ROWS.map((row) => [...row]);
    bad[1][4] = 'n/a';
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, bad), CODES, LOOKUP), { file: FILE, line: 3, column: 'LAT', message: ['"n/a" is not a number'] });
    // Longitude and latitude swapped: not in England.
    const swapped = ROWS.map((row) => [...row]);
    [swapped[2][3], swapped[2][4]] = [swapped[2][4], swapped[2][3]];
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, swapped), CODES, LOOKUP), {
      file: FILE,
      line: 4,
      column: 'LONG',
      message: ['the point of E01000003', 'is not in England', 'swapped'],
    });
  });

  it('refuses an LSOA the lookup lacks, a bad code, a second point and a file without coordinates', () => {
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, [...ROWS, ['E01099999', '1', '1', '-1', '52']]), CODES, LOOKUP), {
      file: FILE,
      line: 5,
      column: 'LSOA21CD',
      message: [`LSOA E01099999 is not in ${LOOKUP}`],
    });
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, [...ROWS, ['E1000004', '1', '1', '-1', '52']]), CODES, LOOKUP), {
      file: FILE,
      line: 5,
      column: 'LSOA21CD',
      message: ['"E1000004" is not an LSOA 2021 code'],
    });
    expectInputError(() => parseLsoaPoints(csvTable(FILE, HEADER, [...ROWS, ROWS[1]]), CODES, LOOKUP), {
      file: FILE,
      line: 5,
      column: 'LSOA21CD',
      message: ['LSOA E01000002 has a second point (the first is on line 3)'],
    });
    expectInputError(() => parseLsoaPoints(csvTable(FILE, ['LSOA21CD', 'EASTING'], [['E01000001', '1']]), CODES, LOOKUP), {
      file: FILE,
      line: 1,
      message: ['missing the coordinates'],
    });
  });
});

describe('the pipeline with the centroids', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The fixture's LSOAs at the centres of their squares (GRID), and a Welsh row. */
  function writeCentroids(dir: string, edit?: (rows: string[][]) => void): number[] {
    const centre = (i: number) => [GRID.west + ((i % GRID.columns) + 0.5) * GRID.step, GRID.north - (Math.floor(i / GRID.columns) + 0.5) * GRID.step];
    const rows = LSOAS.map((lsoa, i) => [lsoa.code, '0', '0', centre(i)[0].toFixed(6), centre(i)[1].toFixed(6)]);
    rows.push(['W01000901', '0', '0', '-3.18', '51.48']);
    edit?.(rows);
    writeFileSync(join(dir, FILE), [HEADER, ...rows].map((row) => row.join(',')).join('\n') + '\n');
    return LSOAS.flatMap((_, i) => centre(i).map((v) => Number(v.toFixed(5))));
  }

  it('writes areas/lsoa-points.json in the order of areas/lsoa.json and lists the source', async () => {
    const fixture = writeFixture();
    const out = tempDir('points-out-');
    dirs.push(out);
    const expected = writeCentroids(fixture.dir);
    try {
      const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected: { lsoas: 12, lads: 2, lsoa11s: 12 }, log: () => {} });
      const file = JSON.parse(readFileSync(join(out, 'areas/lsoa-points.json'), 'utf8')) as PointsFile;
      expect(file.points).toEqual(expected);
      expect(result.manifest.sources.map((s) => s.id)).toContain('lsoa_pwc');
      expect(result.manifest.skipped.find((s) => s.what === 'Welsh LSOA centroids')?.count).toBe(1);
    } finally {
      fixture.cleanup();
    }
  });

  it('stops on a missing LSOA, leaving the previous output as it was', async () => {
    const fixture = writeFixture();
    const out = tempDir('points-out-');
    dirs.push(out);
    writeFileSync(join(out, 'marker.txt'), 'previous');
    writeCentroids(fixture.dir, (rows) => rows.splice(4, 1));
    try {
      await expect(runPipeline({ dataDir: fixture.dir, outDir: out, expected: { lsoas: 12, lads: 2, lsoa11s: 12 }, log: () => {} })).rejects.toThrow(
        `${FILE}: 1 LSOA of the lookup (lookups/lsoa21_ward24_lad24_england.csv) has no point: ${LSOAS[4].code}`,
      );
      expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous');
    } finally {
      fixture.cleanup();
    }
  });

  it('builds without the centroids, and says so', async () => {
    const fixture = writeFixture();
    const out = tempDir('points-out-');
    dirs.push(out);
    const lines: string[] = [];
    try {
      const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected: { lsoas: 12, lads: 2, lsoa11s: 12 }, log: (line) => lines.push(line) });
      expect(result.manifest.files['areas/lsoa-points.json']).toBeUndefined();
      expect(result.manifest.sources.map((s) => s.id)).not.toContain('lsoa_pwc');
      expect(lines.some((line) => line.includes('no LSOA population-weighted centroids (--lsoa-pwc)'))).toBe(true);
    } finally {
      fixture.cleanup();
    }
  });
});
