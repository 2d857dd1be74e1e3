/**
 * Census 2021 TS021 ethnic group (five broad groups) by LSOA 2021: the source
 * of the ethnic diversity layer (src/config/catalogue/diversity.ts), and of
 * the stand-in population weights when File 7 has none.
 *
 * LSOAs take their own counts; wards and authorities the summed counts of
 * their LSOAs (best-fit lookup). Each area gets Simpson's index of diversity
 * (src/stats/diversity.ts) and the share of each group.
 *
 * Optionally also the 2011 release from Census 2011 KS201EW by LSOA 2011
 * (census2011.ts): harmonised to the same five groups, carried onto
 * unchanged LSOAs 2021 and onto the wards and authorities that receive only
 * whole LSOAs 2011, through the LSOA 2011 → 2021 lookup.
 */
import { CODE_PATTERNS, isOutsideEnglandCode, type Level } from '../../../src/config/geography.ts';
import { ETHNIC_GROUP_TOTAL_COLUMN, ETHNIC_GROUPS } from '../../../src/config/catalogue/diversity.ts';
import { shares, simpsonDiversity } from '../../../src/stats/diversity.ts';
import { type CsvTable, numberCell, requireColumns } from '../csv.ts';
import { InputError } from '../errors.ts';
import { readCsv } from '../csv.ts';
import { checkSameCodes } from './iod2025.ts';
import { recordSkipped, type LevelData } from '../model.ts';
import type { SourceAdapter } from './types.ts';
import { census2011OnLevels, CENSUS2011_GROUPS, CENSUS2011_RELEASE, parseCensus2011, type Census2011, type Census2011OnLevels } from './census2011.ts';
import { readLsoa11Lookup, type Lsoa11Lookup } from './iod2019.ts';

export const CENSUS_CODE_COLUMN = 'geography code';
export const CENSUS_RELEASE = '2021';

export interface CensusEthnicity {
  file: string;
  /** Usual residents of each LSOA, in the order of the lookup's LSOA codes. */
  totals: Float64Array;
  /** counts[g][i]: residents of group g (ETHNIC_GROUPS order) in LSOA i. */
  counts: Float64Array[];
  skippedOutsideEngland: string[];
}

/** Parses and checks the TS021 LSOA file against the LSOAs of the lookup. */
export function parseCensusEthnicity(table: CsvTable, lsoaCodes: readonly string[], lookupName: string): CensusEthnicity {
  const [codeColumn, totalColumn, ...groupColumns] = requireColumns(table, [
    CENSUS_CODE_COLUMN,
    ETHNIC_GROUP_TOTAL_COLUMN,
    ...ETHNIC_GROUPS.map((g) => g.column),
  ]);
  const rowOfCode = new Map<string, number>();
  const codes: string[] = [];
  const lines: number[] = [];
  const skippedOutsideEngland: string[] = [];
  table.rows.forEach((row, i) => {
    const code = row[codeColumn].trim();
    const where = { file: table.file, line: table.lines[i], column: CENSUS_CODE_COLUMN };
    if (isOutsideEnglandCode(code)) {
      skippedOutsideEngland.push(code);
      return;
    }
    if (!CODE_PATTERNS.lsoa.test(code)) {
      throw new InputError({ ...where, problem: `"${code}" is not an LSOA code; use the LSOA file of the bulk download (census2021-ts021-lsoa.csv)` });
    }
    if (rowOfCode.has(code)) throw new InputError({ ...where, problem: `LSOA ${code} appears twice` });
    rowOfCode.set(code, i);
    codes.push(code);
    lines.push(table.lines[i]);
  });
  checkSameCodes({ ...table, lines }, codes, new Set(lsoaCodes), lookupName);

  const n = lsoaCodes.length;
  const totals = new Float64Array(n);
  const counts = ETHNIC_GROUPS.map(() => new Float64Array(n));
  lsoaCodes.forEach((code, i) => {
    const row = rowOfCode.get(code)!;
    const total = numberCell(table, row, totalColumn, { integer: true, min: 1 });
    let sum = 0;
    groupColumns.forEach((column, g) => {
      const count = numberCell(table, row, column, { integer: true, min: 0 });
      counts[g][i] = count;
      sum += count;
    });
    if (sum !== total) {
      throw new InputError({
        file: table.file,
        line: table.lines[row],
        column: ETHNIC_GROUP_TOTAL_COLUMN,
        problem: `the five groups add up to ${sum}, not to the total ${total}`,
        hint: 'TS021 as published has groups that add up to the total in every row; a shifted or edited column gives this error.',
      });
    }
    totals[i] = total;
  });
  return { file: table.file, totals, counts, skippedOutsideEngland };
}

/** Simpson's index and group shares for areas made of LSOAs (areaOfLsoa), from the summed counts. */
export function diversityOfAreas(census: CensusEthnicity, areaOfLsoa: ArrayLike<number> | undefined, areaCount: number): Record<string, Float64Array> {
  const totals = new Float64Array(areaCount);
  const counts = ETHNIC_GROUPS.map(() => new Float64Array(areaCount));
  for (let i = 0; i < census.totals.length; i++) {
    const area = areaOfLsoa ? areaOfLsoa[i] : i;
    totals[area] += census.totals[i];
    counts.forEach((c, g) => (c[area] += census.counts[g][i]));
  }
  return diversityOfCounts(totals, counts);
}

/** Simpson's index and group shares of areas from their group counts; NaN where the total is NaN (no figure). */
export function diversityOfCounts(totals: Float64Array, counts: readonly Float64Array[]): Record<string, Float64Array> {
  const areaCount = totals.length;
  const result: Record<string, Float64Array> = { simpson: new Float64Array(areaCount) };
  for (const group of ETHNIC_GROUPS) result[group.id] = new Float64Array(areaCount);
  for (let a = 0; a < areaCount; a++) {
    if (Number.isNaN(totals[a])) {
      for (const values of Object.values(result)) values[a] = Number.NaN;
      continue;
    }
    const groupCounts = counts.map((c) => c[a]);
    result.simpson[a] = simpsonDiversity(groupCounts, totals[a]);
    shares(groupCounts, totals[a]).forEach((share, g) => (result[ETHNIC_GROUPS[g].id][a] = share));
  }
  return result;
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
    const spec = entry.levels[level];
    if (!spec) return undefined;
    const areaCount = ctx.geography[level].codes.length;
    const areaOf = level === 'lsoa' ? undefined : level === 'ward' ? ctx.geography.lsoa.ward : ctx.ladOfLsoa;
    const byRelease: Record<string, Record<string, Float64Array>> = { [CENSUS_RELEASE]: diversityOfAreas(h.census2021, areaOf, areaCount) };
    if (h.census2011) {
      const counts = h.census2011.levels[level];
      byRelease[CENSUS2011_RELEASE] = diversityOfCounts(counts.totals, counts.counts);
    }
    // The releases of the catalogue that the files give, in catalogue order (oldest first).
    const data: LevelData = { releases: spec.releases.filter((r) => r in byRelease), measures: {} };
    for (const measure of spec.measures) {
      const values = data.releases.map((r) => byRelease[r][measure.id]);
      if (values.some((v) => !v)) throw new Error(`adapter census-ethnicity has no measure "${measure.id}" (layer ${entry.id})`);
      data.measures[measure.id] = { value: values };
    }
    const gaps = data.releases.includes(CENSUS2011_RELEASE) ? h.census2011!.gaps.filter((g) => g.level === level) : [];
    return { data, gaps };
  },
};
