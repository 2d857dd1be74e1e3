/**
 * Location quotients: how much more (or less) concentrated a group is in
 * each unit than in the whole area.
 *
 * With aᵢ the group's count in unit i, tᵢ the unit's total population and
 * P = A/T the group's share of the whole area (A = Σ aᵢ, T = Σ tᵢ):
 *
 *     LQᵢ = (aᵢ/tᵢ) / (A/T).
 *
 * LQᵢ = 1 where the unit has the area's mix, 2 where the group's share is
 * twice the area's, 0 where the group is absent. Weighted by population the
 * quotients average to 1: Σ tᵢ LQᵢ / T = (Σ aᵢ / T) / P = 1.
 *
 * The reference share is by default that of the units given (the wards of an
 * authority against the authority). A caller comparing units with a larger
 * area they do not list (a selection's LSOAs against England) passes that
 * area's share as `referenceShare`; the average above is then P_units / P_ref
 * rather than 1.
 *
 * Edge cases: a unit with tᵢ = 0 has no share and its quotient is NaN. When
 * the group is absent from every unit (A = 0) and no reference share is
 * given, every quotient is NaN (0 / 0). A count above its unit's total is an
 * error.
 *
 * References: W. Isard (1960), Methods of Regional Analysis: an Introduction
 * to Regional Science, MIT Press (among the measures of industrial location);
 * for residential segregation, L. A. Brown and S.-Y. Chung (2006), "Spatial
 * segregation, segregation indices and the geographical perspective",
 * Population, Space and Place 12(2), 125–143.
 */

import { checkSameUnits, checkedCount, checkWithinTotal } from './checks.ts';

export interface LocationQuotientOptions {
  /**
   * The group's share A/T of the area the units are compared with, in
   * (0, 1]; by default the share in the units given.
   */
  referenceShare?: number;
  /** Where to write the quotients (one slot per unit), to reuse a buffer. */
  out?: Float64Array;
}

/**
 * Location quotient LQᵢ = (aᵢ/tᵢ)/(A/T) of a group in each unit (Isard
 * 1960); NaN for a unit with no population.
 */
export function locationQuotients(
  group: ArrayLike<number>,
  totals: ArrayLike<number>,
  options: LocationQuotientOptions = {},
): Float64Array {
  checkSameUnits('group', group, 'totals', totals);
  const out = options.out ?? new Float64Array(group.length);
  checkSameUnits('group', group, 'out', out);
  let totalGroup = 0;
  let totalPopulation = 0;
  for (let i = 0; i < group.length; i++) {
    const a = checkedCount('group', i, group[i]);
    const t = checkedCount('totals', i, totals[i]);
    checkWithinTotal('group', i, a, t);
    totalGroup += a;
    totalPopulation += t;
  }
  let share = totalGroup / totalPopulation;
  if (options.referenceShare !== undefined) {
    share = options.referenceShare;
    if (!(share > 0 && share <= 1)) throw new RangeError(`referenceShare ${share} is outside (0, 1]`);
  }
  for (let i = 0; i < group.length; i++) {
    const t = totals[i];
    out[i] = t === 0 ? Number.NaN : group[i] / t / share;
  }
  return out;
}
