/**
 * The index of dissimilarity between two groups A and B living in the same
 * spatial units (e.g. the LSOAs of a ward):
 *
 *     D = ½ Σᵢ |aᵢ/A − bᵢ/B|,
 *
 * where aᵢ and bᵢ are the two groups' counts in unit i and A = Σ aᵢ,
 * B = Σ bᵢ their totals. D is the share of either group that would have to
 * move to another unit for both to be spread alike (the same share of each
 * group in every unit). It is 0 when every unit holds the same share of A as
 * of B, 1 when no unit holds members of both, and it does not change when the
 * units are reordered or both groups are multiplied by the same factor.
 *
 * Each unit's contribution is its own term, ½ |aᵢ/A − bᵢ/B|; the
 * contributions of all units sum to D, so they say which units make an area
 * segregated (the part of an authority's D that one ward accounts for).
 *
 * D depends on the units it is computed over (the same city gives a larger D
 * on small units than on large ones) and is biased upwards when units are
 * small: read it with its unit and its value expected under random
 * allocation.
 *
 * Edge cases: a unit where neither group lives adds nothing (its term is 0).
 * When either group is absent from every unit (A = 0 or B = 0) its shares
 * aᵢ/A are undefined and D, and every contribution, is NaN: a selection
 * without one of the groups has no dissimilarity, rather than an error that
 * would stop a live panel.
 *
 * Reference: O. D. Duncan and B. Duncan (1955), "A methodological analysis of
 * segregation indexes", American Sociological Review 20(2), 210–217.
 */

import { checkSameUnits, checkedCount } from './checks.ts';

/** Totals A = Σ aᵢ and B = Σ bᵢ, validating every count on the way. */
function groupTotals(groupA: ArrayLike<number>, groupB: ArrayLike<number>): [number, number] {
  checkSameUnits('groupA', groupA, 'groupB', groupB);
  let totalA = 0;
  let totalB = 0;
  for (let i = 0; i < groupA.length; i++) {
    totalA += checkedCount('groupA', i, groupA[i]);
    totalB += checkedCount('groupB', i, groupB[i]);
  }
  return [totalA, totalB];
}

/**
 * Index of dissimilarity D = ½ Σᵢ |aᵢ/A − bᵢ/B| (Duncan & Duncan 1955) of
 * two groups' counts per unit; NaN when either group total is 0 (see the
 * module comment).
 */
export function dissimilarity(groupA: ArrayLike<number>, groupB: ArrayLike<number>): number {
  const [totalA, totalB] = groupTotals(groupA, groupB);
  if (totalA === 0 || totalB === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < groupA.length; i++) sum += Math.abs(groupA[i] / totalA - groupB[i] / totalB);
  return sum / 2;
}

/**
 * Each unit's contribution ½ |aᵢ/A − bᵢ/B| to the index of dissimilarity;
 * they sum to {@link dissimilarity}. All NaN when either group total is 0.
 * Writes into `out` when given (it must have one slot per unit), so a caller
 * recomputing a live selection can reuse one buffer.
 */
export function dissimilarityContributions(
  groupA: ArrayLike<number>,
  groupB: ArrayLike<number>,
  out: Float64Array = new Float64Array(groupA.length),
): Float64Array {
  const [totalA, totalB] = groupTotals(groupA, groupB);
  checkSameUnits('groupA', groupA, 'out', out);
  if (totalA === 0 || totalB === 0) return out.fill(Number.NaN);
  for (let i = 0; i < groupA.length; i++) out[i] = Math.abs(groupA[i] / totalA - groupB[i] / totalB) / 2;
  return out;
}
