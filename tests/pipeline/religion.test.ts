/**
 * Religious diversity (Census 2021 TS030): the parser on good and broken
 * tables, Simpson's index over the answered categories worked out by hand
 * for an LSOA and for a ward from summed counts, the "Not answered" share,
 * and the layer in a whole build (or not built, with a warning, without the
 * file). Broken files in a whole build are in pipeline.test.ts (BROKEN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseCensusReligion, religionOfAreas } from '../../scripts/pipeline/adapters/censusReligion.ts';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run.ts';
import { dropColumn, LSOAS, RELIGION_COLUMNS, RELIGION_TOTAL, religionTable, rowOf, setCell, WELSH, writeFixture, type Fixture, type Table } from './fixtures.ts';
import { csvTable, expectInputError, readTree } from './helpers.ts';

const FILE = 'census/census2021_ts030_religion_lsoa21_england.csv';
const LOOKUP_NAME = 'the lookup (lsoa21_ward24_lad24_england.csv)';
const LSOA_CODES = LSOAS.map((l) => l.code);
const WARD_OF_LSOA = LSOAS.map((l) => l.ward);
const [NO_RELIGION, , , , , MUSLIM, , , NOT_ANSWERED] = RELIGION_COLUMNS;

const table = (edit?: (t: Table) => void) => {
  const t = religionTable(true);
  edit?.(t);
  return csvTable(FILE, t.header, t.rows);
};
const parseReligion = (edit?: (t: Table) => void) => parseCensusReligion(table(edit), LSOA_CODES, LOOKUP_NAME);

// L4 (E01000904, fixtures.ts): No religion 300, Christian 300, Buddhist 0, Hindu 100, Jewish 0, Muslim 500,
// Sikh 100, Other 0; Not answered 100; total 1400. Answered: 1300.
// Σ nᵢ² = 90000 + 90000 + 10000 + 250000 + 10000 = 450000; 1300² = 1690000
const L4_SIMPSON = 1 - 450000 / 1690000; // 0.733727…
// Ward W2 = L4 + L5 (L5: 700, 800, 20, 50, 30, 300, 0, 50; Not answered 150; total 2100):
// No religion 1000, Christian 1100, Buddhist 20, Hindu 150, Jewish 30, Muslim 800, Sikh 100, Other 50;
// Not answered 250; total 3500; answered 3250.
// Σ nᵢ² = 1000000 + 1210000 + 400 + 22500 + 900 + 640000 + 10000 + 2500 = 2886300; 3250² = 10562500
const W2_SIMPSON = 1 - 2886300 / 10562500; // 0.726741…

describe('parseCensusReligion and religionOfAreas', () => {
  it('takes the counts in lookup order and skips and counts the Welsh row', () => {
    const parsed = parseReligion((t) => t.rows.reverse());
    expect(parsed.skippedOutsideEngland).toEqual([WELSH.lsoa]);
    expect(Array.from(parsed.totals)).toEqual(LSOAS.map((l) => l.census));
    expect(parsed.counts.map((c) => c[3])).toEqual([300, 300, 0, 100, 0, 500, 100, 0, 100]);
  });

  it('works out an LSOA’s Simpson index over those who answered, and “Not answered” as a share of all residents', () => {
    const lsoas = religionOfAreas(parseReligion(), undefined, LSOAS.length);
    expect(lsoas.simpson[3]).toBeCloseTo(L4_SIMPSON, 12);
    expect(lsoas.simpson[3]).toBeCloseTo(0.7337278, 7);
    // Not the index over all nine categories with "Not answered" as a ninth religion (1 − 460000 / 1960000 = 0.765306…)
    expect(lsoas.simpson[3]).not.toBeCloseTo(1 - 460000 / 1960000, 3);
    expect(lsoas.not_answered[3]).toBeCloseTo(100 / 1400, 12);
    expect(lsoas.muslim[3]).toBeCloseTo(500 / 1400, 12);
    // shares of the nine categories add up to 1
    const sum = ['no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', 'not_answered'].reduce((s, id) => s + lsoas[id][3], 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('sums the counts of a ward’s LSOAs before working out its index', () => {
    const wards = religionOfAreas(parseReligion(), WARD_OF_LSOA, 5);
    expect(wards.simpson[1]).toBeCloseTo(W2_SIMPSON, 12);
    expect(wards.simpson[1]).toBeCloseTo(0.7267408, 7);
    expect(wards.not_answered[1]).toBeCloseTo(250 / 3500, 12);
    expect(wards.christian[1]).toBeCloseTo(1100 / 3500, 12);
    // W3 = L6 alone: No religion 1000, Christian 1300 among 2300 who answered
    expect(wards.simpson[2]).toBeCloseTo(1 - (1000 ** 2 + 1300 ** 2) / 2300 ** 2, 12);
  });

  it('names a missing column', () => {
    expectInputError(() => parseReligion((t) => dropColumn(t, MUSLIM)), { file: FILE, line: 1, message: [`missing column "${MUSLIM}"`] });
  });

  it('rejects categories that do not add up to the total, naming line and column', () => {
    // L3 (line 4): Not answered 100 → 101, so the nine categories add up to 1611, not 1610
    expectInputError(() => parseReligion((t) => setCell(t, 'E01000903', NOT_ANSWERED, '101')), {
      file: FILE,
      line: 4,
      column: RELIGION_TOTAL,
      message: ['the nine religion categories add up to 1611, not to the total 1610'],
    });
  });

  it('rejects a negative count, naming line and column', () => {
    expectInputError(() => parseReligion((t) => setCell(t, 'E01000902', NO_RELIGION, '-1')), {
      file: FILE,
      line: 3,
      column: NO_RELIGION,
      message: ['-1 is outside the allowed range 0…∞'],
    });
  });

  it('rejects a code that is not an LSOA, pointing at the TS030 LSOA bulk file', () => {
    expectInputError(() => parseReligion((t) => setCell(t, 'E01000905', 'geography code', 'E02000905')), {
      file: FILE,
      line: 6,
      column: 'geography code',
      message: ['"E02000905" is not an LSOA code', 'census2021-ts030-lsoa.csv'],
    });
  });

  it('keeps the row it edits where the fixture put it', () => {
    expect(rowOf(religionTable(), 'E01000903')).toEqual(['E01000903', '1610', '700', '800', '0', '0', '0', '10', '0', '0', '100']);
  });
});

type Row = Record<string, string>;
const readCsvText = (buffer: Buffer): Row[] => parse(buffer, { columns: true }) as Row[];
const EXPECTED = { lsoas: 12, lads: 2, lsoa11s: 12 };
const run = (dataDir: string, outDir: string): Promise<PipelineResult> => runPipeline({ dataDir, outDir, expected: EXPECTED, log: () => {} });

describe('the religious diversity layer in a build', () => {
  let fixture: Fixture;
  let result: PipelineResult;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    fixture = writeFixture();
    const out = join(fixture.dir, 'out');
    result = await run(fixture.dir, out);
    files = readTree(out);
  });
  afterAll(() => fixture.cleanup());

  it('lists the layer at every level, 2021 only, with the index and the nine shares', () => {
    const measures = ['simpson', 'no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', 'not_answered'];
    const layer = result.manifest.layers.religious_diversity;
    expect(layer.levels).toEqual(Object.fromEntries(['lsoa', 'ward', 'lad'].map((level) => [level, { releases: ['2021'], measures }])));
    expect(layer.gaps ?? []).toEqual([]);
    expect(result.manifest.sources.find((s) => s.id === 'census_religion')?.file).toBe(FILE);
  });

  it('writes the hand-worked index and “Not answered” share to the downloads', () => {
    const lsoa = readCsvText(files.get('downloads/lsoa.csv')!).find((r) => r.lsoa_code === 'E01000904')!;
    expect(Number(lsoa.religious_diversity_2021)).toBe(Number(L4_SIMPSON.toFixed(4)));
    expect(Number(lsoa.religion_share_not_answered_2021)).toBe(Number((100 / 1400).toFixed(4)));
    expect(lsoa).toHaveProperty('religious_diversity_2021_quintile');
    const ward = readCsvText(files.get('downloads/ward.csv')!).find((r) => r.ward_code === 'E05000902')!;
    expect(Number(ward.religious_diversity_2021)).toBe(Number(W2_SIMPSON.toFixed(4)));
    expect(Number(ward.religion_share_not_answered_2021)).toBe(Number((250 / 3500).toFixed(4)));
    expect(ward).toHaveProperty('religious_diversity_2021_rank_within_lad');
  });

  it('is not built, with a warning, without the religion file (the rest is built)', async () => {
    const without = writeFixture({ religion: false });
    try {
      const { manifest, warnings } = await run(without.dir, join(without.dir, 'out'));
      expect(manifest.layers.religious_diversity).toBeUndefined();
      expect(manifest.layers.ethnic_diversity).toBeDefined();
      expect(manifest.sources.map((s) => s.id)).not.toContain('census_religion');
      expect(warnings.some((w) => w.includes('the religious diversity layer is not built'))).toBe(true);
    } finally {
      without.cleanup();
    }
  });
});
