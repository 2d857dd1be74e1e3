/**
 * Census 2021 TS021 ethnic group (five broad groups) by LSOA 2021: the source
 * of the ethnic diversity layer (src/config/catalogue/diversity.ts), and of
 * the stand-in population weights when File 7 has none.
 *
 * LSOAs take their own counts; wards and authorities the summed counts of
 * their LSOAs (best-fit lookup). Each area gets Simpson's index of diversity
 * (src/stats/diversity.ts) and the share of each group. Reading and checking
 * the file, the sums and the measures are censusGroups.ts, shared with the
 * religion table (censusReligion.ts).
 *
 * Optionally also the 2011 release from Census 2011 KS201EW by LSOA 2011
 * (census2011.ts): harmonised to the same five groups, carried onto
 * unchanged LSOAs 2021 and onto the wards and authorities that receive only
 * whole LSOAs 2011, through the LSOA 2011 → 2021 lookup.
 */
import type { Level } from '../../../src/config/geography.ts';
import { ETHNIC_GROUPS } from '../../../src/config/catalogue/diversity.ts';

/** TS021's column of all usual residents (its groups' columns are "Ethnic group: " + the group's label). */
export const ETHNIC_GROUP_TOTAL_COLUMN = 'Ethnic group: Total: All usual residents';
import { type CsvTable } from '../csv.ts';
import { readCsv } from '../csv.ts';
import { recordSkipped } from '../model.ts';
import type { SourceAdapter } from './types.ts';
import { census2011OnLevels, CENSUS2011_GROUPS, CENSUS2011_RELEASE, parseCensus2011, type Census2011, type Census2011OnLevels } from './census2011.ts';
import { readLsoa11Lookup, type Lsoa11Lookup } from './iod2019.ts';
import { areaOfLsoaAt, CENSUS_RELEASE, groupMeasures, levelFromReleases, parseCensusGroups, sumCounts, type CensusCounts, type CensusGroupTable } from './censusGroups.ts';

export { CENSUS_CODE_COLUMN, CENSUS_RELEASE } from './censusGroups.ts';

/** TS021 (five broad groups) as censusGroups.ts reads it. */
export const TS021: CensusGroupTable = {
  bulkFile: 'census2021-ts021-lsoa.csv',
  totalColumn: ETHNIC_GROUP_TOTAL_COLUMN,
  columnPrefix: 'Ethnic group: ',
  groups: ETHNIC_GROUPS,
  groupsNoun: 'the five groups',
  sumHint: 'TS021 as published has groups that add up to the total in every row; a shifted or edited column gives this error.',
};

/** TS021 counts on the lookup's LSOAs: totals, counts[g][i] in ETHNIC_GROUPS order. */
export type CensusEthnicity = CensusCounts;

/** Parses and checks the TS021 LSOA file against the LSOAs of the lookup. */
export function parseCensusEthnicity(table: CsvTable, lsoaCodes: readonly string[], lookupName: string): CensusEthnicity {
  return parseCensusGroups(TS021, table, lsoaCodes, lookupName);
}

/** Simpson's index and group shares for areas made of LSOAs (areaOfLsoa), from the summed counts. */
export function diversityOfAreas(census: CensusEthnicity, areaOfLsoa: ArrayLike<number> | undefined, areaCount: number): Record<string, Float64Array> {
  const { totals, counts } = sumCounts(census, areaOfLsoa, areaCount);
  return diversityOfCounts(totals, counts);
}

/** Simpson's index and group shares of areas from their group counts; NaN where the total is NaN (no figure). */
export function diversityOfCounts(totals: Float64Array, counts: readonly Float64Array[]): Record<string, Float64Array> {
  return groupMeasures(ETHNIC_GROUPS, totals, counts);
}

export interface CensusSource {
  census2021: CensusEthnicity;
  /** Census 2011 and the 2011 → 2021 lookup, when both were found. */
  census2011?: { table: Census2011; lookup: Lsoa11Lookup };
}

export interface CensusHarmonised {
  census2021: CensusEthnicity;
  census2011?: Census2011OnLevels;
}

export const censusEthnicityAdapter: SourceAdapter<CensusSource, CensusHarmonised> = {
  inputs: ['census', 'census2011', 'lsoa11_lsoa21'],
  async read(ctx, note) {
    const input = ctx.inputs.census;
    if (!input) {
      ctx.warn('no Census 2021 TS021 ethnic group file was found: the ethnic diversity layer is not built');
      return undefined;
    }
    const census = parseCensusEthnicity(await readCsv(input.path, input.name), ctx.geography.lsoa.codes, ctx.lookupName);
    recordSkipped(ctx, note, { file: census.file, what: 'rows outside England', examples: census.skippedOutsideEngland });
    note(`Census 2021 ethnic group: ${census.totals.length} LSOAs × ${ETHNIC_GROUPS.length} groups checked (groups add up to the totals)`);

    let census2011: CensusSource['census2011'];
    const input2011 = ctx.inputs.census2011;
    if (!input2011) {
      ctx.warn('no Census 2011 ethnic group file (LSOA 2011) was found: the 2011 release of ethnic diversity is not built');
    } else if (!ctx.inputs.lsoa11_lsoa21) {
      ctx.warn(
        `Census 2011 (${input2011.name}) is on LSOA 2011 codes and needs the LSOA 2011 → 2021 lookup, but none was found: the 2011 release of ethnic diversity is not built`,
      );
    } else {
      const lookup = (await readLsoa11Lookup(ctx, note))!;
      const table = parseCensus2011(await readCsv(input2011.path, input2011.name), lookup, new Set(ctx.geography.lsoa.codes));
      recordSkipped(ctx, note, { file: table.file, what: 'rows outside England', examples: table.skippedOutsideEngland });
      note(`Census 2011 ethnic group: ${table.codes.length} LSOAs 2011 × ${CENSUS2011_GROUPS.length} columns checked (add up to Persons) → ${ETHNIC_GROUPS.length} broad groups`);
      census2011 = { table, lookup };
    }
    return { census2021: census, census2011 };
  },
  // Census 2021 parsing already put the counts in the lookup's LSOA order; Census 2011 goes through the 2011 → 2021 lookup.
  harmonise(source, ctx, note) {
    if (!source.census2011) return { census2021: source.census2021 };
    const { table, lookup } = source.census2011;
    const onLevels = census2011OnLevels(table, lookup, ctx.geography, ctx.ladOfLsoa);
    const have = (level: Level) => onLevels.levels[level].totals.reduce((n, t) => (Number.isNaN(t) ? n : n + 1), 0);
    for (const level of ['ward', 'lad'] as const) {
      recordSkipped(ctx, note, {
        file: table.file,
        what: `LSOAs 2011 split across ${level === 'ward' ? 'wards' : 'authorities'} or redrawn (CHGIND X): the ${level === 'ward' ? 'wards' : 'authorities'} they touch have no 2011 figure`,
        examples: onLevels.unplaced[level],
      });
    }
    note(
      `Census 2011 carried onto ${have('lsoa')} of ${ctx.geography.lsoa.codes.length} LSOAs 2021 (unchanged), ${have('ward')} of ${ctx.geography.ward.codes.length} wards and ${have('lad')} of ${ctx.geography.lad.codes.length} authorities`,
    );
    return { census2021: source.census2021, census2011: onLevels };
  },
  level(h, entry, level: Level, ctx) {
    if (!entry.levels[level]) return undefined;
    const areaCount = ctx.geography[level].codes.length;
    const byRelease: Record<string, Record<string, Float64Array>> = { [CENSUS_RELEASE]: diversityOfAreas(h.census2021, areaOfLsoaAt(level, ctx), areaCount) };
    if (h.census2011) {
      const counts = h.census2011.levels[level];
      byRelease[CENSUS2011_RELEASE] = diversityOfCounts(counts.totals, counts.counts);
    }
    // The releases of the catalogue that the files give, in catalogue order (oldest first).
    const data = levelFromReleases('census-ethnicity', entry, level, byRelease)!;
    const gaps = data.releases.includes(CENSUS2011_RELEASE) ? h.census2011!.gaps.filter((g) => g.level === level) : [];
    return { data, gaps };
  },
};
