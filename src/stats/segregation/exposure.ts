/**
 * Exposure and isolation: how much of a group's residential experience is
 * shared with its own group or with another, averaged over the group's
 * members.
 *
 * With aᵢ the count of group X in unit i, bᵢ that of group Y, tᵢ the unit's
 * total population and A = Σ aᵢ:
 *
 *     isolation  xPx = Σᵢ (aᵢ/A)(aᵢ/tᵢ)
 *     exposure   xPy = Σᵢ (aᵢ/A)(bᵢ/tᵢ)   (the interaction index)
 *
 * xPx is the share of X in the unit of the average member of X: the chance
 * that someone a member of X meets in their unit is also in X. xPy is the
 * same chance for a member of Y. Both depend on the groups' sizes as well as
 * on their spread: xPx is at least P = A/T (T = Σ tᵢ), reached when X has
 * the same share in every unit, and at most 1. Exposure is not symmetric:
 * A · xPy = B · yPx.
 *
 * The caller gives the totals tᵢ, so both readings the cohesion strategies
 * use work:
 * - a group against everyone else: tᵢ is the unit's whole population and
 *   bᵢ = tᵢ − aᵢ; then xPx + xPy = 1;
 * - one group against another within a larger population (e.g. Asian and
 *   Black residents among all residents): tᵢ is the unit's whole population
 *   and aᵢ + bᵢ ≤ tᵢ; then xPx + xPy ≤ 1 and the rest is X's exposure to
 *   the other groups. For the two groups on their own, pass tᵢ = aᵢ + bᵢ.
 *
 * Edge cases: a unit with tᵢ = 0 adds nothing. When X is absent from every
 * unit (A = 0) there is no member of X to average over and the indices are
 * NaN. A count above its unit's total (aᵢ > tᵢ, or aᵢ + bᵢ > tᵢ) is an error.
 *
 * References: S. Lieberson (1981), "An asymmetrical approach to
 * segregation", in C. Peach, V. Robinson and S. Smith (eds.), Ethnic
 * Segregation in Cities, Croom Helm, 61–82; D. S. Massey and N. A. Denton
 * (1988), "The dimensions of residential segregation", Social Forces 67(2),
 * 281–315 (the exposure dimension, xPx and xPy).
 */

import { checkSameUnits, checkedCount, checkWithinTotal } from './checks.ts';

/**
 * Isolation index xPx = Σᵢ (aᵢ/A)(aᵢ/tᵢ) of a group's counts per unit among
 * the units' totals (Lieberson 1981; Massey & Denton 1988); NaN when the
 * group is absent (A = 0).
 */
export function isolation(group: ArrayLike<number>, totals: ArrayLike<number>): number {
  checkSameUnits('group', group, 'totals', totals);
  // xPx = (1/A) Σ aᵢ²/tᵢ: A factors out, so one pass finds both.
  let totalGroup = 0;
  let weighted = 0;
  for (let i = 0; i < group.length; i++) {
    const a = checkedCount('group', i, group[i]);
    const t = checkedCount('totals', i, totals[i]);
    checkWithinTotal('group', i, a, t);
    if (t === 0) continue;
    totalGroup += a;
    weighted += (a * a) / t;
  }
  return totalGroup === 0 ? Number.NaN : weighted / totalGroup;
}

/**
 * Exposure (interaction) index xPy = Σᵢ (aᵢ/A)(bᵢ/tᵢ) of group X (`group`)
 * to group Y (`other`) among the units' totals (Lieberson 1981; Massey &
 * Denton 1988); NaN when X is absent (A = 0).
 */
export function exposure(
  group: ArrayLike<number>,
  other: ArrayLike<number>,
  totals: ArrayLike<number>,
): number {
  checkSameUnits('group', group, 'other', other);
  checkSameUnits('group', group, 'totals', totals);
  // xPy = (1/A) Σ aᵢbᵢ/tᵢ, one pass as for isolation.
  let totalGroup = 0;
  let weighted = 0;
  for (let i = 0; i < group.length; i++) {
    const a = checkedCount('group', i, group[i]);
    const b = checkedCount('other', i, other[i]);
    const t = checkedCount('totals', i, totals[i]);
    checkWithinTotal('group + other', i, a + b, t);
    if (t === 0) continue;
    totalGroup += a;
    weighted += (a * b) / t;
  }
  return totalGroup === 0 ? Number.NaN : weighted / totalGroup;
}
