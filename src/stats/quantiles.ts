/**
 * National quantile classes of a continuous value (e.g. quintiles of ethnic
 * diversity): the cut points and the class of every area.
 *
 * Cut points are sample quantiles by definition 1 of Hyndman & Fan (1996),
 * the inverse of the empirical distribution function (R's
 * `quantile(x, type = 1)`): for p in (0, 1] and the n values sorted
 * ascending x₍₁₎ ≤ … ≤ x₍ₙ₎,
 *
 *     Q(p) = x₍⌈n·p⌉₎.
 *
 * Every cut point is therefore one of the values themselves (no
 * interpolation), so the limits the legend prints are values that areas
 * really have, at the precision they are stored with.
 *
 * With `count` classes the cut points are cₖ = Q(k / count), k = 1 … count − 1.
 * Classes are closed above: class k holds the values in (cₖ₋₁, cₖ], class 1
 * everything ≤ c₁ and the last class everything > c₍count−1₎; that is,
 *
 *     class(v) = 1 + #{k : v > cₖ}.
 *
 * Equal values always share a class. Where many areas share a value (many
 * zeros, say) cut points coincide and a class can be empty; without ties each
 * class holds ⌈n/count⌉ or ⌊n/count⌋ areas, the lowest values in class 1.
 *
 * Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in
 * statistical packages", The American Statistician 50(4), 361–365,
 * definition 1.
 */

export interface QuantileClasses {
  /** Class 1 … count of each value; 0 where the value is missing (NaN). */
  classes: Uint8Array;
  /**
   * count + 1 limits: the minimum, the count − 1 cut points, the maximum.
   * Null when no value is present.
   */
  breaks: number[] | null;
}

/** Q(p) = x₍⌈n·p⌉₎ of values sorted ascending (Hyndman & Fan definition 1), 0 < p ≤ 1. */
export function quantileType1(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('no values');
  if (!(p > 0 && p <= 1)) throw new RangeError(`p ${p} is outside (0, 1]`);
  // The small tolerance keeps n·p = 3.0000000000000004 (floating point) at 3.
  const position = Math.max(1, Math.ceil(n * p - 1e-9));
  return sorted[position - 1];
}

/**
 * Cuts values into `count` national quantile classes (see the module
 * comment). NaN marks a missing value: it takes class 0 and is not counted.
 */
export function quantileClasses(values: ArrayLike<number>, count: number): QuantileClasses {
  if (!(Number.isInteger(count) && count >= 1 && count <= 255)) throw new RangeError(`count ${count} must be a whole number 1…255`);
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(values[i]);
  const classes = new Uint8Array(values.length);
  if (present.length === 0) return { classes, breaks: null };
  present.sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) cuts.push(quantileType1(present, k / count));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    let c = 1;
    for (const cut of cuts) if (v > cut) c++;
    classes[i] = c;
  }
  return { classes, breaks: [present[0], ...cuts, present[present.length - 1]] };
}
