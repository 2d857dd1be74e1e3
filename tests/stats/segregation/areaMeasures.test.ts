import { describe, expect, it } from 'vitest';
import { SEGREGATION_RULES, segregationMeasure, type ReleaseUnits, type UnitTable } from '../../../src/stats/segregation/areaMeasures.ts';
import { SEGREGATION_LAYERS } from '../../../src/config/catalogue/segregation.ts';

/** D written out for two columns, independently of the code under test. */
function handD(a: number[], b: number[]): number {
  const A = a.reduce((s, v) => s + v, 0);
  const B = b.reduce((s, v) => s + v, 0);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] / A - b[i] / B);
  return sum / 2;
}

// Two groups; five LSOAs in three wards of two authorities: wards 0 and 1 in authority 0, ward 2 in authority 1.
function release(counts: number[][], ward: number[], lad: number[], incomplete: UnitTable['incomplete'] = { ward: [], lad: [] }): ReleaseUnits {
  return {
    scales: { lsoa: { groups: 2, counts: counts.flat(), ward, lad, incomplete } },
    wardLad: [0, 0, 1],
    wardCount: 3,
    ladCount: 2,
  };
}

const COUNTS = [
  [30, 10],
  [5, 25],
  [20, 20],
  [8, 2],
  [1, 9],
];
const NOW = release(COUNTS, [0, 0, 1, 2, 2], [0, 0, 0, 1, 1]);

describe('segregationMeasure', () => {
  it('gives each ward’s D over its LSOAs', () => {
    const d = segregationMeasure('ward', 'd_lsoa', NOW, { a: 0, b: 1 })!;
    expect(d[0]).toBeCloseTo(handD([30, 5], [10, 25]), 12);
    expect(d[1]).toBeNaN(); // one LSOA: D would be 0 by definition, so none
    expect(d[2]).toBeCloseTo(handD([8, 1], [2, 9]), 12);
  });

  it('gives each authority’s D over its LSOAs and over its wards', () => {
    const overLsoas = segregationMeasure('lad', 'd_lsoa', NOW, { a: 0, b: 1 })!;
    expect(overLsoas[0]).toBeCloseTo(handD([30, 5, 20], [10, 25, 20]), 12);
    const overWards = segregationMeasure('lad', 'd_ward', NOW, { a: 0, b: 1 })!;
    expect(overWards[0]).toBeCloseTo(handD([35, 20], [35, 20]), 12);
    expect(overWards[1]).toBeNaN(); // one ward
  });

  it('gives a ward’s location quotient and part of its authority’s D over wards', () => {
    const lq = segregationMeasure('ward', 'lq', NOW, { a: 0, b: null })!;
    // ward 0: 35/70 against the authority's 55/110
    expect(lq[0]).toBeCloseTo(35 / 70 / (55 / 110), 12);
    const parts = segregationMeasure('ward', 'contribution', NOW, { a: 0, b: 1 })!;
    // The parts of an authority's wards add up to its D over wards.
    const overWards = segregationMeasure('lad', 'd_ward', NOW, { a: 0, b: 1 })!;
    expect(parts[0] + parts[1]).toBeCloseTo(overWards[0], 12);
  });

  it('leaves out areas that lost residents to units that could not be placed', () => {
    const then = release(COUNTS, [0, -1, 1, 2, 2], [0, -1, 0, 1, 1], { ward: [0, 1], lad: [0] });
    const d = segregationMeasure('ward', 'd_lsoa', then, { a: 0, b: 1 })!;
    expect(d[0]).toBeNaN();
    expect(d[2]).toBeCloseTo(handD([8, 1], [2, 9]), 12);
    expect(segregationMeasure('lad', 'd_ward', then, { a: 0, b: 1 })![0]).toBeNaN();
  });

  it('gives the change since an older release, where both have the scale', () => {
    const then = release([[20, 20], [20, 20], [20, 20], [5, 5], [5, 5]], [0, 0, 1, 2, 2], [0, 0, 0, 1, 1]);
    const change = segregationMeasure('ward', 'd_lsoa_change', NOW, { a: 0, b: 1 }, then)!;
    expect(change[0]).toBeCloseTo(handD([30, 5], [10, 25]) - 0, 12);
    expect(segregationMeasure('ward', 'd_lsoa_change', NOW, { a: 0, b: 1 })).toBeUndefined();
  });

  it('gives D beyond chance as D minus D by chance alone', () => {
    const d = segregationMeasure('ward', 'd_lsoa', NOW, { a: 0, b: 1 })!;
    const chance = segregationMeasure('ward', 'd_lsoa_expected', NOW, { a: 0, b: 1 })!;
    const beyond = segregationMeasure('lad', 'd_ward_excess', NOW, { a: 0, b: 1 })!;
    expect(segregationMeasure('ward', 'd_lsoa_excess', NOW, { a: 0, b: 1 })![0]).toBeCloseTo(d[0] - chance[0], 12);
    expect(chance[0]).toBeGreaterThan(0);
    expect(beyond[0]).toBeLessThan(segregationMeasure('lad', 'd_ward', NOW, { a: 0, b: 1 })![0]);
  });

  it('has no figure on a scale the release lacks', () => {
    expect(segregationMeasure('ward', 'd_oa', NOW, { a: 0, b: 1 })).toBeUndefined();
  });

  it('has a rule for every measure of the catalogue, and the catalogue names every rule', () => {
    for (const layer of SEGREGATION_LAYERS) {
      for (const level of ['lsoa', 'ward', 'lad'] as const) {
        const ids = layer.levels[level]!.measures.map((m) => m.id.replace(/_change$/, ''));
        for (const id of ids) expect(SEGREGATION_RULES[level][id], `${layer.id} ${level} ${id}`).toBeDefined();
      }
    }
    const named = new Set(SEGREGATION_LAYERS.flatMap((layer) => (['lsoa', 'ward', 'lad'] as const).flatMap((level) => layer.levels[level]!.measures.map((m) => `${level}:${m.id}`))));
    for (const level of ['lsoa', 'ward', 'lad'] as const) for (const id of Object.keys(SEGREGATION_RULES[level])) expect(named.has(`${level}:${id}`), `${level}:${id}`).toBe(true);
  });
});
