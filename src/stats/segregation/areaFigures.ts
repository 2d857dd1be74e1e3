/**
 * The segregation figures of an area (a ward, an authority, or a live
 * selection of LSOAs) over its sub-units (Output Areas, LSOAs or wards):
 * one entry point that the pipeline (ward_segregation.csv,
 * lad_segregation.csv) and the app (choropleth, panel, live selection) both
 * call, so a figure on screen and in a download is the same computation on
 * the same counts.
 *
 * Counts come as a flat table, unit-major: counts[u·G + g] is the number of
 * residents of unit u in group g (G groups). An area is a list of unit
 * indices into that table. The index functions themselves live one per file
 * beside this one (dissimilarity.ts, expectedDissimilarity.ts, exposure.ts,
 * multigroup.ts, locationQuotient.ts); this module only gathers an area's
 * columns and names the result.
 *
 * A comparison is group a against group b, or against everyone else
 * (b = null: "the rest", all groups but a). "White against all other groups"
 * is the comparison White against the rest.
 */
import { dissimilarity } from './dissimilarity.ts';
import { expectedDissimilarity } from './expectedDissimilarity.ts';
import { exposure, isolation } from './exposure.ts';
import { multigroupDissimilarity, theilH } from './multigroup.ts';

/** Group a against group b (indices into the groups), or against the rest when b is null. */
export interface Comparison {
  a: number;
  b: number | null;
}

/** Residents per unit and group, unit-major: counts[u * groups + g]. */
export interface GroupCounts {
  groups: number;
  counts: ArrayLike<number>;
}

/** An area needs this many sub-units for an index of how its residents spread over them (over one unit D is 0 by definition). */
export const MIN_UNITS = 2;

/** Below this many sub-units an index says more about the units than about the people: the app warns. */
export const FEW_UNITS = 10;

export interface PairFigures {
  /** Sub-units with at least one resident of either group. */
  units: number;
  /** Residents of group a, and of group b (or of the rest). */
  groupA: number;
  groupB: number;
  /** All residents of the units (every group). */
  population: number;
  /** Index of dissimilarity D between a and b over the units (NaN when either group is absent). */
  d: number;
  /** D expected when the same people are dealt at random to units of the same sizes (exact, hypergeometric). */
  expectedD: number;
  /** Isolation of group a, xPx, among all residents. */
  isolation: number;
  /** Exposure of group a to group b (or to the rest), xPy, among all residents. */
  exposure: number;
}

export interface MixFigures {
  units: number;
  population: number;
  /** Theil's information theory index H over all groups. */
  theilH: number;
  /** Multigroup index of dissimilarity over all groups. */
  multigroupD: number;
}

/** The columns of one comparison for some units: a's counts, b's (or the rest's), and every unit's total. */
export interface PairColumns {
  a: Float64Array;
  b: Float64Array;
  total: Float64Array;
}

/** Gathers the columns of a comparison for the given units (in their order). */
export function pairColumns(table: GroupCounts, members: ArrayLike<number>, comparison: Comparison): PairColumns {
  const { groups, counts } = table;
  checkComparison(comparison, groups);
  const n = members.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = members[i] * groups;
    let sum = 0;
    for (let g = 0; g < groups; g++) sum += counts[base + g];
    a[i] = counts[base + comparison.a];
    b[i] = comparison.b === null ? sum - a[i] : counts[base + comparison.b];
    total[i] = sum;
  }
  return { a, b, total };
}

function checkComparison(comparison: Comparison, groups: number): void {
  const valid = (g: number | null) => g === null || (Number.isInteger(g) && g >= 0 && g < groups);
  if (!valid(comparison.a) || comparison.b === undefined || !valid(comparison.b) || comparison.a === comparison.b || comparison.a === null) {
    throw new RangeError(`comparison ${JSON.stringify(comparison)} is not two different groups of ${groups} (or one group against the rest)`);
  }
}

/**
 * The two-group figures of one area over its units: D, its expected value
 * under random allocation, isolation and exposure (each documented in its own
 * module).
 */
export function pairFigures(table: GroupCounts, members: ArrayLike<number>, comparison: Comparison): PairFigures {
  const { a, b, total } = pairColumns(table, members, comparison);
  let groupA = 0;
  let groupB = 0;
  let population = 0;
  let units = 0;
  for (let i = 0; i < a.length; i++) {
    groupA += a[i];
    groupB += b[i];
    population += total[i];
    if (a[i] + b[i] > 0) units += 1;
  }
  return {
    units,
    groupA,
    groupB,
    population,
    d: dissimilarity(a, b),
    expectedD: expectedDissimilarity(a, b),
    isolation: isolation(a, total),
    exposure: exposure(a, b, total),
  };
}

/** The multigroup figures of one area over its units: Theil's H and the multigroup D over every group. */
export function mixFigures(table: GroupCounts, members: ArrayLike<number>): MixFigures {
  const { groups, counts } = table;
  const columns = Array.from({ length: groups }, () => new Float64Array(members.length));
  let population = 0;
  let units = 0;
  for (let i = 0; i < members.length; i++) {
    const base = members[i] * groups;
    let sum = 0;
    for (let g = 0; g < groups; g++) {
      columns[g][i] = counts[base + g];
      sum += counts[base + g];
    }
    population += sum;
    if (sum > 0) units += 1;
  }
  return { units, population, theilH: theilH(columns), multigroupD: multigroupDissimilarity(columns) };
}

/** Residents of each group in the given units together. */
export function groupTotals(table: GroupCounts, members: ArrayLike<number>): Float64Array {
  const totals = new Float64Array(table.groups);
  for (let i = 0; i < members.length; i++) {
    const base = members[i] * table.groups;
    for (let g = 0; g < table.groups; g++) totals[g] += table.counts[base + g];
  }
  return totals;
}

/**
 * The units of each area: assignment[u] is the area of unit u (-1: none, a
 * unit that cannot be placed), and the result's entry k lists the units of
 * area k in unit order.
 */
export function unitsByArea(assignment: ArrayLike<number>, areaCount: number): Int32Array[] {
  const sizes = new Int32Array(areaCount);
  for (let u = 0; u < assignment.length; u++) {
    const area = assignment[u];
    if (area >= 0) sizes[area] += 1;
  }
  const lists = Array.from(sizes, (size) => new Int32Array(size));
  sizes.fill(0);
  for (let u = 0; u < assignment.length; u++) {
    const area = assignment[u];
    if (area >= 0) lists[area][sizes[area]++] = u;
  }
  return lists;
}

/**
 * A coarser table: the counts of the areas, each the sum of its units (the
 * wards of an authority as its units, from the LSOAs of each ward).
 */
export function aggregateCounts(table: GroupCounts, byArea: readonly ArrayLike<number>[]): GroupCounts {
  const counts = new Float64Array(byArea.length * table.groups);
  byArea.forEach((members, area) => counts.set(groupTotals(table, members), area * table.groups));
  return { groups: table.groups, counts };
}

/**
 * How far one area's mix departs from its parent's (a ward's from its
 * authority's) for a comparison: its location quotient of group a,
 * (aₖ/tₖ)/(A/T), and its term ½|aₖ/A − bₖ/B| in the parent's D over areas like it
 * (Duncan & Duncan 1955; the terms of all areas of the parent sum to that D).
 */
export function departureFromParent(
  area: Float64Array,
  parent: Float64Array,
  comparison: Comparison,
): { locationQuotient: number; contribution: number } {
  const pick = (totals: Float64Array) => {
    let all = 0;
    for (const n of totals) all += n;
    const a = totals[comparison.a];
    return { a, b: comparison.b === null ? all - a : totals[comparison.b], all };
  };
  const mine = pick(area);
  const whole = pick(parent);
  return {
    locationQuotient: mine.all > 0 && whole.a > 0 ? mine.a / mine.all / (whole.a / whole.all) : Number.NaN,
    contribution: whole.a > 0 && whole.b > 0 ? Math.abs(mine.a / whole.a - mine.b / whole.b) / 2 : Number.NaN,
  };
}
