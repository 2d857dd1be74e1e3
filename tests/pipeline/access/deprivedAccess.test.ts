/**
 * The shares of the most deprived fifth far from services
 * (scripts/pipeline/access/deprivedAccess.ts), worked out by hand on a tiny
 * ward, with an area without deprived LSOAs and a type the build has no
 * list of.
 */
import { describe, expect, it } from 'vitest';
import { deprivedAccess } from '../../../scripts/pipeline/access/deprivedAccess.ts';

// Ward 0 = LSOAs a, b, c, d; ward 1 = LSOA e.
//
//   LSOA  decile  weight  library   GP       food bank
//   a       1     1000    1200 far   300       1300 far
//   b       2      500    1100 far   1500 far  3000 far    far from all three
//   c       3     2000    5000      5000      5000         not in the most deprived fifth
//   d       2     1600    1000.4    1000.5    2000 far     1000.4 rounds to 1000 (not more than 1 km), 1000.5 to 1001
//   e       5      800     100       100       100
//
// Ward 0's most deprived fifth: a, b, d, 3 LSOAs, 1000 + 500 + 1600 = 3100 residents.
//   library: a + b = 1500        GP: b + d = 2100        food bank: a + b + d = 3100        all three: b = 500
const INPUT = {
  imdDecile: [1, 2, 3, 2, 5],
  weights: [1000, 500, 2000, 1600, 800],
  metres: {
    library: [1200, 1100, 5000, 1000.4, 100],
    gp_practice: [300, 1500, 5000, 1000.5, 100],
    foodbank: [1300, 3000, 5000, 2000, 100],
  },
  areaOfLsoa: [0, 0, 0, 0, 1],
  areaCount: 2,
};

describe('deprivedAccess', () => {
  it('counts the residents of the most deprived fifth more than 1 km away, and their share, by hand', () => {
    const result = deprivedAccess(INPUT);
    expect(Array.from(result.lsoas)).toEqual([3, 0]);
    expect(Array.from(result.residents)).toEqual([3100, 0]);
    expect(result.far.library.residents[0]).toBe(1500);
    expect(result.far.gp_practice.residents[0]).toBe(2100);
    expect(result.far.foodbank.residents[0]).toBe(3100);
    expect(result.far.all_three.residents[0]).toBe(500);
    expect(result.far.library.share[0]).toBeCloseTo(1500 / 3100, 12);
    expect(result.far.gp_practice.share[0]).toBeCloseTo(2100 / 3100, 12);
    expect(result.far.foodbank.share[0]).toBe(1);
    expect(result.far.all_three.share[0]).toBeCloseTo(500 / 3100, 12);
  });

  it('gives an area with no LSOA in the most deprived fifth no share (NaN), not 0', () => {
    const result = deprivedAccess(INPUT);
    expect(result.far.library.residents[1]).toBe(0);
    for (const measure of ['library', 'gp_practice', 'foodbank', 'all_three'] as const) expect(result.far[measure].share[1]).toBeNaN();
  });

  it('leaves the shares of a type without a list blank, and "all three" with them, but not the others', () => {
    const result = deprivedAccess({ ...INPUT, metres: { ...INPUT.metres, foodbank: INPUT.metres.foodbank.map(() => Number.NaN) } });
    expect(result.far.foodbank.share[0]).toBeNaN();
    expect(result.far.foodbank.residents[0]).toBeNaN();
    expect(result.far.all_three.share[0]).toBeNaN();
    expect(result.far.library.share[0]).toBeCloseTo(1500 / 3100, 12);
    expect(Array.from(result.residents)).toEqual([3100, 0]);
  });
});
