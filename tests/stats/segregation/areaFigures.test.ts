import { describe, expect, it } from 'vitest';
import {
  aggregateCounts,
  departureFromParent,
  groupTotals,
  mixFigures,
  pairFigures,
  unitsByArea,
  type GroupCounts,
} from '../../../src/stats/segregation/areaFigures.ts';

// Three units of three groups (x, y, z), unit-major.
const TABLE: GroupCounts = { groups: 3, counts: [10, 0, 5, 0, 10, 5, 5, 5, 0] };

describe('pairFigures', () => {
  it('gives D of one group against the rest, by hand', () => {
    // x = [10, 0, 5], the rest = [5, 15, 5]; D = ½(|10/15 − 5/25| + |0 − 15/25| + |5/15 − 5/25|) = 0.6
    const figures = pairFigures(TABLE, [0, 1, 2], { a: 0, b: null });
    expect(figures.d).toBeCloseTo(0.6, 12);
    expect(figures.groupA).toBe(15);
    expect(figures.groupB).toBe(25);
    expect(figures.population).toBe(40);
    expect(figures.units).toBe(3);
    // xPx = (10/15)(10/15) + 0 + (5/15)(5/10)
    expect(figures.isolation).toBeCloseTo(4 / 9 + 1 / 6, 12);
    // xPy to the rest = (10/15)(5/15) + 0 + (5/15)(5/10)
    expect(figures.exposure).toBeCloseTo(2 / 9 + 1 / 6, 12);
  });

  it('gives D of two groups, leaving the third out', () => {
    // x = [10, 0, 5], y = [0, 10, 5]: ½(10/15 + 10/15 + 0) = 2/3
    expect(pairFigures(TABLE, [0, 1, 2], { a: 0, b: 1 }).d).toBeCloseTo(2 / 3, 12);
    // The same pair the other way round has the same D.
    expect(pairFigures(TABLE, [0, 1, 2], { a: 1, b: 0 }).d).toBeCloseTo(2 / 3, 12);
  });

  it('uses only the units of the area, in any order', () => {
    const some = pairFigures(TABLE, [2, 0], { a: 0, b: 1 });
    // x = [5, 10], y = [5, 0]: ½(|5/15 − 1| + |10/15 − 0|) = 2/3
    expect(some.d).toBeCloseTo(2 / 3, 12);
    expect(pairFigures(TABLE, [0, 2], { a: 0, b: 1 }).d).toBe(some.d);
    expect(some.units).toBe(2);
  });

  it('has no D where a group is absent, and counts only units with either group', () => {
    const figures = pairFigures(TABLE, [1], { a: 0, b: 1 });
    expect(figures.d).toBeNaN();
    expect(figures.units).toBe(1);
    expect(pairFigures({ groups: 3, counts: [0, 0, 4, 1, 1, 0] }, [0, 1], { a: 0, b: 1 }).units).toBe(1);
  });

  it('rejects a comparison that is not two different groups', () => {
    expect(() => pairFigures(TABLE, [0], { a: 0, b: 0 })).toThrow(/not two different groups/);
    expect(() => pairFigures(TABLE, [0], { a: 3, b: null })).toThrow(/not two different groups/);
  });

  it('names a bad count', () => {
    expect(() => pairFigures({ groups: 2, counts: [1, -1] }, [0], { a: 0, b: 1 })).toThrow(/-1/);
  });
});

describe('mixFigures', () => {
  it('is 1 for units of one group each and 0 for identical mixes', () => {
    expect(mixFigures({ groups: 2, counts: [5, 0, 0, 7] }, [0, 1]).theilH).toBeCloseTo(1, 12);
    expect(mixFigures({ groups: 2, counts: [2, 4, 1, 2] }, [0, 1]).theilH).toBeCloseTo(0, 12);
    expect(mixFigures({ groups: 2, counts: [2, 4, 1, 2] }, [0, 1]).multigroupD).toBeCloseTo(0, 12);
  });
});

describe('areas of units', () => {
  it('lists the units of each area, leaving out units that cannot be placed', () => {
    const lists = unitsByArea([1, 0, -1, 1], 3);
    expect(lists.map((list) => [...list])).toEqual([[1], [0, 3], []]);
  });

  it('sums units into areas and totals groups', () => {
    const wards = aggregateCounts(TABLE, [[0, 1], [2]]);
    expect(Array.from(wards.counts)).toEqual([10, 10, 10, 5, 5, 0]);
    expect(Array.from(groupTotals(TABLE, [0, 2]))).toEqual([15, 5, 5]);
  });

  it('gives an area’s location quotient and its term in the parent’s D', () => {
    const parent = Float64Array.from([15, 15, 10]);
    const ward = Float64Array.from([10, 0, 5]);
    const { locationQuotient, contribution } = departureFromParent(ward, parent, { a: 0, b: 1 });
    // (10/15) / (15/40)
    expect(locationQuotient).toBeCloseTo(10 / 15 / (15 / 40), 12);
    // ½ |10/15 − 0/15|
    expect(contribution).toBeCloseTo(1 / 3, 12);
  });
});
