import { describe, expect, it } from 'vitest';
import {
  decileFromRank,
  decilesOfRanks,
  groupSizes,
  percentileFromRank,
  rankDescending,
  rankDescendingWithinGroups,
} from '../../src/stats/ranking.ts';
import { classCounts } from '../../src/stats/ranking.ts';

describe('decileFromRank: ⌈rank × 10 / n⌉', () => {
  it('splits 10 areas one per decile', () => {
    // ⌈1·10/10⌉ = 1, ⌈5·10/10⌉ = 5, ⌈10·10/10⌉ = 10
    expect(decileFromRank(1, 10)).toBe(1);
    expect(decileFromRank(5, 10)).toBe(5);
    expect(decileFromRank(10, 10)).toBe(10);
  });

  it('puts the boundaries where the official method does for 12 areas', () => {
    // ⌈10/12⌉ = ⌈0.83⌉ = 1; ⌈20/12⌉ = ⌈1.67⌉ = 2; ⌈60/12⌉ = 5; ⌈70/12⌉ = ⌈5.83⌉ = 6;
    // ⌈110/12⌉ = ⌈9.17⌉ = 10; ⌈120/12⌉ = 10
    expect([1, 2, 6, 7, 11, 12].map((rank) => decileFromRank(rank, 12))).toEqual([1, 2, 5, 6, 10, 10]);
  });

  it('gives England’s 33,755 LSOAs deciles of 3,375 and 3,376', () => {
    // ⌈3375·10/33755⌉ = ⌈33750/33755⌉ = ⌈0.99985⌉ = 1; ⌈3376·10/33755⌉ = ⌈1.00015⌉ = 2
    expect(decileFromRank(3375, 33755)).toBe(1);
    expect(decileFromRank(3376, 33755)).toBe(2);
    // decile 10 starts at rank 30380: ⌈303800/33755⌉ = ⌈9.00015⌉ = 10
    expect(decileFromRank(30379, 33755)).toBe(9); // 303790/33755 = 8.99985 → 9
    expect(decileFromRank(30380, 33755)).toBe(10);
    expect(decileFromRank(33755, 33755)).toBe(10);
  });

  it('rejects ranks outside 1..n', () => {
    expect(() => decileFromRank(0, 10)).toThrow(RangeError);
    expect(() => decileFromRank(11, 10)).toThrow(/rank 11 is outside 1\.\.10/);
    expect(() => decileFromRank(Number.NaN, 10)).toThrow(RangeError);
    expect(() => decileFromRank(-1, 10)).toThrow(RangeError);
  });
});

describe('percentileFromRank: ⌈rank × 100 / n⌉', () => {
  it('matches hand-computed percentiles', () => {
    // n = 12: ⌈100/12⌉ = ⌈8.33⌉ = 9; ⌈200/12⌉ = ⌈16.67⌉ = 17; ⌈300/12⌉ = 25; ⌈400/12⌉ = ⌈33.3⌉ = 34; ⌈1200/12⌉ = 100
    expect([1, 2, 3, 4, 12].map((rank) => percentileFromRank(rank, 12))).toEqual([9, 17, 25, 34, 100]);
    // n = 200: rank 20 → ⌈10⌉ = 10; rank 21 → ⌈10.5⌉ = 11; rank 60 → 30; rank 61 → ⌈30.5⌉ = 31
    expect([20, 21, 60, 61].map((rank) => percentileFromRank(rank, 200))).toEqual([10, 11, 30, 31]);
    // n = 100: the percentile is the rank
    expect(percentileFromRank(37, 100)).toBe(37);
  });

  it('rejects ranks outside 1..n', () => {
    expect(() => percentileFromRank(0, 100)).toThrow(RangeError);
    expect(() => percentileFromRank(101, 100)).toThrow(RangeError);
    expect(() => percentileFromRank(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('rankDescending', () => {
  it('gives the largest value rank 1', () => {
    // 3.5 > 2 > 1 > −4
    expect(Array.from(rankDescending([1, 3.5, -4, 2]))).toEqual([3, 1, 4, 2]);
  });

  it('gives tied values the smallest rank of their group and skips the next ranks ("1224")', () => {
    // sorted: 9 (i=1), 7 (i=0), 7 (i=3), 7 (i=5), 4 (i=2), 4 (i=6), 1 (i=4)
    // ranks:  1,       2,       2,       2,       5,       5,       7
    const ranks = Array.from(rankDescending([7, 9, 4, 7, 1, 7, 4]));
    expect(ranks).toEqual([2, 1, 5, 2, 7, 2, 5]);
  });

  it('ties values that are all equal at rank 1', () => {
    expect(Array.from(rankDescending([0, 0, 0]))).toEqual([1, 1, 1]);
  });

  it('gives NaN rank NaN, and NaN takes no rank from the others', () => {
    // without the NaNs: 5 > 3 = 3 → 1, 2, 2
    const ranks = rankDescending([Number.NaN, 3, 5, Number.NaN, 3]);
    expect(Number.isNaN(ranks[0])).toBe(true);
    expect(Number.isNaN(ranks[3])).toBe(true);
    expect([ranks[1], ranks[2], ranks[4]]).toEqual([2, 1, 2]);
  });

  it('returns a Float64Array of the input length, and handles an empty input', () => {
    const ranks = rankDescending(new Float64Array([2, 1]));
    expect(ranks).toBeInstanceOf(Float64Array);
    expect(ranks.length).toBe(2);
    expect(rankDescending([]).length).toBe(0);
  });

  it('does not depend on the order of the input', () => {
    // The same multiset in reverse order: each value keeps its rank.
    const values = [7, 9, 4, 7, 1, 7, 4];
    const reversed = [...values].reverse();
    expect(Array.from(rankDescending(reversed))).toEqual([2, 1, 5, 2, 7, 2, 5].reverse());
  });
});

describe('rankDescendingWithinGroups', () => {
  it('ranks each value among its own group only', () => {
    // group 0: i0 = 10, i2 = 30          → i2 rank 1, i0 rank 2
    // group 1: i1 = 20, i3 = 40, i4 = 20 → i3 rank 1, i1 and i4 tie at 2
    // group 2: i5 = −1 alone             → rank 1
    const ranks = rankDescendingWithinGroups([10, 20, 30, 40, 20, -1], [0, 1, 0, 1, 1, 2]);
    expect(Array.from(ranks)).toEqual([2, 2, 1, 1, 2, 1]);
  });

  it('leaves NaN values unranked within their group', () => {
    // group 0: NaN, 5, 6 → NaN, 2, 1
    const ranks = rankDescendingWithinGroups([Number.NaN, 5, 6], [0, 0, 0]);
    expect(Number.isNaN(ranks[0])).toBe(true);
    expect([ranks[1], ranks[2]]).toEqual([2, 1]);
  });

  it('rejects values and groups of different lengths', () => {
    expect(() => rankDescendingWithinGroups([1, 2], [0])).toThrow(RangeError);
  });
});

describe('groupSizes', () => {
  it('counts the members of each group, including empty groups', () => {
    // group 0: i0 → 1; group 1: i3 → 1; group 2: i1, i2, i4 → 3; group 3: none → 0
    expect(Array.from(groupSizes([0, 2, 2, 1, 2], 4))).toEqual([1, 1, 3, 0]);
    expect(Array.from(groupSizes([], 2))).toEqual([0, 0]);
  });
});

describe('decilesOfRanks', () => {
  it('is decileFromRank when there are no ties', () => {
    // n = 4: ⌈1·10/4⌉ = 3, ⌈2·10/4⌉ = 5, ⌈3·10/4⌉ = 8, ⌈4·10/4⌉ = 10
    expect(Array.from(decilesOfRanks([3, 1, 4, 2]))).toEqual([8, 3, 10, 5]);
  });

  it('gives tied areas the decile of the first place of their tie, and the tie at the end decile 10', () => {
    // Ten areas: one most deprived (rank 1), two tied at 2, seven tied at the bottom (rank 4).
    // rank 1 → ⌈1·10/10⌉ = 1; rank 2 (2 tied, places 2–3) → ⌈2·10/10⌉ = 2;
    // rank 4 (7 tied, places 4–10, reaching the last) → 10.
    const ranks = [1, 2, 2, 4, 4, 4, 4, 4, 4, 4];
    expect(Array.from(decilesOfRanks(ranks))).toEqual([1, 2, 2, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('keeps a large tie at the top in decile 1', () => {
    // Five areas tied first out of ten: first place 1 → decile 1.
    expect(Array.from(decilesOfRanks([1, 1, 1, 1, 1, 6, 7, 8, 9, 10]))).toEqual([1, 1, 1, 1, 1, 6, 7, 8, 9, 10]);
  });

  it('puts every area in decile 10 when all are tied', () => {
    expect(Array.from(decilesOfRanks([1, 1, 1]))).toEqual([10, 10, 10]);
  });
});

describe('classCounts', () => {
  it('counts the small areas of each group per class, flattened group by group', () => {
    // areas 0…5 in groups 0, 1, 0, 2, 1, 0 with classes 1, 3, 1, 2, 0, 3 (class 0: no value, not counted)
    const counts = classCounts([1, 3, 1, 2, 0, 3], [0, 1, 0, 2, 1, 0], 3, 3);
    // group 0: classes 1, 1, 3 → [2, 0, 1]; group 1: class 3 (and a 0) → [0, 0, 1]; group 2: class 2 → [0, 1, 0]
    expect(Array.from(counts)).toEqual([2, 0, 1, 0, 0, 1, 0, 1, 0]);
  });

  it('gives zeros for a group without areas and rejects a class out of range', () => {
    expect(Array.from(classCounts([1], [1], 2, 2))).toEqual([0, 0, 1, 0]);
    expect(() => classCounts([11], [0], 1, 10)).toThrow(RangeError);
  });
});
