import { describe, expect, it } from 'vitest';
import { quantileClasses, quantileType1 } from '../../src/stats/quantiles.ts';

describe('quantileType1: Q(p) = x₍⌈n·p⌉₎ (Hyndman & Fan definition 1)', () => {
  it('picks a value of the sample, never one between two', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // n = 10: p = 0.2 → ⌈2⌉ = 2nd value; p = 0.25 → ⌈2.5⌉ = 3rd; p = 1 → the last
    expect(quantileType1(sorted, 0.2)).toBe(2);
    expect(quantileType1(sorted, 0.25)).toBe(3);
    expect(quantileType1(sorted, 0.6)).toBe(6); // 10 × 0.6 = 6.000000000000001 in floating point, still the 6th
    expect(quantileType1(sorted, 1)).toBe(10);
    expect(quantileType1([7], 0.2)).toBe(7);
    expect(() => quantileType1(sorted, 0)).toThrow(RangeError);
    expect(() => quantileType1([], 0.5)).toThrow(RangeError);
  });
});

describe('quantileClasses', () => {
  it('cuts 12 values into quintiles, worked out by hand', () => {
    // sorted: 0.05 0.1 0.12 0.2 0.3 0.31 0.4 0.5 0.55 0.6 0.7 0.9 (n = 12)
    // cut points Q(k/5) = x₍⌈12k/5⌉₎: k=1 → ⌈2.4⌉ = 3rd = 0.12; k=2 → ⌈4.8⌉ = 5th = 0.3;
    //   k=3 → ⌈7.2⌉ = 8th = 0.5; k=4 → ⌈9.6⌉ = 10th = 0.6
    // class(v) = 1 + #{cuts < v}: ≤ 0.12 → 1; ≤ 0.3 → 2; ≤ 0.5 → 3; ≤ 0.6 → 4; above → 5
    const values = [0.5, 0.05, 0.9, 0.2, 0.3, 0.12, 0.7, 0.4, 0.1, 0.6, 0.31, 0.55];
    const { classes, breaks } = quantileClasses(values, 5);
    expect(breaks).toEqual([0.05, 0.12, 0.3, 0.5, 0.6, 0.9]);
    expect(Array.from(classes)).toEqual([3, 1, 5, 2, 2, 1, 5, 3, 1, 4, 3, 4]);
  });

  it('gives equal values one class, and a missing value (NaN) class 0', () => {
    // present: 0 0 0 0 1 2 (n = 6): cuts x₍⌈1.2⌉₎ = 0, x₍⌈2.4⌉₎ = 0, x₍⌈3.6⌉₎ = 0, x₍⌈4.8⌉₎ = 1
    const { classes, breaks } = quantileClasses([0, 2, Number.NaN, 0, 1, 0, 0], 5);
    expect(breaks).toEqual([0, 0, 0, 0, 1, 2]);
    // every 0 in class 1; 1 is above three cuts → 4; 2 above all four → 5
    expect(Array.from(classes)).toEqual([1, 5, 0, 1, 4, 1, 1]);
  });

  it('has no breaks when no value is present', () => {
    const { classes, breaks } = quantileClasses([Number.NaN, Number.NaN], 5);
    expect(breaks).toBeNull();
    expect(Array.from(classes)).toEqual([0, 0]);
  });

  it('puts ⌈n/k⌉ or ⌊n/k⌋ distinct values in each class', () => {
    const values = Array.from({ length: 33 }, (_, i) => (i * 7) % 33); // a permutation of 0…32
    const { classes } = quantileClasses(values, 5);
    const sizes = [1, 2, 3, 4, 5].map((c) => classes.filter((x) => x === c).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(33);
    for (const size of sizes) expect([6, 7]).toContain(size);
  });
});
