/**
 * The geometry of the live selection tools, pure and small: which LSOA
 * points lie inside a lasso, and which lie within a distance of a point.
 *
 * Points are the ONS population-weighted centroids of the LSOAs
 * (areas/lsoa-points.json), flattened [lng, lat] per LSOA in the order of
 * areas/lsoa.json. An LSOA is selected when its point is selected: a whole
 * neighbourhood goes in or out by where most of its people live, so a set
 * never holds part of an area.
 */

/**
 * Whether (x, y) lies inside a polygon given as one ring of vertices,
 * flattened [x0, y0, x1, y1, …] (closed implicitly: the last vertex joins the
 * first). The even-odd rule: a ray from the point towards +x crosses the
 * ring's edges an odd number of times when the point is inside. It works for
 * concave rings and for rings that cross themselves (a freehand lasso often
 * does): where a lasso loops over itself, the doubly wound part counts as
 * outside, as a filled SVG path with fill-rule="evenodd" shows it.
 *
 * Each edge is taken as half-open in y (y0 ≤ y < y1 or y1 ≤ y < y0), so a
 * ray through a vertex counts it once; a point exactly on an edge may fall
 * on either side.
 *
 * Reference: the crossing-number test, W. R. Franklin, "PNPOLY — Point
 * Inclusion in Polygon Test" (1970s, https://wrfranklin.org/Research/Short_Notes/pnpoly.html);
 * Haines, "Point in Polygon Strategies", Graphics Gems IV (1994).
 */
export function pointInPolygon(x: number, y: number, ring: ArrayLike<number>): boolean {
  const n = ring.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** [west, south, east, north] of a flattened ring. */
export function ringBounds(ring: ArrayLike<number>): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    west = Math.min(west, ring[i]);
    east = Math.max(east, ring[i]);
    south = Math.min(south, ring[i + 1]);
    north = Math.max(north, ring[i + 1]);
  }
  return [west, south, east, north];
}

/**
 * The indices of the points (flattened [lng, lat]) inside a lasso ring of
 * [lng, lat] vertices, in point order. The ring's edges are straight in
 * longitude and latitude; between the vertices of a freehand lasso, a few
 * pixels apart, that is the line drawn on the screen to well under a metre.
 * A ring of fewer than three vertices holds nothing.
 */
export function pointsInRing(points: ArrayLike<number>, ring: ArrayLike<number>): number[] {
  if (ring.length < 6) return [];
  const [west, south, east, north] = ringBounds(ring);
  const inside: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < west || x > east || y < south || y > north) continue;
    if (pointInPolygon(x, y, ring)) inside.push(i >> 1);
  }
  return inside;
}

import { EARTH_RADIUS_KM, haversineKm, RAD } from '../../stats/geodesy.ts';

/** The indices of the points (flattened [lng, lat]) within `km` of (lng, lat), the boundary included, in point order. */
export function pointsWithinKm(points: ArrayLike<number>, lng: number, lat: number, km: number): number[] {
  // A cheap box first: on this sphere a degree of latitude is 111.19 km, of longitude that times cos(latitude)
  // (taken at the box's edge nearest the pole); 111 km keeps the box a little larger than the circle.
  const dLat = km / 111 + 1e-9;
  const cosLat = Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD);
  const dLng = km / (111 * cosLat) + 1e-9;
  const within: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (Math.abs(y - lat) > dLat || Math.abs(x - lng) > dLng) continue;
    if (haversineKm(lng, lat, x, y) <= km) within.push(i >> 1);
  }
  return within;
}

/**
 * The point `km` from (lng, lat) on the initial bearing `bearing` (degrees
 * clockwise from north), on the sphere of EARTH_RADIUS_KM.
 */
export function destination(lng: number, lat: number, km: number, bearing: number): [number, number] {
  const delta = km / EARTH_RADIUS_KM;
  const theta = bearing * RAD;
  const phi1 = lat * RAD;
  const lambda1 = lng * RAD;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
  const lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
  return [lambda2 / RAD, phi2 / RAD];
}

/** A circle of radius `km` around (lng, lat), as a ring of `steps` [lng, lat] vertices (flattened), for drawing. */
export function circleRing(lng: number, lat: number, km: number, steps = 96): number[] {
  const ring: number[] = [];
  for (let i = 0; i < steps; i++) ring.push(...destination(lng, lat, km, (360 * i) / steps));
  return ring;
}

/** Adds the codes to a set, keeping the order: the current ones first, then the new ones not yet in it. */
export function unionCodes(current: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(current);
  const out = [...current];
  for (const code of added) {
    if (!seen.has(code)) {
      seen.add(code);
      out.push(code);
    }
  }
  return out;
}
