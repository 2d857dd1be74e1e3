/**
 * What the Census 2021 tables of people by category share (TS021 ethnic
 * group, TS030 religion, …), driven by a description of the table:
 *
 *   - reading an LSOA 2021 bulk file of category counts with a total column:
 *     every code an LSOA of the lookup, once; Welsh rows skipped and counted;
 *     counts whole and not negative; the categories adding up to the total;
 *   - summing the counts of LSOAs into wards and authorities (best-fit
 *     lookup), never averaging LSOA figures;
 *   - Simpson's index of diversity (src/stats/diversity.ts) and the share of
 *     each category, per area;
 *   - one level of a layer from its releases' measures.
 *
 * The adapters (censusEthnicity.ts, censusReligion.ts) are this module with
 * their table's columns and wording.
 */
import { CODE_PATTERNS, isOutsideEnglandCode, type Level } from '../../../src/config/geography.ts';
import type { LayerEntry } from '../../../src/config/catalogue/index.ts';
import { shares, simpsonDiversity } from '../../../src/stats/diversity.ts';
import { type CsvTable, numberCell, requireColumns } from '../csv.ts';
import { InputError } from '../errors.ts';
import { checkSameCodes } from './iod2025.ts';
import type { HarmonisedContext, LevelData } from '../model.ts';

export const CENSUS_CODE_COLUMN = 'geography code';
export const CENSUS_RELEASE = '2021';

/** A Census 2021 LSOA table of people by category. */
export interface CensusGroupTable {
  /** The bulk file the LSOA rows come from, for the hint on a code of another geography ("census2021-ts021-lsoa.csv"). */
  bulkFile: string;
  totalColumn: string;
  /** The categories, in the order of the file; `id` names the share measure. */
  /** The categories, in the table's order; each one's column is `columnPrefix` + its label (as Nomis names them). */
  groups: readonly { id: string; label: string }[];
  /** "Ethnic group: ", "Religion: ". */
  columnPrefix: string;
  /** The categories in an error message ("the five groups"). */
  groupsNoun: string;
  /** Why categories that do not add up to the total are an error ("TS021 as published has …"). */
  sumHint: string;
}

/** Counts of one table on the lookup's LSOAs (already checked). */
export interface CensusCounts {
  file: string;
  /** Usual residents of each LSOA, in the order of the lookup's LSOA codes. */
  totals: Float64Array;
  /** counts[g][i]: residents of category g (the table's order) in LSOA i. */
  counts: Float64Array[];
  skippedOutsideEngland: string[];
}

/** Parses and checks an LSOA table against the LSOAs of the lookup. */
export function parseCensusGroups(spec: CensusGroupTable, table: CsvTable, lsoaCodes: readonly string[], lookupName: string): CensusCounts {
  const [codeColumn, totalColumn, ...groupColumns] = requireColumns(table, [CENSUS_CODE_COLUMN, spec.totalColumn, ...spec.groups.map((g) => spec.columnPrefix + g.label)]);
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
      throw new InputError({ ...where, problem: `"${code}" is not an LSOA code; use the LSOA file of the bulk download (${spec.bulkFile})` });
    }
    if (rowOfCode.has(code)) throw new InputError({ ...where, problem: `LSOA ${code} appears twice` });
    rowOfCode.set(code, i);
    codes.push(code);
    lines.push(table.lines[i]);
  });
  checkSameCodes({ ...table, lines }, codes, new Set(lsoaCodes), lookupName);

  const n = lsoaCodes.length;
  const totals = new Float64Array(n);
  const counts = spec.groups.map(() => new Float64Array(n));
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
        column: spec.totalColumn,
        problem: `${spec.groupsNoun} add up to ${sum}, not to the total ${total}`,
        hint: spec.sumHint,
      });
    }
    totals[i] = total;
  });
  return { file: table.file, totals, counts, skippedOutsideEngland };
}

/** The summed totals and category counts of areas made of LSOAs (areaOfLsoa; LSOAs themselves when undefined). */
export function sumCounts(census: Pick<CensusCounts, 'totals' | 'counts'>, areaOfLsoa: ArrayLike<number> | undefined, areaCount: number): { totals: Float64Array; counts: Float64Array[] } {
  const totals = new Float64Array(areaCount);
  const counts = census.counts.map(() => new Float64Array(areaCount));
  for (let i = 0; i < census.totals.length; i++) {
    const area = areaOfLsoa ? areaOfLsoa[i] : i;
    totals[area] += census.totals[i];
    counts.forEach((c, g) => (c[area] += census.counts[g][i]));
  }
  return { totals, counts };
}

/**
 * Simpson's index (measure `simpson`) and each category's share of the
 * total (measure = the category's id) of areas from their counts; NaN where
 * the total is NaN (no figure).
 *
 * `indexOver` lists the categories (indices into `groups`) the index is
 * worked out over, among the people in them (religion: the eight answers,
 * not "Not answered"); by default all of them, over the total. An area with
 * nobody in those categories has no index (NaN).
 */
export function groupMeasures(
  groups: readonly { id: string }[],
  totals: Float64Array,
  counts: readonly Float64Array[],
  indexOver?: readonly number[],
): Record<string, Float64Array> {
  const areaCount = totals.length;
  const result: Record<string, Float64Array> = { simpson: new Float64Array(areaCount) };
  for (const group of groups) result[group.id] = new Float64Array(areaCount);
  for (let a = 0; a < areaCount; a++) {
    if (Number.isNaN(totals[a])) {
      for (const values of Object.values(result)) values[a] = Number.NaN;
      continue;
    }
    const groupCounts = counts.map((c) => c[a]);
    if (indexOver) {
      const answered = indexOver.map((g) => groupCounts[g]);
      const people = answered.reduce((sum, c) => sum + c, 0);
      result.simpson[a] = people > 0 ? simpsonDiversity(answered, people) : Number.NaN;
    } else {
      result.simpson[a] = simpsonDiversity(groupCounts, totals[a]);
    }
    shares(groupCounts, totals[a]).forEach((share, g) => (result[groups[g].id][a] = share));
  }
  return result;
}

/** Which area each LSOA falls in at a level (undefined at LSOA level: each its own). */
export function areaOfLsoaAt(level: Level, ctx: HarmonisedContext): ArrayLike<number> | undefined {
  return level === 'lsoa' ? undefined : level === 'ward' ? ctx.geography.lsoa.ward : ctx.ladOfLsoa;
}

/**
 * One level of a layer from the measures of each release the files give
 * (byRelease[release][measure id]), in the catalogue's release order.
 */
export function levelFromReleases(adapter: string, entry: LayerEntry, level: Level, byRelease: Record<string, Record<string, Float64Array>>): LevelData | undefined {
  const spec = entry.levels[level];
  if (!spec) return undefined;
  const data: LevelData = { releases: spec.releases.filter((r) => r in byRelease), measures: {} };
  for (const measure of spec.measures) {
    const values = data.releases.map((r) => byRelease[r][measure.id]);
    if (values.some((v) => !v)) throw new Error(`adapter ${adapter} has no measure "${measure.id}" (layer ${entry.id})`);
    data.measures[measure.id] = { value: values };
  }
  return data;
}
