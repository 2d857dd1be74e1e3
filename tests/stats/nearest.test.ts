import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/stats/geodesy.ts';
import { nearestPoints, pointGrid, walkingMinutes, walkingReachMetres } from '../../src/stats/nearest.ts';
import { seededRng } from '../../src/stats/random.ts';

/** Every point's distance, sorted (ties by index): the answer the index must give. */
function bruteForce(points: number[], lng: number, lat: number, limit: number, within: number) {
  const all = [];
  for (let i = 0; i < points.length / 2; i++) all.push({ index: i, metres: haversineKm(lng, lat, points[2 * i], points[2 * i + 1]) * 1000 });
  return all.filter((n) => n.metres <= within).sort((a, b) => a.metres - b.metres || a.index - b.index).slice(0, limit);
}

describe('nearestPoints', () => {
  it('agrees with brute force on generated points, clustered and spread, for queries inside and outside the grid', () => {
    const random = seededRng(7);
    const rng = () => random.next();
    const points: number[] = [];
    // A city of services and a scatter over England.
    for (let i = 0; i < 1500; i++) points.push(-1.9 + (rng() - 0.5) * 0.2, 52.48 + (rng() - 0.5) * 0.12);
    for (let i = 0; i < 1500; i++) points.push(-5.5 + rng() * 7.2, 50 + rng() * 5.5);
    for (const cell of [0.005, 0.02, 0.3]) {
      const grid = pointGrid(points, cell);
      for (let q = 0; q < 60; q++) {
        const lng = q % 10 === 0 ? -8 + rng() * 12 : -1.9 + (rng() - 0.5) * 0.3;
        const lat = q % 10 === 0 ? 48 + rng() * 9 : 52.48 + (rng() - 0.5) * 0.2;
        const limit = [1, 5, 20, Infinity][q % 4];
        const within = [Infinity, 1000, 2000, 20000][(q >> 2) % 4];
        const got = nearestPoints(grid, lng, lat, { limit, withinMetres: within });
        const want = bruteForce(points, lng, lat, limit, within);
        expect(got.map((n) => n.index), `cell ${cell} query ${q}`).toEqual(want.map((n) => n.index));
        got.forEach((n, i) => expect(n.metres).toBeCloseTo(want[i].metres, 6));
      }
    }
  });

  it('gives nothing for no points, and the nearest first with ties by index', () => {
    expect(nearestPoints(pointGrid([]), 0, 51, { limit: 3 })).toEqual([]);
    const grid = pointGrid([0, 51.001, 0, 50.999, 0, 51.01]);
    expect(nearestPoints(grid, 0, 51, { limit: 2 }).map((n) => n.index)).toEqual([0, 1]);
  });

  it('refuses a point without coordinates', () => {
    expect(() => pointGrid([0, Number.NaN])).toThrow(/point 0 has no coordinates/);
  });
});

describe('walking estimates', () => {
  it('are the straight line × 1.3 at 4.8 km/h, and back', () => {
    // 1 km straight is 1.3 km walked: 16.25 minutes at 80 m a minute.
    expect(walkingMinutes(1000)).toBeCloseTo(16.25, 10);
    expect(walkingReachMetres(20)).toBeCloseTo(1230.769, 3);
    expect(walkingMinutes(walkingReachMetres(20))).toBeCloseTo(20, 10);
  });
});
