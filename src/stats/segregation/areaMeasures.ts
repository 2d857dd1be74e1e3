/**
 * Every segregation measure of every area of a level (LSOAs, wards,
 * authorities) for one comparison of groups, from the census counts of the
 * small units (SegregationUnits files): the one computation behind the
 * segregation choropleths and tables in the app and the ward_segregation.csv
 * and lad_segregation.csv downloads of the pipeline.
 *
 * Each measure is named `<figure>_<scale>`: the figure (D, D expected under
 * random allocation, isolation, Theil's H) of an area over its sub-units of
 * that scale (Output Areas, LSOAs, or, for an authority, its wards), or a
 * figure of the area itself against its parent (location quotient, its term
 * in the parent's D). An area some of whose residents live in units that
 * could not be placed in one area (an LSOA 2011 split between wards) has no
 * figure on that scale: it would leave people out. Nor has an area of one
 * unit on a scale (a ward that is one LSOA): its D would be 0 by definition,
 * which says nothing about how its residents live.
 */
import type { Comparison, GroupCounts, PairFigures } from './areaFigures.ts';
import { aggregateCounts, departureFromParent, groupTotals, MIN_UNITS, mixFigures, pairColumns, unitsByArea, type PairColumns } from './areaFigures.ts';
import { dissimilarity } from './dissimilarity.ts';
import { expectedDissimilarity } from './expectedDissimilarity.ts';
import { isolation } from './exposure.ts';

export type SegregationLevel = 'lsoa' | 'ward' | 'lad';
export type UnitScaleId = 'oa' | 'lsoa';

/** The vintage of a census's units of a scale: each census counted the Output Areas and LSOAs of its own year ("OA 2011", "LSOA 2021"). */
export function unitVintage(scale: UnitScaleId, release: string): string {
  return `${scale === 'oa' ? 'OA' : 'LSOA'} ${release}`;
}

/** The small units of one scale: counts with the ward and authority each lies in. */
export interface UnitTable extends GroupCounts {
  /** Ward index of each unit (-1: cannot be placed). */
  ward: ArrayLike<number>;
  /** Authority index of each unit (-1: cannot be placed). */
  lad: ArrayLike<number>;
  /** Areas that lost residents to units that could not be placed. */
  incomplete: { ward: readonly number[]; lad: readonly number[] };
}

/** What the measures of one release are computed from. */
export interface ReleaseUnits {
  /** The scales this release has (Census 2011: OAs and LSOAs; Census 2021: LSOAs). */
  scales: Partial<Record<UnitScaleId, UnitTable>>;
  /** Authority index of each ward. */
  wardLad: ArrayLike<number>;
  wardCount: number;
  ladCount: number;
}

/** The figure a measure takes from the pair figures over units. */
type PairField = 'd' | 'expectedD' | 'isolation';
/** A pair figure, or D beyond what chance alone gives (D − expected D). */
type PairMeasure = PairField | 'excessD';

function pick(arrays: Record<PairField, Float64Array>, field: PairMeasure): Float64Array {
  if (field === 'excessD') return arrays.d.map((d, k) => d - arrays.expectedD[k]);
  return Float64Array.from(arrays[field]);
}

/**
 * How one measure is computed. `needs` is the unit scale it reads (so the
 * app fetches only that file).
 */
export interface SegregationMeasureRule {
  needs: UnitScaleId;
  /** Values per area of the level (NaN: none). */
  compute(release: ReleaseUnits, comparison: Comparison): Float64Array;
}

const memo = new WeakMap<object, Map<string, unknown>>();
/** Caches per table (the unit lists of each area do not change with the comparison). */
function cached<T>(owner: object, key: string, make: () => T): T {
  let entries = memo.get(owner);
  if (!entries) memo.set(owner, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, make());
  return entries.get(key) as T;
}

/** The units of every ward or authority (cached per table). */
export function areaUnits(table: UnitTable, level: 'ward' | 'lad', count: number): Int32Array[] {
  return cached(table, `units:${level}`, () => unitsByArea(level === 'ward' ? table.ward : table.lad, count));
}

/** The wards or authorities that lost residents to units that could not be placed (cached per table). */
export function incompleteSet(table: UnitTable, level: 'ward' | 'lad'): Set<number> {
  return cached(table, `incomplete:${level}`, () => new Set(table.incomplete[level]));
}

function requireScale(release: ReleaseUnits, scale: UnitScaleId): UnitTable {
  const table = release.scales[scale];
  if (!table) throw new RangeError(`this release has no ${scale} units`);
  return table;
}

/** The pair figures of every area (NaN where it has none), one array per field, each computed when first asked for. */
type PairArrays = Record<PairField, Float64Array>;

/** Each pair figure from an area's columns: the same functions pairFigures (areaFigures.ts) calls. */
const FIELD: Record<PairField, (columns: PairColumns) => number> = {
  d: ({ a, b }) => dissimilarity(a, b),
  expectedD: ({ a, b }) => expectedDissimilarity(a, b),
  isolation: ({ a, total }) => isolation(a, total),
};

/**
 * The pair figures of every area of a level over its units, for one
 * comparison, each computed once per table and comparison, when first asked
 * for: the map asks for one (D), the downloads for all, and a change asks for
 * D of both releases again without repeating the work.
 */
function pairArrays(table: GroupCounts, lists: readonly ArrayLike<number>[], skip: (k: number) => boolean, key: string, comparison: Comparison): PairArrays {
  const id = `pairs:${key}:${comparison.a}:${comparison.b}`;
  // The columns are gathered again for each figure (a few ms) rather than kept: the downloads go through 51 comparisons.
  const field = (name: PairField) =>
    cached(table, `${id}:${name}`, () =>
      Float64Array.from(lists, (members, k) => (skip(k) || members.length < MIN_UNITS ? Number.NaN : FIELD[name](pairColumns(table, members, comparison)))),
    );
  return {
    get d() {
      return field('d');
    },
    get expectedD() {
      return field('expectedD');
    },
    get isolation() {
      return field('isolation');
    },
  };
}

/** A pair figure of every area of a level over its units of one scale. */
function overUnits(level: 'ward' | 'lad', scale: UnitScaleId, field: PairMeasure): SegregationMeasureRule {
  return {
    needs: scale,
    compute(release, comparison) {
      const table = requireScale(release, scale);
      const count = level === 'ward' ? release.wardCount : release.ladCount;
      const lists = areaUnits(table, level, count);
      const incomplete = incompleteSet(table, level);
      return pick(pairArrays(table, lists, (k) => incomplete.has(k), level, comparison), field);
    },
  };
}

/** Theil's H over all groups, for every area of a level over its units of one scale. */
function theilOverUnits(level: 'ward' | 'lad', scale: UnitScaleId): SegregationMeasureRule {
  return {
    needs: scale,
    compute(release) {
      const table = requireScale(release, scale);
      const count = level === 'ward' ? release.wardCount : release.ladCount;
      const lists = areaUnits(table, level, count);
      const incomplete = incompleteSet(table, level);
      // The same for every comparison: computed once per table.
      const values = cached(table, `theil:${level}`, () => {
        const out = new Float64Array(count).fill(Number.NaN);
        for (let k = 0; k < count; k++) if (!incomplete.has(k) && lists[k].length >= MIN_UNITS) out[k] = mixFigures(table, lists[k]).theilH;
        return out;
      });
      return Float64Array.from(values);
    },
  };
}

/** The wards of a release as units (summed from its LSOAs), with the wards that are incomplete. */
export function wardTable(release: ReleaseUnits): { counts: GroupCounts; incomplete: Set<number> } {
  const lsoas = requireScale(release, 'lsoa');
  return cached(lsoas, 'wardTable', () => ({
    counts: aggregateCounts(lsoas, areaUnits(lsoas, 'ward', release.wardCount)),
    incomplete: incompleteSet(lsoas, 'ward'),
  }));
}

/** A pair figure of every authority over its wards as units. */
function overWards(field: PairMeasure): SegregationMeasureRule {
  return {
    needs: 'lsoa',
    compute(release, comparison) {
      const wards = wardTable(release);
      const lsoas = requireScale(release, 'lsoa');
      const lists = cached(wards.counts, 'wardsByLad', () => unitsByArea(release.wardLad, release.ladCount));
      const ladIncomplete = incompleteSet(lsoas, 'lad');
      const skip = (k: number) => ladIncomplete.has(k) || lists[k].some((w) => wards.incomplete.has(w));
      return pick(pairArrays(wards.counts, lists, skip, 'wards', comparison), field);
    },
  };
}

/**
 * Each area's departure from its parent's mix: location quotient of group a
 * or its term in the parent's D over areas like it. Wards against their
 * authority; authorities against England; LSOAs against their authority.
 */
function departure(level: SegregationLevel, part: 'locationQuotient' | 'contribution'): SegregationMeasureRule {
  return {
    needs: 'lsoa',
    compute(release, comparison) {
      const lsoas = requireScale(release, 'lsoa');
      const ladLists = areaUnits(lsoas, 'lad', release.ladCount);
      const ladTotals = cached(lsoas, 'ladTotals', () => ladLists.map((members) => groupTotals(lsoas, members)));
      if (level === 'lad') {
        const england = cached(lsoas, 'englandTotals', () => {
          const all = new Float64Array(lsoas.groups);
          for (const totals of ladTotals) totals.forEach((n, g) => (all[g] += n));
          return all;
        });
        return Float64Array.from(ladTotals, (totals, k) =>
          incompleteSet(lsoas, 'lad').has(k) ? Number.NaN : departureFromParent(totals, england, comparison)[part],
        );
      }
      if (level === 'ward') {
        const wards = wardTable(release);
        return Float64Array.from({ length: release.wardCount }, (_, w) => {
          const lad = release.wardLad[w];
          if (wards.incomplete.has(w) || incompleteSet(lsoas, 'lad').has(lad)) return Number.NaN;
          const mine = wards.counts.counts as Float64Array;
          return departureFromParent(mine.subarray(w * lsoas.groups, (w + 1) * lsoas.groups), ladTotals[lad], comparison)[part];
        });
      }
      const counts = lsoas.counts;
      const out = new Float64Array(lsoas.lad.length).fill(Number.NaN);
      const unit = new Float64Array(lsoas.groups);
      for (let u = 0; u < out.length; u++) {
        const lad = lsoas.lad[u];
        if (lad < 0) continue;
        for (let g = 0; g < lsoas.groups; g++) unit[g] = counts[u * lsoas.groups + g];
        out[u] = departureFromParent(unit, ladTotals[lad], comparison)[part];
      }
      return out;
    },
  };
}

/** Group a's share of each LSOA's residents. */
const lsoaShare: SegregationMeasureRule = {
  needs: 'lsoa',
  compute(release, comparison) {
    const lsoas = requireScale(release, 'lsoa');
    const out = new Float64Array(lsoas.lad.length);
    for (let u = 0; u < out.length; u++) {
      let all = 0;
      for (let g = 0; g < lsoas.groups; g++) all += lsoas.counts[u * lsoas.groups + g];
      const a = lsoas.counts[u * lsoas.groups + comparison.a];
      const b = comparison.b === null ? all - a : lsoas.counts[u * lsoas.groups + comparison.b];
      // Of the two groups compared: with "the rest", of everyone.
      out[u] = a + b > 0 ? a / (a + b) : Number.NaN;
    }
    return out;
  },
};

/**
 * The rules of every measure, by level and measure id. The catalogue
 * (src/config/catalogue/segregation.ts) names and describes them; a test
 * checks that both list the same ids.
 */
export const SEGREGATION_RULES: Record<SegregationLevel, Record<string, SegregationMeasureRule>> = {
  lsoa: {
    lq: departure('lsoa', 'locationQuotient'),
    share: lsoaShare,
  },
  ward: {
    d_lsoa: overUnits('ward', 'lsoa', 'd'),
    d_lsoa_expected: overUnits('ward', 'lsoa', 'expectedD'),
    d_lsoa_excess: overUnits('ward', 'lsoa', 'excessD'),
    d_oa: overUnits('ward', 'oa', 'd'),
    d_oa_expected: overUnits('ward', 'oa', 'expectedD'),
    d_oa_excess: overUnits('ward', 'oa', 'excessD'),
    isolation_lsoa: overUnits('ward', 'lsoa', 'isolation'),
    h_lsoa: theilOverUnits('ward', 'lsoa'),
    lq: departure('ward', 'locationQuotient'),
    contribution: departure('ward', 'contribution'),
  },
  lad: {
    d_lsoa: overUnits('lad', 'lsoa', 'd'),
    d_lsoa_expected: overUnits('lad', 'lsoa', 'expectedD'),
    d_lsoa_excess: overUnits('lad', 'lsoa', 'excessD'),
    d_ward: overWards('d'),
    d_ward_expected: overWards('expectedD'),
    d_ward_excess: overWards('excessD'),
    d_oa: overUnits('lad', 'oa', 'd'),
    d_oa_expected: overUnits('lad', 'oa', 'expectedD'),
    d_oa_excess: overUnits('lad', 'oa', 'excessD'),
    isolation_lsoa: overUnits('lad', 'lsoa', 'isolation'),
    h_lsoa: theilOverUnits('lad', 'lsoa'),
    lq: departure('lad', 'locationQuotient'),
  },
};

/** Change measures: the newer release's figure minus the older's, where both exist. */
export const CHANGE_SUFFIX = '_change';

/**
 * The values of one measure for every area of a level, or undefined when
 * the release lacks the scale the measure needs. A change measure
 * (`d_lsoa_change`) takes the older release's units as `previous`.
 */
export function segregationMeasure(
  level: SegregationLevel,
  measure: string,
  release: ReleaseUnits,
  comparison: Comparison,
  previous?: ReleaseUnits,
): Float64Array | undefined {
  if (measure.endsWith(CHANGE_SUFFIX)) {
    const base = measure.slice(0, -CHANGE_SUFFIX.length);
    const rule = SEGREGATION_RULES[level][base];
    if (!rule || !previous || !release.scales[rule.needs] || !previous.scales[rule.needs]) return undefined;
    const now = rule.compute(release, comparison);
    const then = rule.compute(previous, comparison);
    return now.map((value, i) => value - then[i]);
  }
  const rule = SEGREGATION_RULES[level][measure];
  if (!rule) throw new RangeError(`no segregation measure ${measure} for ${level}`);
  if (!release.scales[rule.needs]) return undefined;
  return rule.compute(release, comparison);
}

export type { PairFigures };
