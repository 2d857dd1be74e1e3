import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from './seeded.ts';
import { locationQuotients } from '../../../src/stats/segregation/locationQuotient.ts';

/** Random units (group, total), whole counts, a few empty, the group present somewhere. */
function randomUnits(random: () => number, units: number) {
  const total = Array.from({ length: units }, () => (random() < 0.1 ? 0 : Math.floor(random() * 3000)));
  const group = total.map((t) => Math.floor(t * random() ** 2));
  group.push(1);
  total.push(2);
  return { group, total };
}

/**
 * LQ as the ratio of two distributions over the units: the unit's share of
 * the group over its share of the population, (aᵢ/A) / (tᵢ/T).
 */
function quotientsAsShareRatios(group: number[], total: number[]): number[] {
  const sizeGroup = group.reduce((s, v) => s + v, 0);
  const people = total.reduce((s, v) => s + v, 0);
  return group.map((a, i) => (total[i] === 0 ? Number.NaN : a / sizeGroup / (total[i] / people)));
}

describe('locationQuotients: LQᵢ = (aᵢ/tᵢ)/(A/T)', () => {
  it('matches a small example worked by hand', () => {
    // group 6 1 0 in units of 10 5 10: A = 7, T = 25, A/T = .28
    // LQ = (6/10)/.28 = 2.142857…, (1/5)/.28 = .714285…, 0/.28 = 0
    expect(Array.from(locationQuotients([6, 1, 0], [10, 5, 10]))).toEqual(
      [0.6 / 0.28, 0.2 / 0.28, 0].map((x) => expect.closeTo(x, 12)),
    );
    // against a larger area where the group is a tenth: (6/10)/.1 = 6, (1/5)/.1 = 2, 0
    expect(Array.from(locationQuotients([6, 1, 0], [10, 5, 10], { referenceShare: 0.1 }))).toEqual(
      [6, 2, 0].map((x) => expect.closeTo(x, 12)),
    );
  });

  it('is NaN for a unit without people, and everywhere when the group is absent', () => {
    const withEmpty = locationQuotients([6, 0, 1, 0], [10, 0, 5, 10]);
    expect(withEmpty[0]).toBeCloseTo(0.6 / 0.28, 12);
    expect(withEmpty[1]).toBeNaN();
    expect(Array.from(locationQuotients([0, 0], [3, 4]))).toEqual([Number.NaN, Number.NaN]);
  });

  it('writes into a given buffer and takes Float64Arrays', () => {
    const out = new Float64Array(3);
    expect(locationQuotients(Float64Array.of(6, 1, 0), Float64Array.of(10, 5, 10), { out })).toBe(out);
    expect(out[1]).toBeCloseTo(0.2 / 0.28, 12);
    expect(() => locationQuotients([1, 2], [3, 4], { out: new Float64Array(1) })).toThrow(/2 units but out has 1/);
  });

  it('rejects different lengths, bad counts and a reference share outside (0, 1]', () => {
    expect(() => locationQuotients([1, 2], [3])).toThrow(RangeError);
    expect(() => locationQuotients([1, 2], [3])).toThrow(/group has 2 units but totals has 1/);
    expect(() => locationQuotients([1, -2], [3, 3])).toThrow(/group\[1\] is -2/);
    expect(() => locationQuotients([1, 2], [3, Number.POSITIVE_INFINITY])).toThrow(/totals\[1\] is Infinity/);
    expect(() => locationQuotients([4, 2], [3, 3])).toThrow(/group in unit 0 is 4, more than the unit's total 3/);
    expect(() => locationQuotients([1, 2], [3, 3], { referenceShare: 0 })).toThrow(/referenceShare 0/);
    expect(() => locationQuotients([1, 2], [3, 3], { referenceShare: 1.5 })).toThrow(RangeError);
    expect(() => locationQuotients([1, 2], [3, 3], { referenceShare: Number.NaN })).toThrow(RangeError);
  });

  it('agrees with the ratio of the two distributions on seeded random inputs', () => {
    const random = mulberry32(1960);
    for (let trial = 0; trial < 200; trial++) {
      const { group, total } = randomUnits(random, Math.floor(random() * 60));
      const expected = quotientsAsShareRatios(group, total);
      const actual = locationQuotients(group, total);
      expected.forEach((lq, i) => (Number.isNaN(lq) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(lq, 10)));
    }
  });
});

describe('locationQuotients: invariants', () => {
  const random = mulberry32(2006);
  const cases = Array.from({ length: 100 }, () => randomUnits(random, 1 + Math.floor(random() * 80)));

  it('average 1 when weighted by population', () => {
    for (const { group, total } of cases) {
      const quotients = locationQuotients(group, total);
      let weighted = 0;
      let people = 0;
      total.forEach((t, i) => {
        if (t === 0) return; // an empty unit has no quotient and no weight
        weighted += t * quotients[i];
        people += t;
      });
      expect(weighted / people).toBeCloseTo(1, 12);
    }
  });

  it('average P_units / P_ref against a reference share', () => {
    for (const { group, total } of cases.slice(0, 20)) {
      const share = group.reduce((s, v) => s + v, 0) / total.reduce((s, v) => s + v, 0);
      const quotients = locationQuotients(group, total, { referenceShare: 0.3 });
      const weighted = total.reduce((s, t, i) => (t === 0 ? s : s + t * quotients[i]), 0);
      expect(weighted / total.reduce((s, v) => s + v, 0)).toBeCloseTo(share / 0.3, 12);
    }
  });

  it('are all 1 for an even spread, and non-negative', () => {
    expect(Array.from(locationQuotients([2, 20, 7], [10, 100, 35]))).toEqual([1, 1, 1].map((x) => expect.closeTo(x, 12)));
    for (const { group, total } of cases) for (const lq of locationQuotients(group, total)) if (!Number.isNaN(lq)) expect(lq).toBeGreaterThanOrEqual(0);
  });

  it('follow their units when reordered, and do not change when all counts are multiplied by the same factor', () => {
    for (const { group, total } of cases) {
      const quotients = locationQuotients(group, total);
      const order = shuffledIndices(random, group.length);
      const reordered = locationQuotients(order.map((i) => group[i]), order.map((i) => total[i]));
      order.forEach((i, k) => (Number.isNaN(quotients[i]) ? expect(reordered[k]).toBeNaN() : expect(reordered[k]).toBeCloseTo(quotients[i], 12)));
      const factor = 0.01 + random() * 100;
      const scaled = locationQuotients(group.map((c) => c * factor), total.map((c) => c * factor));
      quotients.forEach((lq, i) => (Number.isNaN(lq) ? expect(scaled[i]).toBeNaN() : expect(scaled[i]).toBeCloseTo(lq, 12)));
    }
  });
});
