/**
 * The nearest service of each type to every LSOA centroid
 * (scripts/pipeline/access/nearestServices.ts): distances against a
 * haversine computation written here, the index of the record found,
 * exactness against brute force on generated points (dense and sparse
 * types, centroids outside the services' box), ties, a type with no
 * records, and records the build cannot place.
 */
import { describe, expect, it } from 'vitest';
import { nearestOfType, nearestServices } from '../../../scripts/pipeline/access/nearestServices.ts';
import type { ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';

/** Great-circle metres by the haversine formula on the mean Earth radius (6,371.0088 km), written out for the test. */
function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

const record = (type: ServiceTypeId, id: string, lng: number, lat: number): ServiceRecord => ({ type, id, name: `${type} ${id}`, lng, lat, located: 'postcode', source: 'test' });

/** Brute force: the nearest record (first of equals) and its distance. */
function bruteNearest(points: readonly number[], records: readonly ServiceRecord[]): { metres: number[]; index: number[] } {
  const metres: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < points.length / 2; i++) {
    let best = Infinity;
    let at = -1;
    records.forEach((r, k) => {
      const d = haversineMetres(points[2 * i], points[2 * i + 1], r.lng, r.lat);
      if (d < best) [best, at] = [d, k];
    });
    metres.push(best);
    index.push(at);
  }
  return { metres, index };
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nearestServices', () => {
  // Three centroids in Birmingham; one GP practice due north of the first, libraries around.
  const points = [-1.9, 52.48, -1.85, 52.45, -1.95, 52.5];
  const services: ServiceRecord[] = [
    record('library', 'L1', -1.9, 52.49), // 0.01° north of the first centroid
    record('gp_practice', 'G1', -1.9, 52.489), // 0.009° north of the first
    record('library', 'L2', -1.86, 52.45),
    record('library', 'L3', -1.96, 52.51),
  ];

  it('finds each LSOA’s nearest record of each type, at the haversine distance', () => {
    const nearest = nearestServices(services, points);
    const libraries = services.filter((s) => s.type === 'library');
    const expected = bruteNearest(points, libraries);
    expect(Array.from(nearest.library.nearest)).toEqual([0, 1, 2]);
    expect(nearest.library.services.map((s) => s.id)).toEqual(['L1', 'L2', 'L3']);
    nearest.library.metres.forEach((m, i) => expect(m).toBeCloseTo(expected.metres[i], 6));
    // Due north: the arc of 0.01° and 0.009° of latitude, R·Δφ.
    expect(nearest.library.metres[0]).toBeCloseTo((6_371_008.8 * Math.PI * 0.01) / 180, 6);
    expect(nearest.gp_practice.metres[0]).toBeCloseTo((6_371_008.8 * Math.PI * 0.009) / 180, 6);
    expect(nearest.gp_practice.metres[0]).toBeCloseTo(1000.76, 2);
    // One GP practice: the nearest of every LSOA.
    expect(Array.from(nearest.gp_practice.nearest)).toEqual([0, 0, 0]);
    expect(nearest.gp_practice.metres[1]).toBeCloseTo(haversineMetres(-1.85, 52.45, -1.9, 52.489), 6);
  });

  it('gives no distance (NaN) and no record (−1) for a type the build has no record of', () => {
    const nearest = nearestServices(services, points);
    expect(nearest.foodbank.services).toEqual([]);
    expect(Array.from(nearest.foodbank.metres).every(Number.isNaN)).toBe(true);
    expect(Array.from(nearest.foodbank.nearest)).toEqual([-1, -1, -1]);
  });

  it('takes the first in the list of records equally near', () => {
    const twins = [record('school', 'S2', -1.9, 52.47), record('school', 'S1', -1.9, 52.49)];
    const found = nearestOfType('school', twins, [-1.9, 52.48]);
    expect(found.nearest[0]).toBe(0);
    expect(found.metres[0]).toBeCloseTo((6_371_008.8 * Math.PI * 0.01) / 180, 6);
  });

  it.each([
    ['sparse (40 over England, like food banks)', 40, 1],
    ['dense (3,000 over England)', 3000, 2],
    ['clustered in one city, centroids all over England', 500, 3],
  ])('is exact against brute force: %s', (_, count, seed) => {
    const next = random(seed);
    const clustered = seed === 3;
    const records = Array.from({ length: count }, (_, k) =>
      clustered ? record('warm_space', `W${k}`, -1.95 + next() * 0.2, 52.4 + next() * 0.15) : record('warm_space', `W${k}`, -5.5 + next() * 7.2, 50 + next() * 5.7),
    );
    const centroids: number[] = [];
    for (let i = 0; i < 400; i++) centroids.push(-5.7 + next() * 7.6, 49.9 + next() * 5.9);
    const found = nearestOfType('warm_space', records, centroids);
    const expected = bruteNearest(centroids, records);
    expect(Array.from(found.nearest)).toEqual(expected.index);
    found.metres.forEach((m, i) => expect(m).toBeCloseTo(expected.metres[i], 6));
  });

  it('stops on a record without coordinates or of no known type, naming it', () => {
    expect(() => nearestServices([record('library', 'L9', Number.NaN, 52.4)], points)).toThrow(/service "library L9" \(library L9, source test\) has no usable coordinates/);
    expect(() => nearestServices([{ ...record('library', 'P1', -1.9, 52.4), type: 'pharmacy' as ServiceTypeId }], points)).toThrow(/library P1.*is of no known type/);
  });
});
