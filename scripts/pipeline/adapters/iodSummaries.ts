/**
 * Summary measures for wards and authorities, built from their LSOAs with
 * MHCLG's method (src/stats/summaries.ts), ranked within England and, for
 * wards, within their authority; and the comparison of the computed
 * authority figures with the official File 10.
 */
import { INDICATORS, type IndicatorId } from '../../src/config/indicators.ts';
import { MEASURES, type Measure } from '../../src/config/measures.ts';
import { rankDescending, rankDescendingWithinGroups } from '../../src/stats/ranking.ts';
import { summarise, type LsoaForSummary } from '../../src/stats/summaries.ts';
import type { File10 } from './file10.ts';
import type { AgreementRecord } from '../../src/data/schema.ts';
import type { IndicatorColumns } from './iod.ts';

export interface IndicatorSummaries {
  values: Record<Measure, Float64Array>;
  /** Rank among all areas of the level in England, 1 = most deprived. */
  ranks: Record<Measure, Float64Array>;
  /** For wards: rank among the wards of the same authority. */
  ranksWithinParent?: Record<Measure, Float64Array>;
  /** Number of the area's LSOAs in each national decile: area i, decile d at [i * 10 + d - 1]. */
  decileCounts: Uint32Array;
  /** Measures whose values and ranks are the official published ones. */
  official: Partial<Record<Measure, true>>;
}

export interface LevelSummaries {
  population: Float64Array;
  lsoaCount: Uint32Array;
  indicators: Record<IndicatorId, IndicatorSummaries>;
}

function emptyRecord(length: number): Record<Measure, Float64Array> {
  return Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(length)])) as Record<Measure, Float64Array>;
}

/**
 * Computes every measure for every area of a level.
 * `areaOfLsoa[i]` is the area of LSOA i; `parentOfArea` (wards) gives the
 * authority used for the within-authority ranks.
 */
export function computeSummaries(
  indicators: Record<IndicatorId, IndicatorColumns>,
  weights: Float64Array,
  areaOfLsoa: Int32Array,
  areaCount: number,
  parentOfArea?: Int32Array,
): LevelSummaries {
  const lsoaCount = weights.length;
  const members: number[][] = Array.from({ length: areaCount }, () => []);
  areaOfLsoa.forEach((area, lsoa) => members[area].push(lsoa));
  const population = new Float64Array(areaCount);
  const counts = new Uint32Array(areaCount);
  members.forEach((lsoas, area) => {
    counts[area] = lsoas.length;
    for (const lsoa of lsoas) population[area] += weights[lsoa];
  });

  const result = {} as Record<IndicatorId, IndicatorSummaries>;
  for (const indicator of INDICATORS) {
    const columns = indicators[indicator.id];
    const values = emptyRecord(areaCount);
    const decileCounts = new Uint32Array(areaCount * 10);
    members.forEach((lsoas, area) => {
      const forSummary: LsoaForSummary[] = lsoas.map((lsoa) => ({
        score: columns.score[lsoa],
        rank: columns.rank[lsoa],
        decile: columns.decile[lsoa],
        population: weights[lsoa],
      }));
      const measures = summarise(forSummary, lsoaCount);
      for (const measure of MEASURES) values[measure][area] = measures[measure];
      for (const lsoa of forSummary) decileCounts[area * 10 + lsoa.decile - 1]++;
    });
    const ranks = Object.fromEntries(MEASURES.map((m) => [m, rankDescending(values[m])])) as Record<Measure, Float64Array>;
    const ranksWithinParent = parentOfArea
      ? (Object.fromEntries(
          MEASURES.map((m) => [m, rankDescendingWithinGroups(values[m], parentOfArea)]),
        ) as Record<Measure, Float64Array>)
      : undefined;
    result[indicator.id] = { values, ranks, ranksWithinParent, decileCounts, official: {} };
  }
  return { population, lsoaCount: counts, indicators: result };
}

/** How one measure of the computed authority figures compares with File 10 (see src/data/schema.ts). */
export type AgreementRow = AgreementRecord;

/**
 * Whether a computed value equals a published one at the precision it was
 * published with: within half a unit of its last decimal (either rounding
 * convention for exact halves, e.g. 1/32 published as 0.0312).
 */
export function equalAtPublishedPrecision(value: number, published: string): boolean {
  const decimals = published.includes('.') ? published.split('.')[1].replace(/e.*$/i, '').length : 0;
  return Math.abs(value - Number(published)) <= 0.5 * 10 ** -decimals + 1e-12;
}

/** How closely the computed authority figures reproduce File 10, measure by measure. */
export function compareWithFile10(computed: LevelSummaries, file10: File10): AgreementRow[] {
  const rows: AgreementRow[] = [];
  for (const indicator of INDICATORS) {
    const published = file10.measures[indicator.id];
    if (!published) continue;
    for (const measure of MEASURES) {
      const official = published[measure];
      if (!official) continue;
      const ours = computed.indicators[indicator.id].values[measure];
      const ourRanks = computed.indicators[indicator.id].ranks[measure];
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
        indicator: indicator.id,
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
  }
  return rows;
}

/**
 * Replaces computed authority figures by the official File 10 ones wherever
 * File 10 publishes them (values and ranks), and marks them official.
 */
export function useOfficialFigures(computed: LevelSummaries, file10: File10): void {
  for (const indicator of INDICATORS) {
    const published = file10.measures[indicator.id];
    if (!published) continue;
    const target = computed.indicators[indicator.id];
    for (const measure of MEASURES) {
      const official = published[measure];
      if (!official) continue;
      target.values[measure] = Float64Array.from(official.values);
      target.ranks[measure] = Float64Array.from(official.ranks);
      target.official[measure] = true;
    }
  }
}
