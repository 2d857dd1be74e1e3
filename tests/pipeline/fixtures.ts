/**
 * A small, complete and valid set of pipeline inputs, written into a temporary
 * folder: 12 LSOAs in 5 wards in 2 authorities, with every value typed here by
 * hand (no row of the official files is copied). Options break the files in
 * the ways the validation and pipeline tests need.
 *
 * The geography (N = 12 LSOAs nationally):
 *
 *   authority E06000901 "Alphaton"                  authority E09000901 "Betaford"
 *     ward E05000901 "Alphaton North": L1 L2 L3       ward E05000904 "Castle, Vale & Marsh": L7 L8 L9
 *     ward E05000902 "Alphaton South": L4 L5          ward E05000905 "Betaford Green": L10 L11 L12
 *     ward E05000903 "Alphaton East":  L6
 *
 * where Lk is LSOA E0100090k (E01000910 … E01000912 for L10 … L12).
 *
 * Ranks. Every indicator uses one of two rank patterns (each a permutation of
 * 1 … 12), so that the authority summaries can be worked out by hand:
 *
 *   LSOA          L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 L12
 *   pattern A      1  4  6  2  9 11  3  5  7   8  10  12
 *   pattern B     12  9  7 11  4  2 10  8  6   5   3   1   (B = 13 − A)
 *
 * and the score of LSOA i is `a − b × rank` (a, b per indicator below), so a
 * higher score always goes with a smaller rank (more deprived). The decile is
 * ⌈rank × 10 / 12⌉: ranks 1→1, 2→2, 3→3, 4→4, 5→5, 6→5, 7→6, 8→7, 9→8,
 * 10→9, 11→10, 12→10.
 *
 * Weights. "Total population: mid 2022" (File 7) and the Census 2021 total
 * (TS021) differ on purpose, so a test can tell which one was used.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { IOD2019_PACKAGE_STEMS } from '../../scripts/pipeline/adapters/iod2019.ts';

// ---------------------------------------------------------------------------
// The hand-typed data
// ---------------------------------------------------------------------------

export const LAD_A = { code: 'E06000901', name: 'Alphaton' };
export const LAD_B = { code: 'E09000901', name: 'Betaford' };

export const WARDS = [
  { code: 'E05000901', name: 'Alphaton North', lad: LAD_A },
  { code: 'E05000902', name: 'Alphaton South', lad: LAD_A },
  { code: 'E05000903', name: 'Alphaton East', lad: LAD_A },
  { code: 'E05000904', name: 'Castle, Vale & Marsh', lad: LAD_B },
  { code: 'E05000905', name: 'Betaford Green', lad: LAD_B },
] as const;

export interface FixtureLsoa {
  code: string;
  name: string;
  /** Index into WARDS. */
  ward: number;
  /** Rank under pattern A (pattern B is 13 − this). */
  rankA: number;
  /** File 7 "Total population: mid 2022". */
  population: number;
  /** Census 2021 usual residents (TS021 total). */
  census: number;
  /** Census 2021 residents by broad ethnic group: Asian, Black, Mixed, White, Other (they add up to `census`). */
  groups: [number, number, number, number, number];
}

export const LSOAS: readonly FixtureLsoa[] = [
  //                                                                                                 Asian Black Mixed White Other
  { code: 'E01000901', name: 'Alphaton 001A', ward: 0, rankA: 1, population: 600, census: 650, groups: [65, 0, 20, 550, 15] },
  { code: 'E01000902', name: 'Alphaton 001B', ward: 0, rankA: 4, population: 1800, census: 1700, groups: [300, 100, 50, 1200, 50] },
  { code: 'E01000903', name: 'Alphaton 001C', ward: 0, rankA: 6, population: 1600, census: 1610, groups: [10, 10, 30, 1550, 10] },
  { code: 'E01000904', name: 'Alphaton 002A', ward: 1, rankA: 2, population: 1500, census: 1400, groups: [700, 200, 100, 350, 50] },
  { code: 'E01000905', name: 'Alphaton 002B', ward: 1, rankA: 9, population: 2000, census: 2100, groups: [210, 420, 105, 1260, 105] },
  { code: 'E01000906', name: 'Alphaton 003A', ward: 2, rankA: 11, population: 2500, census: 2450, groups: [0, 0, 0, 2450, 0] },
  { code: 'E01000907', name: 'Betaford 001A', ward: 3, rankA: 3, population: 1000, census: 1200, groups: [400, 300, 100, 300, 100] },
  { code: 'E01000908', name: 'Betaford 001B', ward: 3, rankA: 5, population: 1200, census: 1150, groups: [115, 115, 115, 690, 115] },
  { code: 'E01000909', name: 'Betaford 001C', ward: 3, rankA: 7, population: 1500, census: 1480, groups: [148, 74, 74, 1110, 74] },
  { code: 'E01000910', name: 'Betaford 002A', ward: 4, rankA: 8, population: 1800, census: 1900, groups: [950, 0, 0, 950, 0] },
  { code: 'E01000911', name: 'Betaford 002B', ward: 4, rankA: 10, population: 2000, census: 2020, groups: [202, 202, 101, 1313, 202] },
  { code: 'E01000912', name: 'Betaford 002C', ward: 4, rankA: 12, population: 500, census: 480, groups: [48, 24, 24, 360, 24] },
];

export const N_LSOAS = 12;

/** A Welsh LSOA, which the lookup, census and boundaries may hold and the pipeline must skip. */
export const WELSH = {
  lsoa: 'W01000901',
  lsoaName: 'Cardydd 001A',
  ward: 'W05000901',
  wardName: 'Cardydd Bay',
  lad: 'W06000901',
  ladName: 'Cardydd',
};

export type Pattern = 'A' | 'B';

/**
 * The 14 indicators: File 7 column base, pattern, and score = a − b × rank.
 * The header suffixes are those of the official File 7 (Income and
 * Employment scores are "(rate)"; one decile header is truncated).
 */
export const FILE7_INDICATORS = [
  { id: 'imd', base: 'Index of Multiple Deprivation (IMD)', pattern: 'A', a: 60, b: 4 },
  { id: 'income', base: 'Income', scoreSuffix: ' (rate)', pattern: 'B', a: 0.5, b: 0.03 },
  { id: 'employment', base: 'Employment', scoreSuffix: ' (rate)', pattern: 'A', a: 0.4, b: 0.025 },
  { id: 'education', base: 'Education, Skills and Training', pattern: 'B', a: 50, b: 2 },
  { id: 'health', base: 'Health Deprivation and Disability', pattern: 'A', a: 2, b: 0.3 },
  { id: 'crime', base: 'Crime', pattern: 'B', a: 1.5, b: 0.4 },
  { id: 'barriers', base: 'Barriers to Housing and Services', pattern: 'A', a: 40, b: 2 },
  { id: 'living', base: 'Living Environment', pattern: 'B', a: 45, b: 3.2 },
  {
    id: 'cyp',
    base: 'Children and Young People Sub-domain',
    pattern: 'A',
    a: 3,
    b: 0.2,
    decileHeader: 'Children and Young People Sub-domain Decile (where 1 is most deprived 10% of LSO',
  },
  { id: 'adult_skills', base: 'Adult Skills Sub-domain', pattern: 'B', a: 0.5, b: 0.04 },
  { id: 'geographical_barriers', base: 'Geographical Barriers Sub-domain', pattern: 'A', a: 1, b: 0.15 },
  { id: 'wider_barriers', base: 'Wider Barriers Sub-domain', pattern: 'B', a: 2, b: 0.3 },
  { id: 'indoors', base: 'Indoors Sub-domain', pattern: 'A', a: 1.2, b: 0.2 },
  { id: 'outdoors', base: 'Outdoors Sub-domain', pattern: 'B', a: 1.6, b: 0.25 },
] as const satisfies readonly {
  id: string;
  base: string;
  scoreSuffix?: string;
  pattern: Pattern;
  a: number;
  b: number;
  decileHeader?: string;
}[];

export function rankOf(lsoa: FixtureLsoa, pattern: Pattern): number {
  return pattern === 'A' ? lsoa.rankA : N_LSOAS + 1 - lsoa.rankA;
}

/** ⌈rank × 10 / 12⌉, the official decile (typed out in the header comment). */
export function decileOf(rank: number): number {
  return Math.ceil((rank * 10) / N_LSOAS);
}

/** Score as the file prints it: 3 decimals, exact for every a and b above. */
export function scoreText(indicator: { a: number; b: number }, rank: number): string {
  return (indicator.a - indicator.b * rank).toFixed(3);
}

// ---------------------------------------------------------------------------
// File 10, computed by hand from the data above (weights: mid-2022 column)
// ---------------------------------------------------------------------------
//
// Reversed rank r' = N + 1 − rank = 13 − rank.
//
// Authority A (L1…L6), populations 600, 1800, 1600, 1500, 2000, 2500;
//   P_A = 600 + 1800 + 1600 + 1500 + 2000 + 2500 = 10000.
// Authority B (L7…L12), populations 1000, 1200, 1500, 1800, 2000, 500;
//   P_B = 1000 + 1200 + 1500 + 1800 + 2000 + 500 = 8000.
//
// Pattern A, weighted mean rank (WMR = Σ p·rank / P):
//   A: 600·1 + 1800·4 + 1600·6 + 1500·2 + 2000·9 + 2500·11
//      = 600 + 7200 + 9600 + 3000 + 18000 + 27500 = 65900 → 65900/10000 = 6.59
//   B: 1000·3 + 1200·5 + 1500·7 + 1800·8 + 2000·10 + 500·12
//      = 3000 + 6000 + 10500 + 14400 + 20000 + 6000 = 59900 → 59900/8000 = 7.4875
// Pattern A, average rank = Σ p·r' / P = 13 − WMR:
//   A: 600·12 + 1800·9 + 1600·7 + 1500·11 + 2000·4 + 2500·2
//      = 7200 + 16200 + 11200 + 16500 + 8000 + 5000 = 64100 → 6.41   (= 13 − 6.59 ✓)
//   B: 1000·10 + 1200·8 + 1500·6 + 1800·5 + 2000·3 + 500·1
//      = 10000 + 9600 + 9000 + 9000 + 6000 + 500 = 44100 → 44100/8000 = 5.5125 (= 13 − 7.4875 ✓)
// Pattern B (rank = 13 − rank_A, so r' = rank_A): the two swap:
//   WMR A = 6.41, B = 5.5125; average rank A = 6.59, B = 7.4875.
//
// Average score = a − b × WMR (the score is linear in the rank):
//   imd        (A) 60 − 4·rank:     A 60 − 4·6.59 = 60 − 26.36 = 33.64;       B 60 − 4·7.4875 = 60 − 29.95 = 30.05
//   income     (B) 0.5 − 0.03·rank: A 0.5 − 0.03·6.41 = 0.5 − 0.1923 = 0.3077; B 0.5 − 0.03·5.5125 = 0.5 − 0.165375 = 0.334625
//   employment (A) 0.4 − 0.025·rank:A 0.4 − 0.16475 = 0.23525;                B 0.4 − 0.025·7.4875 = 0.4 − 0.1871875 = 0.2128125
//   education  (B) 50 − 2·rank:     A 50 − 12.82 = 37.18;                     B 50 − 11.025 = 38.975
//   health     (A) 2 − 0.3·rank:    A 2 − 1.977 = 0.023;                      B 2 − 2.24625 = −0.24625
//   crime      (B) 1.5 − 0.4·rank:  A 1.5 − 2.564 = −1.064;                   B 1.5 − 2.205 = −0.705
//   barriers   (A) 40 − 2·rank:     A 40 − 13.18 = 26.82;                     B 40 − 14.975 = 25.025
//   living     (B) 45 − 3.2·rank:   A 45 − 20.512 = 24.488;                   B 45 − 17.64 = 27.36
//
// Proportion of LSOAs in decile 1: only rank 1 is in decile 1 (⌈10/12⌉ = 1,
//   ⌈20/12⌉ = 2). Pattern A: rank 1 is L1 (in A) → A 1/6 = 0.1667, B 0.
//   Pattern B: rank 1 is L12 (in B) → A 0, B 0.1667.
//
// Extent (IMD, pattern A). Percentile = ⌈rank × 100 / 12⌉: rank 1 → ⌈8.33⌉ = 9,
//   rank 2 → ⌈16.67⌉ = 17, rank 3 → 25, rank 4 → ⌈33.3⌉ = 34 (weight 0 from here).
//   Weights: pct 9 → 1; pct 17 → 0.95 − (17 − 11)·0.9/19 = (18.05 − 5.4)/19 = 12.65/19 = 0.665789…;
//   pct 25 → 0.95 − 14·0.9/19 = (18.05 − 12.6)/19 = 5.45/19 = 0.286842….
//   A: L1 (rank 1) 600·1 + L4 (rank 2) 1500·12.65/19 = 600 + 998.684… = 1598.684… → /10000 = 0.159868 → 0.1599
//   B: L7 (rank 3) 1000·5.45/19 = 286.842… → /8000 = 0.035855 → 0.0359
//
// Local concentration (IMD, pattern A): the most deprived LSOAs holding 10% of P.
//   A: 10% of 10000 = 1000. L1 (rank 1, r' 12) gives all its 600; L4 (rank 2, r' 11)
//      gives the remaining 400 of its 1500 (the partial LSOA):
//      (600·12 + 400·11) / 1000 = (7200 + 4400) / 1000 = 11.6
//   B: 10% of 8000 = 800. L7 (rank 3, r' 10) alone has 1000 > 800: 800·10/800 = 10.
//
// Ranks of authorities (1 = larger value = more deprived; no ties here):
//   pattern A indicators: A is 1 and B is 2 on every measure
//     (average rank 6.41 > 5.5125; scores as above; proportion 1/6 > 0; extent; LC 11.6 > 10);
//   pattern B indicators: B is 1 and A is 2
//     (average rank 7.4875 > 6.59; scores above; proportion 1/6 > 0).
//
// Published precision: scores 3 decimals, average rank and LC 2, proportions and extent 4.

const rankAB = (aFirst: boolean) => (aFirst ? ['1', '2'] : ['2', '1']);

function file10Indicator(
  prefix: string,
  avgRank: [string, string],
  avgScore: [string, string],
  proportion: [string, string],
  aFirst: boolean,
): [Record<string, string>, Record<string, string>] {
  const [ra, rb] = rankAB(aFirst);
  const columns = (i: 0 | 1, r: string) => ({
    [`${prefix}_average_rank`]: avgRank[i],
    [`${prefix}_rank_of_average_rank`]: r,
    [`${prefix}_average_score`]: avgScore[i],
    [`${prefix}_rank_of_average_score`]: r,
    [`${prefix}_proportion_of_lso_as_in_most_deprived_10_percent_nationally`]: proportion[i],
    [`${prefix}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally`]: r,
  });
  return [columns(0, ra), columns(1, rb)];
}

/** The File 10 rows, columns in the order of the official (humaniverse) CSV. */
export function file10Rows(): { header: string[]; rows: string[][] } {
  const a: Record<string, string> = { ltla24_code: LAD_A.code, ltla24_name: LAD_A.name };
  const b: Record<string, string> = { ltla24_code: LAD_B.code, ltla24_name: LAD_B.name };
  const add = ([x, y]: [Record<string, string>, Record<string, string>]) => {
    Object.assign(a, x);
    Object.assign(b, y);
  };
  // IMD (pattern A)
  add(file10Indicator('imd', ['6.41', '5.51'], ['33.640', '30.050'], ['0.1667', '0'], true));
  Object.assign(a, { imd25_extent: '0.1599', imd25_rank_of_extent: '1', imd25_local_concentration: '11.60', imd25_rank_of_local_concentration: '1' });
  Object.assign(b, { imd25_extent: '0.0359', imd25_rank_of_extent: '2', imd25_local_concentration: '10.00', imd25_rank_of_local_concentration: '2' });
  // 5.5125 → "5.51" and 7.4875 → "7.49" at 2 decimals.
  add(file10Indicator('income', ['6.59', '7.49'], ['0.308', '0.335'], ['0', '0.1667'], false));
  Object.assign(a, { income_scale: '1200', rank_of_income_scale: '1' });
  Object.assign(b, { income_scale: '900', rank_of_income_scale: '2' });
  add(file10Indicator('employment', ['6.41', '5.51'], ['0.235', '0.213'], ['0.1667', '0'], true));
  Object.assign(a, { employment_scale: '700', rank_of_employment_scale: '1' });
  Object.assign(b, { employment_scale: '500', rank_of_employment_scale: '2' });
  add(file10Indicator('education_skills_and_training', ['6.59', '7.49'], ['37.180', '38.975'], ['0', '0.1667'], false));
  add(file10Indicator('health_deprivation_and_disability', ['6.41', '5.51'], ['0.023', '-0.246'], ['0.1667', '0'], true));
  add(file10Indicator('crime', ['6.59', '7.49'], ['-1.064', '-0.705'], ['0', '0.1667'], false));
  add(file10Indicator('barriers_to_housing_and_services', ['6.41', '5.51'], ['26.820', '25.025'], ['0.1667', '0'], true));
  add(file10Indicator('living_environment', ['6.59', '7.49'], ['24.488', '27.360'], ['0', '0.1667'], false));
  const header = Object.keys(a);
  return { header, rows: [header.map((h) => a[h]), header.map((h) => b[h])] };
}

// ---------------------------------------------------------------------------
// Tables and how to break them
// ---------------------------------------------------------------------------

/** An editable CSV before it is written. */
export interface Table {
  header: string[];
  rows: string[][];
}

export function columnIndex(table: Table, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`fixture: no column ${name}`);
  return index;
}

/** Index of the first column whose name starts with `prefix`. */
export function columnStarting(table: Table, prefix: string): number {
  const index = table.header.findIndex((h) => h.startsWith(prefix));
  if (index < 0) throw new Error(`fixture: no column starting ${prefix}`);
  return index;
}

export function dropColumn(table: Table, name: string): void {
  const index = columnIndex(table, name);
  table.header.splice(index, 1);
  for (const row of table.rows) row.splice(index, 1);
}

export function renameColumn(table: Table, from: string, to: string): void {
  table.header[columnIndex(table, from)] = to;
}

/** The row whose first column is `key`. */
export function rowOf(table: Table, key: string): string[] {
  const row = table.rows.find((r) => r[0] === key);
  if (!row) throw new Error(`fixture: no row ${key}`);
  return row;
}

export function setCell(table: Table, key: string, column: string, value: string): void {
  rowOf(table, key)[columnIndex(table, column)] = value;
}

export function removeRow(table: Table, key: string): void {
  table.rows.splice(table.rows.indexOf(rowOf(table, key)), 1);
}

export function duplicateRow(table: Table, key: string): void {
  table.rows.push([...rowOf(table, key)]);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(table: Table): string {
  return [table.header, ...table.rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// The input files
// ---------------------------------------------------------------------------

export interface FixtureOptions {
  /**
   * 'official': File 7 as MHCLG publishes it, with LSOA name, authority,
   * IDACI/IDAOPI and the population denominators including "Total
   * population: mid 2022". 'subset': the 43 columns of the shared copy (no
   * population column). Default 'official'.
   */
  file7?: 'official' | 'subset';
  /** Write the Census 2021 TS021 file (default true). */
  census?: boolean;
  /** Write the Census 2011 LSOA 2011 file (default true). */
  census2011?: boolean;
  /** Write the Census 2021 TS030 religion file (default true). */
  religion?: boolean;
  /** Write the IoD 2019 file and the LSOA 2011 → 2021 lookup (default true each). */
  iod2019?: boolean;
  lsoa11Lookup?: boolean;
  /** Add a Welsh row to the lookup, census and boundaries (default true). */
  welsh?: boolean;
  /** Which files to write gzip-compressed (default: none). */
  gzip?: Partial<Record<'iod' | 'lookup' | 'census' | 'boundaries' | 'iod2019' | 'lsoa11' | 'census2011' | 'religion', boolean>>;
  /** Edits applied before writing, to break the files. */
  edit?: {
    lookup?: (table: Table) => void;
    iod?: (table: Table) => void;
    census?: (table: Table) => void;
    file10?: (table: Table) => void;
    iod2019?: (table: Table) => void;
    lsoa11?: (table: Table) => void;
    census2011?: (table: Table) => void;
    religion?: (table: Table) => void;
    boundaries?: (collection: FeatureCollection) => void;
  };
}

export interface Fixture {
  dir: string;
  /** Absolute path of each input file. */
  files: { iod: string; file10: string; lookup: string; census?: string; boundaries: string; iod2019?: string; lsoa11?: string; census2011?: string; religion?: string };
  cleanup(): void;
}

export function lookupTable(welsh = true): Table {
  const row = (lsoa: FixtureLsoa) => {
    const ward = WARDS[lsoa.ward];
    return [lsoa.code, lsoa.name, ward.code, ward.name, ward.lad.code, ward.lad.name];
  };
  // Not in code order: the pipeline must sort. The Welsh row sits in the middle.
  const order = [6, 0, 11, 3, 9, 1, 7, 4, 10, 2, 8, 5];
  const rows = order.map((i) => row(LSOAS[i]));
  if (welsh) rows.splice(5, 0, [WELSH.lsoa, WELSH.lsoaName, WELSH.ward, WELSH.wardName, WELSH.lad, WELSH.ladName]);
  return { header: ['LSOA21CD', 'LSOA21NM', 'WD24CD', 'WD24NM', 'LAD24CD', 'LAD24NM'], rows };
}

const RANK_SUFFIX = ' Rank (where 1 is most deprived)';
const DECILE_SUFFIX = ' Decile (where 1 is most deprived 10% of LSOAs)';

export const POPULATION_HEADER = 'Total population: mid 2022';

export function iodTable(kind: 'official' | 'subset' = 'official'): Table {
  const official = kind === 'official';
  const header = ['LSOA code (2021)'];
  if (official) header.push('LSOA name (2021)', 'Local Authority District code (2024)', 'Local Authority District name (2024)');
  const indicatorHeaders = (i: (typeof FILE7_INDICATORS)[number]) => [
    `${i.base} Score${'scoreSuffix' in i ? i.scoreSuffix : ''}`,
    `${i.base}${RANK_SUFFIX}`,
    'decileHeader' in i ? i.decileHeader : `${i.base}${DECILE_SUFFIX}`,
  ];
  const domains = FILE7_INDICATORS.slice(0, 8);
  const subdomains = FILE7_INDICATORS.slice(8);
  for (const i of domains) header.push(...indicatorHeaders(i));
  if (official) {
    for (const base of ['Income Deprivation Affecting Children Index (IDACI)', 'Income Deprivation Affecting Older People (IDAOPI)']) {
      header.push(`${base} Score (rate)`, `${base}${RANK_SUFFIX}`, `${base}${DECILE_SUFFIX}`);
    }
  }
  for (const i of subdomains) header.push(...indicatorHeaders(i));
  if (official) {
    header.push(
      POPULATION_HEADER,
      'Dependent Children aged 0-15: mid 2022',
      'Older population aged 60 and over: mid 2022',
      'Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022',
    );
  }
  const cells = (lsoa: FixtureLsoa, i: { pattern: Pattern; a: number; b: number }) => {
    const rank = rankOf(lsoa, i.pattern);
    return [scoreText(i, rank), String(rank), String(decileOf(rank))];
  };
  const rows = LSOAS.map((lsoa) => {
    const lad = WARDS[lsoa.ward].lad;
    const row = [lsoa.code];
    if (official) row.push(lsoa.name, lad.code, lad.name);
    for (const i of domains) row.push(...cells(lsoa, i));
    if (official) {
      // IDACI and IDAOPI: not read by the pipeline; pattern A and B.
      row.push(...cells(lsoa, { pattern: 'A', a: 0.4, b: 0.02 }), ...cells(lsoa, { pattern: 'B', a: 0.3, b: 0.01 }));
    }
    for (const i of subdomains) row.push(...cells(lsoa, i));
    if (official) {
      const p = lsoa.population;
      row.push(String(p), String(Math.round(p * 0.2)), String(Math.round(p * 0.25)), String(Math.round(p * 0.6)));
    }
    return row;
  });
  return { header, rows };
}

export const CENSUS_GROUP_COLUMNS = [
  'Ethnic group: Asian, Asian British or Asian Welsh',
  'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
  'Ethnic group: Mixed or Multiple ethnic groups',
  'Ethnic group: White',
  'Ethnic group: Other ethnic group',
];
export const CENSUS_TOTAL = 'Ethnic group: Total: All usual residents';

/** TS021 with the hand-typed counts of LSOAS (and a Welsh row, last). */
export function censusTable(welsh = true): Table {
  const header = ['geography code', CENSUS_TOTAL, ...CENSUS_GROUP_COLUMNS];
  const rows = LSOAS.map((lsoa) => [lsoa.code, String(lsoa.census), ...lsoa.groups.map(String)]);
  if (welsh) rows.push([WELSH.lsoa, '1500', '15', '15', '15', '1440', '15']);
  return { header, rows };
}

// ---------------------------------------------------------------------------
// IoD 2019 (LSOA 2011) and the LSOA 2011 → 2021 lookup
// ---------------------------------------------------------------------------
//
// The 2011 geography of the 12 LSOAs 2021 (N₂₀₁₁ = 12 LSOAs 2011 too):
//   L1 … L9 unchanged (CHGIND U, same code);
//   E01000990 "Betaford 002X" (2011) was split (S) into L10 and L11;
//   E01000991 "Betaford 003X" and E01000992 "Betaford 003Y" (2011) were merged (M) into L12.
// So only L1 … L9 carry a 2019 figure; L10, L11 (split) and L12 (merged) have none.
//
// IoD 2019 ranks among the 12 LSOAs 2011, listed L1 … L9, E01000990, E01000991, E01000992:
//   pattern A19:  2  5  1  7  3 12  4  9  6 10  8 11
//   pattern B19 = 13 − A19
// Each indicator uses the 2019 pattern of the letter it has for 2025 (FILE7_INDICATORS).
// Deciles ⌈rank × 10 / 12⌉ as for 2025: so the IMD 2019 deciles of L1 … L9 are
//   ranks 2 5 1 7 3 12 4 9 6 → deciles 2 5 1 6 3 10 4 8 5.

export const LSOA11 = [
  ...LSOAS.slice(0, 9).map((l) => ({ code: l.code, name: l.name, rankA19: 0 })),
  { code: 'E01000990', name: 'Betaford 002X', rankA19: 0 },
  { code: 'E01000991', name: 'Betaford 003X', rankA19: 0 },
  { code: 'E01000992', name: 'Betaford 003Y', rankA19: 0 },
].map((l, i) => ({ ...l, rankA19: [2, 5, 1, 7, 3, 12, 4, 9, 6, 10, 8, 11][i] }));

export const N_LSOA11 = 12;

export function rank2019(lsoa11: (typeof LSOA11)[number], pattern: Pattern): number {
  return pattern === 'A' ? lsoa11.rankA19 : N_LSOA11 + 1 - lsoa11.rankA19;
}

export function iod2019Table(): Table {
  const header = ['lsoa11_code'];
  for (const i of FILE7_INDICATORS) header.push(`${IOD2019_PACKAGE_STEMS[i.id]}_decile`, `${IOD2019_PACKAGE_STEMS[i.id]}_rank`);
  const rows = LSOA11.map((l) => {
    const row = [l.code];
    for (const i of FILE7_INDICATORS) {
      const rank = rank2019(l, i.pattern);
      row.push(String(Math.ceil((rank * 10) / N_LSOA11)), String(rank));
    }
    return row;
  });
  return { header, rows };
}

export function lsoa11LookupTable(): Table {
  const header = ['LSOA11CD', 'LSOA11NM', 'LSOA21CD', 'LSOA21NM', 'CHGIND', 'LAD22CD', 'LAD22NM'];
  const lad = (l: FixtureLsoa) => WARDS[l.ward].lad;
  const rows = LSOAS.slice(0, 9).map((l) => [l.code, l.name, l.code, l.name, 'U', lad(l).code, lad(l).name]);
  const [l10, l11, l12] = LSOAS.slice(9);
  rows.push(
    ['E01000990', 'Betaford 002X', l10.code, l10.name, 'S', LAD_B.code, LAD_B.name],
    ['E01000990', 'Betaford 002X', l11.code, l11.name, 'S', LAD_B.code, LAD_B.name],
    ['E01000991', 'Betaford 003X', l12.code, l12.name, 'M', LAD_B.code, LAD_B.name],
    ['E01000992', 'Betaford 003Y', l12.code, l12.name, 'M', LAD_B.code, LAD_B.name],
  );
  return { header, rows };
}

// ---------------------------------------------------------------------------
// Census 2011 KS201EW ethnic group by LSOA 2011 (the 12 LSOAs 2011 above)
// ---------------------------------------------------------------------------

export const CENSUS2011_COLUMNS = [
  'WhiteBrit', 'Irish', 'OtherWhite', 'GypsyTraveller_derived', 'Mixed',
  'Indian', 'Pakistani', 'Bangladeshi', 'Chinese', 'OtherAsian',
  'BlkAfrican', 'BlkCaribbean', 'OtherBlk', 'Arab', 'Other',
];

/**
 * The 15 counts of each LSOA 2011 (CENSUS2011_COLUMNS order), in the order of
 * LSOA11. Broad groups (White = the first four, Mixed, Asian = the next five,
 * Black = the next three, Other = Arab + Other):
 *   L1 (E01000901):         White 530, Mixed 20, Asian 50, Black 0, Other 10; Persons 610
 *   E01000990 (split, S):   White 1634, Mixed 60, Asian 600, Black 150, Other 36; Persons 2480
 *   E01000991 (merged, M):  White 750, Mixed 30, Asian 40, Black 65, Other 5; Persons 890
 *   E01000992 (merged, M):  White 331, Mixed 14, Asian 130, Black 15, Other 10; Persons 500
 * L2 … L9 follow a simple pattern (k = 2 … 9).
 */
export const CENSUS2011_COUNTS: readonly number[][] = [
  [500, 10, 20, 0, 20, 30, 10, 0, 5, 5, 0, 0, 0, 5, 5],
  ...[2, 3, 4, 5, 6, 7, 8, 9].map((k) => [800 + 10 * k, 10, 30 + k, 1, 20 + k, 40, 20 + 2 * k, 5, 5, 10, 15, 10, 5, 2, 3]),
  [1500, 30, 100, 4, 60, 200, 300, 50, 20, 30, 100, 40, 10, 20, 16],
  [700, 10, 40, 0, 30, 20, 10, 0, 5, 5, 40, 20, 5, 3, 2],
  [300, 5, 25, 1, 14, 50, 60, 10, 3, 7, 10, 5, 0, 6, 4],
];

/** The 2011 file as in the shared data folder: LSOA11CD, MSOA11CD, LAD11NM, Persons, the 15 columns. */
export function census2011Table(): Table {
  const header = ['LSOA11CD', 'MSOA11CD', 'LAD11NM', 'Persons', ...CENSUS2011_COLUMNS];
  const rows = LSOA11.map((l, i) => {
    const counts = CENSUS2011_COUNTS[i];
    const persons = counts.reduce((sum, c) => sum + c, 0);
    return [l.code, `E0200090${i < 6 ? 1 : 2}`, i < 6 ? LAD_A.name : LAD_B.name, String(persons), ...counts.map(String)];
  });
  return { header, rows };
}

/** Squares of 0.01° on a 4 × 3 grid, west to east then north to south, near Birmingham. */
export const GRID = { west: -1.95, north: 52.5, step: 0.01, columns: 4 };

export function squareOf(index: number): Polygon {
  const column = index % GRID.columns;
  const row = Math.floor(index / GRID.columns);
  const x = (c: number) => Number((GRID.west + c * GRID.step).toFixed(5));
  const y = (r: number) => Number((GRID.north - r * GRID.step).toFixed(5));
  const [w, e, n, s] = [x(column), x(column + 1), y(row), y(row + 1)];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

export function boundaryCollection(welsh = true): FeatureCollection {
  const features: Feature[] = LSOAS.map((lsoa, i) => ({
    type: 'Feature',
    properties: { LSOA21CD: lsoa.code, LSOA21NM: lsoa.name },
    geometry: squareOf(i),
  }));
  if (welsh) {
    features.push({
      type: 'Feature',
      properties: { LSOA21CD: WELSH.lsoa, LSOA21NM: WELSH.lsoaName },
      geometry: { type: 'Polygon', coordinates: [[[-3.18, 51.47], [-3.17, 51.47], [-3.17, 51.48], [-3.18, 51.48], [-3.18, 51.47]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}

function write(path: string, text: string, gzip = false): string {
  const target = gzip ? `${path}.gz` : path;
  writeFileSync(target, gzip ? gzipSync(text) : text);
  return target;
}

export const RELIGION_COLUMNS = [
  'Religion: No religion',
  'Religion: Christian',
  'Religion: Buddhist',
  'Religion: Hindu',
  'Religion: Jewish',
  'Religion: Muslim',
  'Religion: Sikh',
  'Religion: Other religion',
  'Religion: Not answered',
];
export const RELIGION_TOTAL = 'Religion: Total: All usual residents';

/**
 * Census 2021 TS030 religion of the 12 LSOAs (in LSOAS order): No religion, Christian, Buddhist, Hindu,
 * Jewish, Muslim, Sikh, Other religion, Not answered. They add up to each LSOA's TS021 total (`census`).
 */
export const RELIGION_COUNTS: readonly (readonly number[])[] = [
  //  none  Chr  Bud  Hin  Jew  Mus  Sikh Oth  N/A
  [250, 300, 5, 10, 5, 20, 0, 10, 50], // L1 650
  [600, 700, 10, 100, 20, 150, 20, 0, 100], // L2 1700
  [700, 800, 0, 0, 0, 10, 0, 0, 100], // L3 1610
  [300, 300, 0, 100, 0, 500, 100, 0, 100], // L4 1400
  [700, 800, 20, 50, 30, 300, 0, 50, 150], // L5 2100
  [1000, 1300, 0, 0, 0, 0, 0, 0, 150], // L6 2450
  [400, 400, 10, 40, 0, 250, 20, 10, 70], // L7 1200
  [450, 550, 5, 5, 0, 50, 0, 10, 80], // L8 1150
  [600, 700, 0, 20, 10, 40, 10, 0, 100], // L9 1480
  [500, 500, 0, 0, 0, 800, 0, 0, 100], // L10 1900
  [800, 900, 10, 30, 20, 100, 10, 30, 120], // L11 2020
  [200, 220, 0, 0, 0, 20, 0, 0, 40], // L12 480
];

/** TS030 with the hand-typed counts above (and a Welsh row, last). */
export function religionTable(welsh = true): Table {
  const header = ['geography code', RELIGION_TOTAL, ...RELIGION_COLUMNS];
  const rows = LSOAS.map((lsoa, i) => [lsoa.code, String(lsoa.census), ...RELIGION_COUNTS[i].map(String)]);
  if (welsh) rows.push([WELSH.lsoa, '1500', '700', '650', '0', '0', '0', '50', '0', '0', '100']);
  return { header, rows };
}

/** A fresh temporary folder (under os.tmpdir()). */
export function tempDir(prefix = 'iod-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Writes the inputs in the layout of the shared data folder (iod/, lookups/,
 * census/, boundaries/), which the pipeline searches recursively.
 */
export function writeFixture(options: FixtureOptions = {}): Fixture {
  const dir = tempDir('iod-fixture-');
  const welsh = options.welsh ?? true;
  const gz = options.gzip ?? {};
  for (const folder of ['iod', 'lookups', 'census', 'boundaries']) mkdirSync(join(dir, folder));

  const lookup = lookupTable(welsh);
  options.edit?.lookup?.(lookup);
  const iod = iodTable(options.file7 ?? 'official');
  options.edit?.iod?.(iod);
  const file10 = file10Rows();
  options.edit?.file10?.(file10);
  const boundaries = boundaryCollection(welsh);
  options.edit?.boundaries?.(boundaries);

  const files: Fixture['files'] = {
    iod: write(join(dir, 'iod', 'iod2025_lsoa21.csv'), toCsv(iod), gz.iod),
    file10: write(join(dir, 'iod', 'iod2025_lad24_summaries.csv'), toCsv(file10)),
    lookup: write(join(dir, 'lookups', 'lsoa21_ward24_lad24_england.csv'), toCsv(lookup), gz.lookup),
    boundaries: write(join(dir, 'boundaries', 'lsoa21_bgc_england.geojson'), JSON.stringify(boundaries), gz.boundaries),
  };
  if (options.census ?? true) {
    const census = censusTable(welsh);
    options.edit?.census?.(census);
    files.census = write(join(dir, 'census', 'census2021_ts021_ethnic_group_high_level_lsoa21_england.csv'), toCsv(census), gz.census);
  }
  if (options.iod2019 ?? true) {
    const iod2019 = iod2019Table();
    options.edit?.iod2019?.(iod2019);
    files.iod2019 = write(join(dir, 'iod', 'imd2019_lsoa11.csv'), toCsv(iod2019), gz.iod2019);
  }
  if (options.lsoa11Lookup ?? true) {
    const lsoa11 = lsoa11LookupTable();
    options.edit?.lsoa11?.(lsoa11);
    files.lsoa11 = write(join(dir, 'lookups', 'lsoa11_lsoa21_lad22_england.csv'), toCsv(lsoa11), gz.lsoa11);
  }
  if (options.census2011 ?? true) {
    const census2011 = census2011Table();
    options.edit?.census2011?.(census2011);
    files.census2011 = write(join(dir, 'census', 'census2011_ethnic_group_14cat_lsoa11_england.csv'), toCsv(census2011), gz.census2011);
  }
  if (options.religion ?? true) {
    const religion = religionTable(welsh);
    options.edit?.religion?.(religion);
    files.religion = write(join(dir, 'census', 'census2021_ts030_religion_lsoa21_england.csv'), toCsv(religion), gz.religion);
  }
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
