import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded.ts';
import {
  normalisedShannonDiversity,
  normalisedShannonDiversityByUnit,
  shannonDiversity,
  shannonDiversityByUnit,
} from '../../../src/stats/segregation/shannon.ts';

/** Counts of k groups, whole numbers, about one in four 0. */
function randomCounts(random: () => number, k: number): number[] {
  return Array.from({ length: k }, () => (random() < 0.25 ? 0 : Math.floor(random() * 2000)));
}

/**
 * H from the counts without forming shares: H = ln N − (1/N) Σ nⱼ ln nⱼ, in
 * base 2 and converted to nats (× ln 2), with array methods.
 */
function entropyFromCounts(counts: number[]): number {
  const total = counts.reduce((s, n) => s + n, 0);
  const sumNLogN = counts.filter((n) => n > 0).reduce((s, n) => s + n * Math.log2(n), 0);
  return (Math.log2(total) - sumNLogN / total) * Math.LN2;
}

describe('shannonDiversity: H = −Σ pⱼ ln pⱼ (Shannon 1948)', () => {
  it('matches small examples worked by hand', () => {
    // 50 30 20: p = .5 .3 .2
    // −.5 ln .5 = .346574, −.3 ln .3 = .361192, −.2 ln .2 = .321888; H = 1.029654
    expect(shannonDiversity([50, 30, 20])).toBeCloseTo(1.0296530140645737, 12);
    // 3 1: p = .75 .25; −.75 ln .75 = .215762, −.25 ln .25 = .346574; H = .562335
    expect(shannonDiversity([3, 1])).toBeCloseTo(0.5623351446188083, 12);
    // a 1% minority: −.99 ln .99 = .009950, −.01 ln .01 = .046052; H = .056002
    expect(shannonDiversity([99, 1])).toBeCloseTo(0.0560016, 6);
  });

  it('normalises by ln k, k the groups of the classification', () => {
    // 50 30 20: 1.029653 / ln 3 = 1.029653 / 1.098612 = .937231
    expect(normalisedShannonDiversity([50, 30, 20])).toBeCloseTo(0.9372305632161297, 12);
    // two equal groups of a five-group classification: ln 2 / ln 5 = .693147 / 1.609438 = .430677
    expect(normalisedShannonDiversity([10, 0, 10, 0, 0])).toBeCloseTo(Math.log(2) / Math.log(5), 12);
    expect(normalisedShannonDiversity([10, 10])).toBeCloseTo(1, 12);
  });

  it('is 0 for one group and ln k for k equal groups (normalised: 0 and 1)', () => {
    expect(shannonDiversity([0, 0, 0, 120, 0])).toBe(0);
    expect(normalisedShannonDiversity([0, 0, 0, 120, 0])).toBe(0);
    for (let k = 2; k <= 19; k++) {
      const equal = new Array(k).fill(37);
      expect(shannonDiversity(equal)).toBeCloseTo(Math.log(k), 12);
      expect(normalisedShannonDiversity(equal)).toBeCloseTo(1, 12);
    }
  });

  it('is NaN for a unit where nobody is counted, and normalised with fewer than two groups', () => {
    expect(shannonDiversity([0, 0, 0])).toBeNaN();
    expect(shannonDiversity([])).toBeNaN();
    expect(normalisedShannonDiversity([0, 0])).toBeNaN();
    expect(shannonDiversity([5])).toBe(0);
    expect(normalisedShannonDiversity([5])).toBeNaN(); // ln 1 = 0
  });

  it('rejects a bad count, naming the group', () => {
    expect(() => shannonDiversity([1, -1])).toThrow(RangeError);
    expect(() => shannonDiversity([1, -1])).toThrow(/counts\[1\] is -1/);
    expect(() => shannonDiversity([Number.NaN, 1])).toThrow(/counts\[0\] is NaN/);
    expect(() => normalisedShannonDiversity([1, 2, Number.POSITIVE_INFINITY])).toThrow(/counts\[2\] is Infinity/);
  });

  it('agrees with the counts form in base 2 on seeded random inputs', () => {
    const random = mulberry32(1948);
    for (let trial = 0; trial < 300; trial++) {
      const counts = randomCounts(random, 1 + Math.floor(random() * 19));
      if (counts.every((n) => n === 0)) {
        expect(shannonDiversity(counts)).toBeNaN();
        continue;
      }
      expect(shannonDiversity(counts)).toBeCloseTo(entropyFromCounts(counts), 10);
    }
  });
});

describe('shannonDiversity: invariants', () => {
  const random = mulberry32(1966);
  const cases = Array.from({ length: 200 }, () => {
    const counts = randomCounts(random, 2 + Math.floor(random() * 18));
    counts[0] += 1; // someone is counted
    return counts;
  });

  it('lies in [0, ln k], normalised in [0, 1]', () => {
    for (const counts of cases) {
      expect(shannonDiversity(counts)).toBeGreaterThanOrEqual(0);
      expect(shannonDiversity(counts)).toBeLessThanOrEqual(Math.log(counts.length) + 1e-12);
      expect(normalisedShannonDiversity(counts)).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('does not change when the groups are reordered or all counts multiplied by the same factor', () => {
    for (const counts of cases) {
      const h = shannonDiversity(counts);
      expect(shannonDiversity([...counts].reverse())).toBeCloseTo(h, 12);
      expect(shannonDiversity(counts.map((n) => n * 7.25))).toBeCloseTo(h, 12);
    }
  });

  it('is not changed by an empty group, but its normalised form is (k grows)', () => {
    const h = shannonDiversity([50, 30, 20]);
    expect(shannonDiversity([50, 0, 30, 20])).toBeCloseTo(h, 15);
    expect(normalisedShannonDiversity([50, 0, 30, 20])).toBeCloseTo(h / Math.log(4), 12);
  });
});

describe('shannonDiversityByUnit: one value per unit from one array per group', () => {
  it('gives each unit the H of its own counts', () => {
    // units (columns): [50, 30, 20], [0, 7, 0], [10, 10, 10], [0, 0, 0]
    const groups = [
      [50, 0, 10, 0],
      [30, 7, 10, 0],
      [20, 0, 10, 0],
    ];
    const h = shannonDiversityByUnit(groups);
    expect(h[0]).toBeCloseTo(1.0296530140645737, 12);
    expect(h[1]).toBe(0);
    expect(h[2]).toBeCloseTo(Math.log(3), 12);
    expect(h[3]).toBeNaN();
    const normalised = normalisedShannonDiversityByUnit(groups);
    expect(normalised[0]).toBeCloseTo(0.9372305632161297, 12);
    expect(normalised[2]).toBeCloseTo(1, 12);
    expect(normalised[3]).toBeNaN();
  });

  it('agrees with shannonDiversity unit by unit on seeded random inputs, and fills a given buffer', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 50; trial++) {
      const k = 1 + Math.floor(random() * 19);
      const units = Math.floor(random() * 40);
      const groups = Array.from({ length: k }, () => Float64Array.from(randomCounts(random, units)));
      const out = new Float64Array(units);
      expect(shannonDiversityByUnit(groups, out)).toBe(out);
      const normalised = normalisedShannonDiversityByUnit(groups);
      for (let i = 0; i < units; i++) {
        const counts = groups.map((column) => column[i]);
        const expected = shannonDiversity(counts);
        if (Number.isNaN(expected)) expect(out[i]).toBeNaN();
        else expect(out[i]).toBeCloseTo(expected, 12);
        if (k < 2 || Number.isNaN(expected)) expect(normalised[i]).toBeNaN();
        else expect(normalised[i]).toBeCloseTo(normalisedShannonDiversity(counts), 12);
      }
    }
  });

  it('rejects no groups, columns of different lengths and bad counts, naming them', () => {
    expect(() => shannonDiversityByUnit([])).toThrow(RangeError);
    expect(() => shannonDiversityByUnit([[1, 2], [3]])).toThrow(/groups\[0\] has 2 units but groups\[1\] has 1/);
    expect(() => shannonDiversityByUnit([[1, 2], [3, 4]], new Float64Array(3))).toThrow(/2 units but out has 3/);
    expect(() => shannonDiversityByUnit([[1, 2], [3, -4]])).toThrow(/groups\[1\]\[1\] is -4/);
    expect(() => normalisedShannonDiversityByUnit([[1, Number.NaN]])).toThrow(/groups\[0\]\[1\] is NaN/);
  });
});
