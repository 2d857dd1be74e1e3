/**
 * Seeded random numbers, the binomial sampler the bias-corrected index of
 * dissimilarity draws from, and the exact binomial and hypergeometric
 * probabilities that sampler and the expected index under random allocation
 * share. Pure functions and small objects; no I/O, no global state, and the
 * same seed gives the same numbers on every platform (only 32-bit integer
 * arithmetic and IEEE doubles are used).
 *
 * ## Generator
 *
 * xoshiro128** (Blackman & Vigna): 128 bits of state, period 2¹²⁸ − 1,
 * passes BigCrush; the state is filled from a 32-bit seed by SplitMix32 (the
 * 32-bit form of Steele, Lea & Flood's SplitMix with the MurmurHash3
 * finaliser), so nearby seeds give unrelated streams and the state is never
 * all zero. Uniform doubles take two 32-bit outputs and carry 53 random
 * bits: u = (⌊x₁/2⁵⌋·2²⁶ + ⌊x₂/2⁶⌋) / 2⁵³ ∈ [0, 1).
 *
 * References: D. Blackman and S. Vigna (2021), "Scrambled linear
 * pseudorandom number generators", ACM Transactions on Mathematical Software
 * 47(4), 36 (and the reference C code at prng.di.unimi.it); G. L. Steele,
 * D. Lea and C. H. Flood (2014), "Fast splittable pseudorandom number
 * generators", OOPSLA 2014.
 *
 * ## Binomial sampler
 *
 * X ~ Binomial(n, p) is drawn for p ≤ ½ (for p > ½ as n − Binomial(n, 1 − p)):
 *
 * - when n·p < 10, by inversion: sequential search up the cumulative
 *   distribution from P(0) = (1 − p)ⁿ with P(x) = P(x − 1)·((n + 1)·s/x − s),
 *   s = p/(1 − p) (algorithm BINV of Kachitvichyanukul & Schmeiser 1988);
 *   exact up to rounding, on average n·p + 1 steps;
 * - when n·p ≥ 10, by BTRS, the transformed rejection method with squeeze of
 *   Hörmann (1993). BTRS is *exact*, not an approximation: it proposes k from
 *   a transformed uniform (a hat function that covers the binomial
 *   probabilities) and accepts it with probability P(k)/hat(k); about 1.15
 *   pairs of uniforms per variate whatever n, and ~85 % of proposals are
 *   accepted by the squeeze without any logarithm. The acceptance test
 *   compares with log P(k)/P(m) (m the mode) written, as in PyTorch's
 *   implementation, in Stirling form so that no large log-factorials cancel:
 *   it is accurate to ~1e-15 absolute, so the sampled distribution differs
 *   from the binomial by that order. It was chosen over BTPE (also exact,
 *   but four regions and many more constants) for its brevity, and over a
 *   normal approximation with continuity correction because the bootstrap
 *   of the index of dissimilarity lives on small units and small minority
 *   shares, exactly where the normal approximation is worst (skewness
 *   (1 − 2p)/√(np(1 − p)) is not small there).
 *
 * References: V. Kachitvichyanukul and B. W. Schmeiser (1988), "Binomial
 * random variate generation", Communications of the ACM 31(2), 216–222;
 * W. Hörmann (1993), "The generation of binomial random variates", Journal
 * of Statistical Computation and Simulation 46(1–2), 101–110 (BTRS).
 *
 * ## Exact probabilities
 *
 * Binomial probabilities follow Loader's saddle-point form (as R's dbinom):
 *
 *     P(X = x) = exp(−δ(n) + δ(x) + δ(n − x) − bd0(x, np) − bd0(n − x, nq))
 *                · √(n / (2π x (n − x))),
 *
 * where δ(n) = ln n! − ln(√(2πn) (n/e)ⁿ) is the error of Stirling's formula
 * (a table for n ≤ 15 computed to 25 digits, the asymptotic series
 * 1/12n − 1/360n³ + 1/1260n⁵ − … beyond) and bd0(x, M) = x ln(x/M) + M − x
 * is evaluated by a series when x is near M. No two large logarithms are
 * subtracted, so the relative error stays near 1e-14 for n in the millions
 * where log-factorial differences would lose ~1e-8. Hypergeometric
 * probabilities are the ratio of three such binomial probabilities at
 * p = t/T (as R's dhyper):
 *
 *     P(a; T, A, t) = b(a; A, p) · b(t − a; T − A, p) / b(t; T, p).
 *
 * Reference: C. Loader (2000), "Fast and accurate computation of binomial
 * probabilities", technical note (the algorithm of R's dbinom and dhyper).
 */

/** A seeded source of random numbers. */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** xoshiro128** from an explicit state of four 32-bit words (not all zero). */
export function xoshiro128FromState(state: readonly [number, number, number, number]): Rng {
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** needs a state that is not all zero');
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return {
    nextUint32,
    next: () => ((nextUint32() >>> 5) * TWO_POW_26 + (nextUint32() >>> 6)) / TWO_POW_53,
  };
}

/**
 * xoshiro128** seeded from a 32-bit integer through SplitMix32 (see the
 * module comment); any finite number is accepted and reduced to 32 bits.
 */
export function seededRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`a seed must be a finite number, not ${seed}`);
  let x = seed | 0;
  const splitMix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  const state: [number, number, number, number] = [splitMix32(), splitMix32(), splitMix32(), splitMix32()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // never happens in practice
  return xoshiro128FromState(state);
}

/** A uniform integer in 0 … n − 1 (n ≤ 2³²), without modulo bias (rejection on the 32-bit output). */
export function uniformInt(rng: Rng, n: number): number {
  if (!(Number.isInteger(n) && n >= 1 && n <= 4294967296)) {
    throw new RangeError(`uniformInt needs a whole n from 1 to 2^32, not ${n}`);
  }
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const x = rng.nextUint32();
    if (x < limit) return x % n;
  }
}

/** Shuffles `values` in place by Fisher–Yates (Durstenfeld's form) and returns it. */
export function shuffleInPlace<T extends { length: number; [index: number]: unknown }>(rng: Rng, values: T): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    const v = values[i];
    values[i] = values[j];
    values[j] = v;
  }
  return values;
}

// ---------------------------------------------------------------------------
// Stirling's error, log-factorials, exact probabilities

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** δ(n) = ln n! − ln(√(2πn)(n/e)ⁿ) for n = 0 … 15, to 25 digits (mpmath); δ(0) = 0 by convention. */
const STIRLING_ERROR_TABLE = [
  0, 0.08106146679532725821967026, 0.04134069595540929409382208, 0.02767792568499833914878929,
  0.02079067210376509311152277, 0.01664469118982119216319487, 0.01387612882307074799874573,
  0.01189670994589177009505572, 0.01041126526197209649747857, 0.009255462182712732917728637,
  0.008330563433362871256469319, 0.007573675487951840794972024, 0.006942840107209529865664153,
  0.006408994188004207068439631, 0.005951370112758847735624416, 0.00555473355196280137103869,
];

/**
 * Error of Stirling's formula δ(n) = ln n! − (n + ½) ln n + n − ½ ln 2π for a
 * whole n ≥ 0: a table to n = 15, then the asymptotic series
 * 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹), fewer terms
 * as n grows (Loader 2000); absolute error below 2e-16, which is what
 * matters where δ enters a probability as exp(… ± δ).
 */
export function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_TABLE[n];
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * ln n! for a whole n ≥ 0, as (n + ½) ln n − n + ½ ln 2π + δ(n); relative
 * error near 1e-16 (but a *difference* of two large log-factorials loses
 * digits: use {@link binomialPmf} or {@link hypergeometricPmf} for
 * probabilities).
 */
export function logFactorial(n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`logFactorial needs a whole number ≥ 0, not ${n}`);
  if (n < 2) return 0;
  return (n + 0.5) * Math.log(n) - n + HALF_LOG_2PI + stirlingError(n);
}

/**
 * Deviance term bd0(x, M) = x ln(x/M) + M − x, by the series
 * 2x Σ v^(2j+1)/(2j+1) − (x − M)v… with v = (x − M)/(x + M) when x is close to
 * M, where the direct form would cancel (Loader 2000).
 */
function bd0(x: number, M: number): number {
  if (Math.abs(x - M) < 0.1 * (x + M)) {
    let v = (x - M) / (x + M);
    let s = (x - M) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / M) + M - x;
}

/** Loader's binomial probability with q = 1 − p passed separately (no rounding in 1 − p). */
function binomialPmfRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  }
  if (x === n) return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  if (x < 0 || x > n) return 0;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  // ½ ln(2π x (n − x)/n), with log1p for the last factor
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

function checkWhole(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0)) throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
}

/**
 * P(X = x) for X ~ Binomial(n, p) by Loader's saddle-point form (see the
 * module comment); relative error near 1e-14. 0 outside 0 … n or for a
 * non-integer x.
 */
export function binomialPmf(x: number, n: number, p: number): number {
  checkWhole('n', n);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], not ${p}`);
  if (!Number.isInteger(x) || x < 0 || x > n) return 0;
  return binomialPmfRaw(x, n, p, 1 - p);
}

/**
 * P(X = x) for X ~ Hypergeometric: x of the `draws` people taken without
 * replacement from a population of `population` of whom `successes` are in
 * the group. Computed as b(x; A, p)·b(t − x; T − A, p)/b(t; T, p) with
 * p = t/T (Loader 2000; R's dhyper); relative error near 1e-13 for
 * populations in the tens of millions. 0 outside the support.
 */
export function hypergeometricPmf(x: number, population: number, successes: number, draws: number): number {
  checkWhole('population', population);
  checkWhole('successes', successes);
  checkWhole('draws', draws);
  if (successes > population || draws > population) {
    throw new RangeError(
      `successes (${successes}) and draws (${draws}) cannot exceed the population (${population})`,
    );
  }
  const failures = population - successes;
  if (!Number.isInteger(x) || x < Math.max(0, draws - failures) || x > Math.min(draws, successes)) return 0;
  if (draws === 0) return 1;
  const p = draws / population;
  const q = (population - draws) / population;
  const p1 = binomialPmfRaw(x, successes, p, q);
  const p2 = binomialPmfRaw(draws - x, failures, p, q);
  const p3 = binomialPmfRaw(draws, population, p, q);
  return (p1 * p2) / p3;
}

// ---------------------------------------------------------------------------
// Binomial sampler

/** A sampler of one binomial distribution, its constants computed once. */
export type BinomialSampler = (rng: Rng) => number;

/** Inversion (BINV) for n·p < 10, p ≤ ½. */
function inversionSampler(n: number, p: number): BinomialSampler {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  return (rng) => {
    for (;;) {
      let r = r0;
      let u = rng.next();
      let x = 0;
      while (u > r) {
        u -= r;
        x++;
        if (x > n) break; // rounding left u above the total mass: draw again
        r *= a / x - s;
      }
      if (x <= n) return x;
    }
  };
}

/** BTRS (Hörmann 1993) for n·p ≥ 10, p ≤ ½; exact rejection sampling. */
function btrsSampler(n: number, p: number): BinomialSampler {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const r = p / q;
  const m = Math.floor((n + 1) * p);
  // log P(k)/P(m) = ln m! + ln(n − m)! − ln k! − ln(n − k)! + (k − m) ln r, with
  // ln k! = (k + ½) ln(k + 1) − (k + 1) + ½ ln 2π + δ(k + 1), grouped (as PyTorch's BTRS) so that
  // each logarithm is of a ratio near 1 and nothing large cancels.
  const fixed = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingError(m + 1) + stirlingError(n - m + 1);
  return (rng) => {
    for (;;) {
      const u = rng.next() - 0.5;
      let v = rng.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = Math.log((v * alpha) / (a / (us * us) + b));
      const bound =
        fixed +
        (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
        (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
        stirlingError(k + 1) -
        stirlingError(n - k + 1);
      if (v <= bound) return k;
    }
  };
}

const zero: BinomialSampler = () => 0;

/**
 * A sampler of Binomial(n, p) with its constants computed once, for drawing
 * many times from one distribution (a unit in every bootstrap replicate):
 * exact inversion when n·min(p, 1 − p) < 10, Hörmann's exact BTRS rejection
 * method otherwise (see the module comment). n must be a whole number ≥ 0
 * and p in [0, 1].
 */
export function binomialSampler(n: number, p: number): BinomialSampler {
  checkWhole('n', n);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], not ${p}`);
  if (n === 0 || p === 0) return zero;
  if (p === 1) return () => n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const draw = n * pp < 10 ? inversionSampler(n, pp) : btrsSampler(n, pp);
  return flip ? (rng) => n - draw(rng) : draw;
}

/** One draw from Binomial(n, p) (see {@link binomialSampler}). */
export function binomial(rng: Rng, n: number, p: number): number {
  return binomialSampler(n, p)(rng);
}
