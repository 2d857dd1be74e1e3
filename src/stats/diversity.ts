/**
 * Diversity of a population split into groups (e.g. the five broad ethnic
 * groups of Census 2021).
 *
 * Simpson's index of diversity, in the form D = 1 − Σ pᵢ², where pᵢ = nᵢ / N
 * is group i's share of the N people counted: the probability that two
 * people drawn at random (with replacement) belong to different groups. It
 * is 0 when everyone is in one group and at most 1 − 1/k with k groups of
 * equal size (0.8 for five groups). Also known as the Gini–Simpson index.
 *
 * Reference: E. H. Simpson (1949), "Measurement of diversity", Nature 163,
 * 688 (who gave λ = Σ pᵢ², the chance that two draws are in the same group;
 * D = 1 − λ is "Simpson's index of diversity"). Simpson's finite-sample
 * form Σ nᵢ(nᵢ − 1) / (N(N − 1)) is not used: census counts are whole
 * populations, not samples.
 *
 * For a larger area (a ward, an authority) the index is computed from the
 * summed counts of its small areas, never by averaging their indices: the
 * average of the LSOAs' indices understates the diversity of an area whose
 * LSOAs are each homogeneous but different from one another.
 */

/** Shares pᵢ = nᵢ / N of each group; N is `total` when given, else Σ nᵢ. */
export function shares(counts: readonly number[], total?: number): number[] {
  const n = total ?? counts.reduce((sum, c) => sum + c, 0);
  if (!(n > 0)) throw new RangeError('shares of an empty population');
  for (const c of counts) if (!(c >= 0)) throw new RangeError(`a count must be 0 or more, not ${c}`);
  return counts.map((c) => c / n);
}

/** Simpson's index of diversity 1 − Σ pᵢ² of group counts (see the module comment). */
export function simpsonDiversity(counts: readonly number[], total?: number): number {
  let sum = 0;
  for (const p of shares(counts, total)) sum += p * p;
  return 1 - sum;
}
