/**
 * Summary measures of one IoD indicator for wards or authorities, built from
 * their LSOAs with MHCLG's method (src/stats/summaries.ts), ranked within
 * England and, for wards, within their authority; and the comparison of the
 * computed authority figures with the official File 10.
 */
import type { IndicatorId } from '../../../src/config/indicators.ts';
import { MEASURES, type Measure } from '../../../src/config/measures.ts';
import { rankDescending, rankDescendingWithinGroups } from '../../../src/stats/ranking.ts';
import { summarise, type LsoaForSummary } from '../../../src/stats/summaries.ts';
import type { AgreementRecord } from '../../../src/data/schema.ts';
import type { File10 } from './file10.ts';
import type { IndicatorColumns } from './iod2025.ts';

export interface IndicatorSummaries {
  values: Record<Measure, Float64Array>;
  /** Rank among all areas of the level in England, 1 = most deprived. */
  ranks: Record<Measure, Float64Array>;
  /** For wards: rank among the wards of the same authority. */
  ranksWithinParent?: Record<Measure, Float64Array>;
  /** Measures whose values and ranks are the official published ones. */
  official: Measure[];
}

/** The LSOAs of each area: members[a] lists the LSOA indices of area a. */
export function membersOf(areaOfLsoa: ArrayLike<number>, areaCount: number): number[][] {
  const members: number[][] = Array.from({ length: areaCount }, () => []);
  for (let lsoa = 0; lsoa < areaOfLsoa.length; lsoa++) members[areaOfLsoa[lsoa]].push(lsoa);
  return members;
}

/**
 * Computes every summary measure of one indicator for every area of a level.
 * `members[a]` are the LSOAs of area a; `parentOfArea` (wards) gives the
 * authority used for the within-authority ranks.
 */
export function summariseIndicator(
  columns: IndicatorColumns,
  weights: Float64Array,
  members: readonly number[][],
  parentOfArea?: Int32Array,
): IndicatorSummaries {
  const n = weights.length;
  const values = Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(members.length)])) as Record<Measure, Float64Array>;
  members.forEach((lsoas, area) => {
    const forSummary: LsoaForSummary[] = lsoas.map((lsoa) => ({
      score: columns.score[lsoa],
      rank: columns.rank[lsoa],
      decile: columns.decile[lsoa],
      population: weights[lsoa],
    }));
    const measures = summarise(forSummary, n);
    for (const measure of MEASURES) values[measure][area] = measures[measure];
  });
  const ranks = Object.fromEntries(MEASURES.map((m) => [m, rankDescending(values[m])])) as Record<Measure, Float64Array>;
  const ranksWithinParent = parentOfArea
    ? (Object.fromEntries(MEASURES.map((m) => [m, rankDescendingWithinGroups(values[m], parentOfArea)])) as Record<Measure, Float64Array>)
    : undefined;
  return { values, ranks, ranksWithinParent, official: [] };
}

/**
 * Whether a computed value equals a published one at the precision it was
 * published with: within half a unit of its last decimal (either rounding
 * convention for exact halves, e.g. 1/32 published as 0.0312).
 */
export function equalAtPublishedPrecision(value: number, published: string): boolean {
  const decimals = published.includes('.') ? published.split('.')[1].replace(/e.*$/i, '').length : 0;
  return Math.abs(value - Number(published)) <= 0.5 * 10 ** -decimals + 1e-12;
}

/** How closely the computed authority figures of one indicator reproduce File 10, measure by measure. */
export function compareWithFile10(id: IndicatorId, computed: IndicatorSummaries, file10: File10): AgreementRecord[] {
  const published = file10.measures[id];
  if (!published) return [];
  const rows: AgreementRecord[] = [];
  for (const measure of MEASURES) {
    const official = published[measure];
    if (!official) continue;
    const ours = computed.values[measure];
    const ourRanks = computed.ranks[measure];
    let equal = 0;
    let maxAbs = 0;
    let sumAbs = 0;
    let equalRanks = 0;
    let maxRank = 0;
    const differing: string[] = [];
    for (let i = 0; i < ours.length; i++) {
      const difference = Math.abs(ours[i] - official.values[i]);
      if (equalAtPublishedPrecision(ours[i], official.text[i])) equal++;
      else if (differing.length < 10) differing.push(file10.codes[i]);
      maxAbs = Math.max(maxAbs, difference);
      sumAbs += difference;
      const rankDifference = Math.abs(ourRanks[i] - official.ranks[i]);
      if (rankDifference === 0) equalRanks++;
      maxRank = Math.max(maxRank, rankDifference);
    }
    rows.push({
      layer: id,
      measure,
      areas: ours.length,
      equalAtPublishedPrecision: equal,
      maxAbsDifference: maxAbs,
      meanAbsDifference: sumAbs / ours.length,
      equalRanks,
      maxRankDifference: maxRank,
      differing,
    });
  }
  return rows;
}

/**
 * Replaces computed authority figures by the official File 10 ones wherever
 * File 10 publishes them (values and ranks), and marks them official.
 */
export function useOfficialFigures(id: IndicatorId, computed: IndicatorSummaries, file10: File10): void {
  const published = file10.measures[id];
  if (!published) return;
  for (const measure of MEASURES) {
    const official = published[measure];
    if (!official) continue;
    computed.values[measure] = Float64Array.from(official.values);
    computed.ranks[measure] = Float64Array.from(official.ranks);
    computed.official.push(measure);
  }
}
