/**
 * Segregation among more than two groups at once (e.g. the five broad ethnic
 * groups of Census 2021 over the LSOAs of a ward): the multigroup index of
 * dissimilarity and Theil's information theory index.
 *
 * Input: one array of counts per group, `groups[m][i]` being group m's count
 * in unit i — the column layout of the census tables, and the layout of the
 * other indices here (dissimilarity(groupA, groupB) is the two-group case of
 * multigroupDissimilarity([groupA, groupB])). All groups need one count per
 * unit; a count that is negative, infinite or NaN throws a RangeError naming
 * the group and the unit (`groups[2][17] is -1: …`).
 *
 * Notation: tᵢ = Σₘ groups[m][i] the people in unit i, T = Σᵢ tᵢ,
 * πₘ = Σᵢ groups[m][i] / T group m's share of the whole, πᵢₘ its share of
 * unit i, M the number of groups.
 *
 * Multigroup index of dissimilarity (Sakoda 1981; Reardon & Firebaugh 2002):
 *
 *     D_M = Σᵢ Σₘ tᵢ |πᵢₘ − πₘ| / (2 T I),   I = Σₘ πₘ(1 − πₘ),
 *
 * where I is Simpson's interaction index of the whole (diversity.ts). D_M is
 * the share of people who would have to move for every unit to have the
 * whole's composition, divided by the largest value that share can take for
 * these group totals; it runs from 0 (every unit like the whole) to 1 (no
 * unit holds two groups). With two groups it equals the two-group D of
 * Duncan and Duncan: I = 2π₁π₂ and the two groups' terms are equal, so
 * D_M = Σᵢ tᵢ |πᵢ₁ − π₁| / (2Tπ₁π₂) = ½ Σᵢ |aᵢ/A − bᵢ/B|.
 *
 * Theil's information theory index (Theil & Finizza 1971; Reardon &
 * Firebaugh 2002):
 *
 *     H = Σᵢ tᵢ (E − Eᵢ) / (E T),   E = −Σₘ πₘ ln πₘ,   Eᵢ = −Σₘ πᵢₘ ln πᵢₘ,
 *
 * with 0 · ln 0 = 0: the share of the whole's entropy (its diversity, in the
 * sense of shannon.ts) that is *not* found inside the units on average. H is
 * 0 when every unit has the whole's composition and 1 when every unit holds
 * one group; since E is the largest population-weighted mean entropy the
 * units can reach, H is never below 0. Reardon & Firebaugh recommend H
 * among the multigroup indices because it alone satisfies their principle of
 * transfers and decomposes into between- and within-area parts. The base of
 * the logarithm cancels (natural logarithms here).
 *
 * Both indices are unchanged by the order of the units or of the groups and
 * by multiplying every count by one factor. Units where nobody is counted
 * add nothing. When fewer than two groups are present in the whole (I = 0,
 * E = 0) nothing can be segregated and the index is NaN, as two-group D is
 * NaN without one of its groups: a live panel shows "no value" rather than
 * stopping on an error. Like D, both are biased upwards on small units.
 *
 * References: J. M. Sakoda (1981), "A generalized index of dissimilarity",
 * Demography 18(2), 245–250; H. Theil and A. J. Finizza (1971), "A note on
 * the measurement of racial integration of schools by means of informational
 * concepts", Journal of Mathematical Sociology 1(2), 187–193; S. F. Reardon
 * and G. Firebaugh (2002), "Measures of multigroup segregation",
 * Sociological Methodology 32, 33–67.
 */

/** Validates the shape and counts; returns the units' totals tᵢ, the groups' totals and T. */
function tabulate(groups: readonly ArrayLike<number>[]): {
  unitTotals: Float64Array;
  groupTotals: Float64Array;
  total: number;
} {
  if (groups.length === 0) throw new RangeError('a segregation index needs at least one group (none given)');
  const units = groups[0].length;
  for (let m = 1; m < groups.length; m++) {
    if (groups[m].length !== units) {
      throw new RangeError(
        `groups[${m}] has ${groups[m].length} units but groups[0] has ${units}; every group needs one count per unit`,
      );
    }
  }
  const unitTotals = new Float64Array(units);
  const groupTotals = new Float64Array(groups.length);
  let total = 0;
  for (let m = 0; m < groups.length; m++) {
    const counts = groups[m];
    let groupTotal = 0;
    for (let i = 0; i < units; i++) {
      const n = counts[i];
      // One comparison chain rejects NaN too.
      if (!(n >= 0 && n < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`groups[${m}][${i}] is ${n}: a count must be finite and 0 or more (group ${m}, unit ${i})`);
      }
      unitTotals[i] += n;
      groupTotal += n;
    }
    groupTotals[m] = groupTotal;
    total += groupTotal;
  }
  return { unitTotals, groupTotals, total };
}

/**
 * Multigroup index of dissimilarity D_M = Σᵢ Σₘ tᵢ |πᵢₘ − πₘ| / (2 T I),
 * I = Σₘ πₘ(1 − πₘ) (Sakoda 1981; Reardon & Firebaugh 2002), of one array of
 * counts per group; NaN when fewer than two groups are present.
 */
export function multigroupDissimilarity(groups: readonly ArrayLike<number>[]): number {
  const { unitTotals, groupTotals, total } = tabulate(groups);
  if (!(total > 0)) return Number.NaN;
  let interaction = 0;
  for (let m = 0; m < groups.length; m++) {
    const share = groupTotals[m] / total;
    interaction += share * (1 - share);
  }
  if (!(interaction > 0)) return Number.NaN;
  // tᵢ |πᵢₘ − πₘ| = |nᵢₘ − tᵢπₘ|: no division by tᵢ, so empty units need no special case.
  let sum = 0;
  for (let m = 0; m < groups.length; m++) {
    const counts = groups[m];
    const share = groupTotals[m] / total;
    for (let i = 0; i < unitTotals.length; i++) sum += Math.abs(counts[i] - unitTotals[i] * share);
  }
  return sum / (2 * total * interaction);
}

/**
 * Theil's information theory index H = Σᵢ tᵢ (E − Eᵢ) / (E T) (Theil &
 * Finizza 1971; Reardon & Firebaugh 2002), of one array of counts per group;
 * NaN when fewer than two groups are present.
 */
export function theilH(groups: readonly ArrayLike<number>[]): number {
  const { unitTotals, groupTotals, total } = tabulate(groups);
  if (!(total > 0)) return Number.NaN;
  let whole = 0;
  for (let m = 0; m < groups.length; m++) {
    const p = groupTotals[m] / total;
    if (p > 0) whole -= p * Math.log(p);
  }
  if (!(whole > 0)) return Number.NaN;
  // Σᵢ tᵢ (E − Eᵢ) / (E T) = 1 − Σᵢ tᵢ Eᵢ / (E T).
  let weighted = 0;
  for (let i = 0; i < unitTotals.length; i++) {
    const size = unitTotals[i];
    if (!(size > 0)) continue;
    // tᵢ Eᵢ = −Σₘ nᵢₘ ln(nᵢₘ / tᵢ), with 0 · ln 0 = 0
    for (let m = 0; m < groups.length; m++) {
      const n = groups[m][i];
      if (n > 0) weighted -= n * Math.log(n / size);
    }
  }
  // Rounding can leave 1 − x a few ulps below 0 when every unit matches the whole.
  return Math.max(0, 1 - weighted / (whole * total));
}
