/**
 * The correlation ratio (eta²) of a group: its isolation index corrected for
 * the group's size, so that groups of different sizes, or one group at two
 * censuses, can be compared.
 *
 * With aᵢ the group's count in unit i, tᵢ the unit's total population,
 * A = Σ aᵢ, T = Σ tᵢ, P = A/T the group's overall share and
 * xPx = Σᵢ (aᵢ/A)(aᵢ/tᵢ) its isolation index (see exposure.ts):
 *
 *     V = (xPx − P) / (1 − P).
 *
 * Isolation is at least P, reached when the group has the same share pᵢ = P
 * in every unit, and at most 1, so V runs from 0 (even spread) to 1 (the
 * group lives only in units of its own). It is eta², the share of the
 * variance of the 0/1 indicator "belongs to the group" among all T people
 * that lies between units:
 *
 *     V = Σᵢ tᵢ (pᵢ − P)² / (T P (1 − P)).
 *
 * Edge cases: a unit with tᵢ = 0 adds nothing. V is NaN when the group is
 * absent (P = 0) or is the whole population (P = 1): there is then no
 * variance to split. A count above its unit's total is an error.
 *
 * References: M. J. White (1986), "Segregation and diversity measures in
 * population distribution", Population Index 52(2), 198–221; D. S. Massey
 * and N. A. Denton (1988), "The dimensions of residential segregation",
 * Social Forces 67(2), 281–315 (as the adjusted isolation index eta²).
 */

import { isolation } from './exposure.ts';

/**
 * Correlation ratio V = (xPx − P)/(1 − P), P = A/T (White 1986; Massey &
 * Denton 1988) of a group's counts per unit among the units' totals; NaN
 * when P is 0 or 1.
 */
export function correlationRatio(group: ArrayLike<number>, totals: ArrayLike<number>): number {
  // isolation() checks the counts; P over the same (inhabited) units.
  const isolationIndex = isolation(group, totals);
  let totalGroup = 0;
  let totalPopulation = 0;
  for (let i = 0; i < group.length; i++) {
    if (totals[i] === 0) continue;
    totalGroup += group[i];
    totalPopulation += totals[i];
  }
  if (totalGroup === 0 || totalGroup >= totalPopulation) return Number.NaN;
  const share = totalGroup / totalPopulation;
  return (isolationIndex - share) / (1 - share);
}
