import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/stats/random.ts';
import { dissimilarity } from '../../../src/stats/segregation/dissimilarity.ts';
import { multigroupDissimilarity, theilH } from '../../../src/stats/segregation/multigroup.ts';

/** groups[m][i] from rows[i][m]. */
function columns(rows: number[][]): number[][] {
  return rows[0].map((_, m) => rows.map((row) => row[m]));
}

/** A seeded table of `unitCount` units × `groupCount` groups with uneven compositions. */
function randomTable(unitCount: number, groupCount: number, seed: number): number[][] {
  const rng = seededRng(seed);
  return Array.from({ length: groupCount }, (_, m) =>
    Array.from({ length: unitCount }, () => Math.floor(rng.next() * 50 * (m + 1) * rng.next())),
  );
}

/**
 * Independent D_M in matrix form (rows = units): the proportions matrix P = diag(t)⁻¹N, the whole's shares π,
 * and D_M = tᵀ|P − 1πᵀ|1 / (2T·πᵀ(1 − π)), with map/reduce instead of the module's loops.
 */
function matrixDissimilarity(groups: number[][]): number {
  const N = columns(groups); // back to rows: N[i][m]
  const t = N.map((row) => row.reduce((s, x) => s + x, 0));
  const T = t.reduce((s, x) => s + x, 0);
  const pi = groups.map((g) => g.reduce((s, x) => s + x, 0) / T);
  const P = N.map((row, i) => row.map((x) => (t[i] > 0 ? x / t[i] : 0)));
  const deviation = P.map((row) => row.map((p, m) => Math.abs(p - pi[m])).reduce((s, x) => s + x, 0));
  const numerator = deviation.reduce((s, d, i) => s + t[i] * d, 0);
  const interaction = pi.reduce((s, p) => s + p * (1 - p), 0);
  return numerator / (2 * T * interaction);
}

/**
 * Independent H by another route: Theil's H is the mutual information between unit and group,
 * M = Σᵢ Σₘ (nᵢₘ/T) ln(nᵢₘ T / (tᵢ Nₘ)), divided by the whole's entropy E (Reardon & Firebaugh 2002).
 */
function mutualInformationH(groups: number[][]): number {
  const units = groups[0].length;
  const groupTotals = groups.map((g) => g.reduce((s, x) => s + x, 0));
  const T = groupTotals.reduce((s, x) => s + x, 0);
  const unitTotals = Array.from({ length: units }, (_, i) => groups.reduce((s, g) => s + g[i], 0));
  let mutual = 0;
  groups.forEach((g, m) =>
    g.forEach((n, i) => {
      if (n > 0) mutual += (n / T) * Math.log((n * T) / (unitTotals[i] * groupTotals[m]));
    }),
  );
  const entropy = -groupTotals.reduce((s, N) => (N > 0 ? s + (N / T) * Math.log(N / T) : s), 0);
  return mutual / entropy;
}

describe('multigroupDissimilarity: D_M = Σᵢ Σₘ tᵢ|πᵢₘ − πₘ| / (2TI)', () => {
  it('matches a hand-worked example', () => {
    // Unit 1: (6, 2, 2), unit 2: (2, 6, 2); t = 10 each, T = 20, π = (0.4, 0.4, 0.2).
    // I = 0.4·0.6 + 0.4·0.6 + 0.2·0.8 = 0.64.
    // tᵢ|πᵢₘ − πₘ| = |nᵢₘ − tᵢπₘ|: unit 1 |6 − 4| + |2 − 4| + |2 − 2| = 4, unit 2 likewise 4; Σ = 8.
    // D_M = 8 / (2 · 20 · 0.64) = 8 / 25.6 = 0.3125.
    expect(multigroupDissimilarity(columns([[6, 2, 2], [2, 6, 2]]))).toBeCloseTo(0.3125, 14);
  });

  it('equals two-group D when there are two groups', () => {
    // By hand: a = (10, 30), b = (30, 10), A = B = 40: D = ½(|¼ − ¾| + |¾ − ¼|) = ½;
    // D_M: π = (½, ½), I = ½, Σ |nᵢₘ − tᵢπₘ| = 4 · 10 = 40, 40 / (2 · 80 · ½) = ½.
    expect(multigroupDissimilarity([[10, 30], [30, 10]])).toBeCloseTo(0.5, 14);
    for (const seed of [1, 2, 3, 4]) {
      const [a, b] = randomTable(37, 2, seed);
      expect(multigroupDissimilarity([a, b])).toBeCloseTo(dissimilarity(a, b), 12);
    }
  });

  it('is the Simpson-weighted mean of each group against the rest (another route, through two-group D)', () => {
    // Σₘ πₘ(1 − πₘ) Dₘ / I with Dₘ the D of group m against everyone else
    const groups = randomTable(50, 5, 7);
    const T = groups.flat().reduce((s, x) => s + x, 0);
    let weighted = 0;
    let interaction = 0;
    for (const g of groups) {
      const rest = g.map((_, i) => groups.reduce((s, h) => s + h[i], 0) - g[i]);
      const share = g.reduce((s, x) => s + x, 0) / T;
      weighted += share * (1 - share) * dissimilarity(g, rest);
      interaction += share * (1 - share);
    }
    expect(multigroupDissimilarity(groups)).toBeCloseTo(weighted / interaction, 12);
  });

  it('agrees with a matrix-form implementation', () => {
    for (const seed of [11, 12, 13]) {
      const groups = randomTable(60, 1 + (seed % 4) + 2, seed);
      expect(multigroupDissimilarity(groups)).toBeCloseTo(matrixDissimilarity(groups), 12);
    }
  });
});

describe('theilH: H = Σᵢ tᵢ(E − Eᵢ) / (ET)', () => {
  it('matches a hand-worked example', () => {
    // Same table as above: E = −(2 · 0.4 ln 0.4 + 0.2 ln 0.2) = 0.733033 + 0.321888 = 1.054920;
    // each unit has shares (0.6, 0.2, 0.2) or a permutation: Eᵢ = −(0.6 ln 0.6 + 2 · 0.2 ln 0.2)
    // = 0.306495 + 0.643775 = 0.950271; H = (E − Eᵢ)/E = 0.104649 / 1.054920 = 0.099201.
    expect(theilH(columns([[6, 2, 2], [2, 6, 2]]))).toBeCloseTo(0.099201, 5);
  });

  it('agrees with the mutual-information form', () => {
    for (const seed of [21, 22, 23]) {
      const groups = randomTable(45, 2 + (seed % 4), seed);
      expect(theilH(groups)).toBeCloseTo(mutualInformationH(groups), 12);
    }
  });
});

describe('invariants of D_M and H', () => {
  const indices: [string, (groups: number[][]) => number][] = [
    ['multigroupDissimilarity', multigroupDissimilarity],
    ['theilH', theilH],
  ];
  for (const [name, index] of indices) {
    it(`${name}: lies in [0, 1] on random tables`, () => {
      for (let seed = 30; seed < 60; seed++) {
        const value = index(randomTable(3 + (seed % 17), 2 + (seed % 5), seed));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    });

    it(`${name}: is 0 for identical compositions and 1 for complete separation`, () => {
      // every unit (1 : 2 : 3) at different sizes
      expect(index(columns([[1, 2, 3], [10, 20, 30], [7, 14, 21]]))).toBeCloseTo(0, 14);
      // each unit holds one group only (two units for group 0)
      expect(index(columns([[5, 0, 0], [0, 8, 0], [3, 0, 0], [0, 0, 4]]))).toBeCloseTo(1, 14);
    });

    it(`${name}: is unchanged by the order of units and of groups and by scaling every count`, () => {
      const groups = randomTable(25, 4, 77);
      const value = index(groups);
      const unitOrder = Array.from({ length: 25 }, (_, i) => (i * 7) % 25);
      expect(index(groups.map((g) => unitOrder.map((i) => g[i])))).toBeCloseTo(value, 12);
      expect(index([groups[2], groups[0], groups[3], groups[1]])).toBeCloseTo(value, 12);
      expect(index(groups.map((g) => g.map((x) => x * 3.7)))).toBeCloseTo(value, 12);
      expect(index(groups.map((g) => g.map((x) => x * 1000)))).toBeCloseTo(value, 12);
    });

    it(`${name}: ignores empty units, is NaN with fewer than two groups present, and validates its input`, () => {
      const groups = randomTable(10, 3, 5);
      const withEmpty = groups.map((g) => [...g.slice(0, 4), 0, ...g.slice(4)]);
      expect(index(withEmpty)).toBeCloseTo(index(groups), 14);
      expect(Number.isNaN(index([[3, 4], [0, 0]]))).toBe(true);
      expect(Number.isNaN(index([[0, 0], [0, 0]]))).toBe(true);
      expect(() => index([])).toThrow(RangeError);
      expect(() => index([[1, 2], [3]])).toThrow(/groups\[1\] has 1 units but groups\[0\] has 2/);
      expect(() => index([[1, 2], [3, -1]])).toThrow(/groups\[1\]\[1\] is -1.*group 1, unit 1/);
      expect(() => index([[1, Number.NaN], [3, 1]])).toThrow(/groups\[0\]\[1\] is NaN/);
      expect(() => index([[1, 2], [Number.POSITIVE_INFINITY, 1]])).toThrow(RangeError);
    });
  }

  it('H is not D_M: they differ on the same table', () => {
    const groups = columns([[6, 2, 2], [2, 6, 2]]);
    expect(theilH(groups)).not.toBeCloseTo(multigroupDissimilarity(groups), 2);
  });
});
