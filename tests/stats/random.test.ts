import { describe, expect, it } from 'vitest';
import {
  binomial,
  binomialPmf,
  binomialSampler,
  hypergeometricPmf,
  logFactorial,
  seededRng,
  shuffleInPlace,
  stirlingError,
  uniformInt,
  xoshiro128FromState,
} from '../../src/stats/random.ts';

/** xoshiro128** written differently: BigInt words, straight from the reference C. */
function* referenceXoshiro(state: [bigint, bigint, bigint, bigint]): Generator<number> {
  const mask = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & mask;
  const s = [...state];
  for (;;) {
    const result = (rotl((s[1] * 5n) & mask, 7n) * 9n) & mask;
    const t = (s[1] << 9n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    yield Number(result);
  }
}

/** Chi-square statistic of observed counts against expected counts, pooling cells expected below 5 into their neighbours. */
function chiSquare(observed: number[], expected: number[]): { statistic: number; cells: number } {
  let statistic = 0;
  let cells = 0;
  let o = 0;
  let e = 0;
  for (let x = 0; x < expected.length; x++) {
    o += observed[x];
    e += expected[x];
    if (e >= 5) {
      statistic += ((o - e) * (o - e)) / e;
      cells++;
      o = 0;
      e = 0;
    }
  }
  if (e > 0) statistic += ((o - e) * (o - e)) / Math.max(e, 1e-300);
  return { statistic, cells: cells + (e > 0 ? 1 : 0) };
}

describe('xoshiro128**', () => {
  it('gives the reference outputs from the state 1, 2, 3, 4', () => {
    // The test vector of the reference C code (as used by Rust's rand_xoshiro). The first by hand:
    // s1 = 2, 2·5 = 10, rotl(10, 7) = 1280, 1280·9 = 11520.
    const rng = xoshiro128FromState([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('matches a BigInt implementation over many outputs, from a state with high bits set', () => {
    const state: [number, number, number, number] = [0x9e3779b9, 0xdeadbeef, 0x01234567, 0xfedcba98];
    const rng = xoshiro128FromState(state);
    const reference = referenceXoshiro([BigInt(state[0]), BigInt(state[1]), BigInt(state[2]), BigInt(state[3])]);
    for (let i = 0; i < 2000; i++) expect(rng.nextUint32()).toBe(reference.next().value);
  });

  it('refuses the all-zero state', () => {
    expect(() => xoshiro128FromState([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('is repeatable from a seed, differs between seeds, and gives doubles in [0, 1) with mean ½', () => {
    const a = seededRng(2024);
    const b = seededRng(2024);
    const c = seededRng(2025);
    const fromA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(fromA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(fromA);
    expect(() => seededRng(Number.NaN)).toThrow(RangeError);

    const rng = seededRng(5);
    const n = 200_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // mean of n uniforms: standard error √(1/12/n) ≈ 0.00065; allow 5 of them
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
  });
});

describe('uniformInt and shuffleInPlace', () => {
  it('draws every integer of 0 … n − 1 about equally often', () => {
    const rng = seededRng(11);
    const n = 7;
    const draws = 70_000;
    const counts = new Array(n).fill(0);
    for (let i = 0; i < draws; i++) counts[uniformInt(rng, n)]++;
    // chi-square with 6 degrees of freedom: 22.46 is the 0.999 quantile
    const { statistic } = chiSquare(counts, new Array(n).fill(draws / n));
    expect(statistic).toBeLessThan(22.46);
    expect(() => uniformInt(rng, 0)).toThrow(RangeError);
    expect(() => uniformInt(rng, 2.5)).toThrow(RangeError);
  });

  it('permutes (same multiset), repeatably for a seed, and puts each element everywhere equally often', () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    const once = shuffleInPlace(seededRng(3), [...values]);
    expect([...once].sort((x, y) => x - y)).toEqual(values);
    expect(shuffleInPlace(seededRng(3), [...values])).toEqual(once);
    expect(once).not.toEqual(values);

    // Where element 0 of 4 lands over many shuffles: uniform over the 4 places.
    const rng = seededRng(8);
    const places = [0, 0, 0, 0];
    const trials = 40_000;
    for (let t = 0; t < trials; t++) places[shuffleInPlace(rng, new Uint8Array([1, 0, 0, 0])).indexOf(1)]++;
    // 3 degrees of freedom: 16.27 is the 0.999 quantile
    expect(chiSquare(places, [trials / 4, trials / 4, trials / 4, trials / 4]).statistic).toBeLessThan(16.27);
  });
});

describe('stirlingError and logFactorial', () => {
  it('match values computed to 25 digits (mpmath)', () => {
    // δ(n) = ln n! − (n + ½) ln n + n − ½ ln 2π
    expect(stirlingError(1)).toBeCloseTo(0.08106146679532725822, 16);
    expect(stirlingError(15)).toBeCloseTo(0.00555473355196280137, 16);
    // series branch: δ(16) ≈ 1/(12·16) − 1/(360·16³) + 1/(1260·16⁵)
    //   = 0.0052083333 − 0.0000006782 + 0.0000000008 = 0.0052076559 (mpmath: 0.00520765591960964044)
    expect(stirlingError(16)).toBeCloseTo(0.00520765591960964044, 15);
    expect(logFactorial(20)).toBeCloseTo(42.33561646075348503, 13);
    expect(logFactorial(1_000_000) / 12815518.38465816962425108).toBeCloseTo(1, 15);
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(() => logFactorial(-1)).toThrow(RangeError);
  });

  it('agrees with summed logarithms for n up to 200', () => {
    let sum = 0;
    for (let n = 1; n <= 200; n++) {
      sum += Math.log(n);
      expect(Math.abs(logFactorial(n) - sum)).toBeLessThan(1e-12 * Math.max(1, sum));
    }
  });
});

describe('binomialPmf and hypergeometricPmf', () => {
  it('match exact small cases', () => {
    // C(10,3)·0.3³·0.7⁷ = 120 · 0.027 · 0.0823543 = 0.266827932
    expect(binomialPmf(3, 10, 0.3)).toBeCloseTo(0.266827932, 14);
    // C(7,2)·C(13,3)/C(20,5) = 21·286/15504 = 6006/15504
    expect(hypergeometricPmf(2, 20, 7, 5)).toBeCloseTo(6006 / 15504, 14);
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialPmf(6, 5, 0.5)).toBe(0);
    expect(hypergeometricPmf(0, 10, 4, 0)).toBe(1);
    expect(hypergeometricPmf(5, 10, 4, 6)).toBe(0); // only 4 successes exist
    expect(hypergeometricPmf(1, 10, 4, 8)).toBe(0); // 8 draws from 6 failures leave at least 2 successes
  });

  it('sum to 1 over the support and match products of rational factors', () => {
    let total = 0;
    for (let x = 0; x <= 40; x++) total += binomialPmf(x, 40, 0.37);
    expect(total).toBeCloseTo(1, 13);
    // hypergeometric by the product formula, term by term
    const [T, A, t] = [60, 25, 18];
    let hTotal = 0;
    const choose = (n: number, k: number) => {
      let c = 1;
      for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
      return c;
    };
    for (let x = 0; x <= t; x++) {
      const expected = (choose(A, x) * choose(T - A, t - x)) / choose(T, t);
      expect(hypergeometricPmf(x, T, A, t)).toBeCloseTo(expected, 13);
      hTotal += hypergeometricPmf(x, T, A, t);
    }
    expect(hTotal).toBeCloseTo(1, 13);
  });

  it('are accurate to ~1e-13 relative for populations of millions (mpmath references)', () => {
    expect(hypergeometricPmf(1234, 8_000_000, 2_500_000, 4000) / 0.01176414701350102752).toBeCloseTo(1, 12);
    // far in a tail, where log-factorial differences would be hopeless
    expect(hypergeometricPmf(900, 8_000_000, 2_500_000, 4000) / 1.8817256676994857005e-35).toBeCloseTo(1, 11);
    expect(binomialPmf(950, 3000, 0.31) / 0.011477766826552459228).toBeCloseTo(1, 12);
  });
});

describe('binomial sampler', () => {
  const cases: [string, number, number][] = [
    ['inversion (n·p < 10)', 40, 0.12],
    ['inversion, p > ½ mirrored', 25, 0.8],
    ['BTRS (n·p ≥ 10)', 300, 0.3],
    ['BTRS, p > ½ mirrored', 2000, 0.93],
    ['BTRS, small p and large n', 1500, 0.012],
  ];
  for (const [name, n, p] of cases) {
    it(`fits Binomial(${n}, ${p}) by chi-square — ${name}`, () => {
      const draw = binomialSampler(n, p);
      const rng = seededRng(n * 31 + Math.round(p * 1000));
      const draws = 60_000;
      const counts = new Array(n + 1).fill(0);
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < draws; i++) {
        const x = draw(rng);
        if (Number.isInteger(x) && x >= 0 && x <= n) counts[x]++;
        else outside++;
        sum += x;
      }
      expect(outside).toBe(0);
      const expected = counts.map((_, x) => draws * binomialPmf(x, n, p));
      const { statistic, cells } = chiSquare(counts, expected);
      // Wilson–Hilferty 0.999 quantile of chi-square with ν = cells − 1 degrees of freedom (z = 3.09)
      const nu = cells - 1;
      const critical = nu * (1 - 2 / (9 * nu) + 3.09 * Math.sqrt(2 / (9 * nu))) ** 3;
      expect(statistic).toBeLessThan(critical);
      // mean within 5 standard errors √(np(1−p)/draws)
      expect(Math.abs(sum / draws - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws));
    });
  }

  it('is repeatable for a seed, handles the edges, and rejects bad arguments', () => {
    const a = seededRng(99);
    const b = seededRng(99);
    const first = Array.from({ length: 50 }, () => binomial(a, 1000, 0.4));
    expect(Array.from({ length: 50 }, () => binomial(b, 1000, 0.4))).toEqual(first);
    const rng = seededRng(1);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    expect(binomial(rng, 10, 0)).toBe(0);
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(() => binomial(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 10, 1.5)).toThrow(RangeError);
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(RangeError);
  });
});
