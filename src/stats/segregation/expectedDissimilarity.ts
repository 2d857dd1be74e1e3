/**
 * Small-unit bias of the index of dissimilarity D = ½ Σᵢ |aᵢ/A − bᵢ/B|
 * (dissimilarity.ts): the value D takes by chance alone, and a value
 * corrected for it.
 *
 * D measures departure from *evenness*, not from *randomness*: even when
 * people settle with no regard to group, the counts of a small unit scatter
 * around the city's shares and D comes out above 0, the more so the smaller
 * the units and the smaller the minority (Cortese, Falk & Cohen 1976;
 * Carrington & Troske 1997). Two figures put an observed D in proportion.
 *
 * ## Expected D under random allocation (exact)
 *
 * Keep every unit's size tᵢ = aᵢ + bᵢ and the group totals A and B
 * (T = A + B), and deal the T people to the units at random. Unit i then
 * holds aᵢ ~ Hypergeometric(T, A, tᵢ) of group A (and bᵢ = tᵢ − aᵢ), with
 * mean μᵢ = tᵢA/T, and since
 *
 *     aᵢ/A − bᵢ/B = (T / (A·B)) · (aᵢ − μᵢ),
 *
 * linearity of expectation gives E[D] = Σᵢ (T / (2AB)) · E|aᵢ − μᵢ|: the
 * expected D is a sum over units of mean absolute deviations. Each is the
 * finite sum Σₓ |x − μᵢ| P(aᵢ = x) over the unit's support; it also has a
 * closed form, which is what is computed. Write P(x) for the hypergeometric
 * probabilities and s(x) = x·(B − tᵢ + x); from the ratio
 * P(x + 1)/P(x) = (A − x)(tᵢ − x) / ((x + 1)(B − tᵢ + x + 1)),
 *
 *     s(x + 1)P(x + 1) − s(x)P(x) = T·(μᵢ − x)·P(x),
 *
 * so the sum telescopes: with k = ⌊μᵢ⌋, E|aᵢ − μᵢ| = 2 Σ_{x ≤ k} (μᵢ − x)P(x)
 * = 2(A − k)(tᵢ − k)P(k)/T, and unit i's expected term is
 *
 *     E[½ |aᵢ/A − bᵢ/B|] = (A − k)(tᵢ − k) · P(aᵢ = k) / (A·B).
 *
 * (This is the hypergeometric form of de Moivre's mean absolute deviation of
 * the binomial.) One probability per unit, computed by Loader's saddle-point
 * method (random.ts) with relative error near 1e-13 for populations in the
 * tens of millions, where differences of log-factorials would lose about
 * 1e-8; the sum over a few thousand units keeps that accuracy, so the
 * expected D is good to ~1e-12 relative. The tests check it against the
 * explicit sum over each unit's support and against a seeded simulation that
 * shuffles the actual people among the units.
 *
 * The `binomial` model deals people *with replacement*, each to group A with
 * probability π = A/T (unit sizes fixed, group totals free):
 * aᵢ ~ Binomial(tᵢ, π), E|aᵢ − tᵢπ| = 2(tᵢ − k)π·P(aᵢ = k) with k = ⌊tᵢπ⌋,
 * and the unit's term is (tᵢ − k)·P(aᵢ = k)/B. It is slightly larger than
 * the hypergeometric value (variance tᵢπ(1 − π) against
 * tᵢπ(1 − π)(T − tᵢ)/(T − 1)) and the two agree when every unit is small
 * beside the whole.
 *
 * ## Bias-corrected D (Allen, Burgess, Davidson & Windmeijer 2015)
 *
 * Their model: unit sizes tᵢ are fixed and each person in unit i belongs to
 * group A independently with probability pᵢ, so aᵢ ~ Binomial(tᵢ, pᵢ).
 * Segregation proper ("systematic" segregation) is D computed from the pᵢ;
 * the observed D estimates it with an upward bias. The bias is estimated by a
 * parametric bootstrap: draw aᵢ* ~ Binomial(tᵢ, p̂ᵢ) with p̂ᵢ = aᵢ/tᵢ,
 * bᵢ* = tᵢ − aᵢ*, in every unit independently, compute D* (with the
 * replicate's own totals A* and B*), repeat R times, and take
 *
 *     bias = mean(D*) − D,   corrected D = D − bias = 2D − mean(D*).
 *
 * Limits. The bootstrap measures the bias at p̂, which is itself spread
 * out, whereas the bias is largest when the pᵢ are all equal; so near zero
 * segregation the correction removes only part of the bias. With no
 * systematic segregation at all, in the normal approximation each unit's
 * deviation dᵢ becomes dᵢ + eᵢ* with eᵢ* as large as dᵢ, so mean(D*) ≈ √2·D
 * and corrected D ≈ (2 − √2)·D ≈ 0.59·D: about 41 % of the chance value is
 * removed, not all of it (the tests confirm this on simulated populations).
 * D's sampling distribution is not normal there either (|·| has a kink at
 * 0); the paper also derives a test for the absence of systematic
 * segregation and asymptotic theory for D, neither implemented here. Where
 * the question is "how much of this D could chance alone produce", compare D
 * with the exact expected value above. This description follows the
 * paper's stated method (and the way PySAL's and R's segregation packages
 * implement it); the code is written from that description, not taken from
 * any of them.
 *
 * The interval is a percentile interval of the replicates shifted by −2·bias,
 * D* − 2(mean(D*) − D): the bootstrap distribution recentred on the
 * corrected value, its spread standing for D's sampling spread. It is an
 * interval for systematic D under the binomial model (it says how much of D
 * could be the chance of who lives where), not for the census count, which
 * has no sampling error of its own; its coverage is poor when systematic D
 * is near 0, for the reasons above. Percentiles are Hyndman & Fan's
 * definition 1 (quantiles.ts).
 *
 * Replicates are drawn by a seeded xoshiro128** and Hörmann's exact BTRS
 * binomial sampler (random.ts): a seed gives the same figures everywhere.
 * A replicate in which one group vanishes entirely (A* = 0 or B* = 0, only
 * possible with a handful of people) has no D and is left out; the result
 * says how many replicates were used.
 *
 * Counts must be whole numbers (people): a RangeError names the array and
 * the unit otherwise. Either group absent (A = 0 or B = 0) gives NaN
 * throughout, as for D itself.
 *
 * References: R. Allen, S. Burgess, R. Davidson and F. Windmeijer (2015),
 * "More reliable inference for the dissimilarity index of segregation", The
 * Econometrics Journal 18(1), 40–66; J. F. Cortese, R. F. Falk and J. K.
 * Cohen (1976), "Further considerations on the methodological analysis of
 * segregation indices", American Sociological Review 41(4), 630–637;
 * W. J. Carrington and K. R. Troske (1997), "On measuring segregation in
 * samples with small units", Journal of Business & Economic Statistics
 * 15(4), 402–409; C. Loader (2000), "Fast and accurate computation of
 * binomial probabilities".
 */

import { quantileType1 } from '../quantiles.ts';
import { binomialPmf, binomialSampler, hypergeometricPmf, seededRng, type BinomialSampler } from '../random.ts';
import { checkSameUnits, checkedCount } from './checks.ts';
import { dissimilarity } from './dissimilarity.ts';

/** How people are dealt to units under "random allocation". */
export type AllocationModel = 'hypergeometric' | 'binomial';

export interface ExpectedDissimilarityOptions {
  /**
   * `hypergeometric` (default): the actual people shuffled among the units,
   * group totals and unit sizes both fixed. `binomial`: each person of each
   * unit in group A with probability A/T, independently (with replacement).
   */
  model?: AllocationModel;
}

function checkedPeople(name: string, unit: number, value: number): number {
  checkedCount(name, unit, value);
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name}[${unit}] is ${value}: chance allocation deals whole people, so counts must be whole numbers`);
  }
  return value;
}

function peopleTotals(groupA: ArrayLike<number>, groupB: ArrayLike<number>): [number, number] {
  checkSameUnits('groupA', groupA, 'groupB', groupB);
  let totalA = 0;
  let totalB = 0;
  for (let i = 0; i < groupA.length; i++) {
    totalA += checkedPeople('groupA', i, groupA[i]);
    totalB += checkedPeople('groupB', i, groupB[i]);
  }
  return [totalA, totalB];
}

/**
 * Each unit's expected term E[½ |aᵢ/A − bᵢ/B|] under random allocation (see
 * the module comment): (A − k)(tᵢ − k)·P(aᵢ = k)/(A·B) with k = ⌊tᵢA/T⌋ and
 * aᵢ hypergeometric, or (tᵢ − k)·P(aᵢ = k)/B with aᵢ binomial. They sum to
 * {@link expectedDissimilarity}. All NaN when either group total is 0.
 * Writes into `out` when given (one slot per unit).
 */
export function expectedDissimilarityContributions(
  groupA: ArrayLike<number>,
  groupB: ArrayLike<number>,
  options: ExpectedDissimilarityOptions = {},
  out: Float64Array = new Float64Array(groupA.length),
): Float64Array {
  const model = options.model ?? 'hypergeometric';
  if (model !== 'hypergeometric' && model !== 'binomial') {
    throw new RangeError(`unknown allocation model ${String(model)}: use 'hypergeometric' or 'binomial'`);
  }
  const [totalA, totalB] = peopleTotals(groupA, groupB);
  checkSameUnits('groupA', groupA, 'out', out);
  if (totalA === 0 || totalB === 0) return out.fill(Number.NaN);
  const total = totalA + totalB;
  const share = totalA / total;
  for (let i = 0; i < groupA.length; i++) {
    const size = groupA[i] + groupB[i];
    if (size === 0) {
      out[i] = 0;
      continue;
    }
    // k = ⌊μᵢ⌋; tᵢ·A is exact below 2⁵³. Rounding k down by one when μᵢ is a whole number changes nothing:
    // the term (μᵢ − k)P(k) it would drop is 0.
    const k = Math.floor((size * totalA) / total);
    out[i] =
      model === 'hypergeometric'
        ? ((totalA - k) * (size - k) * hypergeometricPmf(k, total, totalA, size)) / (totalA * totalB)
        : ((size - k) * binomialPmf(k, size, share)) / totalB;
  }
  return out;
}

/**
 * The index of dissimilarity expected when the same people (the same group
 * totals) are dealt at random to units of the same sizes, computed exactly
 * (see the module comment); NaN when either group total is 0.
 */
export function expectedDissimilarity(
  groupA: ArrayLike<number>,
  groupB: ArrayLike<number>,
  options: ExpectedDissimilarityOptions = {},
): number {
  const terms = expectedDissimilarityContributions(groupA, groupB, options);
  let sum = 0;
  for (let i = 0; i < terms.length; i++) sum += terms[i];
  return sum;
}

export interface BiasCorrectionOptions {
  /** Bootstrap replicates R (default 500). */
  replicates?: number;
  /** Seed of the random numbers (default 1): the same seed gives the same result. */
  seed?: number;
  /** Coverage of the percentile interval (default 0.95). */
  level?: number;
}

export interface BiasCorrectedDissimilarity {
  /** The observed index D. */
  index: number;
  /** Mean of the replicates' D*. */
  replicateMean: number;
  /** Estimated bias, mean(D*) − D. */
  bias: number;
  /** Bias-corrected index 2D − mean(D*) (Allen et al. 2015); can fall below 0. */
  corrected: number;
  /** Standard deviation of the replicates' D* (the bootstrap standard error of D). */
  standardError: number;
  /** Percentile interval of D* − 2·bias at `level` (lower, upper). */
  interval: [number, number];
  level: number;
  /** Replicates drawn, and those used (a replicate where a group vanished has no D). */
  replicates: number;
  usedReplicates: number;
}

/**
 * Bias-corrected index of dissimilarity of Allen, Burgess, Davidson and
 * Windmeijer (2015) by a seeded parametric bootstrap, with a percentile
 * interval (see the module comment for the method and its limits).
 */
export function biasCorrectedDissimilarity(
  groupA: ArrayLike<number>,
  groupB: ArrayLike<number>,
  options: BiasCorrectionOptions = {},
): BiasCorrectedDissimilarity {
  const replicates = options.replicates ?? 500;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(replicates) && replicates >= 2)) {
    throw new RangeError(`replicates must be a whole number ≥ 2, not ${replicates}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, not ${level}`);
  const [totalA, totalB] = peopleTotals(groupA, groupB);
  const units = groupA.length;
  const index = dissimilarity(groupA, groupB);
  if (totalA === 0 || totalB === 0) {
    return {
      index,
      replicateMean: Number.NaN,
      bias: Number.NaN,
      corrected: Number.NaN,
      standardError: Number.NaN,
      interval: [Number.NaN, Number.NaN],
      level,
      replicates,
      usedReplicates: 0,
    };
  }

  const rng = seededRng(seed);
  const sizes = new Float64Array(units);
  const samplers: BinomialSampler[] = new Array(units);
  for (let i = 0; i < units; i++) {
    sizes[i] = groupA[i] + groupB[i];
    samplers[i] = binomialSampler(sizes[i], sizes[i] === 0 ? 0 : groupA[i] / sizes[i]);
  }
  const drawnA = new Float64Array(units);
  const drawnB = new Float64Array(units);
  const values: number[] = [];
  for (let r = 0; r < replicates; r++) {
    let sumA = 0;
    for (let i = 0; i < units; i++) {
      const a = samplers[i](rng);
      drawnA[i] = a;
      drawnB[i] = sizes[i] - a;
      sumA += a;
    }
    if (sumA === 0 || sumA === totalA + totalB) continue; // a group vanished: no D
    values.push(dissimilarity(drawnA, drawnB));
  }

  const used = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= used;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const bias = mean - index;
  const sorted = Float64Array.from(values, (v) => v - 2 * bias).sort();
  const tail = (1 - level) / 2;
  return {
    index,
    replicateMean: mean,
    bias,
    corrected: index - bias,
    standardError: used > 1 ? Math.sqrt(squares / (used - 1)) : Number.NaN,
    interval: used > 0 ? [quantileType1(sorted, tail), quantileType1(sorted, 1 - tail)] : [Number.NaN, Number.NaN],
    level,
    replicates,
    usedReplicates: used,
  };
}
