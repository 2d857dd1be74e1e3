/**
 * Census 2011 KS201EW ethnic group by LSOA 2011: the 2011 release of the
 * ethnic diversity layer (src/config/catalogue/diversity.ts), harmonised to
 * the five broad groups of Census 2021 and carried onto the build's LSOAs
 * 2021, wards and authorities through the ONS LSOA 2011 → 2021 exact-fit
 * lookup (read once, in iod2019.ts).
 *
 * - LSOAs 2021: the 2011 counts only where the lookup marks the LSOA
 *   unchanged (CHGIND U); split, merged and redrawn LSOAs have no 2011
 *   figure (counted in the manifest's gaps).
 * - Wards and authorities: the summed counts of the LSOAs 2011 they receive.
 *   An LSOA 2011 goes to an area when all the LSOAs 2021 it became lie in
 *   that area (U and M: one LSOA 2021; S: several, possibly in one area).
 *   One whose LSOAs 2021 lie in several areas, and every redrawn one (X),
 *   cannot be placed without guessing how its residents divide, so no
 *   population is guessed: every area it touches has no 2011 figure.
 */
import type { Level } from '../../../src/config/geography.ts';
import { ETHNIC_GROUPS } from '../../../src/config/catalogue/diversity.ts';
import { type CsvTable, numberCell, requireColumns } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';
import type { Gap } from '../model.ts';
import type { Geography } from '../lookup.ts';
import { CHANGE_KINDS, lsoa11Rows, refuseLsoa21Codes, type Lsoa11Lookup } from './iod2019.ts';

export const CENSUS2011_RELEASE = '2011';
export const CENSUS2011_CODE_COLUMN = 'LSOA11CD';
export const CENSUS2011_TOTAL_COLUMN = 'Persons';

type BroadGroup = (typeof ETHNIC_GROUPS)[number]['id'];

/**
 * The 15 columns of the 2011 file and the Census 2021 broad group each is
 * counted in (KS201EW's 18 categories, the four Mixed ones combined in the
 * source). In both censuses Chinese is in the Asian group and Arab in Other;
 * 2021 added Roma as a new tick box under White, which 2011 did not have
 * (so only the broad groups are compared; the layer's about text says so).
 *
 * | 2011 column              | KS201EW category                                         | 2021 broad group |
 * |--------------------------|----------------------------------------------------------|------------------|
 * | WhiteBrit                | White: English/Welsh/Scottish/Northern Irish/British     | White            |
 * | Irish                    | White: Irish                                             | White            |
 * | GypsyTraveller_derived   | White: Gypsy or Irish Traveller (Persons − the others)   | White            |
 * | OtherWhite               | White: Other White                                       | White            |
 * | Mixed                    | Mixed/multiple ethnic groups (all four)                  | Mixed            |
 * | Indian                   | Asian/Asian British: Indian                              | Asian            |
 * | Pakistani                | Asian/Asian British: Pakistani                           | Asian            |
 * | Bangladeshi              | Asian/Asian British: Bangladeshi                         | Asian            |
 * | Chinese                  | Asian/Asian British: Chinese                             | Asian            |
 * | OtherAsian               | Asian/Asian British: Other Asian                         | Asian            |
 * | BlkAfrican               | Black/African/Caribbean/Black British: African           | Black            |
 * | BlkCaribbean             | Black/African/Caribbean/Black British: Caribbean         | Black            |
 * | OtherBlk                 | Black/African/Caribbean/Black British: Other Black       | Black            |
 * | Arab                     | Other ethnic group: Arab                                 | Other            |
 * | Other                    | Other ethnic group: Any other ethnic group               | Other            |
 */
export const CENSUS2011_GROUPS: readonly { column: string; group: BroadGroup }[] = [
  { column: 'WhiteBrit', group: 'white' },
  { column: 'Irish', group: 'white' },
  { column: 'GypsyTraveller_derived', group: 'white' },
  { column: 'OtherWhite', group: 'white' },
  { column: 'Mixed', group: 'mixed' },
  { column: 'Indian', group: 'asian' },
  { column: 'Pakistani', group: 'asian' },
  { column: 'Bangladeshi', group: 'asian' },
  { column: 'Chinese', group: 'asian' },
  { column: 'OtherAsian', group: 'asian' },
  { column: 'BlkAfrican', group: 'black' },
  { column: 'BlkCaribbean', group: 'black' },
  { column: 'OtherBlk', group: 'black' },
  { column: 'Arab', group: 'other' },
  { column: 'Other', group: 'other' },
];

export interface Census2011 {
  file: string;
  /** LSOA 2011 codes, in file order. */
  codes: string[];
  totals: Float64Array;
  /** counts[g][i]: residents of broad group g (ETHNIC_GROUPS order) in LSOA 2011 i. */
  counts: Float64Array[];
  skippedOutsideEngland: string[];
}

/**
 * Parses the LSOA 2011 file and checks it against the LSOAs 2011 of the
 * 2011 → 2021 lookup: every code once, the 15 columns non-negative whole
 * numbers adding up to Persons; then sums them into the five broad groups.
 */
export function parseCensus2011(table: CsvTable, lookup: Lsoa11Lookup, lsoa21Codes: ReadonlySet<string>): Census2011 {
  refuseLsoa21Codes(table, ['LSOA21CD', 'geography code'], {
    problem: 'has LSOA 2021 codes (or is the Census 2021 file), but Census 2011 was published on LSOA 2011 codes',
    hint: 'Use the Census 2011 KS201EW LSOA file (LSOA11CD, Persons, WhiteBrit, …); the build carries it onto LSOA 2021 itself.',
  });
  const [codeColumn, totalColumn, ...groupColumns] = requireColumns(table, [
    CENSUS2011_CODE_COLUMN,
    CENSUS2011_TOTAL_COLUMN,
    ...CENSUS2011_GROUPS.map((g) => g.column),
  ]);
  const totals: number[] = [];
  const counts: number[][] = ETHNIC_GROUPS.map(() => []);
  const { codes, skippedOutsideEngland } = lsoa11Rows(table, codeColumn, lookup, lsoa21Codes, 'Census 2011', (i) => {
    const broad = ETHNIC_GROUPS.map(() => 0);
    const total = broadGroupRow(table, i, totalColumn, groupColumns, 1, (g, count) => (broad[g] += count));
    totals.push(total);
    broad.forEach((count, g) => counts[g].push(count));
  });
  return { file: table.file, codes, totals: Float64Array.from(totals), counts: counts.map((c) => Float64Array.from(c)), skippedOutsideEngland };
}

const GROUP_INDEX = CENSUS2011_GROUPS.map((g) => ETHNIC_GROUPS.findIndex((broad) => broad.id === g.group));

/**
 * One row of a Census 2011 file (LSOA or OA): each of its 15 columns added
 * to its broad group of 2021 (`add(group, count)`), checked to sum to
 * Persons; returns Persons. Errors name the file, line and column.
 */
export function broadGroupRow(table: CsvTable, i: number, totalColumn: number, groupColumns: readonly number[], minTotal: number, add: (group: number, count: number) => void): number {
  const total = numberCell(table, i, totalColumn, { integer: true, min: minTotal });
  let sum = 0;
  groupColumns.forEach((column, k) => {
    const count = numberCell(table, i, column, { integer: true, min: 0 });
    add(GROUP_INDEX[k], count);
    sum += count;
  });
  if (sum !== total) {
    throw new InputError({
      file: table.file,
      line: table.lines[i],
      column: CENSUS2011_TOTAL_COLUMN,
      problem: `the ${CENSUS2011_GROUPS.length} group columns add up to ${sum}, not to Persons ${total}`,
      hint: 'The 2011 file has groups that add up to Persons in every row (GypsyTraveller_derived is the residual); a shifted or edited column gives this error.',
    });
  }
  return total;
}

/** Summed counts of the areas of one level; NaN total (and counts) where there is no 2011 figure. */
export interface AreaCounts {
  totals: Float64Array;
  counts: Float64Array[];
}

export interface Census2011OnLevels {
  levels: Record<Level, AreaCounts>;
  gaps: Gap[];
  /** Wards and authorities: the LSOAs 2011 that could not be placed in one area (split across areas or redrawn). */
  unplaced: Record<'ward' | 'lad', string[]>;
}

const LEVEL_NOUN = { ward: ['ward', 'wards'], lad: ['authority', 'authorities'] } as const;

/** Why `count` areas of a level have no 2011 figure (the manifest's gap). */
export function unplacedReason(level: 'ward' | 'lad', count: number, unplaced: readonly string[]): string {
  return `${LEVEL_NOUN[level][count === 1 ? 0 : 1]} receiving part of an LSOA 2011 split across ${LEVEL_NOUN[level][1]} or redrawn (CHGIND X): its 2011 residents cannot be placed exactly, so no 2011 figure (${countOf(unplaced.length, 'LSOA 2011', 'LSOAs 2011')}: ${listSome(unplaced, 3)})`;
}

/** Where each LSOA 2011 lies among the build's wards and authorities. */
export interface Lsoa11Placement {
  /** Ward index of each LSOA 2011 (in the order given); -1 where it cannot be placed in one ward. */
  ward: Int32Array;
  /** Authority index of each; -1 where it cannot be placed in one authority. */
  lad: Int32Array;
  /** The areas (indices, ascending) that receive part of an LSOA 2011 that cannot be placed. */
  incomplete: Record<'ward' | 'lad', number[]>;
  /** The LSOAs 2011 that cannot be placed, by level (in the order given). */
  unplaced: Record<'ward' | 'lad', string[]>;
}

/**
 * Places LSOAs 2011 in the build's wards and authorities through the
 * LSOA 2011 → 2021 lookup and the best-fit LSOA 2021 → ward lookup: an
 * LSOA 2011 lies in an area when all the LSOAs 2021 it became lie in that
 * area. One whose LSOAs 2021 lie in several areas, and every redrawn one
 * (CHGIND X), cannot be placed without guessing how its residents divide:
 * it gets -1, and every area it touches is incomplete.
 */
export function placeLsoa11(codes11: readonly string[], lookup: Lsoa11Lookup, geography: Geography, ladOfLsoa: ArrayLike<number>): Lsoa11Placement {
  const position21 = new Map(geography.lsoa.codes.map((code, i) => [code, i]));
  const result: Lsoa11Placement = {
    ward: new Int32Array(codes11.length),
    lad: new Int32Array(codes11.length),
    incomplete: { ward: [], lad: [] },
    unplaced: { ward: [], lad: [] },
  };
  for (const level of ['ward', 'lad'] as const) {
    const areaOf = level === 'ward' ? geography.lsoa.ward : ladOfLsoa;
    const blocked = new Uint8Array(geography[level].codes.length);
    codes11.forEach((code, j) => {
      const areas = new Set(lookup.children.get(code)!.map((code21) => areaOf[position21.get(code21)!]));
      if (areas.size > 1 || lookup.change11.get(code) === 'X') {
        for (const a of areas) blocked[a] = 1;
        result.unplaced[level].push(code);
        result[level][j] = -1;
        return;
      }
      const [a] = areas;
      result[level][j] = a;
    });
    blocked.forEach((b, a) => b && result.incomplete[level].push(a));
  }
  return result;
}

/**
 * The 2011 counts on the build's LSOAs 2021 (unchanged ones only), wards and
 * authorities (LSOAs 2011 lying wholly in one area), with the gaps.
 */
export function census2011OnLevels(census: Census2011, lookup: Lsoa11Lookup, geography: Geography, ladOfLsoa: ArrayLike<number>): Census2011OnLevels {
  const groups = ETHNIC_GROUPS.length;
  const position21 = new Map(geography.lsoa.codes.map((code, i) => [code, i]));
  const empty = (n: number): AreaCounts => ({ totals: new Float64Array(n), counts: ETHNIC_GROUPS.map(() => new Float64Array(n)) });
  const gaps: Gap[] = [];

  // LSOAs 2021: only where unchanged (the 2011 and 2021 LSOA are one and the same).
  const lsoa = empty(geography.lsoa.codes.length);
  lsoa.totals.fill(Number.NaN);
  lsoa.counts.forEach((c) => c.fill(Number.NaN));
  census.codes.forEach((code, j) => {
    if (lookup.change.get(code) !== 'U' || !position21.has(code)) return;
    const i = position21.get(code)!;
    lsoa.totals[i] = census.totals[j];
    for (let g = 0; g < groups; g++) lsoa.counts[g][i] = census.counts[g][j];
  });
  const byKind = new Map<string, number>();
  for (const code of geography.lsoa.codes) {
    const kind = lookup.change.get(code)!;
    if (kind !== 'U') byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  for (const kind of ['S', 'M', 'X'] as const) {
    const count = byKind.get(kind);
    if (count) gaps.push({ level: 'lsoa', release: CENSUS2011_RELEASE, count, reason: `LSOA ${CHANGE_KINDS[kind]} (CHGIND ${kind}): no comparable 2011 figure` });
  }

  // Wards and authorities: the LSOAs 2011 that lie wholly inside one of them.
  const levels = { lsoa } as Record<Level, AreaCounts>;
  const placement = placeLsoa11(census.codes, lookup, geography, ladOfLsoa);
  const unplaced = placement.unplaced;
  for (const level of ['ward', 'lad'] as const) {
    const n = geography[level].codes.length;
    const sums = empty(n);
    const areaOf = placement[level];
    census.codes.forEach((_, j) => {
      const a = areaOf[j];
      if (a < 0) return;
      sums.totals[a] += census.totals[j];
      for (let g = 0; g < groups; g++) sums.counts[g][a] += census.counts[g][j];
    });
    const blocked = placement.incomplete[level];
    for (const a of blocked) {
      sums.totals[a] = Number.NaN;
      for (let g = 0; g < groups; g++) sums.counts[g][a] = Number.NaN;
    }
    const count = blocked.length;
    if (count > 0) {
      gaps.push({
        level,
        release: CENSUS2011_RELEASE,
        count,
        reason: unplacedReason(level, count, unplaced[level]),
      });
    }
    levels[level] = sums;
  }
  return { levels, gaps, unplaced };
}
