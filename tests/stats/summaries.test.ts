import { describe, expect, it } from 'vitest';
import {
  averageRank,
  averageScore,
  extent,
  extentWeight,
  localConcentration,
  proportionInMostDeprivedDecile,
  reversedRank,
  summarise,
  type LsoaForSummary,
} from '../../src/stats/summaries.ts';

/**
 * One area of five LSOAs among n = 100 nationally (so percentile = rank and
 * the reversed rank is r' = 101 − rank):
 *
 *   LSOA  score  rank  decile  population  r'
 *   a       40     5     1         600      96
 *   b       30    15     2        2000      86
 *   c       20    30     3        1500      71
 *   d       10    31     4         500      70
 *   e        5    80     8        5400      21
 *
 * Total population P = 600 + 2000 + 1500 + 500 + 5400 = 10000.
 * Listed out of rank order on purpose.
 */
const N = 100;
const a: LsoaForSummary = { score: 40, rank: 5, decile: 1, population: 600 };
const b: LsoaForSummary = { score: 30, rank: 15, decile: 2, population: 2000 };
const c: LsoaForSummary = { score: 20, rank: 30, decile: 3, population: 1500 };
const d: LsoaForSummary = { score: 10, rank: 31, decile: 4, population: 500 };
const e: LsoaForSummary = { score: 5, rank: 80, decile: 8, population: 5400 };
const AREA: readonly LsoaForSummary[] = [e, c, a, d, b];

// Σ p·s = 40·600 + 30·2000 + 20·1500 + 10·500 + 5·5400
//       = 24000 + 60000 + 30000 + 5000 + 27000 = 146000 → 146000 / 10000 = 14.6
const AVERAGE_SCORE = 14.6;
// Σ p·r' = 96·600 + 86·2000 + 71·1500 + 70·500 + 21·5400
//        = 57600 + 172000 + 106500 + 35000 + 113400 = 484500 → 48.45
const AVERAGE_RANK = 48.45;
// 1 of 5 LSOAs (a) is in decile 1 → 0.2
const PROPORTION = 0.2;
// Weights by percentile: a (5) → 1; b (15) → 0.95 − (15 − 11)·0.9/19 = (18.05 − 3.6)/19 = 14.45/19;
// c (30) → 0.05; d (31) → 0; e (80) → 0.
// Σ p·w = 600 + 2000·14.45/19 + 1500·0.05 = 600 + 28900/19 + 75 = 675 + 1521.0526… = 2196.0526…
// → / 10000 = 0.21960526…
const EXTENT = (600 + 28900 / 19 + 75) / 10000;
// 10% of 10000 = 1000: a gives all its 600 (r' 96); b, the LSOA crossing the line,
// gives only the 400 still needed (r' 86): (600·96 + 400·86) / 1000 = (57600 + 34400) / 1000 = 92
const LOCAL_CONCENTRATION = 92;

describe('reversedRank: n + 1 − rank', () => {
  it('turns the most deprived LSOA into n and the least into 1', () => {
    expect(reversedRank(1, 33755)).toBe(33755);
    expect(reversedRank(33755, 33755)).toBe(1);
    expect(reversedRank(5, 100)).toBe(96);
  });
});

describe('averageScore: Σ p·s / Σ p', () => {
  it('is the population-weighted mean score', () => {
    expect(averageScore(AREA)).toBeCloseTo(AVERAGE_SCORE, 10);
  });

  it('is not the unweighted mean', () => {
    // unweighted: (40 + 30 + 20 + 10 + 5) / 5 = 21
    const equalWeights = AREA.map((lsoa) => ({ ...lsoa, population: 1 }));
    expect(averageScore(equalWeights)).toBeCloseTo(21, 10);
  });

  it('handles negative scores (standardised domains)', () => {
    // (−1·100 + 0.5·300) / 400 = (−100 + 150) / 400 = 0.125
    expect(
      averageScore([
        { score: -1, rank: 1, decile: 1, population: 100 },
        { score: 0.5, rank: 2, decile: 1, population: 300 },
      ]),
    ).toBeCloseTo(0.125, 12);
  });
});

describe('averageRank: Σ p·(n + 1 − rank) / Σ p', () => {
  it('is the population-weighted mean reversed rank', () => {
    expect(averageRank(AREA, N)).toBeCloseTo(AVERAGE_RANK, 10);
  });

  it('uses n for the reversal', () => {
    // one LSOA of rank 5 among n = 12: r' = 13 − 5 = 8
    expect(averageRank([{ score: 0, rank: 5, decile: 5, population: 7 }], 12)).toBe(8);
  });
});

describe('proportionInMostDeprivedDecile', () => {
  it('is the share of LSOAs (not people) in decile 1', () => {
    expect(proportionInMostDeprivedDecile(AREA)).toBe(PROPORTION);
    // a (decile 1) and b moved to decile 1: 2 of 5 = 0.4, whatever the populations
    expect(proportionInMostDeprivedDecile([...AREA.filter((x) => x !== b), { ...b, decile: 1 }])).toBe(0.4);
  });

  it('is not population weighted, so it works with zero populations', () => {
    // 1 of 2 in decile 1
    expect(
      proportionInMostDeprivedDecile([
        { score: 0, rank: 1, decile: 1, population: 0 },
        { score: 0, rank: 50, decile: 5, population: 0 },
      ]),
    ).toBe(0.5);
  });
});

describe('extentWeight', () => {
  it('is 1 up to percentile 10', () => {
    expect(extentWeight(1)).toBe(1);
    expect(extentWeight(10)).toBe(1);
  });

  it('slides from 0.95 at percentile 11 to 0.05 at percentile 30', () => {
    expect(extentWeight(11)).toBeCloseTo(0.95, 12);
    // 0.95 − (20 − 11)·0.9/19 = 0.95 − 8.1/19 = (18.05 − 8.1)/19 = 9.95/19 = 0.523684…
    expect(extentWeight(20)).toBeCloseTo(9.95 / 19, 12);
    // 0.95 − (30 − 11)·0.9/19 = 0.95 − 0.9 = 0.05
    expect(extentWeight(30)).toBeCloseTo(0.05, 12);
  });

  it('is 0 from percentile 31', () => {
    expect(extentWeight(31)).toBe(0);
    expect(extentWeight(100)).toBe(0);
  });

  it('falls by the same step 0.9/19 = 0.047368… every percentile from 11 to 30', () => {
    for (let p = 12; p <= 30; p++) expect(extentWeight(p - 1) - extentWeight(p)).toBeCloseTo(0.9 / 19, 12);
  });
});

describe('extent: Σ p·w(percentile) / Σ p', () => {
  it('weights each LSOA by its national percentile', () => {
    expect(extent(AREA, N)).toBeCloseTo(EXTENT, 12);
  });

  it('uses percentile = ⌈rank × 100 / n⌉ at the boundaries 10/11 and 30/31', () => {
    const one = (rank: number, n: number) => extent([{ score: 0, rank, decile: 1, population: 1 }], n);
    // n = 200: rank 20 → percentile 10 → 1; rank 21 → ⌈10.5⌉ = 11 → 0.95;
    //          rank 60 → 30 → 0.05;          rank 61 → ⌈30.5⌉ = 31 → 0
    expect(one(20, 200)).toBe(1);
    expect(one(21, 200)).toBeCloseTo(0.95, 12);
    expect(one(60, 200)).toBeCloseTo(0.05, 12);
    expect(one(61, 200)).toBe(0);
  });

  it('is the population share of the most deprived 10% when nothing is in 11–30%', () => {
    // 300 people at percentile 3 and 700 at percentile 90: 300 / 1000 = 0.3
    expect(
      extent(
        [
          { score: 0, rank: 3, decile: 1, population: 300 },
          { score: 0, rank: 90, decile: 9, population: 700 },
        ],
        100,
      ),
    ).toBeCloseTo(0.3, 12);
  });
});

describe('localConcentration', () => {
  it('counts the LSOA that crosses the 10% line only with the part needed', () => {
    expect(localConcentration(AREA, N)).toBeCloseTo(LOCAL_CONCENTRATION, 10);
  });

  it('takes only part of the most deprived LSOA when it alone holds more than 10%', () => {
    // P = 2000, 10% = 200; the rank-7 LSOA (r' = 94) has 1000 > 200: 200·94 / 200 = 94
    expect(
      localConcentration(
        [
          { score: 0, rank: 50, decile: 5, population: 1000 },
          { score: 0, rank: 7, decile: 1, population: 1000 },
        ],
        100,
      ),
    ).toBeCloseTo(94, 10);
  });

  it('uses whole LSOAs when they fill 10% exactly', () => {
    // P = 1000, 10% = 100: rank 2 (r' 99) 40 + rank 3 (r' 98) 60 = 100 exactly; rank 9 not used:
    // (40·99 + 60·98) / 100 = (3960 + 5880) / 100 = 98.4
    expect(
      localConcentration(
        [
          { score: 0, rank: 9, decile: 1, population: 900 },
          { score: 0, rank: 3, decile: 1, population: 60 },
          { score: 0, rank: 2, decile: 1, population: 40 },
        ],
        100,
      ),
    ).toBeCloseTo(98.4, 10);
  });

  it('does not reorder its input', () => {
    const input = [...AREA];
    localConcentration(input, N);
    expect(input).toEqual([e, c, a, d, b]);
  });
});

describe('summarise', () => {
  it('gives every measure of the area', () => {
    const summary = summarise(AREA, N);
    expect(Object.keys(summary).sort()).toEqual(
      ['averageRank', 'averageScore', 'extent', 'localConcentration', 'proportionMostDeprived10'].sort(),
    );
    expect(summary.averageScore).toBeCloseTo(AVERAGE_SCORE, 10);
    expect(summary.averageRank).toBeCloseTo(AVERAGE_RANK, 10);
    expect(summary.proportionMostDeprived10).toBe(PROPORTION);
    expect(summary.extent).toBeCloseTo(EXTENT, 12);
    expect(summary.localConcentration).toBeCloseTo(LOCAL_CONCENTRATION, 10);
  });

  it('summarises a one-LSOA area as that LSOA', () => {
    // rank 4 of 100: r' = 97; percentile 4 → extent 1; decile 1 → proportion 1
    const summary = summarise([{ score: 12.5, rank: 4, decile: 1, population: 1234 }], 100);
    expect(summary).toEqual({ averageScore: 12.5, averageRank: 97, proportionMostDeprived10: 1, extent: 1, localConcentration: 97 });
  });
});

describe('errors', () => {
  const zero: LsoaForSummary[] = [
    { score: 10, rank: 1, decile: 1, population: 0 },
    { score: 20, rank: 2, decile: 1, population: 0 },
  ];

  it('rejects an area without LSOAs', () => {
    expect(() => averageScore([])).toThrow(RangeError);
    expect(() => averageRank([], N)).toThrow(RangeError);
    expect(() => proportionInMostDeprivedDecile([])).toThrow(RangeError);
    expect(() => extent([], N)).toThrow(RangeError);
    expect(() => localConcentration([], N)).toThrow(RangeError);
    expect(() => summarise([], N)).toThrow(RangeError);
  });

  it('rejects a weighted measure of an area with no population', () => {
    expect(() => averageScore(zero)).toThrow(/positive population/);
    expect(() => averageRank(zero, N)).toThrow(/positive population/);
    expect(() => extent(zero, N)).toThrow(/positive population/);
    expect(() => localConcentration(zero, N)).toThrow(/positive population/);
    expect(() => summarise(zero, N)).toThrow(/positive population/);
  });

  it('rejects a population that is not a number', () => {
    expect(() => averageScore([{ score: 1, rank: 1, decile: 1, population: Number.NaN }])).toThrow(RangeError);
  });

  it('rejects a rank outside 1..n in the percentile-based extent', () => {
    expect(() => extent([{ score: 1, rank: 101, decile: 10, population: 1 }], 100)).toThrow(RangeError);
  });
});
