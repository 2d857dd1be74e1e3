/** Service points files made for the tests: delta-encoded as the pipeline writes them (src/data/servicesSchema.ts). */
import type { ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { ServicePointsFile } from '../../../src/data/servicesSchema.ts';

export interface FixturePoint {
  id: string;
  name: string;
  lng: number;
  lat: number;
}

/** The points as a points file: degrees × 1e5, each the difference from the one before. */
export function pointsFile(type: ServiceTypeId, points: FixturePoint[]): ServicePointsFile {
  const deltas = (values: number[]) => values.map((value, i) => Math.round(value * 1e5) - (i === 0 ? 0 : Math.round(values[i - 1] * 1e5)));
  return {
    type,
    id: points.map((p) => p.id),
    name: points.map((p) => p.name),
    lng: deltas(points.map((p) => p.lng)),
    lat: deltas(points.map((p) => p.lat)),
  };
}

/** A reproducible scatter of points around a centre (a small linear congruential generator). */
export function scatter(prefix: string, count: number, centre: [number, number], spread: number, seed = 1): FixturePoint[] {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    name: `${prefix} ${i}`,
    lng: Math.round((centre[0] + (next() - 0.5) * spread) * 1e5) / 1e5,
    lat: Math.round((centre[1] + (next() - 0.5) * spread) * 1e5) / 1e5,
  }));
}
