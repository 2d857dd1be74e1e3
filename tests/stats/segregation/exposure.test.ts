import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from './seeded.ts';
import { exposure, isolation } from '../../../src/stats/segregation/exposure.ts';

/**
 * Random units of three groups X, Y and the rest, whole counts, some units
 * empty and some without X; x gets at least one member somewhere.
 */
function randomUnits(random: () => number, units: number) {
  const x: number[] = [];
  const y: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < units; i++) {
    const empty = random() < 0.1;
    const xi = empty || random() < 0.2 ? 0 : Math.floor(random() * 400);
    const yi = empty ? 0 : Math.floor(random() * 400);
    const rest = empty ? 0 : Math.floor(random() * 800);
    x.push(xi);
    y.push(yi);
    total.push(xi + yi + rest);
  }
  x[0] += 1;
  total[0] += 1;
  return { x, y, total };
}

/**
 * The indices in matrix form: with the 3 × n matrix of counts C (rows X, Y,
 * total) and W = diag(1/tᵢ) over the non-empty units,
 *     xPx = (x W xᵀ) / (x 1ᵀ),   xPy = (x W yᵀ) / (x 1ᵀ),
 * as quadratic forms built with array methods (no loop over units).
 */
function matrixForm(x: number[], y: number[], total: number[]) {
  const inverseTotals = total.map((t) => (t === 0 ? 0 : 1 / t));
  const quadratic = (u: number[], v: number[]) => u.map((ui, i) => ui * inverseTotals[i]).reduce((s, w, i) => s + w * v[i], 0);
  const sizeX = x.reduce((s, xi) => s + xi, 0);
  return { xPx: quadratic(x, x) / sizeX, xPy: quadratic(x, y) / sizeX };
}

/**
 * Isolation from the between-unit variance of the 0/1 indicator "is in X"
 * over all T people: xPx = P + (1 − P) · η², η² = Σ tᵢ (pᵢ − P)² / (T P (1 − P)).
 */
function isolationFromVariance(x: number[], total: number[]): number {
  const people = total.reduce((s, t) => s + t, 0);
  const share = x.reduce((s, xi) => s + xi, 0) / people;
  const between = total.reduce((s, t, i) => (t === 0 ? s : s + t * (x[i] / t - share) ** 2), 0);
  return share + between / people / share;
}

describe('isolation xPx = Σ (aᵢ/A)(aᵢ/tᵢ) and exposure xPy = Σ (aᵢ/A)(bᵢ/tᵢ)', () => {
  it('match a group against everyone else, worked by hand', () => {
    // two units of 10: X = 8 and 2 (A = 10), everyone else 2 and 8
    // xPx = (8/10)(8/10) + (2/10)(2/10) = .64 + .04 = .68
    // xPy = (8/10)(2/10) + (2/10)(8/10) = .16 + .16 = .32, and .68 + .32 = 1
    expect(isolation([8, 2], [10, 10])).toBeCloseTo(0.68, 12);
    expect(exposure([8, 2], [2, 8], [10, 10])).toBeCloseTo(0.32, 12);
  });

  it('match two groups within a larger population, worked by hand', () => {
    // X = 6 1 0 (A = 7), Y = 2 3 5 (B = 10), totals 10 5 10
    // xPx = (6/7)(6/10) + (1/7)(1/5) + 0 = 36/70 + 2/70 = 38/70
    // xPy = (6/7)(2/10) + (1/7)(3/5) + 0 = 12/70 + 6/70 = 18/70; the other 14/70 of X's neighbours are neither
    // yPx = (2/10)(6/10) + (3/10)(1/5) + (5/10)(0/10) = .12 + .06 = .18; and A·xPy = 7·18/70 = 1.8 = B·yPx = 10·.18
    expect(isolation([6, 1, 0], [10, 5, 10])).toBeCloseTo(38 / 70, 12);
    expect(exposure([6, 1, 0], [2, 3, 5], [10, 5, 10])).toBeCloseTo(18 / 70, 12);
    expect(exposure([2, 3, 5], [6, 1, 0], [10, 5, 10])).toBeCloseTo(0.18, 12);
    // the two groups on their own: totals aᵢ + bᵢ = 8 4 5
    // xPx = (6/7)(6/8) + (1/7)(1/4) = 36/56 + 2/56 = 38/56; xPy = (6/7)(2/8) + (1/7)(3/4) = 12/56 + 6/56 = 18/56
    expect(isolation([6, 1, 0], [8, 4, 5])).toBeCloseTo(38 / 56, 12);
    expect(exposure([6, 1, 0], [2, 3, 5], [8, 4, 5])).toBeCloseTo(18 / 56, 12);
  });

  it('ignore empty units, and are NaN when the group is absent everywhere', () => {
    expect(isolation([8, 0, 2], [10, 0, 10])).toBeCloseTo(0.68, 12);
    expect(exposure([8, 0, 2], [2, 0, 8], [10, 0, 10])).toBeCloseTo(0.32, 12);
    expect(isolation([0, 0], [5, 7])).toBeNaN();
    expect(exposure([0, 0], [5, 7], [5, 7])).toBeNaN();
    expect(isolation([], [])).toBeNaN();
  });

  it('take Float64Arrays', () => {
    expect(isolation(Float64Array.of(8, 2), Float64Array.of(10, 10))).toBeCloseTo(0.68, 12);
    expect(exposure(Float64Array.of(8, 2), [2, 8], Float64Array.of(10, 10))).toBeCloseTo(0.32, 12);
  });

  it('reject arrays of different lengths, naming the lengths', () => {
    expect(() => isolation([1, 2], [3])).toThrow(RangeError);
    expect(() => isolation([1, 2], [3])).toThrow(/group has 2 units but totals has 1/);
    expect(() => exposure([1, 2], [1], [3, 3])).toThrow(/group has 2 units but other has 1/);
    expect(() => exposure([1, 2], [1, 1], [3, 3, 3])).toThrow(/group has 2 units but totals has 3/);
  });

  it('reject a bad count, or one above its unit total, naming the unit', () => {
    expect(() => isolation([1, -1], [3, 3])).toThrow(/group\[1\] is -1/);
    expect(() => isolation([1, 1], [3, Number.NaN])).toThrow(/totals\[1\] is NaN/);
    expect(() => exposure([1, 1], [Number.POSITIVE_INFINITY, 1], [3, 3])).toThrow(/other\[0\] is Infinity/);
    expect(() => isolation([1, 4], [3, 3])).toThrow(RangeError);
    expect(() => isolation([1, 4], [3, 3])).toThrow(/group in unit 1 is 4, more than the unit's total 3/);
    expect(() => isolation([1, 0], [3, 0])).not.toThrow();
    expect(() => isolation([0, 1], [3, 0])).toThrow(/unit 1/);
    expect(() => exposure([2, 1], [2, 1], [3, 3])).toThrow(/group \+ other in unit 0 is 4/);
  });

  it('agree with the matrix form and the variance form on seeded random inputs', () => {
    const random = mulberry32(1981);
    for (let trial = 0; trial < 200; trial++) {
      const { x, y, total } = randomUnits(random, 1 + Math.floor(random() * 60));
      const expected = matrixForm(x, y, total);
      expect(isolation(x, total)).toBeCloseTo(expected.xPx, 12);
      expect(exposure(x, y, total)).toBeCloseTo(expected.xPy, 12);
      expect(isolation(x, total)).toBeCloseTo(isolationFromVariance(x, total), 10);
    }
  });
});

describe('isolation and exposure: invariants', () => {
  const random = mulberry32(1988);
  const cases = Array.from({ length: 100 }, () => randomUnits(random, 2 + Math.floor(random() * 80)));

  it('isolation lies in [P, 1], P = A/T', () => {
    for (const { x, total } of cases) {
      const share = x.reduce((s, v) => s + v, 0) / total.reduce((s, v) => s + v, 0);
      const xPx = isolation(x, total);
      expect(xPx).toBeGreaterThanOrEqual(share - 1e-12);
      expect(xPx).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('isolation is P for an even spread and 1 when the group lives apart', () => {
    // X is a quarter of every unit: xPx = Σ (aᵢ/A)(1/4) = 1/4
    expect(isolation([1, 5, 25], [4, 20, 100])).toBeCloseTo(0.25, 12);
    // X only in units of its own
    expect(isolation([7, 0, 3], [7, 9, 3])).toBeCloseTo(1, 12);
  });

  it('isolation + exposure = 1 when the two groups are the whole population', () => {
    for (const { x, y, total } of cases) {
      // X and Y on their own: tᵢ = xᵢ + yᵢ
      const pairTotal = x.map((xi, i) => xi + y[i]);
      expect(isolation(x, pairTotal) + exposure(x, y, pairTotal)).toBeCloseTo(1, 12);
      // X against everyone else: Y is tᵢ − xᵢ
      const everyoneElse = total.map((t, i) => t - x[i]);
      expect(isolation(x, total) + exposure(x, everyoneElse, total)).toBeCloseTo(1, 12);
    }
  });

  it('isolation + exposure ≤ 1 when other groups live there too', () => {
    for (const { x, y, total } of cases) expect(isolation(x, total) + exposure(x, y, total)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('exposure is asymmetric in the way Lieberson gives: A · xPy = B · yPx', () => {
    for (const { x, y, total } of cases) {
      const sizeX = x.reduce((s, v) => s + v, 0);
      const sizeY = y.reduce((s, v) => s + v, 0);
      if (sizeY === 0) continue;
      expect(sizeX * exposure(x, y, total)).toBeCloseTo(sizeY * exposure(y, x, total), 8);
    }
  });

  it('do not change when the units are reordered or every count is multiplied by the same factor', () => {
    for (const { x, y, total } of cases) {
      const order = shuffledIndices(random, x.length);
      const pick = (v: number[]) => order.map((i) => v[i]);
      expect(isolation(pick(x), pick(total))).toBeCloseTo(isolation(x, total), 12);
      expect(exposure(pick(x), pick(y), pick(total))).toBeCloseTo(exposure(x, y, total), 12);
      const factor = 0.01 + random() * 100;
      const scale = (v: number[]) => v.map((c) => c * factor);
      expect(isolation(scale(x), scale(total))).toBeCloseTo(isolation(x, total), 12);
      expect(exposure(scale(x), scale(y), scale(total))).toBeCloseTo(exposure(x, y, total), 12);
    }
  });
});
