/**
 * The services stage in a run of the pipeline on the hand-made fixture
 * (tests/pipeline/fixtures.ts) with a Code-Point file: services/ written,
 * the manifest's summary and sources, the build log's counts; a broken
 * service file stops the build and leaves the previous output as it was;
 * without postcodes the services are not built, and the build says so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { servicesPaths, type ServicesCell, type ServicesIndex } from '../../../src/data/servicesSchema.ts';
import { tempDir, writeFixture } from '../fixtures.ts';
import { csvText, EPRACCUR_HEADER, FOODBANK_HEADER, gpRow, HACKED_HEADER, hackedRow } from './fixtures.ts';

const CODEPOINT = 'postcodes/codepoint_open_england_2025-10.csv';
const CODEPOINT_HEADER = 'Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,Admin_ward_code';
const codepointRow = (postcode: string, e: number, n: number) => `"${postcode}",10,${e},${n},"E92000001","E19000001","E18000005","","E08000025","E05011118"`;
// British National Grid points with their WGS84 position from proj4 (as in tests/pipeline/postcodes.test.ts):
// (403831, 288567) is (−1.945, 52.495); (404511, 287455) is (−1.935, 52.485).
const CODEPOINT_ROWS = [codepointRow('B15 2TT', 403831, 288567), codepointRow('B15 2TU', 404511, 287455)];

const GP = 'services/gp_practices_epraccur_england_2025-04.csv';
const HACKED = 'services/libraries_librarieshacked_2025-04.csv';
const FOODBANKS = 'services/foodbanks_givefood_england_2024.csv';

function serviceFiles(dir: string, options: { codepoint?: boolean; gp?: string[][] } = {}): void {
  mkdirSync(join(dir, 'services'), { recursive: true });
  if (options.codepoint ?? true) {
    mkdirSync(join(dir, 'postcodes'), { recursive: true });
    writeFileSync(join(dir, CODEPOINT), [CODEPOINT_HEADER, ...CODEPOINT_ROWS].join('\n') + '\n');
  }
  const gp = options.gp ?? [gpRow('A81001', 'THE DENSHAM SURGERY', 'B15 2TT', 'A', '4'), gpRow('A81002', 'MOVED SURGERY', 'B15 9ZZ', 'A', '4'), gpRow('A81003', 'CLOSED', 'B15 2TU', 'C', '4')];
  writeFileSync(join(dir, GP), csvText(EPRACCUR_HEADER, gp));
  writeFileSync(join(dir, HACKED), csvText(HACKED_HEADER, [hackedRow({ 'Library name': 'Edgbaston Library', Postcode: 'B15 2TU', 'Local authority': 'Birmingham' }, ['09:00-17:00'])]));
  writeFileSync(join(dir, FOODBANKS), csvText(FOODBANK_HEADER, [['Edgbaston Foodbank', 'edgbaston', 'B15 2TT', 'England', 'False', '52.495,-1.945', 'Trussell Trust']]));
}

describe('the pipeline with the services', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const expected = { lsoas: 12, lads: 2, lsoa11s: 12 };

  it('writes services/, and summarises what became of every record in the manifest and the build log', async () => {
    const fixture = writeFixture();
    const out = tempDir('services-out-');
    dirs.push(out, fixture.dir);
    serviceFiles(fixture.dir);
    const lines: string[] = [];
    const { manifest } = await runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: (line) => lines.push(line) });

    const index = JSON.parse(readFileSync(join(out, servicesPaths.index), 'utf8')) as ServicesIndex;
    expect(index.types.gp_practice.count).toBe(1);
    expect(index.types.library).toEqual({ count: 1, sources: ['libraries_hacked'] });
    expect(index.types.foodbank.count).toBe(1);
    expect(index.cells).toEqual(['29-31']); // (−1.945, 52.495) and (−1.935, 52.485): row 29, column 31
    const cell = JSON.parse(readFileSync(join(out, servicesPaths.cell('29-31')), 'utf8')) as ServicesCell;
    expect(cell.records.map((r) => [r.type, r.name, r.postcode, r.lng, r.lat])).toEqual([
      ['library', 'Edgbaston Library', 'B15 2TU', -1.935, 52.485],
      ['gp_practice', 'The Densham Surgery', 'B15 2TT', -1.945, 52.495],
      ['foodbank', 'Edgbaston Foodbank', 'B15 2TT', -1.945, 52.495],
    ]);
    expect(cell.records[0].openingHours).toBe('Mo 09:00-17:00');

    expect(manifest.services).toEqual({
      built: index.built,
      geocoding: index.geocoding,
      counts: { library: 1, gp_practice: 1, school: 0, warm_space: 0, foodbank: 1 },
    });
    expect(manifest.services!.geocoding.find((g) => g.source === 'gp_practices')).toMatchObject({
      read: 3,
      kept: 2,
      placed: 1,
      failed: 1,
      failedExamples: ['Moved Surgery (B15 9ZZ): postcode not in Code-Point Open England'],
      excluded: { 'closed (status C)': 1 },
    });
    expect(manifest.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['gp_practices', 'libraries_hacked', 'foodbanks', 'postcodes']));
    expect(manifest.files[servicesPaths.index]).toBeGreaterThan(0);
    expect(manifest.files[servicesPaths.points('school')]).toBeGreaterThan(0);
    expect(manifest.files[servicesPaths.cell('29-31')]).toBeUndefined(); // listed by services/index.json
    expect(manifest.skipped).toContainEqual({
      file: GP,
      what: 'GP practices not placed (no postcode, or one not in Code-Point Open England)',
      count: 1,
      examples: ['Moved Surgery (B15 9ZZ): postcode not in Code-Point Open England'],
    });
    expect(manifest.skipped).toContainEqual({ file: GP, what: 'GP practices left out: closed (status C)', count: 1, examples: ['Closed (A81003)'] });
    expect(lines.some((line) => line.includes(`${GP}: 3 rows read, 2 kept, 1 placed, 1 not placed`))).toBe(true);
    expect(lines.some((line) => line.includes('services placed: 1 libraries, 1 GP practices, 1 food banks'))).toBe(true);
  });

  it('stops on a broken service file, leaving the previous output as it was', async () => {
    const fixture = writeFixture();
    const out = tempDir('services-out-');
    dirs.push(out, fixture.dir);
    serviceFiles(fixture.dir, { gp: [gpRow('A81001', 'THE DENSHAM SURGERY', 'B15 2TT', 'A', '4', '2019-04-01')] });
    writeFileSync(join(out, 'marker.txt'), 'previous');
    await expect(runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: () => {} })).rejects.toThrow(`${GP}, line 2, column "Open Date": "2019-04-01" is not a date YYYYMMDD`);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous');
    expect(existsSync(join(out, servicesPaths.index))).toBe(false);
  });

  it('builds no services without the postcodes, and warns', async () => {
    const fixture = writeFixture();
    const out = tempDir('services-out-');
    dirs.push(out, fixture.dir);
    serviceFiles(fixture.dir, { codepoint: false });
    const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected, log: () => {} });
    expect(result.warnings).toContainEqual(expect.stringContaining('services not built: they are placed by postcode, and the postcodes input (--postcodes) is missing'));
    expect(existsSync(join(out, servicesPaths.index))).toBe(false);
    expect(result.manifest.services).toBeUndefined();
  });
});
