import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from './seeded.ts';
import { dissimilarity, dissimilarityContributions } from '../../../src/stats/segregation/dissimilarity.ts';

/** Whole counts 0…max per unit, about one in five of them 0 (units where a group is absent). */
function randomCounts(random: () => number, units: number, max: number): number[] {
  return Array.from({ length: units }, () => (random() < 0.2 ? 0 : Math.floor(random() * (max + 1))));
}

/**
 * D written the other way round, as Massey & Denton (1988) give it: from each
 * unit's total tᵢ = aᵢ + bᵢ and A's share pᵢ = aᵢ/tᵢ in it, with P = A/T,
 *     D = Σ tᵢ |pᵢ − P| / (2 T P (1 − P)).
 * Array methods, not loops; no term of it is the module's |aᵢ/A − bᵢ/B|.
 */
function dissimilarityFromUnitShares(a: number[], b: number[]): number {
  const t = a.map((ai, i) => ai + b[i]);
  const total = t.reduce((s, x) => s + x, 0);
  const share = a.reduce((s, x) => s + x, 0) / total;
  const deviation = t.reduce((s, ti, i) => (ti === 0 ? s : s + ti * Math.abs(a[i] / ti - share)), 0);
  return deviation / (2 * total * share * (1 - share));
}

/** D as the share of A that would have to move: Σ over units where A is over-represented of (aᵢ/A − bᵢ/B). */
function dissimilarityAsShareToMove(a: number[], b: number[]): number {
  const totalA = a.reduce((s, x) => s + x, 0);
  const totalB = b.reduce((s, x) => s + x, 0);
  return a
    .map((ai, i) => ai / totalA - b[i] / totalB)
    .filter((gap) => gap > 0)
    .reduce((s, gap) => s + gap, 0);
}

describe('dissimilarity: D = ½ Σ |aᵢ/A − bᵢ/B| (Duncan & Duncan 1955)', () => {
  it('matches small examples worked by hand', () => {
    // A = B = 100: shares of A .1 .2 .3 .4, of B .4 .3 .2 .1
    // |gaps| .3 .1 .1 .3, sum .8, D = .4
    expect(dissimilarity([10, 20, 30, 40], [40, 30, 20, 10])).toBeCloseTo(0.4, 12);
    // A = 40, B = 100: shares of A 30/40 = .75, 10/40 = .25, 0; of B .1 .3 .6
    // |gaps| .65 .05 .6, sum 1.3, D = .65
    expect(dissimilarity([30, 10, 0], [10, 30, 60])).toBeCloseTo(0.65, 12);
    // the same with 10 people of unit 1 counted in A instead of B: a = 30 20 0, b = 10 20 60
    // A = 50, B = 90: shares of A .6 .4 0; of B 1/9 2/9 6/9
    // |gaps| .6 − 1/9 = 4.4/9, .4 − 2/9 = 1.6/9, 6/9; sum 12/9; D = 6/9 = 2/3
    expect(dissimilarity([30, 20, 0], [10, 20, 60])).toBeCloseTo(2 / 3, 12);
  });

  it('gives each unit its term, and the terms sum to D', () => {
    // the two examples above: halves of the gaps
    expect(Array.from(dissimilarityContributions([10, 20, 30, 40], [40, 30, 20, 10]))).toEqual(
      [0.15, 0.05, 0.05, 0.15].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(dissimilarityContributions([30, 10, 0], [10, 30, 60]))).toEqual(
      [0.325, 0.025, 0.3].map((x) => expect.closeTo(x, 12)),
    );
  });

  it('ignores units where nobody lives', () => {
    // the second example with two empty units put in: D and the other terms are unchanged, the empty ones add 0
    expect(dissimilarity([30, 0, 10, 0, 0], [10, 0, 30, 0, 60])).toBeCloseTo(0.65, 12);
    expect(Array.from(dissimilarityContributions([30, 0, 10, 0, 0], [10, 0, 30, 0, 60]))).toEqual(
      [0.325, 0, 0.025, 0, 0.3].map((x) => expect.closeTo(x, 12)),
    );
  });

  it('is NaN, not an error, when one group is absent everywhere (A = 0 or B = 0)', () => {
    expect(dissimilarity([0, 0, 0], [1, 2, 3])).toBeNaN();
    expect(dissimilarity([1, 2, 3], [0, 0, 0])).toBeNaN();
    expect(dissimilarity([], [])).toBeNaN();
    expect(Array.from(dissimilarityContributions([0, 0], [4, 5]))).toEqual([Number.NaN, Number.NaN]);
  });

  it('takes Float64Arrays and writes the contributions into a given buffer', () => {
    const out = new Float64Array(3);
    const result = dissimilarityContributions(Float64Array.of(30, 10, 0), Float64Array.of(10, 30, 60), out);
    expect(result).toBe(out);
    expect(out[2]).toBeCloseTo(0.3, 12);
    expect(dissimilarity(Float64Array.of(30, 10, 0), [10, 30, 60])).toBeCloseTo(0.65, 12);
    expect(() => dissimilarityContributions([1, 2], [2, 1], new Float64Array(3))).toThrow(/2 units but out has 3/);
  });

  it('rejects arrays of different lengths, naming the lengths', () => {
    expect(() => dissimilarity([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => dissimilarity([1, 2, 3], [1, 2])).toThrow(/groupA has 3 units but groupB has 2/);
    expect(() => dissimilarityContributions([1], [1, 2])).toThrow(/groupA has 1 units but groupB has 2/);
  });

  it('rejects a count that is negative, infinite or not a number, naming the unit', () => {
    expect(() => dissimilarity([1, -2, 3], [1, 2, 3])).toThrow(RangeError);
    expect(() => dissimilarity([1, -2, 3], [1, 2, 3])).toThrow(/groupA\[1\] is -2/);
    expect(() => dissimilarity([1, 2, 3], [1, 2, Number.NaN])).toThrow(/groupB\[2\] is NaN/);
    expect(() => dissimilarity([Number.POSITIVE_INFINITY], [1])).toThrow(/groupA\[0\] is Infinity/);
    expect(() => dissimilarityContributions([1, 2], [1, -0.5])).toThrow(/groupB\[1\] is -0.5/);
  });

  it('agrees with two independent forms on seeded random inputs', () => {
    const random = mulberry32(20250113);
    for (let trial = 0; trial < 200; trial++) {
      const units = 1 + Math.floor(random() * 60);
      const a = randomCounts(random, units, 1 + Math.floor(random() * 2000));
      const b = randomCounts(random, units, 1 + Math.floor(random() * 2000));
      const d = dissimilarity(a, b);
      if (a.every((x) => x === 0) || b.every((x) => x === 0)) {
        expect(d).toBeNaN();
        continue;
      }
      expect(d).toBeCloseTo(dissimilarityFromUnitShares(a, b), 10);
      expect(d).toBeCloseTo(dissimilarityAsShareToMove(a, b), 10);
    }
  });
});

describe('dissimilarity: invariants', () => {
  const random = mulberry32(7);
  const cases = Array.from({ length: 100 }, () => {
    const units = 2 + Math.floor(random() * 80);
    // +1 keeps both totals positive, so every case has a D
    return { a: randomCounts(random, units, 500).map((x) => x + 1), b: randomCounts(random, units, 3000) };
  });

  it('lies in [0, 1]', () => {
    for (const { a, b } of cases) {
      const d = dissimilarity(a, b);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1);
    }
  });

  it('is 0 when every unit holds the same share of both groups', () => {
    for (const { a } of cases.slice(0, 20)) {
      // B is A times 2.5 in every unit: the same shares aᵢ/A = bᵢ/B everywhere
      expect(dissimilarity(a, a.map((x) => x * 2.5))).toBeCloseTo(0, 12);
    }
    expect(dissimilarity([3, 0, 7], [3, 0, 7])).toBe(0);
  });

  it('is 1 when no unit holds both groups', () => {
    for (const { a, b } of cases.slice(0, 20)) {
      // A keeps the even units, B the odd ones (B gets 1 more so it is never empty)
      const onlyA = a.map((x, i) => (i % 2 === 0 ? x : 0));
      const onlyB = b.map((x, i) => (i % 2 === 1 ? x + 1 : 0));
      expect(dissimilarity(onlyA, onlyB)).toBeCloseTo(1, 12);
    }
    expect(dissimilarity([5, 0, 0], [0, 3, 4])).toBeCloseTo(1, 15);
  });

  it('does not change when the units are reordered', () => {
    for (const { a, b } of cases) {
      const order = shuffledIndices(random, a.length);
      expect(dissimilarity(order.map((i) => a[i]), order.map((i) => b[i]))).toBeCloseTo(dissimilarity(a, b), 12);
    }
  });

  it('does not change when both groups are multiplied by the same factor', () => {
    for (const { a, b } of cases) {
      const factor = 0.01 + random() * 100;
      expect(dissimilarity(a.map((x) => x * factor), b.map((x) => x * factor))).toBeCloseTo(dissimilarity(a, b), 12);
    }
  });

  it('has contributions that sum to D, each between 0 and ½', () => {
    for (const { a, b } of cases) {
      const contributions = dissimilarityContributions(a, b);
      let sum = 0;
      for (const c of contributions) {
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(0.5);
        sum += c;
      }
      expect(sum).toBeCloseTo(dissimilarity(a, b), 12);
    }
  });
});
