/**
 * The points nearest to a place, by great-circle distance: the services near
 * a resident (nearest first, within a distance) and, for planners, each
 * LSOA's distance to the nearest service of a type. Shared by the app and
 * the pipeline.
 *
 * The points are bucketed in a grid of cells of fixed size in degrees. A
 * query visits rings of cells around the query point, nearest ring first,
 * and stops when no unvisited cell can hold a point nearer than the k-th
 * found (or than the distance asked for): a cell ring r away is at least
 * (r − 1) cell heights away in latitude, or (r − 1) cell widths times
 * cos(latitude) in longitude (less 1%: along a parallel the great circle is
 * a little shorter than the arc of the parallel). Exact: tests compare it
 * with brute force.
 *
 * Walking time is an estimate, said so on screen: the straight-line distance
 * × 1.3 (streets are not straight; a detour index of about 1.2–1.4 is usual
 * in British towns) at 4.8 km/h (a common planning speed, 80 m a minute).
 * Both numbers are approximations, so the app rounds the minutes and says
 * "about".
 */
import { EARTH_RADIUS_KM, haversineKm, RAD } from './geodesy.ts';

/** Straight line to walking route, as an estimate. */
export const DETOUR_FACTOR = 1.3;
/** Walking speed, metres a minute (4.8 km/h). */
export const WALKING_METRES_PER_MINUTE = 80;

/** Minutes' walk for a straight-line distance, estimated (see the module comment). */
export function walkingMinutes(straightMetres: number): number {
  return (straightMetres * DETOUR_FACTOR) / WALKING_METRES_PER_MINUTE;
}

/** The straight-line distance a walk of so many minutes covers, estimated (the inverse of walkingMinutes). */
export function walkingReachMetres(minutes: number): number {
  return (minutes * WALKING_METRES_PER_MINUTE) / DETOUR_FACTOR;
}

export interface PointGrid {
  /** Flattened [lng, lat] of the points. */
  points: ArrayLike<number>;
  cell: number;
  west: number;
  south: number;
  columns: number;
  rows: number;
  /** Points of each cell: cellStart[c] … cellStart[c + 1] in `order`. */
  cellStart: Uint32Array;
  order: Uint32Array;
}

/** Buckets points (flattened [lng, lat]) in a grid of `cell`-degree cells (0.02° ≈ 2 km by 1.4 km in England). */
export function pointGrid(points: ArrayLike<number>, cell = 0.02): PointGrid {
  const count = points.length / 2;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < count; i++) {
    const lng = points[2 * i];
    const lat = points[2 * i + 1];
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new RangeError(`point ${i} has no coordinates (${lng}, ${lat})`);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (count === 0) [west, south, east, north] = [0, 0, 0, 0];
  const columns = Math.max(1, Math.floor((east - west) / cell) + 1);
  const rows = Math.max(1, Math.floor((north - south) / cell) + 1);
  const cellOf = (i: number) => Math.floor((points[2 * i + 1] - south) / cell) * columns + Math.floor((points[2 * i] - west) / cell);
  const cellStart = new Uint32Array(columns * rows + 1);
  for (let i = 0; i < count; i++) cellStart[cellOf(i) + 1] += 1;
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, -1);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[fill[cellOf(i)]++] = i;
  return { points, cell, west, south, columns, rows, cellStart, order };
}

export interface Neighbour {
  /** Index of the point. */
  index: number;
  /** Great-circle distance, metres. */
  metres: number;
}

/**
 * The points nearest to (lng, lat), nearest first (ties by index): at most
 * `limit` of them, and only those within `withinMetres`.
 */
export function nearestPoints(grid: PointGrid, lng: number, lat: number, options: { limit?: number; withinMetres?: number } = {}): Neighbour[] {
  const limit = options.limit ?? Infinity;
  const within = options.withinMetres ?? Infinity;
  const found: Neighbour[] = [];
  if (grid.order.length === 0 || limit <= 0) return found;
  const { points, cell, columns, rows } = grid;
  const col = Math.floor((lng - grid.west) / cell);
  const row = Math.floor((lat - grid.south) / cell);
  const metresPerDegreeLat = EARTH_RADIUS_KM * 1000 * RAD;
  // The narrowest a cell can be in the rows a search can reach: at the highest latitude of the grid or the query.
  const northmost = Math.max(Math.abs(grid.south), Math.abs(grid.south + rows * cell), Math.abs(lat));
  const metresPerDegreeLng = metresPerDegreeLat * Math.cos(Math.min(89.9, northmost) * RAD);
  // 1% below: along a parallel the great circle is a little shorter than the arc of the parallel.
  const minCellMetres = 0.99 * cell * Math.min(metresPerDegreeLat, metresPerDegreeLng);
  // Rings of cells around the query's cell; the query may lie outside the grid.
  const maxRing = Math.max(Math.abs(col), Math.abs(col - columns + 1), Math.abs(row), Math.abs(row - rows + 1)) + 1;
  const kth = () => (found.length >= limit ? found[found.length - 1].metres : Infinity);
  const insert = (neighbour: Neighbour) => {
    let at = found.length;
    while (at > 0 && (found[at - 1].metres > neighbour.metres || (found[at - 1].metres === neighbour.metres && found[at - 1].index > neighbour.index))) at--;
    found.splice(at, 0, neighbour);
    if (found.length > limit) found.pop();
  };
  const visit = (c: number, r: number) => {
    if (c < 0 || r < 0 || c >= columns || r >= rows) return;
    const id = r * columns + c;
    for (let k = grid.cellStart[id]; k < grid.cellStart[id + 1]; k++) {
      const i = grid.order[k];
      const metres = haversineKm(lng, lat, points[2 * i], points[2 * i + 1]) * 1000;
      if (metres <= within && metres <= kth()) insert({ index: i, metres });
    }
  };
  for (let ring = 0; ring <= maxRing; ring++) {
    // Every point in ring r is at least (r − 1) whole cells away.
    const bound = (ring - 1) * minCellMetres;
    if (ring > 1 && (bound > within || bound > kth())) break;
    if (ring === 0) {
      visit(col, row);
      continue;
    }
    for (let c = col - ring; c <= col + ring; c++) {
      visit(c, row - ring);
      visit(c, row + ring);
    }
    for (let r = row - ring + 1; r <= row + ring - 1; r++) {
      visit(col - ring, r);
      visit(col + ring, r);
    }
  }
  return found;
}
