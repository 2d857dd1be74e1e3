/**
 * Census 2021 TS030 religion (nine categories) by LSOA 2021: the source of
 * the religious diversity layer (src/config/catalogue/religion.ts).
 *
 * LSOAs take their own counts; wards and authorities the summed counts of
 * their LSOAs (best-fit lookup). Each area gets Simpson's index of diversity
 * over the eight answered categories, among the residents who answered (the
 * question was voluntary), and the share of all residents of each of the
 * nine categories, "Not answered" included. The reading and checking of the
 * file, the sums and the measures are censusGroups.ts, as for TS021.
 */
import type { Level } from '../../../src/config/geography.ts';
import { RELIGION_GROUPS } from '../../../src/config/catalogue/religion.ts';

/** TS030's column of all usual residents (its categories' columns are "Religion: " + the category's label). */
export const RELIGION_TOTAL_COLUMN = 'Religion: Total: All usual residents';
import { type CsvTable, readCsv } from '../csv.ts';
import { recordSkipped } from '../model.ts';
import type { SourceAdapter } from './types.ts';
import { areaOfLsoaAt, CENSUS_RELEASE, groupMeasures, levelFromReleases, parseCensusGroups, sumCounts, type CensusCounts, type CensusGroupTable } from './censusGroups.ts';

/** TS030 as censusGroups.ts reads it. */
export const TS030: CensusGroupTable = {
  bulkFile: 'census2021-ts030-lsoa.csv',
  totalColumn: RELIGION_TOTAL_COLUMN,
  columnPrefix: 'Religion: ',
  groups: RELIGION_GROUPS,
  groupsNoun: 'the nine religion categories',
  sumHint: 'TS030 as published has categories (Not answered included) that add up to the total in every row; a shifted or edited column gives this error.',
};

/** The categories Simpson's index is worked out over: the answers, not "Not answered". */
export const ANSWERED = RELIGION_GROUPS.flatMap((g, i) => (g.answered ? [i] : []));

/** Parses and checks the TS030 LSOA file against the LSOAs of the lookup. */
export function parseCensusReligion(table: CsvTable, lsoaCodes: readonly string[], lookupName: string): CensusCounts {
  return parseCensusGroups(TS030, table, lsoaCodes, lookupName);
}

/** Simpson's index over those who answered and the share of each category, for areas made of LSOAs (areaOfLsoa), from the summed counts. */
export function religionOfAreas(census: CensusCounts, areaOfLsoa: ArrayLike<number> | undefined, areaCount: number): Record<string, Float64Array> {
  const { totals, counts } = sumCounts(census, areaOfLsoa, areaCount);
  return groupMeasures(RELIGION_GROUPS, totals, counts, ANSWERED);
}

export const censusReligionAdapter: SourceAdapter<CensusCounts, CensusCounts> = {
  inputs: ['census_religion'],
  async read(ctx, note) {
    const input = ctx.inputs.census_religion;
    if (!input) {
      ctx.warn('no Census 2021 TS030 religion file was found: the religious diversity layer is not built');
      return undefined;
    }
    const census = parseCensusReligion(await readCsv(input.path, input.name), ctx.geography.lsoa.codes, ctx.lookupName);
    recordSkipped(ctx, note, { file: census.file, what: 'rows outside England', examples: census.skippedOutsideEngland });
    note(`Census 2021 religion: ${census.totals.length} LSOAs × ${RELIGION_GROUPS.length} categories checked (categories add up to the totals)`);
    return census;
  },
  // Parsing already put the counts in the lookup's LSOA order.
  harmonise: (source) => source,
  level(census, entry, level: Level, ctx) {
    if (!entry.levels[level]) return undefined;
    const areaCount = ctx.geography[level].codes.length;
    const data = levelFromReleases('census-religion', entry, level, { [CENSUS_RELEASE]: religionOfAreas(census, areaOfLsoaAt(level, ctx), areaCount) })!;
    return { data, gaps: [] };
  },
};
