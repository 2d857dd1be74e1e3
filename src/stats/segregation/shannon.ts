/**
 * Shannon diversity (entropy) of a population split into k groups, e.g. the
 * five broad ethnic groups of Census 2021 in one LSOA:
 *
 *     H = −Σⱼ pⱼ ln pⱼ,   pⱼ = nⱼ / N,   N = Σⱼ nⱼ,
 *
 * with 0 · ln 0 = 0 (a group nobody belongs to adds nothing). H is 0 when
 * everyone is in one group and at most ln k, reached when the k groups are
 * of equal size. Natural logarithms, so H is in nats.
 *
 * The normalised form H / ln k runs from 0 to 1 whatever the number of
 * groups. Here k is the number of groups of the classification (the length
 * of the counts), not the number present in the unit, so that units of one
 * classification are measured on one scale: a unit with two equal groups of
 * five has H / ln 5 = ln 2 / ln 5 ≈ 0.43, not 1.
 *
 * Beside Simpson's index (diversity.ts), H weighs small groups more: a 1%
 * minority in a unit of two groups brings H to 0.056, 8% of its maximum
 * ln 2, but Simpson's index to 0.0198, 4% of its maximum ½. As with
 * Simpson's index, a larger area's H comes from its summed counts, not from
 * its units' H (Theil's entropy index of segregation is built on the gap
 * between the area's H and its units' population-weighted average H).
 *
 * Edge cases: a unit where nobody is counted (N = 0) has no shares and its H
 * is NaN, as is the normalised form with fewer than two groups (ln 1 = 0).
 *
 * References: C. E. Shannon (1948), "A mathematical theory of
 * communication", Bell System Technical Journal 27, 379–423 and 623–656;
 * for H / ln k, E. C. Pielou (1966), "The measurement of diversity in
 * different types of biological collections", Journal of Theoretical
 * Biology 13, 131–144 (who divides by the log of the number of species
 * present, where this module takes the groups of the classification).
 */

import { checkSameUnits } from './checks.ts';

function countError(name: string, index: number, value: number): RangeError {
  return new RangeError(`${name}[${index}] is ${value}: a count must be finite and 0 or more`);
}

/** Shannon diversity H = −Σ pⱼ ln pⱼ of one unit's group counts (Shannon 1948); NaN when N = 0. */
export function shannonDiversity(counts: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < counts.length; j++) {
    const n = counts[j];
    if (!(n >= 0 && n < Number.POSITIVE_INFINITY)) throw countError('counts', j, n);
    total += n;
  }
  if (total === 0) return Number.NaN;
  let entropy = 0;
  for (let j = 0; j < counts.length; j++) {
    const p = counts[j] / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return entropy;
}

/**
 * Normalised Shannon diversity H / ln k of one unit's counts of k groups
 * (Pielou 1966, with k the groups of the classification); NaN when N = 0 or
 * k < 2.
 */
export function normalisedShannonDiversity(counts: ArrayLike<number>): number {
  const entropy = shannonDiversity(counts);
  return counts.length < 2 ? Number.NaN : entropy / Math.log(counts.length);
}

/**
 * Shannon diversity H of every unit, from one array of counts per group
 * (`groups[j][i]` is group j's count in unit i, the column layout of the
 * census tables); NaN for a unit where nobody is counted. Writes into `out`
 * when given (one slot per unit), so a live selection can reuse one buffer.
 */
export function shannonDiversityByUnit(
  groups: readonly ArrayLike<number>[],
  out?: Float64Array,
): Float64Array {
  if (groups.length === 0) throw new RangeError('Shannon diversity needs at least one group');
  const units = groups[0].length;
  for (let j = 1; j < groups.length; j++) checkSameUnits('groups[0]', groups[0], `groups[${j}]`, groups[j]);
  const result = out ?? new Float64Array(units);
  checkSameUnits('groups[0]', groups[0], 'out', result);
  for (let i = 0; i < units; i++) {
    let total = 0;
    for (let j = 0; j < groups.length; j++) {
      const n = groups[j][i];
      if (!(n >= 0 && n < Number.POSITIVE_INFINITY)) throw countError(`groups[${j}]`, i, n);
      total += n;
    }
    if (total === 0) {
      result[i] = Number.NaN;
      continue;
    }
    let entropy = 0;
    for (let j = 0; j < groups.length; j++) {
      const p = groups[j][i] / total;
      if (p > 0) entropy -= p * Math.log(p);
    }
    result[i] = entropy;
  }
  return result;
}

/**
 * Normalised Shannon diversity H / ln k of every unit, from one array of
 * counts per group as {@link shannonDiversityByUnit}; all NaN with fewer than
 * two groups.
 */
export function normalisedShannonDiversityByUnit(
  groups: readonly ArrayLike<number>[],
  out?: Float64Array,
): Float64Array {
  const result = shannonDiversityByUnit(groups, out);
  if (groups.length < 2) return result.fill(Number.NaN);
  const maximum = Math.log(groups.length);
  for (let i = 0; i < result.length; i++) result[i] /= maximum;
  return result;
}
