import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from './seeded.ts';
import { correlationRatio } from '../../../src/stats/segregation/correlationRatio.ts';
import { isolation } from '../../../src/stats/segregation/exposure.ts';

/** Random units (group, total) of whole counts up to `max` people, some empty, the group present somewhere and not everyone. */
function randomUnits(random: () => number, units: number, max: number) {
  const group: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < units; i++) {
    const t = random() < 0.1 ? 0 : Math.floor(random() * (max + 1));
    const skew = random() ** 3; // many units with a small share, a few with a large one
    group.push(Math.floor(t * skew));
    total.push(t);
  }
  group.push(1, 0); // one member and one outsider, so 0 < P < 1
  total.push(1, 1);
  return { group, total };
}

/**
 * η² person by person: every one of the T people is a 0/1 value (1 = in the
 * group), and η² = 1 − (within-unit sum of squares) / (total sum of squares),
 * each sum taken over the people. Nothing of xPx in it.
 */
function etaSquaredOverPeople(group: number[], total: number[]): number {
  const people: { unit: number; value: number }[] = [];
  total.forEach((t, unit) => {
    for (let k = 0; k < t; k++) people.push({ unit, value: k < group[unit] ? 1 : 0 });
  });
  const mean = people.reduce((s, p) => s + p.value, 0) / people.length;
  const unitMeans = total.map((t, unit) => (t === 0 ? 0 : group[unit] / t));
  const totalSquares = people.reduce((s, p) => s + (p.value - mean) ** 2, 0);
  const withinSquares = people.reduce((s, p) => s + (p.value - unitMeans[p.unit]) ** 2, 0);
  return 1 - withinSquares / totalSquares;
}

describe('correlationRatio: V = (xPx − P)/(1 − P) (White 1986; Massey & Denton 1988)', () => {
  it('matches small examples worked by hand', () => {
    // units of 10 and 10, group 8 and 2: A = 10, T = 20, P = .5
    // xPx = (8/10)(8/10) + (2/10)(2/10) = .68; V = (.68 − .5)/(1 − .5) = .36
    // as η²: shares .8 and .2; Σ tᵢ (pᵢ − P)² = 10(.3²) + 10(.3²) = 1.8; T P (1 − P) = 20 · .25 = 5; 1.8/5 = .36
    expect(correlationRatio([8, 2], [10, 10])).toBeCloseTo(0.36, 12);
    // group 6 1 0 of 10 5 10: A = 7, T = 25, P = .28; xPx = 38/70 (see the exposure tests)
    // V = (38/70 − 7/25)/(18/25) = ((190 − 98)/350)/(18/25) = (92/350)(25/18) = 23/63 = .365079…
    expect(correlationRatio([6, 1, 0], [10, 5, 10])).toBeCloseTo(23 / 63, 12);
  });

  it('ignores empty units, and is NaN when the group is absent or is everyone', () => {
    expect(correlationRatio([8, 0, 2], [10, 0, 10])).toBeCloseTo(0.36, 12);
    expect(correlationRatio([0, 0], [4, 6])).toBeNaN(); // P = 0
    expect(correlationRatio([4, 6], [4, 6])).toBeNaN(); // P = 1
    expect(correlationRatio([], [])).toBeNaN();
  });

  it('takes Float64Arrays', () => {
    expect(correlationRatio(Float64Array.of(8, 2), Float64Array.of(10, 10))).toBeCloseTo(0.36, 12);
  });

  it('rejects arrays of different lengths and bad counts, naming them', () => {
    expect(() => correlationRatio([1, 2, 3], [4, 5])).toThrow(RangeError);
    expect(() => correlationRatio([1, 2, 3], [4, 5])).toThrow(/group has 3 units but totals has 2/);
    expect(() => correlationRatio([1, -2], [4, 5])).toThrow(/group\[1\] is -2/);
    expect(() => correlationRatio([1, 2], [Number.NaN, 5])).toThrow(/totals\[0\] is NaN/);
    expect(() => correlationRatio([1, 6], [4, 5])).toThrow(/group in unit 1 is 6, more than the unit's total 5/);
  });

  it('agrees with η² computed person by person on seeded random inputs', () => {
    const random = mulberry32(1986);
    for (let trial = 0; trial < 100; trial++) {
      const { group, total } = randomUnits(random, 1 + Math.floor(random() * 25), 60);
      expect(correlationRatio(group, total)).toBeCloseTo(etaSquaredOverPeople(group, total), 10);
    }
  });
});

describe('correlationRatio: invariants', () => {
  const random = mulberry32(1988);
  const cases = Array.from({ length: 100 }, () => randomUnits(random, 2 + Math.floor(random() * 80), 3000));

  it('lies in [0, 1]', () => {
    for (const { group, total } of cases) {
      const v = correlationRatio(group, total);
      expect(v).toBeGreaterThanOrEqual(-1e-12);
      expect(v).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('is 0 for an even spread and 1 when the group lives apart', () => {
    // a fifth of every unit
    expect(correlationRatio([2, 20, 7], [10, 100, 35])).toBeCloseTo(0, 12);
    // every unit all in the group or all outside it
    expect(correlationRatio([7, 0, 3, 0], [7, 9, 3, 1])).toBeCloseTo(1, 12);
  });

  it('is isolation rescaled from [P, 1] to [0, 1]', () => {
    for (const { group, total } of cases) {
      const share = group.reduce((s, v) => s + v, 0) / total.reduce((s, v) => s + v, 0);
      expect(share + (1 - share) * correlationRatio(group, total)).toBeCloseTo(isolation(group, total), 12);
    }
  });

  it('is the same for the group and for everyone else (η² of the indicator and of its complement)', () => {
    for (const { group, total } of cases) {
      const rest = total.map((t, i) => t - group[i]);
      expect(correlationRatio(rest, total)).toBeCloseTo(correlationRatio(group, total), 10);
    }
  });

  it('does not change when the units are reordered or all counts multiplied by the same factor', () => {
    for (const { group, total } of cases) {
      const order = shuffledIndices(random, group.length);
      expect(correlationRatio(order.map((i) => group[i]), order.map((i) => total[i]))).toBeCloseTo(correlationRatio(group, total), 12);
      const factor = 0.01 + random() * 100;
      expect(correlationRatio(group.map((c) => c * factor), total.map((c) => c * factor))).toBeCloseTo(correlationRatio(group, total), 12);
    }
  });
});
