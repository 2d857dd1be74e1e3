/**
 * The IoD summary measures for a larger area (a local authority or a ward)
 * built from its LSOAs, following MHCLG's method for the File 10 local
 * authority summaries.
 *
 * Reference: MHCLG, The English Indices of Deprivation 2025, Technical
 * Report, section "Summary measures for higher-level geographies" (the same
 * method as the 2019 Technical Report, Appendix N). In short:
 *
 * - LSOA ranks are *reversed* for these measures, so that the most deprived
 *   LSOA of `n` gets `n` and the least deprived gets 1: r' = n + 1 − rank.
 *   A larger average rank therefore means more deprived.
 * - The weights are LSOA populations (officially "Total population: mid
 *   2022" from File 7; this project falls back to Census 2021 usual residents
 *   when that column is not available, and says so wherever figures appear).
 * - The "rank of" each measure orders the larger areas so that 1 is the most
 *   deprived (see ranking.ts).
 *
 * Each function takes the LSOAs of *one* larger area.
 */

import { percentileFromRank } from './ranking.ts';

/** One LSOA as the summary measures see it. */
export interface LsoaForSummary {
  /** Published score of the index or domain (higher = more deprived). */
  score: number;
  /** Published national rank, 1 = most deprived. */
  rank: number;
  /** Published national decile, 1 = most deprived 10%. */
  decile: number;
  /** Population weight. */
  population: number;
}

function totalPopulation(lsoas: readonly LsoaForSummary[]): number {
  let total = 0;
  for (const lsoa of lsoas) total += lsoa.population;
  if (!(total > 0)) throw new RangeError('an area needs a positive population to be summarised');
  return total;
}

/**
 * Reversed rank used by the summary measures: r' = n + 1 − rank, so that the
 * most deprived LSOA nationally has r' = n.
 */
export function reversedRank(rank: number, n: number): number {
  return n + 1 - rank;
}

/**
 * Average score: the population-weighted mean of the LSOA scores,
 * Σ pᵢ·sᵢ / Σ pᵢ.
 */
export function averageScore(lsoas: readonly LsoaForSummary[]): number {
  let sum = 0;
  for (const lsoa of lsoas) sum += lsoa.population * lsoa.score;
  return sum / totalPopulation(lsoas);
}

/**
 * Average rank: the population-weighted mean of the reversed LSOA ranks,
 * Σ pᵢ·(n + 1 − rankᵢ) / Σ pᵢ. Larger = more deprived.
 */
export function averageRank(lsoas: readonly LsoaForSummary[], n: number): number {
  let sum = 0;
  for (const lsoa of lsoas) sum += lsoa.population * reversedRank(lsoa.rank, n);
  return sum / totalPopulation(lsoas);
}

/**
 * Proportion of the area's LSOAs that are in the most deprived 10%
 * nationally (decile 1). Not population weighted.
 */
export function proportionInMostDeprivedDecile(lsoas: readonly LsoaForSummary[]): number {
  if (lsoas.length === 0) throw new RangeError('an area needs at least one LSOA');
  let count = 0;
  for (const lsoa of lsoas) if (lsoa.decile === 1) count++;
  return count / lsoas.length;
}

/**
 * Weight of an LSOA in the extent measure, from its national percentile
 * (1 = most deprived 1%): 1 for percentiles 1–10; a sliding weight from 0.95
 * at percentile 11 down by 0.9/19 per percentile to 0.05 at percentile 30;
 * 0 beyond.
 */
export function extentWeight(percentile: number): number {
  if (percentile <= 10) return 1;
  if (percentile <= 30) return 0.95 - ((percentile - 11) * 0.9) / 19;
  return 0;
}

/**
 * Extent: the share of the area's population living in the most deprived
 * LSOAs nationally, Σ pᵢ·w(percentileᵢ) / Σ pᵢ, with w from
 * {@link extentWeight} and percentile = ⌈rank × 100 / n⌉.
 */
export function extent(lsoas: readonly LsoaForSummary[], n: number): number {
  let sum = 0;
  for (const lsoa of lsoas) sum += lsoa.population * extentWeight(percentileFromRank(lsoa.rank, n));
  return sum / totalPopulation(lsoas);
}

/**
 * Local concentration: the population-weighted mean reversed rank of the
 * area's most deprived LSOAs that together hold exactly 10% of its
 * population. LSOAs are taken from the most deprived down; the LSOA that
 * crosses the 10% line counts only with the part of its population needed to
 * reach it. Larger = more deprived.
 */
export function localConcentration(lsoas: readonly LsoaForSummary[], n: number): number {
  const target = totalPopulation(lsoas) * 0.1;
  const mostDeprivedFirst = [...lsoas].sort((a, b) => a.rank - b.rank);
  let taken = 0;
  let sum = 0;
  for (const lsoa of mostDeprivedFirst) {
    const share = Math.min(lsoa.population, target - taken);
    if (share <= 0) break;
    sum += share * reversedRank(lsoa.rank, n);
    taken += share;
  }
  return sum / taken;
}

/** The summary measures of one area for one index or domain. */
export interface SummaryMeasures {
  averageScore: number;
  averageRank: number;
  proportionMostDeprived10: number;
  extent: number;
  localConcentration: number;
}

/** All summary measures of one area (see the individual functions). */
export function summarise(lsoas: readonly LsoaForSummary[], n: number): SummaryMeasures {
  return {
    averageScore: averageScore(lsoas),
    averageRank: averageRank(lsoas, n),
    proportionMostDeprived10: proportionInMostDeprivedDecile(lsoas),
    extent: extent(lsoas, n),
    localConcentration: localConcentration(lsoas, n),
  };
}
