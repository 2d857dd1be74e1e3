import { describe, expect, it } from 'vitest';
import { shares, simpsonDiversity } from '../../src/stats/diversity.ts';

describe('simpsonDiversity: 1 − Σ pᵢ²', () => {
  it('is 0 for one group and 1 − 1/k for k equal groups', () => {
    expect(simpsonDiversity([0, 0, 0, 120, 0])).toBe(0);
    expect(simpsonDiversity([10, 10, 10, 10, 10])).toBeCloseTo(0.8, 12);
    expect(simpsonDiversity([5, 5])).toBeCloseTo(0.5, 12);
  });

  it('matches a hand-worked example', () => {
    // counts 50, 30, 20 of N = 100: p = 0.5, 0.3, 0.2; Σ p² = 0.25 + 0.09 + 0.04 = 0.38 → 0.62
    expect(simpsonDiversity([50, 30, 20])).toBeCloseTo(0.62, 12);
  });

  it('takes the shares of a given total', () => {
    expect(shares([1, 3], 8)).toEqual([0.125, 0.375]);
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(() => shares([0, 0])).toThrow(RangeError);
    expect(() => shares([-1, 3])).toThrow(RangeError);
  });
});
