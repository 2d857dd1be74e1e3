/**
 * The geometry of the live selection tools (src/map/selection/geometry.ts)
 * on hand-worked examples, and how a tool's LSOAs become the selection
 * (applySelection.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  circleRing,
  destination,
  pointInPolygon,
  pointsInRing,
  pointsWithinKm,
  unionCodes,
} from '../../src/map/selection/geometry.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../../src/stats/geodesy.ts';
import { APPLY_MESSAGES, applySetSelection, cleanName, currentLsoaCodes } from '../../src/map/selection/applySelection.ts';
import { useAppStore } from '../../src/state/store.ts';
import { formatUrlState, MAX_SELECTED_AREAS } from '../../src/state/url.ts';
import { urlStateOf } from '../../src/state/store.ts';

const inside = (ring: number[], points: [number, number][]) => points.map(([x, y]) => pointInPolygon(x, y, ring));

describe('pointInPolygon (even-odd)', () => {
  const square = [0, 0, 4, 0, 4, 4, 0, 4];

  it('tells inside from outside for a square, in either winding', () => {
    const points: [number, number][] = [[2, 2], [0.1, 3.9], [5, 2], [-1, 2], [2, 5], [2, -0.5]];
    expect(inside(square, points)).toEqual([true, true, false, false, false, false]);
    const reversed = [0, 4, 4, 4, 4, 0, 0, 0];
    expect(inside(reversed, points)).toEqual([true, true, false, false, false, false]);
  });

  it('handles a concave U: the notch is outside', () => {
    // A U open at the top: outer 0–6 wide, 0–6 high, notch 2–4 wide from y = 2 up.
    const u = [0, 0, 6, 0, 6, 6, 4, 6, 4, 2, 2, 2, 2, 6, 0, 6];
    expect(inside(u, [[1, 5], [5, 5], [3, 1], [3, 4], [3, 2.5], [3, 7], [7, 1]])).toEqual([true, true, true, false, false, false, false]);
  });

  it('handles a concave star-like ring whose rays cross many edges', () => {
    // A comb: three teeth pointing up from a base.
    const comb = [0, 0, 7, 0, 7, 5, 6, 5, 6, 1, 5, 1, 5, 5, 4, 5, 4, 1, 3, 1, 3, 5, 2, 5, 2, 1, 1, 1, 1, 5, 0, 5];
    // Rays to the right from y = 3 cross every tooth.
    expect(inside(comb, [[0.5, 3], [1.5, 3], [2.5, 3], [3.5, 3], [4.5, 3], [5.5, 3], [6.5, 3], [3.5, 0.5]])).toEqual([
      true, false, true, false, true, false, true, true,
    ]);
  });

  it('counts a ray through a vertex once', () => {
    // A diamond: the ray from (0, 0) to +x passes exactly through the vertex (2, 0).
    const diamond = [0, -2, 2, 0, 0, 2, -2, 0];
    expect(inside(diamond, [[0, 0], [1.9, 0], [2.1, 0], [-3, 0], [0, 1.9]])).toEqual([true, true, false, false, true]);
    // A ray along a horizontal edge's line, below and above it.
    expect(inside(square, [[2, 0.000001], [2, -0.000001]])).toEqual([true, false]);
  });

  it('treats a self-crossing lasso (a figure of eight) as its two lobes', () => {
    // A bow tie: (0,0) → (4,4) → (4,0) → (0,4): two triangles meeting at (2,2).
    const bowtie = [0, 0, 4, 4, 4, 0, 0, 4];
    expect(inside(bowtie, [[0.5, 2], [3.5, 2], [2, 0.5], [2, 3.5]])).toEqual([true, true, false, false]);
  });

  it('leaves out where a lasso loops twice over the same ground (even-odd)', () => {
    // Around a 0–4 square twice, the second time only round its right half: the right half is wound twice.
    const loop = [0, 0, 4, 0, 4, 4, 0, 4, 0, 0.5, 2, 0.5, 2, 3.5, 4.5, 3.5, 4.5, 0.5, 0, 0.5];
    // (1, 2) once inside; (3, 2) inside both loops: out; (4.2, 2) inside the second loop only: in.
    expect(inside(loop, [[1, 2], [3, 2], [4.2, 2], [5, 2]])).toEqual([true, false, true, false]);
  });

  it('selects nothing with fewer than three vertices', () => {
    expect(pointsInRing([1, 1], [0, 0, 2, 2])).toEqual([]);
  });
});

describe('pointsInRing', () => {
  it('gives the indices of the [lng, lat] points inside, in point order', () => {
    const points = [-1.9, 52.48, -1.8, 52.5, -1.95, 52.45, -1.89, 52.47, -2.5, 52.48];
    const ring = [-1.96, 52.44, -1.85, 52.44, -1.85, 52.49, -1.96, 52.49];
    expect(pointsInRing(points, ring)).toEqual([0, 2, 3]);
  });

  it('agrees with testing every point, on a concave random lasso', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    // A star with 23 spikes: very concave.
    const ring: number[] = [];
    for (let i = 0; i < 46; i++) {
      const r = i % 2 ? 0.02 : 0.05;
      const angle = (Math.PI * i) / 23;
      ring.push(-1.9 + r * Math.cos(angle), 52.48 + r * Math.sin(angle));
    }
    const points = Array.from({ length: 4000 }, (_, i) => (i % 2 ? 52.42 + random() * 0.12 : -1.96 + random() * 0.12));
    const expected = [];
    for (let i = 0; i < 2000; i++) if (pointInPolygon(points[2 * i], points[2 * i + 1], ring)) expected.push(i);
    expect(pointsInRing(points, ring)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(50);
  });
});

describe('haversineKm', () => {
  it('gives known great-circle distances on the sphere of the mean radius', () => {
    // A degree of a meridian: πR/180.
    expect(haversineKm(0, 50, 0, 51)).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 180, 9);
    // A quarter of the equator.
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 2, 6);
    // Antipodes: half the circumference (to a metre: the haversine loses precision there, where it does not matter here).
    expect(haversineKm(-1.9, 52.48, 178.1, -52.48)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 2);
    // London (51.5074, −0.1278) to Paris (48.8566, 2.3522): 343.5 km on this sphere (343.9 km on the WGS84 ellipsoid).
    expect(haversineKm(-0.1278, 51.5074, 2.3522, 48.8566)).toBeCloseTo(343.56, 1);
    // Birmingham New Street (52.4778, −1.8990) to Manchester Piccadilly (53.4774, −2.2309): 113.0 km.
    expect(haversineKm(-1.899, 52.4778, -2.2309, 53.4774)).toBeCloseTo(113.0, 0);
    expect(haversineKm(-1.9, 52.48, -1.9, 52.48)).toBe(0);
  });

  it('agrees with the spherical law of cosines (written differently, in vectors)', () => {
    const vector = (lng: number, lat: number) => {
      const [l, p] = [(lng * Math.PI) / 180, (lat * Math.PI) / 180];
      return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
    };
    const angle = (a: number[], b: number[]) => {
      const cross = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
      return Math.atan2(Math.hypot(...cross), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    };
    const pairs = [
      [-1.8904, 52.4862, -1.87, 52.49],
      [-0.1, 51.5, -0.2, 51.45],
      [-5.7, 50.07, 1.76, 52.48],
      [-2.0, 55.8, -2.01, 55.8001],
    ];
    for (const [a, b, c, d] of pairs) expect(haversineKm(a, b, c, d)).toBeCloseTo(EARTH_RADIUS_KM * angle(vector(a, b), vector(c, d)), 8);
  });
});

describe('pointsWithinKm and the circle drawn', () => {
  it('takes exactly the points within the distance, the boundary included', () => {
    const [lng, lat] = [-1.8904, 52.4862];
    // Points due north at 0.99, 1 and 1.01 km, and due east at 0.5 km.
    const north = (km: number) => destination(lng, lat, km, 0);
    const points = [...north(0.99), ...north(1.01), ...destination(lng, lat, 0.5, 90), ...destination(lng, lat, 1.5, 225)];
    expect(pointsWithinKm(points, lng, lat, 1)).toEqual([0, 2]);
    expect(pointsWithinKm(points, lng, lat, 2)).toEqual([0, 1, 2, 3]);
    expect(pointsWithinKm(points, lng, lat, 0.5 + 1e-9)).toEqual([2]);
  });

  it('agrees with measuring every point (its box never drops one)', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
    const points = Array.from({ length: 20000 }, (_, i) => (i % 2 ? 52.3 + random() * 0.4 : -2.2 + random() * 0.6));
    for (const km of [0.5, 1, 2, 5]) {
      const expected = [];
      for (let i = 0; i < 10000; i++) if (haversineKm(-1.9, 52.48, points[2 * i], points[2 * i + 1]) <= km) expected.push(i);
      expect(pointsWithinKm(points, -1.9, 52.48, km)).toEqual(expected);
    }
  });

  it('draws a circle whose vertices are the distance away', () => {
    const ring = circleRing(-1.9, 52.48, 2, 36);
    expect(ring).toHaveLength(72);
    for (let i = 0; i < ring.length; i += 2) expect(haversineKm(-1.9, 52.48, ring[i], ring[i + 1])).toBeCloseTo(2, 9);
  });
});

describe('the selection a tool makes', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));
  const store = () => useAppStore.getState();

  it('replaces the selection, or adds to a set of LSOAs with Shift, without repeats', () => {
    store().select('E05011151');
    expect(applySetSelection(['E01000001', 'E01000002'])).toBe(2);
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E01000001', 'E01000002'] });
    store().setSelectionName('Ring');
    expect(applySetSelection(['E01000002', 'E01000003'], { add: true })).toBe(3);
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E01000001', 'E01000002', 'E01000003'] });
    // Adding keeps the name; replacing drops it.
    expect(store().selectionName).toBe('Ring');
    applySetSelection(['E01000009']);
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E01000009'] });
    expect(store().selectionName).toBeNull();
  });

  it('adds to one selected LSOA, but not to a ward', () => {
    expect(currentLsoaCodes({ kind: 'area', code: 'E01000005' })).toEqual(['E01000005']);
    expect(currentLsoaCodes({ kind: 'area', code: 'E05011151' })).toEqual([]);
    store().select('E05011151');
    applySetSelection(['E01000001'], { add: true });
    expect(store().selection).toEqual({ kind: 'areas', codes: ['E01000001'] });
  });

  it('names the set in the same step of the history', () => {
    let updates = 0;
    const unsubscribe = useAppStore.subscribe(() => updates++);
    applySetSelection(['E01000001', 'E01000002'], { name: '  Within 1 km   of 52.4862, -1.8904 ' });
    unsubscribe();
    expect(updates).toBe(1);
    expect(store().selectionName).toBe('Within 1 km of 52.4862, -1.8904');
    expect(formatUrlState(urlStateOf(store()))).toBe('?areas=E01000001,E01000002&name=Within%201%20km%20of%2052.4862,%20-1.8904');
    expect(cleanName('   ')).toBeNull();
  });

  it(`refuses more than ${MAX_SELECTED_AREAS} LSOAs with a notice, leaving the selection as it was`, () => {
    store().select('E01000001');
    const many = Array.from({ length: MAX_SELECTED_AREAS + 1 }, (_, i) => `E01${String(i + 2).padStart(6, '0')}`);
    expect(applySetSelection(many)).toBe(0);
    expect(store().selection).toEqual({ kind: 'area', code: 'E01000001' });
    expect(store().notices.map((n) => [n.msg, n.values])).toEqual([[APPLY_MESSAGES.tooMany, { count: MAX_SELECTED_AREAS + 1, max: MAX_SELECTED_AREAS }]]);
    // Exactly the limit is fine, also when reached by adding.
    expect(applySetSelection(many.slice(0, MAX_SELECTED_AREAS - 1), { add: true })).toBe(MAX_SELECTED_AREAS);
    expect(applySetSelection([])).toBe(0);
  });

  it('unionCodes keeps the order, current codes first', () => {
    expect(unionCodes(['b', 'a'], ['a', 'c', 'b', 'd', 'c'])).toEqual(['b', 'a', 'c', 'd']);
  });
});
