/**
 * The segregation stage on the small fixture (fixtures.ts) plus an Output
 * Area 2011 file and OA lookup written here: unit tables, 2011 units placed
 * through OA → LSOA 2011 → LSOA 2021 → ward (an LSOA 2011 split between
 * wards makes them incomplete, listed), broken OA files failing with file,
 * line and column, D in ward_segregation.csv against a hand computation on
 * the fixture counts, and the previous output left alone when the stage fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeCodes } from '../../src/data/codes.ts';
import type { Manifest, SegregationUnits } from '../../src/data/schema.ts';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run.ts';
import { CENSUS2011_COLUMNS, CENSUS2011_COUNTS, LSOA11, LSOAS, WARDS, setCell, toCsv, writeFixture, type Fixture, type Table, type FixtureOptions } from './fixtures.ts';
import { expectInputErrorAsync, expectSameTree, readTree } from './helpers.ts';

const OA_FILE = 'census/census2011_ethnic_group_14cat_oa11_england.csv';
const OA_LOOKUP = 'lookups/oa11_lsoa11_msoa11_lad11_england.csv';
const EXPECTED = { lsoas: 12, lads: 2, lsoa11s: 12 };
const run = (dataDir: string, outDir: string): Promise<PipelineResult> => runPipeline({ dataDir, outDir, expected: EXPECTED, log: () => {} });

/**
 * Two Output Areas per LSOA 2011 (LSOA11 order of fixtures.ts): OA 1 takes
 * 30% (even columns) or 70% (odd columns) of each of the LSOA's 15 counts,
 * rounded down; OA 2 the rest. OA codes E0000900j1 / E0000900j2.
 */
const OAS = LSOA11.flatMap((lsoa, j) => {
  const counts = CENSUS2011_COUNTS[j];
  const first = counts.map((c, k) => Math.floor(c * (k % 2 ? 0.7 : 0.3)));
  const second = counts.map((c, k) => c - first[k]);
  const code = (o: number) => `E00${String(9000 + j * 10 + o).padStart(6, '0')}`;
  return [
    { code: code(1), lsoa: lsoa.code, counts: first },
    { code: code(2), lsoa: lsoa.code, counts: second },
  ];
});

function oaTable(): Table {
  return {
    header: ['OA11CD', 'LSOA11CD', 'MSOA11CD', 'LAD11NM', 'Persons', ...CENSUS2011_COLUMNS],
    rows: OAS.map((oa) => [oa.code, oa.lsoa, 'E02000901', 'Alphaton', String(oa.counts.reduce((s, c) => s + c, 0)), ...oa.counts.map(String)]),
  };
}

function oaLookupTable(): Table {
  return {
    header: ['OA11CD', 'LSOA11CD', 'LSOA11NM', 'MSOA11CD', 'MSOA11NM', 'LAD11CD', 'LAD11NM'],
    rows: OAS.map((oa) => [oa.code, oa.lsoa, 'name', 'E02000901', 'msoa', 'E06000901', 'Alphaton']),
  };
}

/** The fixture with the OA file and OA lookup, each editable. */
function fixtureWithOas(options: FixtureOptions & { oa?: (t: Table) => void; oaLookup?: (t: Table) => void } = {}): Fixture {
  const fixture = writeFixture(options);
  const oa = oaTable();
  options.oa?.(oa);
  const lookup = oaLookupTable();
  options.oaLookup?.(lookup);
  mkdirSync(join(fixture.dir, 'census'), { recursive: true });
  writeFileSync(join(fixture.dir, OA_FILE), toCsv(oa));
  writeFileSync(join(fixture.dir, OA_LOOKUP), toCsv(lookup));
  return fixture;
}

type Row = Record<string, string>;
const readCsvText = (buffer: Buffer): Row[] => parse(buffer, { columns: true }) as Row[];
const json = <T>(files: Map<string, Buffer>, path: string): T => JSON.parse(files.get(path)!.toString('utf8')) as T;

/** D = ½ Σ |aᵢ/A − bᵢ/B|, written out here, not taken from the code under test. */
function handD(a: number[], b: number[]): number {
  const A = a.reduce((s, x) => s + x, 0);
  const B = b.reduce((s, x) => s + x, 0);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] / A - b[i] / B);
  return sum / 2;
}
const WHITE_2011 = (counts: number[]) => counts[0] + counts[1] + counts[2] + counts[3]; // WhiteBrit, Irish, OtherWhite, GypsyTraveller
const ALL = (counts: number[]) => counts.reduce((s, c) => s + c, 0);
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe('the segregation stage on the fixture, with Output Areas', () => {
  let fixture: Fixture;
  let result: PipelineResult;
  let files: Map<string, Buffer>;
  let wardRows: Row[];

  beforeAll(async () => {
    fixture = fixtureWithOas();
    const out = join(fixture.dir, 'out');
    result = await run(fixture.dir, out);
    files = readTree(out);
    wardRows = readCsvText(files.get('downloads/ward_segregation.csv')!);
  });
  afterAll(() => fixture.cleanup());

  it('writes the four unit tables with codes, integer counts and the ward of each unit', () => {
    const oa = json<SegregationUnits>(files, 'segregation/ethnicity/2011/oa.json');
    expect(decodeCodes(oa.codes)).toEqual(OAS.map((o) => o.code));
    expect(oa.groups).toEqual(['asian', 'black', 'mixed', 'white', 'other']);
    expect(oa.vintage).toBe('OA 2011');
    // First OA of L1: white = WhiteBrit + Irish + OtherWhite + GypsyTraveller
    expect(oa.counts[3]).toBe(WHITE_2011(OAS[0].counts));
    expect(oa.counts.every((c) => Number.isInteger(c))).toBe(true);
    // L1 … L3 are in ward 0; the split E01000990 (L10, L11, both in ward 4) is placed whole in ward 4
    expect(oa.ward.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(oa.ward.slice(18, 20)).toEqual([4, 4]);
    expect(oa.incomplete).toEqual({ ward: [], lad: [] });
    const lsoa2021 = json<SegregationUnits>(files, 'segregation/ethnicity/2021/lsoa.json');
    expect(decodeCodes(lsoa2021.codes)).toEqual(LSOAS.map((l) => l.code));
    expect(lsoa2021.counts.slice(0, 5)).toEqual([65, 0, 20, 550, 15]);
    const religion = json<SegregationUnits>(files, 'segregation/religion/2021/lsoa.json');
    expect(religion.groups).toEqual(['no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other']);
    expect(religion.counts.slice(0, 8)).toEqual([250, 300, 5, 10, 5, 20, 0, 10]);
  });

  it('writes D over OAs 2011 and LSOAs 2021 as worked out by hand', () => {
    const row = (ward: string, comparison: string) => wardRows.find((r) => r.ward_code === ward && r.comparison === comparison && r.grouping === 'ethnicity')!;
    // Ward 0 (Alphaton North) = L1, L2, L3 → six OAs 2011. White against the rest.
    const oas = OAS.slice(0, 6);
    const d2011 = handD(oas.map((o) => WHITE_2011(o.counts)), oas.map((o) => ALL(o.counts) - WHITE_2011(o.counts)));
    const white = row(WARDS[0].code, 'white-rest');
    expect(Number(white.d_oa_2011)).toBe(round4(d2011));
    expect(white.units_oa_2011).toBe('6');
    expect(white.group_a).toBe('white');
    expect(white.group_b).toBe('rest');
    // Asian against Black over the ward's LSOAs 2021 (counts: Asian, Black, Mixed, White, Other)
    const lsoas = LSOAS.filter((l) => l.ward === 0);
    const d2021 = handD(lsoas.map((l) => l.groups[0]), lsoas.map((l) => l.groups[1]));
    const pair = row(WARDS[0].code, 'asian-black');
    expect(Number(pair.d_lsoa_2021)).toBe(round4(d2021));
    expect(pair.units_lsoa_2021).toBe('3');
    // D by chance lies between 0 and 1; D over LSOAs 2011 = L1 … L3 too (unchanged), so the change is the difference
    expect(Number(pair.d_lsoa_expected_2021)).toBeGreaterThan(0);
    expect(Number(pair.d_lsoa_expected_2021)).toBeLessThan(1);
    const asian2011 = (j: number) => CENSUS2011_COUNTS[j].slice(5, 10).reduce((s, c) => s + c, 0);
    const black2011 = (j: number) => CENSUS2011_COUNTS[j].slice(10, 13).reduce((s, c) => s + c, 0);
    const d2011Lsoa = handD([0, 1, 2].map(asian2011), [0, 1, 2].map(black2011));
    expect(Number(pair.d_lsoa_2011)).toBe(round4(d2011Lsoa));
    expect(Number(pair.d_lsoa_change_2021)).toBeCloseTo(d2021 - d2011Lsoa, 4);
    // 5 wards × (15 ethnicity + 36 religion comparisons)
    expect(wardRows).toHaveLength(5 * 51);
    // A ward of one LSOA (Alphaton East): D over 1 unit is 0
    expect(Number(row(WARDS[2].code, 'white-rest').d_lsoa_2021)).toBe(0);
  });

  it('writes authorities over their wards, and marks the layers built in the manifest', () => {
    const lads = readCsvText(files.get('downloads/lad_segregation.csv')!);
    const alphaton = lads.find((r) => r.lad_code === 'E06000901' && r.comparison === 'white-rest')!;
    const wardSums = [0, 1, 2].map((w) => LSOAS.filter((l) => l.ward === w).reduce((s, l) => [s[0] + l.groups[3], s[1] + l.census - l.groups[3]], [0, 0]));
    expect(Number(alphaton.d_ward_2021)).toBe(round4(handD(wardSums.map((s) => s[0]), wardSums.map((s) => s[1]))));
    expect(alphaton.units_ward_2021).toBe('3');
    const manifest: Manifest = result.manifest;
    expect(manifest.layers.segregation_ethnicity.levels.ward).toEqual({
      releases: ['2011', '2021'],
      measures: ['d_lsoa', 'd_lsoa_expected', 'd_lsoa_excess', 'd_lsoa_change', 'd_oa', 'd_oa_expected', 'd_oa_excess', 'isolation_lsoa', 'h_lsoa', 'lq', 'contribution'],
    });
    expect(manifest.layers.segregation_religion.levels.lad!.releases).toEqual(['2021']);
    expect(manifest.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['census2011_oa', 'oa11_lookup']));
    expect(files.get('downloads/README.md')!.toString('utf8')).toContain('`d_oa_2011`');
  });
});

describe('an LSOA 2011 split between wards', () => {
  it('leaves its OAs unplaced, and the wards it touches incomplete, listed', async () => {
    // Move L11 to ward 3: E01000990 (split into L10 and L11) now touches wards 3 and 4.
    const fixture = fixtureWithOas({
      edit: {
        lookup: (t) => {
          const row = t.rows.find((r) => r[0] === 'E01000911')!;
          row[2] = WARDS[3].code;
          row[3] = WARDS[3].name;
        },
      },
    });
    try {
      const out = join(fixture.dir, 'out');
      const { manifest } = await run(fixture.dir, out);
      const files = readTree(out);
      const oa = json<SegregationUnits>(files, 'segregation/ethnicity/2011/oa.json');
      expect(oa.incomplete.ward).toEqual([3, 4]);
      expect(oa.incomplete.lad).toEqual([]);
      expect(oa.ward.slice(18, 20)).toEqual([-1, -1]);
      expect(oa.lad.slice(18, 20)).toEqual([1, 1]);
      expect(manifest.layers.segregation_ethnicity.gaps).toEqual([
        expect.objectContaining({ level: 'ward', release: '2011', count: 2, reason: expect.stringContaining('E01000990') }),
      ]);
      expect(manifest.skipped.find((s) => s.file === OA_FILE)).toEqual(expect.objectContaining({ count: 2, examples: [OAS[18].code, OAS[19].code] }));
      const rows = readCsvText(files.get('downloads/ward_segregation.csv')!).filter((r) => r.comparison === 'white-rest' && r.grouping === 'ethnicity');
      const castle = rows.find((r) => r.ward_code === WARDS[3].code)!;
      expect(castle.d_oa_2011).toBe('');
      expect(castle.units_oa_2011).toBe('');
      expect(castle.d_lsoa_2021).not.toBe('');
      expect(rows.find((r) => r.ward_code === WARDS[0].code)!.d_oa_2011).not.toBe('');
    } finally {
      fixture.cleanup();
    }
  });
});

describe('broken Output Area inputs', () => {
  const fails = async (options: Parameters<typeof fixtureWithOas>[0], expected: Parameters<typeof expectInputErrorAsync>[1]) => {
    const fixture = fixtureWithOas(options);
    try {
      await expectInputErrorAsync(run(fixture.dir, join(fixture.dir, 'out')), expected);
    } finally {
      fixture.cleanup();
    }
  };

  it('names a missing group column', () =>
    fails({ oa: (t) => { const i = t.header.indexOf('Pakistani'); t.header.splice(i, 1); t.rows.forEach((r) => r.splice(i, 1)); } }, { file: OA_FILE, line: 1, message: ['missing column "Pakistani"'] }));

  it('names the file, line and column of a negative count', () =>
    fails({ oa: (t) => setCell(t, OAS[3].code, 'Indian', '-3') }, { file: OA_FILE, line: 5, column: 'Indian', message: ['-3 is outside the allowed range'] }));

  it('names an OA whose LSOA disagrees with the lookup', () =>
    fails({ oa: (t) => setCell(t, OAS[2].code, 'LSOA11CD', 'E01000903') }, { file: OA_FILE, line: 4, column: 'LSOA11CD', message: [`OA ${OAS[2].code} is in LSOA E01000903 here but in E01000902`, OA_LOOKUP] }));

  it('names Persons when the groups do not add up to it', () =>
    fails({ oa: (t) => setCell(t, OAS[0].code, 'Persons', '1') }, { file: OA_FILE, line: 2, column: 'Persons', message: ['add up to'] }));
});

describe('a failing segregation stage', () => {
  it('leaves the previous output byte-identical', async () => {
    const good = fixtureWithOas();
    // Counts moved between two OAs of different LSOAs: each row still adds up, but the OAs no longer add up to their LSOAs 2011.
    const broken = fixtureWithOas({
      oa: (t) => {
        const a = t.rows.find((r) => r[0] === OAS[0].code)!;
        const b = t.rows.find((r) => r[0] === OAS[2].code)!;
        const column = t.header.indexOf('WhiteBrit');
        const persons = t.header.indexOf('Persons');
        for (const [row, delta] of [[a, 1], [b, -1]] as const) {
          row[column] = String(Number(row[column]) + delta);
          row[persons] = String(Number(row[persons]) + delta);
        }
      },
    });
    try {
      const out = join(good.dir, 'out');
      await run(good.dir, out);
      const before = readTree(out);
      await expectInputErrorAsync(runPipeline({ dataDir: broken.dir, outDir: out, expected: EXPECTED, log: () => {} }), {
        file: OA_FILE,
        message: ['the Output Areas of LSOA E01000901 hold', 'white'],
      });
      expectSameTree(readTree(out), before);
    } finally {
      good.cleanup();
      broken.cleanup();
    }
  });
});
