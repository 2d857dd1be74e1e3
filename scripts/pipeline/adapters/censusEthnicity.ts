/**
 * Census 2021 TS021 ethnic group (five broad groups) by LSOA 2021: the source
 * of the ethnic diversity layer (src/config/catalogue/diversity.ts), and of
 * the stand-in population weights when File 7 has none.
 *
 * LSOAs take their own counts; wards and authorities the summed counts of
 * their LSOAs (best-fit lookup). Each area gets Simpson's index of diversity
 * (src/stats/diversity.ts) and the share of each group.
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
  const result: Record<string, Float64Array> = { simpson: new Float64Array(areaCount) };
  for (const group of ETHNIC_GROUPS) result[group.id] = new Float64Array(areaCount);
  for (let a = 0; a < areaCount; a++) {
    const groupCounts = counts.map((c) => c[a]);
    result.simpson[a] = simpsonDiversity(groupCounts, totals[a]);
    shares(groupCounts, totals[a]).forEach((share, g) => (result[ETHNIC_GROUPS[g].id][a] = share));
  }
  return result;
}

export const censusEthnicityAdapter: SourceAdapter<CensusEthnicity, CensusEthnicity> = {
  inputs: ['census'],
  async read(ctx, note) {
    const input = ctx.inputs.census;
    if (!input) {
      ctx.warn('no Census 2021 TS021 ethnic group file was found: the ethnic diversity layer is not built');
      return undefined;
    }
    const census = parseCensusEthnicity(await readCsv(input.path, input.name), ctx.geography.lsoa.codes, ctx.lookupName);
    recordSkipped(ctx, note, { file: census.file, what: 'rows outside England', examples: census.skippedOutsideEngland });
    note(`Census 2021 ethnic group: ${census.totals.length} LSOAs × ${ETHNIC_GROUPS.length} groups checked (groups add up to the totals)`);
    return census;
  },
  // Parsing already put the counts in the lookup's LSOA order; the codes are LSOA 2021.
  harmonise: (census) => census,
  level(census, entry, level: Level, ctx) {
    const spec = entry.levels[level];
    if (!spec) return undefined;
    const areaCount = ctx.geography[level].codes.length;
    const areaOf = level === 'lsoa' ? undefined : level === 'ward' ? ctx.geography.lsoa.ward : ctx.ladOfLsoa;
    const values = diversityOfAreas(census, areaOf, areaCount);
    // The file is Census 2021: the one release it can give.
    const data: LevelData = { releases: spec.releases.filter((r) => r === CENSUS_RELEASE), measures: {} };
    for (const measure of spec.measures) {
      const value = values[measure.id];
      if (!value) throw new Error(`adapter census-ethnicity has no measure "${measure.id}" (layer ${entry.id})`);
      data.measures[measure.id] = { value: data.releases.map(() => value) };
    }
    return { data };
  },
};
