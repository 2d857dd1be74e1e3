/**
 * End-to-end: runPipeline on the hand-made fixture (tests/pipeline/fixtures.ts:
 * 12 LSOAs, 5 wards, 2 authorities; the File 10 there is computed by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Polygon } from 'geojson';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run.ts';
import type { ClassFile, GroupAreas, Manifest, Profile, ValueFile } from '../../src/data/schema.ts';
import { decodeCodes } from '../../src/data/codes.ts';
import { LAYERS as CATALOGUE_LAYERS, levelsOf } from '../../src/config/catalogue/index.ts';
/** The layers the fixture builds: all but the access layer, which needs LSOA centroids and placed services (tests/pipeline/access/). */
const LAYERS = CATALOGUE_LAYERS.filter((layer) => layer.adapter !== 'access');
import { MEASURES } from '../../src/config/measures.ts';
import {
  dropColumn,
  duplicateRow,
  removeRow,
  setCell,
  tempDir,
  WELSH,
  writeFixture,
  type Fixture,
  type FixtureOptions,
} from './fixtures.ts';
import { decodeTile, expectInputErrorAsync, expectSameTree, openArchive, readTree, tileOf, type ExpectedInputError } from './helpers.ts';
import { decodeClasses } from '../../src/data/codes.ts';

/** A class file's row as numbers. */
const decoded = (row: string) => Array.from(decodeClasses(row));

const EXPECTED = { lsoas: 12, lads: 2, lsoa11s: 12 };
const LOOKUP = 'lookups/lsoa21_ward24_lad24_england.csv';
const IOD = 'iod/iod2025_lsoa21.csv';
const FILE10 = 'iod/iod2025_lad24_summaries.csv';
const CENSUS = 'census/census2021_ts021_ethnic_group_high_level_lsoa21_england.csv';
const BOUNDARIES = 'boundaries/lsoa21_bgc_england.geojson';
const IOD2019 = 'iod/imd2019_lsoa11.csv';
const LSOA11 = 'lookups/lsoa11_lsoa21_lad22_england.csv';
const CENSUS2011 = 'census/census2011_ethnic_group_14cat_lsoa11_england.csv';
const RELIGION = 'census/census2021_ts030_religion_lsoa21_england.csv';
const LOOKUP_NAME = `the lookup (${LOOKUP})`;
const IMD_DECILE = 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)';

const WARD_CODES = ['E05000901', 'E05000902', 'E05000903', 'E05000904', 'E05000905'];
const LAD_CODES = ['E06000901', 'E09000901'];
const LSOA_CODES = Array.from({ length: 12 }, (_, i) => `E01000${901 + i}`);

function run(dataDir: string, outDir: string, expected: Partial<typeof EXPECTED> = EXPECTED): Promise<PipelineResult> {
  return runPipeline({ dataDir, outDir, expected, log: () => {} });
}

type Row = Record<string, string>;
const readCsvText = (buffer: Buffer): Row[] => parse(buffer, { columns: true }) as Row[];
const headerOf = (buffer: Buffer): string[] => (parse(buffer, { to_line: 1 }) as string[][])[0];
const json = <T,>(files: Map<string, Buffer>, path: string): T => JSON.parse(files.get(path)!.toString('utf8')) as T;
/** The row of a download whose first column is `code`, as numbers where they are numbers. */
function rowOf(rows: Row[], key: string, code: string): Row {
  const row = rows.find((r) => r[key] === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
}
const numbers = (row: Row, columns: string[]) => columns.map((c) => Number(row[c]));

/** Every file the data schema (src/data/schema.ts) lists, for this fixture, written out. */
function schemaFiles(): string[] {
  const files = [
    'manifest.json',
    'areas/lsoa.json',
    'areas/ward.json',
    'areas/lad.json',
    'areas/lsoa-details.json',
    'areas/lsoa-bounds.json',
    'profiles/E06000901.json',
    'profiles/E09000901.json',
    'tiles/lsoa.pmtiles',
    'tiles/ward.pmtiles',
    'tiles/lad.pmtiles',
    'downloads/lsoa.csv',
    'downloads/ward.csv',
    'downloads/lad.csv',
    'downloads/README.md',
  ];
  // v3: for every layer of the catalogue, level and measure, a class file; a value file per layer and level
  // (computed layers have none: their unit tables and downloads instead, stages/segregation.ts)
  files.push(
    'segregation/ethnicity/2011/lsoa.json',
    'segregation/ethnicity/2021/lsoa.json',
    'segregation/religion/2021/lsoa.json',
    'downloads/ward_segregation.csv',
    'downloads/lad_segregation.csv',
  );
  for (const layer of LAYERS.filter((l) => !l.computed)) {
    for (const level of levelsOf(layer)) {
      files.push(`values/${layer.id}/${level}.json`);
      for (const measure of layer.levels[level]!.measures) files.push(`classes/${layer.id}/${level}/${measure.id}.json`);
    }
  }
  return files.sort();
}

// ---------------------------------------------------------------------------
// A good build, weighted by File 7's own population
// ---------------------------------------------------------------------------

describe('runPipeline with the full official File 7 (mid-2022 population)', () => {
  let fixture: Fixture;
  let result: PipelineResult;
  let files: Map<string, Buffer>;
  let manifest: Manifest;

  beforeAll(async () => {
    fixture = writeFixture();
    const out = join(fixture.dir, 'out');
    result = await run(fixture.dir, out);
    files = readTree(out);
    manifest = json<Manifest>(files, 'manifest.json');
  });
  afterAll(() => fixture.cleanup());

  it('writes every file of the data schema, and nothing else', () => {
    // 15 fixed files + 14 IoD layers × (3 value files + 1 LSOA class file + 2 × 5 summary measures)
    //   + ethnic diversity × 3 levels × (1 value file + 6 measures)
    //   + religious diversity × 3 levels × (1 value file + 10 measures)
    //   + segregation: 3 unit tables (no Output Area file in the fixture) and 2 downloads = 15 + 14 × 14 + 21 + 33 + 5 = 270
    expect(schemaFiles()).toHaveLength(270);
    expect([...files.keys()]).toEqual(schemaFiles());
  });

  it('lists every other file and its size in the manifest', () => {
    const listed = Object.keys(manifest.files);
    expect(listed).toEqual(schemaFiles().filter((f) => f !== 'manifest.json'));
    for (const [path, size] of Object.entries(manifest.files)) expect(size, path).toBe(files.get(path)!.length);
    expect(manifest.formatVersion).toBe(5);
    expect(manifest.counts).toEqual({ lsoa: 12, ward: 5, lad: 2 });
    expect(manifest.vintages).toEqual({ lsoa: 2021, ward: 2024, lad: 2024 });
    expect(result.manifest).toEqual(manifest);
  });

  it('records the inputs it used (the census as the diversity source) and the Welsh rows it skipped', () => {
    expect(manifest.sources.map((s) => [s.id, s.file])).toEqual([
      ['iod2025', IOD],
      ['file10', FILE10],
      ['iod2019', IOD2019],
      ['lookup', LOOKUP],
      ['lsoa11_lsoa21', LSOA11],
      ['boundaries', BOUNDARIES],
      ['census', CENSUS],
      ['census2011', CENSUS2011],
      ['census_religion', RELIGION],
    ]);
    for (const source of manifest.sources) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.skipped).toEqual([
      { file: LOOKUP, what: 'rows outside England', count: 1, examples: [WELSH.lsoa] },
      { file: CENSUS, what: 'rows outside England', count: 1, examples: [WELSH.lsoa] },
      { file: RELIGION, what: 'rows outside England', count: 1, examples: [WELSH.lsoa] },
      { file: BOUNDARIES, what: 'features outside England', count: 1, examples: [WELSH.lsoa] },
    ]);
  });

  it('lists every layer built with its levels, releases, measures and gaps', () => {
    expect(Object.keys(manifest.layers)).toEqual(LAYERS.map((l) => l.id));
    expect(manifest.layers.imd.levels).toEqual({
      lsoa: { releases: ['2019', '2025'], measures: ['score'] },
      ward: { releases: ['2025'], measures: [...MEASURES] },
      lad: { releases: ['2025'], measures: [...MEASURES] },
    });
    // fixtures.ts: L10 and L11 were split from one 2011 LSOA, L12 merged from two
    expect(manifest.layers.imd.gaps).toEqual([
      { level: 'lsoa', release: '2019', count: 2, reason: expect.stringContaining('split') },
      { level: 'lsoa', release: '2019', count: 1, reason: expect.stringContaining('merged') },
    ]);
    // Census 2011 likewise has no LSOA figure where the LSOA changed; every ward and authority of the fixture
    // takes only whole LSOAs 2011 (the split one's two parts lie in one ward), so they have no gaps.
    expect(manifest.layers.ethnic_diversity).toEqual({
      levels: Object.fromEntries(
        ['lsoa', 'ward', 'lad'].map((level) => [level, { releases: ['2011', '2021'], measures: ['simpson', 'asian', 'black', 'mixed', 'white', 'other'] }]),
      ),
      gaps: [
        { level: 'lsoa', release: '2011', count: 2, reason: expect.stringContaining('split') },
        { level: 'lsoa', release: '2011', count: 1, reason: expect.stringContaining('merged') },
      ],
    });
  });

  it('writes the downloads with the required columns, parent codes and names', () => {
    const lad = headerOf(files.get('downloads/lad.csv')!);
    const ladRequired = [
      'lad_code',
      'lad_name',
      'imd_average_score',
      'imd_rank_of_average_score',
      'imd_average_rank',
      'imd_proportion_most_deprived_10pct',
      'imd_extent',
      'imd_local_concentration',
    ];
    expect(lad).toEqual(expect.arrayContaining(ladRequired));
    expect(lad.slice(0, 2)).toEqual(['lad_code', 'lad_name']);
    const ward = headerOf(files.get('downloads/ward.csv')!);
    expect(ward).toEqual(expect.arrayContaining([...ladRequired, 'ward_code', 'ward_name']));
    expect(ward.slice(0, 4)).toEqual(['ward_code', 'ward_name', 'lad_code', 'lad_name']);
    const lsoa = headerOf(files.get('downloads/lsoa.csv')!);
    expect(lsoa.slice(0, 7)).toEqual(['lsoa_code', 'lsoa_name', 'ward_code', 'ward_name', 'lad_code', 'lad_name', 'population_weight']);

    const wards = readCsvText(files.get('downloads/ward.csv')!);
    expect(wards.map((w) => [w.ward_code, w.ward_name, w.lad_code, w.lad_name])).toEqual([
      ['E05000901', 'Alphaton North', 'E06000901', 'Alphaton'],
      ['E05000902', 'Alphaton South', 'E06000901', 'Alphaton'],
      ['E05000903', 'Alphaton East', 'E06000901', 'Alphaton'],
      ['E05000904', 'Castle, Vale & Marsh', 'E09000901', 'Betaford'],
      ['E05000905', 'Betaford Green', 'E09000901', 'Betaford'],
    ]);
    const lads = readCsvText(files.get('downloads/lad.csv')!);
    expect(lads.map((l) => [l.lad_code, l.lad_name, l.lsoa_count, l.ward_count])).toEqual([
      ['E06000901', 'Alphaton', '6', '3'],
      ['E09000901', 'Betaford', '6', '2'],
    ]);
    const lsoas = readCsvText(files.get('downloads/lsoa.csv')!);
    expect(lsoas.map((l) => l.lsoa_code)).toEqual(LSOA_CODES);
    // L7: ward "Castle, Vale & Marsh" (a name with a comma), IMD rank 3 → score 60 − 12 = 48, decile 3
    const l7 = rowOf(lsoas, 'lsoa_code', 'E01000907');
    expect([l7.lsoa_name, l7.ward_code, l7.ward_name, l7.lad_code, l7.lad_name]).toEqual([
      'Betaford 001A',
      'E05000904',
      'Castle, Vale & Marsh',
      'E09000901',
      'Betaford',
    ]);
    expect(numbers(l7, ['population_weight', 'imd_score', 'imd_rank', 'imd_decile'])).toEqual([1000, 48, 3, 3]);
    // The IoD 2025 columns keep their names and order; the 2019 ones follow each indicator's; no 2019 scores (the file has none)
    expect(lsoa.slice(7, 12)).toEqual(['imd_score', 'imd_rank', 'imd_decile', 'imd_2019_rank', 'imd_2019_decile']);
    expect(lsoa).not.toContain('imd_2019_score');
    expect(lsoa).toContain('ethnic_diversity_2021');
    expect(ward).toContain('ethnic_diversity_2021');
    expect(lad).toContain('ethnic_diversity_2021');
  });

  it('carries the 2019 IMD onto unchanged LSOAs and leaves changed ones blank everywhere', () => {
    // fixtures.ts: IMD 2019 ranks of L1 … L9 are 2 5 1 7 3 12 4 9 6 → deciles ⌈10·rank/12⌉ = 2 5 1 6 3 10 4 8 5;
    // L10, L11 (split, S) and L12 (merged, M) have no comparable 2019 figure: class 0, blank, null.
    const classes = json<ClassFile>(files, 'classes/imd/lsoa/score.json');
    expect(classes.releases).toEqual(['2019', '2025']);
    expect(decoded(classes.class[0])).toEqual([2, 5, 1, 6, 3, 10, 4, 8, 5, 0, 0, 0]);
    // 2025: the official deciles of pattern A, ranks 1, 4, 6, 2, 9, 11, 3, 5, 7, 8, 10, 12
    expect(decoded(classes.class[1])).toEqual([1, 4, 5, 2, 8, 10, 3, 5, 6, 7, 9, 10]);
    expect(classes.breaks).toBeUndefined();
    const values = json<ValueFile>(files, 'values/imd/lsoa.json');
    expect(values.releases).toEqual(['2019', '2025']);
    expect(values.measures.score.rank![0]).toEqual([2, 5, 1, 7, 3, 12, 4, 9, 6, null, null, null]);
    expect(values.measures.score.value[0]).toEqual(Array(12).fill(null)); // the 2019 file has no scores
    // 2025 scores: 60 − 4·rank
    expect(values.measures.score.value[1]).toEqual([56, 44, 36, 52, 24, 16, 48, 40, 32, 28, 20, 12]);
    const lsoas = readCsvText(files.get('downloads/lsoa.csv')!);
    expect(lsoas.map((l) => [l.imd_2019_rank, l.imd_2019_decile])).toEqual([
      ['2', '2'], ['5', '5'], ['1', '1'], ['7', '6'], ['3', '3'], ['12', '10'], ['4', '4'], ['9', '8'], ['6', '5'],
      ['', ''], ['', ''], ['', ''],
    ]);
    // Income uses pattern B in 2019 too: rank 13 − A19; L1: 13 − 2 = 11 → decile ⌈110/12⌉ = 10
    expect([lsoas[0].income_2019_rank, lsoas[0].income_2019_decile]).toEqual(['11', '10']);
  });

  it('works out ethnic diversity from the summed counts of each ward’s LSOAs, classed by national quintiles', () => {
    // Ward W2 = L4 + L5 (fixtures.ts): Asian 700 + 210 = 910, Black 200 + 420 = 620, Mixed 100 + 105 = 205,
    //   White 350 + 1260 = 1610, Other 50 + 105 = 155; N = 3500.
    //   Σ nᵢ² = 910² + 620² + 205² + 1610² + 155² = 828100 + 384400 + 42025 + 2592100 + 24025 = 3870650
    //   Simpson = 1 − 3870650 / 3500² = 1 − 3870650 / 12250000 = 0.6840285… → 0.684 (4 decimals: 0.6840)
    //   Asian share 910 / 3500 = 0.26; White 1610 / 3500 = 0.46.
    // (The mean of L4's and L5's own indices would be another number: diversity is not averaged.)
    // Ward W3 = L6 alone, everyone White: Simpson 0, White share 1.
    // W1 = L1 + L2 + L3: Asian 375, Black 110, Mixed 100, White 3300, Other 75; N = 3960
    //   Σ n² = 140625 + 12100 + 10000 + 10890000 + 5625 = 11058350; 1 − 11058350 / 15681600 = 0.294820… → 0.2948
    // W4 = L7 + L8 + L9: Asian 663, Black 489, Mixed 289, White 2100, Other 289; N = 3830
    //   Σ n² = 439569 + 239121 + 83521 + 4410000 + 83521 = 5255732; 1 − 5255732 / 14668900 = 0.641710… → 0.6417
    // W5 = L10 + L11 + L12: Asian 1200, Black 226, Mixed 125, White 2623, Other 226; N = 4400
    //   Σ n² = 1440000 + 51076 + 15625 + 6880129 + 51076 = 8437906; 1 − 8437906 / 19360000 = 0.564157… → 0.5642
    const wards = readCsvText(files.get('downloads/ward.csv')!);
    const simpson = WARD_CODES.map((code) => Number(rowOf(wards, 'ward_code', code).ethnic_diversity_2021));
    expect(simpson).toEqual([0.2948, 0.684, 0, 0.6417, 0.5642]);
    const w2 = rowOf(wards, 'ward_code', 'E05000902');
    expect(numbers(w2, ['ethnic_share_asian_2021', 'ethnic_share_white_2021', 'ethnic_diversity_2021_rank', 'ethnic_diversity_2021_rank_within_lad'])).toEqual([
      0.26, 0.46, 1, 1,
    ]);
    // Quintiles among the 5 wards (Hyndman & Fan type 1): cut points x₍⌈5k/5⌉₎ = x₍k₎, the sorted values themselves:
    //   sorted 0, 0.2948, 0.5642, 0.6417, 0.684 → breaks [0, 0, 0.2948, 0.5642, 0.6417, 0.684],
    //   and each ward its own quintile, lowest first: W1 2, W2 5, W3 1, W4 4, W5 3
    const classes = json<ClassFile>(files, 'classes/ethnic_diversity/ward/simpson.json');
    expect(classes.releases).toEqual(['2011', '2021']);
    // 2021 is the second release; the 2011 quintiles (the first) are worked out in the Census 2011 test below
    expect(classes.breaks![1]).toEqual([0, 0, 0.2948, 0.5642, 0.6417, 0.684]);
    expect(decoded(classes.class[1])).toEqual([2, 5, 1, 4, 3]);
    expect(WARD_CODES.map((code) => Number(rowOf(wards, 'ward_code', code).ethnic_diversity_2021_quintile))).toEqual([2, 5, 1, 4, 3]);
    // Authorities from all their LSOAs: A = W1 + W2 + W3, N = 3960 + 3500 + 2450 = 9910
    //   Asian 1285, Black 730, Mixed 305, White 7360, Other 230:
    //   Σ n² = 1651225 + 532900 + 93025 + 54169600 + 52900 = 56499650; 1 − 56499650 / 98208100 = 0.424694… → 0.4247
    const lads = readCsvText(files.get('downloads/lad.csv')!);
    expect(Number(rowOf(lads, 'lad_code', 'E06000901').ethnic_diversity_2021)).toBe(0.4247);
  });

  it('gives ethnic diversity a Census 2011 release: unchanged LSOAs, and wards and authorities from whole LSOAs 2011', () => {
    // fixtures.ts, CENSUS2011_COUNTS, in the five broad groups (Asian, Black, Mixed, White, Other):
    // L1 (unchanged, U): White 500 + 10 + 20 + 0 = 530; Mixed 20; Asian 30 + 10 + 0 + 5 + 5 = 50; Black 0; Other 5 + 5 = 10; N = 610
    //   Σ n² = 50² + 0² + 20² + 530² + 10² = 2500 + 0 + 400 + 280900 + 100 = 283900
    //   Simpson = 1 − 283900 / 610² = 1 − 283900 / 372100 = 0.237033… → 0.237; White share 530 / 610 = 0.868852… → 0.8689
    const lsoas = readCsvText(files.get('downloads/lsoa.csv')!);
    const l1 = rowOf(lsoas, 'lsoa_code', 'E01000901');
    expect(numbers(l1, ['ethnic_diversity_2011', 'ethnic_share_white_2011', 'ethnic_share_black_2011'])).toEqual([0.237, 0.8689, 0]);
    // L10, L11 (split from E01000990, S) and L12 (merged from E01000991 and E01000992, M): no 2011 figure
    for (const code of ['E01000910', 'E01000911', 'E01000912']) {
      const row = rowOf(lsoas, 'lsoa_code', code);
      expect([row.ethnic_diversity_2011, row.ethnic_diversity_2011_rank, row.ethnic_diversity_2011_quintile], code).toEqual(['', '', '']);
      expect(row.ethnic_diversity_2021, code).not.toBe('');
    }
    const lsoaValues = json<ValueFile>(files, 'values/ethnic_diversity/lsoa.json');
    expect(lsoaValues.releases).toEqual(['2011', '2021']);
    expect(lsoaValues.measures.simpson.value[0].slice(9)).toEqual([null, null, null]);
    expect(decoded(json<ClassFile>(files, 'classes/ethnic_diversity/lsoa/simpson.json').class[0]).slice(9)).toEqual([0, 0, 0]);

    // Ward W5 (Betaford Green) = L10 + L11 + L12 in 2021, i.e. the whole of E01000990 (split, both parts in W5)
    // and the merged pair E01000991 + E01000992:
    //   E01000990: Asian 600, Black 150, Mixed 60, White 1634, Other 36 (N 2480)
    //   E01000991: Asian 40,  Black 65,  Mixed 30, White 750,  Other 5  (N 890)
    //   E01000992: Asian 130, Black 15,  Mixed 14, White 331,  Other 10 (N 500)
    //   sum:       Asian 770, Black 230, Mixed 104, White 2715, Other 51; N = 3870
    //   Σ n² = 592900 + 52900 + 10816 + 7371225 + 2601 = 8030442; 1 − 8030442 / 3870² = 1 − 8030442 / 14976900 = 0.463811… → 0.4638
    //   Asian share 770 / 3870 = 0.198966… → 0.199
    // The others from their unchanged LSOAs (L2 … L9: White 800 + 10k + 10 + (30 + k) + 1, …, k = 2 … 9):
    //   W1 = L1 + L2 + L3: Asian 220, Black 60, Mixed 65, White 2267, Other 20; N 2632; 1 − 5195914 / 6927424 = 0.249950… → 0.25
    //   W2 = L4 + L5: Asian 178, Black 60, Mixed 49, White 1781, Other 10; N 2078; 1 − 3209746 / 4318084 = 0.256673… → 0.2567
    //   W3 = L6: Asian 92, Black 30, Mixed 26, White 907, Other 5; N 1060; 1 − 832714 / 1123600 = 0.258887… → 0.2589
    //   W4 = L7 + L8 + L9: Asian 288, Black 90, Mixed 84, White 2787, Other 15; N 3264; 1 − 7865694 / 10653696 = 0.261693… → 0.2617
    const wards = readCsvText(files.get('downloads/ward.csv')!);
    expect(WARD_CODES.map((code) => Number(rowOf(wards, 'ward_code', code).ethnic_diversity_2011))).toEqual([0.25, 0.2567, 0.2589, 0.2617, 0.4638]);
    expect(Number(rowOf(wards, 'ward_code', 'E05000905').ethnic_share_asian_2011)).toBe(0.199);
    // Quintiles per release: the 2011 ones of the five wards are their own order, with the 2011 limits
    const classes = json<ClassFile>(files, 'classes/ethnic_diversity/ward/simpson.json');
    expect(classes.breaks![0]).toEqual([0.25, 0.25, 0.2567, 0.2589, 0.2617, 0.4638]);
    expect(decoded(classes.class[0])).toEqual([1, 2, 3, 4, 5]);
    // Authorities from all their LSOAs 2011: A = the first six, B = L7 … L9 and the three changed ones
    //   A: Asian 490, Black 150, Mixed 140, White 4955, Other 35; N 5770; 1 − 24835450 / 33292900 = 0.254031… → 0.254
    //   B: Asian 1058, Black 320, Mixed 188, White 5502, Other 66; N 7134; 1 − 31533468 / 50893956 = 0.380408… → 0.3804
    const lads = readCsvText(files.get('downloads/lad.csv')!);
    expect(LAD_CODES.map((code) => Number(rowOf(lads, 'lad_code', code).ethnic_diversity_2011))).toEqual([0.254, 0.3804]);
  });

  it('weights the summaries by File 7’s “Total population: mid 2022”', () => {
    expect(manifest.weights.kind).toBe('mid-year-estimate');
    expect(manifest.weights.column).toBe('Total population: mid 2022');
    expect(manifest.weights.file).toBe(IOD);
    const lsoas = readCsvText(files.get('downloads/lsoa.csv')!);
    // the mid-2022 column, not the census (650, 1700, …)
    expect(lsoas.map((l) => Number(l.population_weight))).toEqual([600, 1800, 1600, 1500, 2000, 2500, 1000, 1200, 1500, 1800, 2000, 500]);
    // (the fixture has no Census 2011 Output Area file, which is optional)
    expect(result.warnings.filter((w) => !w.includes('segregation over Output Areas'))).toEqual([]);
    const readme = files.get('downloads/README.md')!.toString('utf8');
    expect(readme).toContain('Total population: mid 2022');
    expect(readme).not.toContain('Census 2021 usual residents');
  });

  it('reproduces every File 10 figure and rank at published precision (File 10 computed by hand in fixtures.ts)', () => {
    // 8 indicators × (average score, average rank, proportion) + IMD extent and local concentration = 26 rows
    const expectedRows: [string, string][] = [];
    for (const id of ['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living']) {
      for (const measure of ['averageScore', 'averageRank', 'proportionMostDeprived10']) expectedRows.push([id, measure]);
      if (id === 'imd') expectedRows.push(['imd', 'extent'], ['imd', 'localConcentration']);
    }
    expect(manifest.agreement.map((r) => [r.layer, r.measure]).sort()).toEqual(expectedRows.sort());
    for (const row of manifest.agreement) {
      const label = `${row.layer} ${row.measure}`;
      expect(row.areas, label).toBe(2);
      expect(row.equalAtPublishedPrecision, label).toBe(row.areas);
      expect(row.equalRanks, label).toBe(row.areas);
      expect(row.maxRankDifference, label).toBe(0);
      expect(row.differing, label).toEqual([]);
    }
    // The largest differences are the published roundings, e.g. average rank 5.5125 published as 5.51.
    const imdRank = manifest.agreement.find((r) => r.layer === 'imd' && r.measure === 'averageRank')!;
    expect(imdRank.maxAbsDifference).toBeCloseTo(0.0025, 6); // |5.5125 − 5.51|
    const imdScore = manifest.agreement.find((r) => r.layer === 'imd' && r.measure === 'averageScore')!;
    expect(imdScore.maxAbsDifference).toBeLessThan(1e-6); // 33.64 and 30.05 exactly
  });

  it('computes ward figures equal to hand-computed values', () => {
    // IMD, pattern A (fixtures.ts), N = 12, r' = 13 − rank. Per ward (LSOA: rank, population, score 60 − 4·rank):
    //
    // W1 E05000901: L1 (1, 600, 56), L2 (4, 1800, 44), L3 (6, 1600, 36); P = 4000
    //   score (600·56 + 1800·44 + 1600·36)/4000 = (33600 + 79200 + 57600)/4000 = 170400/4000 = 42.6
    //   avg rank (600·12 + 1800·9 + 1600·7)/4000 = (7200 + 16200 + 11200)/4000 = 34600/4000 = 8.65
    //   proportion: L1 in decile 1 → 1/3 = 0.3333
    //   extent: L1 percentile 9 → weight 1; L2 percentile 34, L3 50 → 0: 600/4000 = 0.15
    //   LC: 10% = 400 < 600 of L1 → 12
    // W2 E05000902: L4 (2, 1500, 52), L5 (9, 2000, 24); P = 3500
    //   score (78000 + 48000)/3500 = 126000/3500 = 36; avg rank (1500·11 + 2000·4)/3500 = 24500/3500 = 7
    //   proportion 0 (rank 2 is decile 2); extent: L4 percentile 17 → 12.65/19: 1500·12.65/19 = 998.684…/3500 = 0.285338 → 0.2853
    //   LC: 350 < 1500 of L4 → 11
    // W3 E05000903: L6 (11, 2500, 16): score 16, avg rank 2, proportion 0, extent 0 (percentile 92), LC 2
    // W4 E05000904: L7 (3, 1000, 48), L8 (5, 1200, 40), L9 (7, 1500, 32); P = 3700
    //   score (48000 + 48000 + 48000)/3700 = 144000/3700 = 38.9189… → 38.919
    //   avg rank (10000 + 9600 + 9000)/3700 = 28600/3700 = 7.7297… → 7.73
    //   proportion 0; extent: L7 percentile 25 → 5.45/19: 1000·5.45/19 = 286.842…/3700 = 0.077525 → 0.0775; LC 370 < 1000 → 10
    // W5 E05000905: L10 (8, 1800, 28), L11 (10, 2000, 20), L12 (12, 500, 12); P = 4300
    //   score (50400 + 40000 + 6000)/4300 = 96400/4300 = 22.4186… → 22.419
    //   avg rank (1800·5 + 2000·3 + 500·1)/4300 = 15500/4300 = 3.6046… → 3.6; proportion 0; extent 0; LC: 430 < 1800 of L10 → 5
    //
    // National ranks of the 5 wards (1 = largest; ties share the smallest rank):
    //   score 42.6, 36, 16, 38.919, 22.419 → 1, 3, 5, 2, 4;  avg rank 8.65, 7, 2, 7.73, 3.6 → 1, 3, 5, 2, 4
    //   proportion 0.3333, 0, 0, 0, 0 → 1, 2, 2, 2, 2;      extent 0.15, 0.2853, 0, 0.0775, 0 → 2, 1, 4, 3, 4
    //   LC 12, 11, 2, 10, 5 → 1, 2, 5, 3, 4
    // Within the authority (A: W1–W3, B: W4–W5):
    //   score 1, 2, 3 | 1, 2;  avg rank 1, 2, 3 | 1, 2;  proportion 1, 2, 2 | 1, 1;  extent 2, 1, 3 | 1, 2;  LC 1, 2, 3 | 1, 2
    const expected: Record<string, number[]> = {
      //            value  rank  within
      E05000901: [42.6, 1, 1, 8.65, 1, 1, 0.3333, 1, 1, 0.15, 2, 2, 12, 1, 1],
      E05000902: [36, 3, 2, 7, 3, 2, 0, 2, 2, 0.2853, 1, 1, 11, 2, 2],
      E05000903: [16, 5, 3, 2, 5, 3, 0, 2, 2, 0, 4, 3, 2, 5, 3],
      E05000904: [38.919, 2, 1, 7.73, 2, 1, 0, 2, 1, 0.0775, 3, 1, 10, 3, 1],
      E05000905: [22.419, 4, 2, 3.6, 4, 2, 0, 2, 1, 0, 4, 2, 5, 4, 2],
    };
    const columns = ['average_score', 'average_rank', 'proportion_most_deprived_10pct', 'extent', 'local_concentration'].flatMap((m) => [
      `imd_${m}`,
      `imd_rank_of_${m}`,
      `imd_rank_of_${m}_within_lad`,
    ]);
    const wards = readCsvText(files.get('downloads/ward.csv')!);
    for (const [code, values] of Object.entries(expected)) expect(numbers(rowOf(wards, 'ward_code', code), columns), code).toEqual(values);

    // population, LSOA count and IMD LSOAs per national decile (deciles of ranks: 1→1, 2→2, 3→3, 4→4, 5,6→5, 7→6, 8→7, 9→8, 10→9, 11,12→10)
    const decileColumns = Array.from({ length: 10 }, (_, d) => `imd_lsoas_in_decile_${d + 1}`);
    const extra: Record<string, number[]> = {
      E05000901: [4000, 3, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0], // ranks 1, 4, 6 → deciles 1, 4, 5
      E05000902: [3500, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0], // ranks 2, 9 → 2, 8
      E05000903: [2500, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], // rank 11 → 10
      E05000904: [3700, 3, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0], // ranks 3, 5, 7 → 3, 5, 6
      E05000905: [4300, 3, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1], // ranks 8, 10, 12 → 7, 9, 10
    };
    for (const [code, values] of Object.entries(extra)) {
      expect(numbers(rowOf(wards, 'ward_code', code), ['population_weight', 'lsoa_count', ...decileColumns]), code).toEqual(values);
    }

    // A pattern-B domain: Income average rank of W1. Pattern B ranks of L1, L2, L3 are 12, 9, 7,
    // so r' = 13 − rank = 1, 4, 6: (600·1 + 1800·4 + 1600·6)/4000 = (600 + 7200 + 9600)/4000 = 17400/4000 = 4.35
    expect(Number(rowOf(wards, 'ward_code', 'E05000901').income_average_rank)).toBe(4.35);
  });

  it('gives authorities the official File 10 figures where published, and computed ones elsewhere', () => {
    const lads = readCsvText(files.get('downloads/lad.csv')!);
    const a = rowOf(lads, 'lad_code', 'E06000901');
    const b = rowOf(lads, 'lad_code', 'E09000901');
    const imd = ['imd_average_score', 'imd_rank_of_average_score', 'imd_average_rank', 'imd_proportion_most_deprived_10pct', 'imd_extent', 'imd_local_concentration'];
    // as typed in the fixture's File 10 (5.51 is the published rounding of 5.5125)
    expect(numbers(a, imd)).toEqual([33.64, 1, 6.41, 0.1667, 0.1599, 11.6]);
    expect(numbers(b, imd)).toEqual([30.05, 2, 5.51, 0, 0.0359, 10]);
    expect(numbers(a, ['population_weight', 'lsoa_count', 'ward_count'])).toEqual([10000, 6, 3]);
    // Income extent and local concentration are not in File 10: computed. Pattern B ranks:
    //   A: L1 12, L2 9, L3 7, L4 11, L5 4, L6 2;  B: L7 10, L8 8, L9 6, L10 5, L11 3, L12 1
    // extent A: L6 (rank 2, percentile 17, weight 12.65/19) 2500·12.65/19 = 1664.47…/10000 = 0.16645 → 0.1664
    // extent B: L12 (rank 1, weight 1) 500 + L11 (rank 3, percentile 25, weight 5.45/19) 2000·5.45/19 = 573.68…
    //           (500 + 573.68…)/8000 = 0.134211 → 0.1342
    // LC A: 10% = 1000 < 2500 of L6 (r' 11) → 11
    // LC B: 10% = 800: L12 (r' 12) 500, then 300 of L11 (r' 10): (6000 + 3000)/800 = 11.25
    // ranks: extent A 1, B 2; LC B 1, A 2
    const income = ['income_extent', 'income_rank_of_extent', 'income_local_concentration', 'income_rank_of_local_concentration'];
    expect(numbers(a, income)).toEqual([0.1664, 1, 11, 2]);
    expect(numbers(b, income)).toEqual([0.1342, 2, 11.25, 1]);
    // IMD LSOAs per decile: A ranks 1, 4, 6, 2, 9, 11 → deciles 1, 4, 5, 2, 8, 10; B ranks 3, 5, 7, 8, 10, 12 → 3, 5, 6, 7, 9, 10
    const deciles = Array.from({ length: 10 }, (_, d) => `imd_lsoas_in_decile_${d + 1}`);
    expect(numbers(a, deciles)).toEqual([1, 1, 0, 1, 1, 0, 0, 1, 0, 1]);
    expect(numbers(b, deciles)).toEqual([0, 0, 1, 0, 1, 1, 1, 0, 1, 1]);

    expect(manifest.layers.imd.officialLadMeasures).toEqual({ '2025': [...MEASURES] });
    expect(manifest.layers.income.officialLadMeasures).toEqual({ '2025': ['averageScore', 'averageRank', 'proportionMostDeprived10'] });
    expect(manifest.layers.cyp.officialLadMeasures).toBeUndefined();
    const values = json<ValueFile>(files, 'values/imd/lad.json');
    expect(values.releases).toEqual(['2025']);
    expect(values.measures.averageScore.value).toEqual([[33.64, 30.05]]);
    expect(values.measures.averageScore.rank).toEqual([[1, 2]]);
  });

  it('writes the area lists, classes and profiles the app reads', () => {
    const ward = json<GroupAreas>(files, 'areas/ward.json');
    expect(decodeCodes(ward.codes)).toEqual(WARD_CODES);
    expect(ward.lad).toEqual([0, 0, 0, 1, 1]);
    expect(ward.population).toEqual([4000, 3500, 2500, 3700, 4300]);
    expect(ward.lsoaCount).toEqual([3, 2, 1, 3, 3]);
    expect(decodeCodes(json<GroupAreas>(files, 'areas/lad.json').codes)).toEqual(LAD_CODES);
    expect(decodeCodes(json<{ codes: GroupAreas['codes'] }>(files, 'areas/lsoa.json').codes)).toEqual(LSOA_CODES);
    // The ward bounds (4 decimals, rounded outwards) are those of their squares, e.g. W3 = L6 = −1.94 … −1.93, 52.48 … 52.49
    const w3 = ward.bounds.slice(8, 12);
    [-1.94, 52.48, -1.93, 52.49].forEach((value, i) => expect(Math.abs(w3[i] - value)).toBeLessThanOrEqual(1e-4));
    // Ward classes are deciles of the rank among the 5 wards: ⌈10·rank/5⌉ for ranks 1, 3, 5, 2, 4
    expect(json<ClassFile>(files, 'classes/imd/ward/averageScore.json')).toEqual({ releases: ['2025'], class: ['26a48'] });
    // Authorities: ranks 1, 2 of 2 → ⌈10/2⌉ = 5, ⌈20/2⌉ = 10
    expect(json<ClassFile>(files, 'classes/imd/lad/averageScore.json').class.map(decoded)).toEqual([[5, 10]]);
    const wardValues = json<ValueFile>(files, 'values/imd/ward.json');
    expect(wardValues.measures.averageScore.value).toEqual([[42.6, 36, 16, 38.919, 22.419]]);
    expect(wardValues.measures.averageScore.rankWithinLad).toEqual([[1, 2, 3, 1, 2]]);

    const profile = json<Profile>(files, 'profiles/E09000901.json');
    expect(profile.lad).toBe('E09000901');
    expect(profile.wards).toEqual(['E05000904', 'E05000905']);
    expect(profile.lsoas.codes).toEqual(LSOA_CODES.slice(6));
    expect(profile.lsoas.ward).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Object.keys(profile.layers)).toEqual(LAYERS.filter((l) => !l.computed).map((l) => l.id));
    const imd = profile.layers.imd;
    expect(imd.ward!.measures.averageScore).toEqual({ value: [[38.919, 22.419]], rank: [[2, 4]], rankWithinLad: [[1, 2]], class: [[4, 8]] });
    // B's LSOAs L7 … L12: 2025 ranks 3, 5, 7, 8, 10, 12 → deciles 3, 5, 6, 7, 9, 10; 2019 only L7 … L9: deciles 4, 8, 5
    expect(imd.lsoa!.measures.score.class).toEqual([[4, 8, 5, 0, 0, 0], [3, 5, 6, 7, 9, 10]]);
    expect(imd.lad!.lsoaClassCounts).toEqual([0, 0, 1, 0, 1, 1, 1, 0, 1, 1]);
    // wards W4 (L7–L9: deciles 3, 5, 6) and W5 (L10–L12: 7, 9, 10), ten classes each
    expect(imd.ward!.lsoaClassCounts).toEqual([0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1]);
    // Diversity: quintile counts of the LSOAs' own Simpson index (five classes per area)
    expect(profile.layers.ethnic_diversity.lad!.lsoaClassCounts).toHaveLength(5);
    expect(profile.layers.ethnic_diversity.lad!.lsoaClassCounts!.reduce((a, b) => a + b, 0)).toBe(6);
  });

  describe('vector tiles', () => {
    /** Every feature of a layer in the deepest tiles over the fixture: code → bounding box in degrees. */
    async function featuresAtMaxZoom(level: 'lsoa' | 'ward' | 'lad'): Promise<Map<string, [number, number, number, number]>> {
      const reader = openArchive(files.get(`tiles/${level}.pmtiles`)!);
      const z = (await reader.getHeader()).maxZoom;
      const nw = tileOf(-1.95, 52.5, z);
      const se = tileOf(-1.91, 52.47, z);
      const boxes = new Map<string, [number, number, number, number]>();
      for (let x = nw.x; x <= se.x; x++) {
        for (let y = nw.y; y <= se.y; y++) {
          const found = await reader.getZxy(z, x, y);
          if (!found) continue;
          const layer = decodeTile(found.data).layers[level];
          expect(layer, `layer ${level} in ${z}/${x}/${y}`).toBeDefined();
          for (let i = 0; i < layer.length; i++) {
            const feature = layer.feature(i);
            expect(feature.type).toBe(3); // polygon
            const code = String(feature.properties.code);
            const box = boxes.get(code) ?? [Infinity, Infinity, -Infinity, -Infinity];
            for (const ring of feature.loadGeometry()) {
              for (const point of ring) {
                // Clamp buffer points to the tile, then tile pixels → degrees (Web Mercator).
                const px = Math.min(Math.max(point.x, 0), layer.extent) / layer.extent;
                const py = Math.min(Math.max(point.y, 0), layer.extent) / layer.extent;
                const lon = ((x + px) / 2 ** z) * 360 - 180;
                const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + py)) / 2 ** z))) * 180) / Math.PI;
                box[0] = Math.min(box[0], lon);
                box[1] = Math.min(box[1], lat);
                box[2] = Math.max(box[2], lon);
                box[3] = Math.max(box[3], lat);
              }
            }
            boxes.set(code, box);
          }
        }
      }
      return boxes;
    }

    it('has a ward tileset the pmtiles library reads', async () => {
      const reader = openArchive(files.get('tiles/ward.pmtiles')!);
      const header = await reader.getHeader();
      expect(header.tileType).toBe(1); // MVT
      expect(header.tileCompression).toBe(2); // gzip
      // The zoom range is the manifest's (what the app asks for) and the metadata's.
      const listed = manifest.tiles.ward as { path: string; minZoom?: number; maxZoom: number; bytes: number };
      expect(header.minZoom).toBe(listed.minZoom ?? 0);
      expect(header.maxZoom).toBe(listed.maxZoom);
      expect(header.maxZoom).toBeGreaterThanOrEqual(header.minZoom);
      expect(header.numAddressedTiles).toBeGreaterThan(0);
      // bounds: the fixture's extent, −1.95 … −1.91, 52.47 … 52.50
      expect(header.minLon).toBeCloseTo(-1.95, 4);
      expect(header.minLat).toBeCloseTo(52.47, 4);
      expect(header.maxLon).toBeCloseTo(-1.91, 4);
      expect(header.maxLat).toBeCloseTo(52.5, 4);
      const metadata = (await reader.getMetadata()) as { vector_layers: { id: string; minzoom?: number; maxzoom?: number }[] };
      expect(metadata.vector_layers.map((l) => l.id)).toEqual(['ward']);
      expect(metadata.vector_layers[0].maxzoom).toBe(header.maxZoom);
      expect(listed.path).toBe('tiles/ward.pmtiles');
      expect(listed.bytes).toBe(files.get('tiles/ward.pmtiles')!.length);
    });

    it('holds every ward, by its code, where its LSOAs are', async () => {
      const boxes = await featuresAtMaxZoom('ward');
      expect([...boxes.keys()].sort()).toEqual(WARD_CODES);
      // Unions of the fixture squares (columns −1.95, −1.94, −1.93, −1.92 … −1.91; rows 52.50, 52.49, 52.48 … 52.47):
      const expected: Record<string, number[]> = {
        E05000901: [-1.95, 52.49, -1.92, 52.5], // L1 L2 L3
        E05000902: [-1.95, 52.48, -1.91, 52.5], // L4 (top right) and L5 (second row, left)
        E05000903: [-1.94, 52.48, -1.93, 52.49], // L6
        E05000904: [-1.95, 52.47, -1.91, 52.49], // L7 L8 (second row, right), L9 (third row, left)
        E05000905: [-1.94, 52.47, -1.91, 52.48], // L10 L11 L12
      };
      // One tile unit at zoom z is 360° / 2^z / 4096 (≈ 0.00002° at z12); allow a few, and at least 0.0001°.
      const z = (await openArchive(files.get('tiles/ward.pmtiles')!).getHeader()).maxZoom;
      const tolerance = Math.max(1e-4, (4 * 360) / 2 ** z / 4096);
      for (const [code, box] of Object.entries(expected)) {
        box.forEach((value, i) => expect(Math.abs(boxes.get(code)![i] - value), `${code} ${i}`).toBeLessThan(tolerance));
      }
    });

    it('holds every LSOA and authority in their own tilesets', async () => {
      expect([...(await featuresAtMaxZoom('lsoa')).keys()].sort()).toEqual(LSOA_CODES);
      expect([...(await featuresAtMaxZoom('lad')).keys()].sort()).toEqual(LAD_CODES);
    });
  });
});

// ---------------------------------------------------------------------------
// Control: a File 10 that disagrees is reported as disagreeing
// ---------------------------------------------------------------------------

describe('the agreement check can fail', () => {
  it('reports a published figure and ranks that the LSOAs do not reproduce', async () => {
    const fixture = writeFixture({
      edit: {
        file10: (t) => {
          setCell(t, 'E06000901', 'imd_average_score', '33.700'); // computed 33.64: off by 0.06
          setCell(t, 'E06000901', 'imd_rank_of_average_rank', '2'); // computed ranks 1, 2: swapped
          setCell(t, 'E09000901', 'imd_rank_of_average_rank', '1');
        },
      },
    });
    try {
      const { manifest } = await run(fixture.dir, join(fixture.dir, 'out'));
      const score = manifest.agreement.find((r) => r.layer === 'imd' && r.measure === 'averageScore')!;
      expect(score.equalAtPublishedPrecision).toBe(1);
      expect(score.differing).toEqual(['E06000901']);
      expect(score.maxAbsDifference).toBeCloseTo(0.06, 6);
      const rank = manifest.agreement.find((r) => r.layer === 'imd' && r.measure === 'averageRank')!;
      expect(rank.equalRanks).toBe(0);
      expect(rank.maxRankDifference).toBe(1);
    } finally {
      fixture.cleanup();
    }
  });
});

describe('runPipeline without File 10', () => {
  it('computes every authority figure, marks none official and says so', async () => {
    const fixture = writeFixture();
    try {
      rmSync(fixture.files.file10);
      const out = join(fixture.dir, 'out');
      const result = await run(fixture.dir, out);
      const files = readTree(out);
      const manifest = json<Manifest>(files, 'manifest.json');
      expect(manifest.agreement).toEqual([]);
      for (const layer of Object.values(manifest.layers)) expect(layer.officialLadMeasures).toBeUndefined();
      expect(manifest.sources.map((s) => s.id)).not.toContain('file10');
      expect(result.warnings.some((w) => w.includes('no File 10'))).toBe(true);
      expect(files.get('downloads/README.md')!.toString('utf8')).toContain('No File 10 was given to this build');
      // With the official weights the computed IMD average score of A equals the one worked out
      // for the fixture's File 10 by hand: 33.64.
      expect(Number(rowOf(readCsvText(files.get('downloads/lad.csv')!), 'lad_code', 'E06000901').imd_average_score)).toBe(33.64);
    } finally {
      fixture.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// Census 2021 fallback
// ---------------------------------------------------------------------------

describe('runPipeline without a population column in File 7', () => {
  it('falls back to Census 2021 usual residents and says so', async () => {
    const fixture = writeFixture({ file7: 'subset' });
    try {
      const out = join(fixture.dir, 'out');
      const result = await run(fixture.dir, out);
      const files = readTree(out);
      const manifest = json<Manifest>(files, 'manifest.json');
      expect(manifest.weights.kind).toBe('census-2021');
      expect(manifest.weights.column).toBe('Ethnic group: Total: All usual residents');
      expect(manifest.weights.file).toBe(CENSUS);
      expect(manifest.sources.map((s) => s.id)).toContain('census');
      expect(manifest.skipped).toContainEqual({ file: CENSUS, what: 'rows outside England', count: 1, examples: [WELSH.lsoa] });
      expect(result.warnings.some((w) => w.includes('File 7 has no population column'))).toBe(true);

      const readme = files.get('downloads/README.md')!.toString('utf8');
      expect(readme).toContain('Census 2021 usual residents (TS021 total), standing in for the mid-2022 population of File 7');
      expect(readme).toContain('Ethnic group: Total: All usual residents');

      const lsoas = readCsvText(files.get('downloads/lsoa.csv')!);
      expect(lsoas.map((l) => Number(l.population_weight))).toEqual([650, 1700, 1610, 1400, 2100, 2450, 1200, 1150, 1480, 1900, 2020, 480]);
      // W1 with census weights: (650·56 + 1700·44 + 1610·36)/(650 + 1700 + 1610)
      //   = (36400 + 74800 + 57960)/3960 = 169160/3960 = 42.7171… → 42.717
      const wards = readCsvText(files.get('downloads/ward.csv')!);
      expect(Number(rowOf(wards, 'ward_code', 'E05000901').imd_average_score)).toBe(42.717);
      // File 10 was made with the mid-2022 weights, so the census-weighted IMD average
      // scores no longer match it: A (Σ p·rank = 650 + 6800 + 9660 + 2800 + 18900 + 26950 = 65760,
      // P = 9910, 60 − 4·6.6357 = 33.457 ≠ 33.640); B (60870/8230 = 7.3961 → 30.416 ≠ 30.050).
      const score = manifest.agreement.find((r) => r.layer === 'imd' && r.measure === 'averageScore')!;
      expect(score.equalAtPublishedPrecision).toBe(0);
      // The authority downloads still carry the official figures.
      expect(Number(rowOf(readCsvText(files.get('downloads/lad.csv')!), 'lad_code', 'E06000901').imd_average_score)).toBe(33.64);
    } finally {
      fixture.cleanup();
    }
  });

  it('fails with a clear message when there is no census file either', async () => {
    const fixture = writeFixture({ file7: 'subset', census: false });
    try {
      const error = await expectInputErrorAsync(run(fixture.dir, join(fixture.dir, 'out')), {
        file: IOD,
        message: ['has no "Total population: mid 2022" column, and no Census 2021 TS021 file was found to weight the summaries'],
      });
      expect(error.hint).toContain('census2021-ts021-lsoa.csv');
      expect(readdirSync(fixture.dir)).not.toContain('out');
    } finally {
      fixture.cleanup();
    }
  });

  it('does not need the census when File 7 has the population; the diversity layer is then not built', async () => {
    const fixture = writeFixture({ census: false });
    try {
      const out = join(fixture.dir, 'out');
      const { manifest, warnings } = await run(fixture.dir, out);
      expect(manifest.weights.kind).toBe('mid-year-estimate');
      expect(Object.keys(manifest.layers)).not.toContain('ethnic_diversity');
      expect(warnings.some((w) => w.includes('the ethnic diversity layer is not built'))).toBe(true);
      const files = readTree(out);
      expect([...files.keys()].some((path) => path.includes('ethnic_diversity'))).toBe(false);
      expect(headerOf(files.get('downloads/ward.csv')!)).not.toContain('ethnic_diversity_2021');
    } finally {
      fixture.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// The optional IoD 2019 inputs
// ---------------------------------------------------------------------------

describe('runPipeline without the IoD 2019', () => {
  it('builds the 2025 release alone, with a warning, when neither 2019 input is there', async () => {
    const fixture = writeFixture({ iod2019: false, lsoa11Lookup: false });
    try {
      const out = join(fixture.dir, 'out');
      const { manifest, warnings } = await run(fixture.dir, out);
      expect(manifest.layers.imd.levels.lsoa).toEqual({ releases: ['2025'], measures: ['score'] });
      expect(manifest.layers.imd.gaps).toBeUndefined();
      expect(warnings.some((w) => w.includes('the 2019 release is not built'))).toBe(true);
      const files = readTree(out);
      expect(json<ClassFile>(files, 'classes/imd/lsoa/score.json').class.map(decoded)).toEqual([[1, 4, 5, 2, 8, 10, 3, 5, 6, 7, 9, 10]]);
      expect(headerOf(files.get('downloads/lsoa.csv')!)).not.toContain('imd_2019_decile');
    } finally {
      fixture.cleanup();
    }
  });

  it('builds it without the 2011 → 2021 lookup when the 2019 file is absent too', async () => {
    const fixture = writeFixture({ iod2019: false });
    try {
      const { manifest } = await run(fixture.dir, join(fixture.dir, 'out'));
      expect(manifest.layers.imd.levels.lsoa!.releases).toEqual(['2025']);
      expect(manifest.sources.map((s) => s.id)).not.toContain('iod2019');
    } finally {
      fixture.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// Census 2011: an LSOA 2011 split across wards; the optional inputs
// ---------------------------------------------------------------------------

describe('the Census 2011 release of ethnic diversity', () => {
  it('leaves blank, and counts, the wards that an LSOA 2011 split across wards touches', async () => {
    // Move L11 into ward W4 (Castle, Vale & Marsh): E01000990 (split into L10 and L11) now lies in W4 and W5,
    // so neither ward can be given its 2011 residents exactly. W1 … W3 keep their figures, and Betaford
    // (both wards) still receives the whole of E01000990.
    const fixture = writeFixture({
      edit: {
        lookup: (t) => {
          setCell(t, 'E01000911', 'WD24CD', 'E05000904');
          setCell(t, 'E01000911', 'WD24NM', 'Castle, Vale & Marsh');
        },
      },
    });
    try {
      const out = join(fixture.dir, 'out');
      const { manifest } = await run(fixture.dir, out);
      const files = readTree(out);
      const wards = readCsvText(files.get('downloads/ward.csv')!);
      expect(WARD_CODES.map((code) => rowOf(wards, 'ward_code', code).ethnic_diversity_2011)).toEqual(['0.25', '0.2567', '0.2589', '', '']);
      expect(WARD_CODES.map((code) => rowOf(wards, 'ward_code', code).ethnic_diversity_2021)).not.toContain('');
      const values = json<ValueFile>(files, 'values/ethnic_diversity/ward.json');
      expect(values.measures.simpson.value[0].slice(3)).toEqual([null, null]);
      expect(values.measures.white.value[0].slice(3)).toEqual([null, null]);
      const lads = readCsvText(files.get('downloads/lad.csv')!);
      expect(Number(rowOf(lads, 'lad_code', 'E09000901').ethnic_diversity_2011)).toBe(0.3804);
      expect(manifest.layers.ethnic_diversity.gaps).toEqual([
        { level: 'lsoa', release: '2011', count: 2, reason: expect.stringContaining('split') },
        { level: 'lsoa', release: '2011', count: 1, reason: expect.stringContaining('merged') },
        { level: 'ward', release: '2011', count: 2, reason: expect.stringContaining('split across wards') },
      ]);
      expect(manifest.skipped).toContainEqual({
        file: CENSUS2011,
        what: expect.stringContaining('LSOAs 2011 split across wards'),
        count: 1,
        examples: ['E01000990'],
      });
    } finally {
      fixture.cleanup();
    }
  });

  it('is not built, with a warning, without the 2011 file or without the 2011 → 2021 lookup', async () => {
    for (const options of [{ census2011: false }, { iod2019: false, lsoa11Lookup: false }] as FixtureOptions[]) {
      const fixture = writeFixture(options);
      try {
        const out = join(fixture.dir, 'out');
        const { manifest, warnings } = await run(fixture.dir, out);
        expect(manifest.layers.ethnic_diversity.levels.ward!.releases).toEqual(['2021']);
        expect(manifest.layers.ethnic_diversity.gaps).toBeUndefined();
        expect(warnings.some((w) => w.includes('the 2011 release of ethnic diversity is not built'))).toBe(true);
        expect(headerOf(readTree(out).get('downloads/lsoa.csv')!)).not.toContain('ethnic_diversity_2011');
        if (options.census2011 === false) expect(manifest.sources.map((s) => s.id)).not.toContain('census2011');
      } finally {
        fixture.cleanup();
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Broken inputs leave the previous output alone
// ---------------------------------------------------------------------------

interface BrokenCase {
  name: string;
  options?: FixtureOptions;
  prepare?: (fixture: Fixture) => void;
  expected?: typeof EXPECTED;
  error: (fixture: Fixture) => ExpectedInputError;
}

const BROKEN: BrokenCase[] = [
  {
    name: 'lookup: a missing column',
    options: { edit: { lookup: (t) => dropColumn(t, 'WD24NM') } },
    error: () => ({ file: LOOKUP, line: 1, message: ['missing column "WD24NM"'] }),
  },
  {
    name: 'lookup: a bad LSOA code',
    // L1 is on line 3 of the lookup (rows are not in code order)
    options: { edit: { lookup: (t) => setCell(t, 'E01000901', 'LSOA21CD', 'E0100001') } },
    error: () => ({ file: LOOKUP, line: 3, column: 'LSOA21CD', message: ['"E0100001" is not an English LSOA (E01) code'] }),
  },
  {
    name: 'lookup: a different number of LSOAs from the expected count',
    expected: { lsoas: 13, lads: 2, lsoa11s: 12 },
    error: () => ({ file: LOOKUP, message: ['has 12 English LSOAs; expected 13'] }),
  },
  {
    name: 'lookup: a different number of authorities from the expected count',
    expected: { lsoas: 12, lads: 3, lsoa11s: 12 },
    error: () => ({ file: LOOKUP, message: ['has 2 English authorities; expected 3 (LAD 2024)'] }),
  },
  {
    name: 'lookup: a ward in two authorities',
    options: { edit: { lookup: (t) => setCell(t, 'E01000903', 'LAD24CD', 'E09000901') } },
    error: () => ({ file: LOOKUP, line: 12, message: ['ward E05000901 is in E09000901 here but in E06000901 on line 3'] }),
  },
  {
    name: 'File 7: a Welsh LSOA',
    options: { edit: { iod: (t) => setCell(t, 'E01000912', 'LSOA code (2021)', 'W01000901') } },
    error: () => ({ file: IOD, line: 13, column: 'LSOA code (2021)', message: ['W01000901 is not an English LSOA'] }),
  },
  {
    name: 'File 7: a duplicate LSOA',
    options: { edit: { iod: (t) => duplicateRow(t, 'E01000905') } },
    error: () => ({ file: IOD, line: 14, column: 'LSOA code (2021)', message: ['LSOA E01000905 appears twice (also on line 6)'] }),
  },
  {
    name: 'File 7: one LSOA fewer than the lookup',
    options: { edit: { iod: (t) => removeRow(t, 'E01000912') } },
    error: () => ({ file: IOD, message: [`has 11 LSOA rows but ${LOOKUP_NAME} has 12; missing E01000912`] }),
  },
  {
    name: 'File 7 (gzip): a missing indicator column',
    options: { gzip: { iod: true }, edit: { iod: (t) => dropColumn(t, 'Crime Score') } },
    error: () => ({ file: `${IOD}.gz`, line: 1, message: ['missing a column starting "Crime Score"'] }),
  },
  {
    name: 'File 7: a decile inconsistent with its rank',
    options: { edit: { iod: (t) => setCell(t, 'E01000901', IMD_DECILE, '3') } },
    error: () => ({ file: IOD, line: 2, column: IMD_DECILE, message: ['decile 3 does not match rank 1 of 12 LSOAs (expected 1)'] }),
  },
  {
    name: 'census (fallback): a duplicate LSOA',
    options: { file7: 'subset', edit: { census: (t) => duplicateRow(t, 'E01000902') } },
    error: () => ({ file: CENSUS, line: 15, column: 'geography code', message: ['LSOA E01000902 appears twice'] }),
  },
  {
    name: 'File 10: an authority missing',
    options: { edit: { file10: (t) => removeRow(t, 'E09000901') } },
    error: () => ({ file: FILE10, message: [`has 1 authority but ${LOOKUP_NAME} has 2; missing E09000901`] }),
  },
  {
    name: 'File 10: an unknown authority code',
    options: { edit: { file10: (t) => setCell(t, 'E09000901', 'ltla24_code', 'E07000999') } },
    error: () => ({ file: FILE10, line: 3, column: 'ltla24_code', message: [`authority E07000999 is not in ${LOOKUP_NAME}`] }),
  },
  {
    name: 'IoD 2019: a file recoded to LSOA 2021 codes',
    // E01000990 (line 11) replaced by its 2021 successor E01000910
    options: { edit: { iod2019: (t) => setCell(t, 'E01000990', 'lsoa11_code', 'E01000910') } },
    error: () => ({ file: IOD2019, line: 11, column: 'lsoa11_code', message: ['E01000910 is not an LSOA 2011 code', 'it is an LSOA 2021 code'] }),
  },
  {
    name: 'IoD 2019: a missing column',
    options: { edit: { iod2019: (t) => dropColumn(t, 'Health_decile') } },
    error: () => ({ file: IOD2019, line: 1, message: ['missing column "Health_decile"'] }),
  },
  {
    name: 'IoD 2019 without the LSOA 2011 → 2021 lookup',
    options: { lsoa11Lookup: false },
    error: () => ({ file: IOD2019, message: ['needs the LSOA 2011 → 2021 lookup', 'no such lookup was found'] }),
  },
  {
    name: '2011 → 2021 lookup: a bad change indicator',
    // row 4 (line 5) is L4's U row
    options: { edit: { lsoa11: (t) => (t.rows[3][4] = 'Q') } },
    error: () => ({ file: LSOA11, line: 5, column: 'CHGIND', message: ['"Q" is not a change indicator'] }),
  },
  {
    name: 'census: groups that do not add up to the total',
    // L2 (line 3): Black 100 → 99
    options: { edit: { census: (t) => setCell(t, 'E01000902', 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African', '99') } },
    error: () => ({ file: CENSUS, line: 3, column: 'Ethnic group: Total: All usual residents', message: ['the five groups add up to 1699, not to the total 1700'] }),
  },
  {
    name: 'religion: a missing column',
    options: { edit: { religion: (t) => dropColumn(t, 'Religion: Sikh') } },
    error: () => ({ file: RELIGION, line: 1, message: ['missing column "Religion: Sikh"'] }),
  },
  {
    name: 'religion: categories that do not add up to the total',
    // L5 (line 6): Christian 800 → 801
    options: { edit: { religion: (t) => setCell(t, 'E01000905', 'Religion: Christian', '801') } },
    error: () => ({ file: RELIGION, line: 6, column: 'Religion: Total: All usual residents', message: ['the nine religion categories add up to 2101, not to the total 2100'] }),
  },
  {
    name: 'religion: a negative count',
    options: { edit: { religion: (t) => setCell(t, 'E01000907', 'Religion: Not answered', '-70') } },
    error: () => ({ file: RELIGION, line: 8, column: 'Religion: Not answered', message: ['-70 is outside the allowed range'] }),
  },
  {
    name: 'boundaries: a ring of two corners',
    options: {
      edit: {
        boundaries: (fc) => {
          (fc.features[5].geometry as Polygon).coordinates[0] = [[-1.94, 52.48], [-1.93, 52.48], [-1.94, 52.48]];
        },
      },
    },
    error: () => ({ file: BOUNDARIES, message: ['feature 6 (E01000906): the outer ring has only 2 distinct corners'] }),
  },
  {
    name: 'boundaries: a self-intersecting ring',
    options: {
      edit: {
        boundaries: (fc) => {
          // L8 (−1.92 … −1.91, 52.48 … 52.49) drawn SW, NE, SE, NW: a bow tie crossing at its centre
          (fc.features[7].geometry as Polygon).coordinates[0] = [[-1.92, 52.48], [-1.91, 52.49], [-1.91, 52.48], [-1.92, 52.49], [-1.92, 52.48]];
        },
      },
    },
    error: () => ({ file: BOUNDARIES, message: ['feature 8 (E01000908): the outer ring crosses itself near -1.915000, 52.485000'] }),
  },
  {
    name: 'boundaries: a feature that is not a polygon',
    options: {
      edit: {
        boundaries: (fc) => {
          fc.features[2].geometry = { type: 'LineString', coordinates: [[-1.93, 52.49], [-1.92, 52.5]] };
        },
      },
    },
    error: () => ({ file: BOUNDARIES, message: ['feature 3 (E01000903) has geometry LineString; expected Polygon or MultiPolygon'] }),
  },
  {
    name: 'boundaries (gzip): an LSOA missing',
    options: { gzip: { boundaries: true }, edit: { boundaries: (fc) => fc.features.splice(11, 1) } },
    error: () => ({ file: `${BOUNDARIES}.gz`, message: [`has no boundary for 1 LSOA of ${LOOKUP_NAME}: E01000912`] }),
  },
  {
    name: 'census 2011: a row whose groups do not add up to Persons',
    // E01000903 is on line 4; Indian 40 → 41 makes the 15 columns 1019 against Persons 1018
    options: { edit: { census2011: (t) => setCell(t, 'E01000903', 'Indian', '41') } },
    error: () => ({ file: CENSUS2011, line: 4, column: 'Persons', message: ['the 15 group columns add up to 1019, not to Persons 1018'] }),
  },
  {
    name: 'census 2011: LSOA 2021 codes',
    // the split LSOA 2011 (line 11) recoded to one of its LSOAs 2021
    options: { edit: { census2011: (t) => setCell(t, 'E01000990', 'LSOA11CD', 'E01000910') } },
    error: () => ({ file: CENSUS2011, line: 11, column: 'LSOA11CD', message: ['E01000910 is not an LSOA 2011 code', 'it is an LSOA 2021 code'] }),
  },
  {
    name: 'census 2011: a negative count',
    options: { edit: { census2011: (t) => setCell(t, 'E01000901', 'Irish', '-1') } },
    error: () => ({ file: CENSUS2011, line: 2, column: 'Irish', message: ['-1 is outside the allowed range'] }),
  },
  {
    name: 'census 2011: a missing column',
    options: { edit: { census2011: (t) => dropColumn(t, 'GypsyTraveller_derived') } },
    error: () => ({ file: CENSUS2011, line: 1, message: ['missing column "GypsyTraveller_derived"'] }),
  },
  {
    name: 'no boundaries at all',
    prepare: (fixture) => rmSync(fixture.files.boundaries),
    error: (fixture) => ({ file: fixture.dir, message: ['no Lower layer Super Output Areas (December 2021) Boundaries', 'lsoa21_bgc_england.geojson'] }),
  },
];

describe('runPipeline on broken inputs', () => {
  let outRoot: string;
  let out: string;
  let good: Fixture;
  let before: Map<string, Buffer>;

  beforeAll(async () => {
    outRoot = tempDir('iod-out-');
    out = join(outRoot, 'data');
    good = writeFixture();
    await run(good.dir, out);
    before = readTree(out);
  });
  afterAll(() => {
    good.cleanup();
    rmSync(outRoot, { recursive: true, force: true });
  });

  it.each(BROKEN.map((c) => [c.name, c] as const))('%s: rejects, naming the file, and leaves the previous output as it was', async (_, broken) => {
    const fixture = writeFixture(broken.options);
    try {
      broken.prepare?.(fixture);
      await expectInputErrorAsync(run(fixture.dir, out, broken.expected), broken.error(fixture));
      expectSameTree(readTree(out), before);
      // no half-built *.tmp-* (or *.old-*) folder is left beside the output
      expect(readdirSync(outRoot)).toEqual(['data']);
    } finally {
      fixture.cleanup();
    }
  });

  it('still replaces the output after the failures, with the same bytes for the same inputs', async () => {
    await run(good.dir, out);
    expectSameTree(readTree(out), before);
    expect(readdirSync(outRoot)).toEqual(['data']);
  });
});

// ---------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------

describe('determinism', () => {
  it('gives byte-identical files for the same inputs, into other folders and from another copy of the inputs', async () => {
    const first = writeFixture();
    const second = writeFixture();
    const outRoot = tempDir('iod-determinism-');
    try {
      const a = await run(first.dir, join(outRoot, 'a'));
      const b = await run(first.dir, join(outRoot, 'b'));
      // another folder holding the same files: no absolute path may leak into the output
      const c = await run(second.dir, join(outRoot, 'c'));
      const treeA = readTree(join(outRoot, 'a'));
      expect(treeA.size).toBe(270);
      expectSameTree(readTree(join(outRoot, 'b')), treeA);
      expectSameTree(readTree(join(outRoot, 'c')), treeA);
      expect(b.manifest.buildId).toBe(a.manifest.buildId);
      expect(c.manifest.buildId).toBe(a.manifest.buildId);
      expect(a.manifest.buildId).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      first.cleanup();
      second.cleanup();
      rmSync(outRoot, { recursive: true, force: true });
    }
  });

  it('reads gzip-compressed inputs and builds the same data from them', async () => {
    const plain = writeFixture({ file7: 'subset' });
    const gzipped = writeFixture({ file7: 'subset', gzip: { iod: true, lookup: true, census: true, boundaries: true, iod2019: true, lsoa11: true, census2011: true, religion: true } });
    try {
      const a = await run(plain.dir, join(plain.dir, 'out'));
      const b = await run(gzipped.dir, join(gzipped.dir, 'out'));
      expect(b.manifest.sources.map((s) => s.file)).toEqual([
        `${IOD}.gz`, FILE10, `${IOD2019}.gz`, `${LOOKUP}.gz`, `${LSOA11}.gz`, `${BOUNDARIES}.gz`, `${CENSUS}.gz`, `${CENSUS2011}.gz`, `${RELIGION}.gz`,
      ]);
      expect(a.manifest.sources.map((s) => s.file)).toEqual([IOD, FILE10, IOD2019, LOOKUP, LSOA11, BOUNDARIES, CENSUS, CENSUS2011, RELIGION]);
      // Only the files that name the inputs differ (manifest, and the README's file names).
      const named = (tree: Map<string, Buffer>) => new Map([...tree].filter(([path]) => path !== 'manifest.json' && path !== 'downloads/README.md'));
      expectSameTree(named(readTree(join(gzipped.dir, 'out'))), named(readTree(join(plain.dir, 'out'))));
    } finally {
      plain.cleanup();
      gzipped.cleanup();
    }
  });

  it('gives another build id when an input changes', async () => {
    const first = writeFixture();
    const changed = writeFixture({ edit: { lookup: (t) => setCell(t, 'E01000901', 'LSOA21NM', 'Alphaton 001Z') } });
    try {
      const a = await run(first.dir, join(first.dir, 'out'));
      const b = await run(changed.dir, join(changed.dir, 'out'));
      expect(b.manifest.buildId).not.toBe(a.manifest.buildId);
    } finally {
      first.cleanup();
      changed.cleanup();
    }
  });
});
