/**
 * Which LSOA a point lies in, for the postcode index: point in polygon on the
 * full-resolution LSOA boundaries (WGS84), through a grid of the areas'
 * bounding boxes, and, for a point in no area (a coastal postcode just
 * outside the generalised coastline), the area whose boundary is nearest.
 *
 * Pure and small: geometries in, two queries out. The geometry is flattened
 * into typed arrays once (vertex coordinates, ring starts, each area's
 * rings), so a query touches only the few areas whose box holds the point.
 *
 * Inside is the even-odd rule over all rings of an area at once (outer
 * rings, holes and the parts of a multipolygon): a ray towards +x crosses
 * the area's edges an odd number of times when the point is inside, so a
 * point in a hole is outside. Edges are half-open in y, as in
 * src/map/selection/geometry.ts (Franklin's PNPOLY).
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from './boundaries.ts';

/** Mean Earth radius (m), as src/map/selection/geometry.ts. */
const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

export interface LsoaLocator {
  /** Index of the first area (in the given order) whose polygon holds the point, or -1. */
  locate(lng: number, lat: number): number;
  /** The area whose boundary is nearest to the point, if within `maxMetres`, and how far; null if none is. */
  nearest(lng: number, lat: number, maxMetres: number): { index: number; metres: number } | null;
}

export function lsoaLocator(geometries: readonly AreaGeometry[], cellDegrees = 0.01): LsoaLocator {
  // Flatten: xy holds every vertex; ring r spans vertices ringStart[r] … ringStart[r + 1] − 1;
  // area a has rings areaRing[a] … areaRing[a + 1] − 1.
  let vertices = 0;
  let rings = 0;
  const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      rings += polygon.length;
      for (const ring of polygon) vertices += ring.length;
    }
  }
  const xy = new Float64Array(vertices * 2);
  const ringStart = new Int32Array(rings + 1);
  const areaRing = new Int32Array(geometries.length + 1);
  const box = new Float64Array(geometries.length * 4);
  let v = 0;
  let r = 0;
  geometries.forEach((g, a) => {
    areaRing[a] = r;
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        ringStart[r++] = v;
        for (const p of ring) {
          const [x, y] = p;
          xy[2 * v] = x;
          xy[2 * v + 1] = y;
          v++;
          if (x < west) west = x;
          if (x > east) east = x;
          if (y < south) south = y;
          if (y > north) north = y;
        }
      }
    }
    box.set([west, south, east, north], a * 4);
  });
  ringStart[r] = v;
  areaRing[geometries.length] = r;

  // The grid: every cell lists the areas whose box overlaps it (compressed rows).
  let [gWest, gSouth, gEast, gNorth] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let a = 0; a < geometries.length; a++) {
    if (!(box[4 * a] <= box[4 * a + 2])) continue; // empty geometry
    gWest = Math.min(gWest, box[4 * a]);
    gSouth = Math.min(gSouth, box[4 * a + 1]);
    gEast = Math.max(gEast, box[4 * a + 2]);
    gNorth = Math.max(gNorth, box[4 * a + 3]);
  }
  const empty = !(gWest <= gEast);
  const columns = empty ? 1 : Math.max(1, Math.ceil((gEast - gWest) / cellDegrees) + 1);
  const rowsCount = empty ? 1 : Math.max(1, Math.ceil((gNorth - gSouth) / cellDegrees) + 1);
  const cellX = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor((x - gWest) / cellDegrees)));
  const cellY = (y: number) => Math.min(rowsCount - 1, Math.max(0, Math.floor((y - gSouth) / cellDegrees)));
  const cellStart = new Int32Array(columns * rowsCount + 1);
  const forEachCell = (a: number, visit: (cell: number) => void) => {
    if (!(box[4 * a] <= box[4 * a + 2])) return;
    const [x0, y0, x1, y1] = [cellX(box[4 * a]), cellY(box[4 * a + 1]), cellX(box[4 * a + 2]), cellY(box[4 * a + 3])];
    for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) visit(cy * columns + cx);
  };
  for (let a = 0; a < geometries.length; a++) forEachCell(a, (cell) => cellStart[cell + 1]++);
  for (let c = 0; c < columns * rowsCount; c++) cellStart[c + 1] += cellStart[c];
  const cellItems = new Int32Array(cellStart[columns * rowsCount]);
  const fill = cellStart.slice(0, columns * rowsCount);
  for (let a = 0; a < geometries.length; a++) forEachCell(a, (cell) => (cellItems[fill[cell]++] = a));

  const inside = (a: number, x: number, y: number): boolean => {
    let odd = false;
    for (let ring = areaRing[a]; ring < areaRing[a + 1]; ring++) {
      const first = ringStart[ring];
      const last = ringStart[ring + 1] - 1;
      if (last <= first) continue;
      for (let i = first, j = last; i <= last; j = i++) {
        const yi = xy[2 * i + 1];
        const yj = xy[2 * j + 1];
        if (yi > y !== yj > y) {
          const xi = xy[2 * i];
          if (x < ((xy[2 * j] - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
        }
      }
    }
    return odd;
  };

  const locate = (x: number, y: number): number => {
    if (empty || x < gWest || x > gEast || y < gSouth || y > gNorth) return -1;
    const cell = cellY(y) * columns + cellX(x);
    for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
      const a = cellItems[k];
      if (x < box[4 * a] || x > box[4 * a + 2] || y < box[4 * a + 1] || y > box[4 * a + 3]) continue;
      if (inside(a, x, y)) return a;
    }
    return -1;
  };

  const seen = new Int32Array(geometries.length).fill(-1);
  let query = 0;
  const nearest = (x: number, y: number, maxMetres: number): { index: number; metres: number } | null => {
    if (empty) return null;
    query++;
    // Local equirectangular metres around the point: exact enough at 250 m.
    const kx = METRES_PER_DEGREE * Math.cos((y * Math.PI) / 180);
    const ky = METRES_PER_DEGREE;
    const dx = maxMetres / kx;
    const dy = maxMetres / ky;
    let best = -1;
    let bestSq = maxMetres * maxMetres;
    const [x0, y0, x1, y1] = [cellX(x - dx), cellY(y - dy), cellX(x + dx), cellY(y + dy)];
    if (x + dx < gWest || x - dx > gEast || y + dy < gSouth || y - dy > gNorth) return null;
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const cell = cy * columns + cx;
        for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
          const a = cellItems[k];
          if (seen[a] === query) continue;
          seen[a] = query;
          if (x + dx < box[4 * a] || x - dx > box[4 * a + 2] || y + dy < box[4 * a + 1] || y - dy > box[4 * a + 3]) continue;
          for (let ring = areaRing[a]; ring < areaRing[a + 1]; ring++) {
            const first = ringStart[ring];
            const last = ringStart[ring + 1] - 1;
            for (let i = first, j = last; i <= last; j = i++) {
              // Segment j → i in metres from the point.
              const ax = (xy[2 * j] - x) * kx;
              const ay = (xy[2 * j + 1] - y) * ky;
              const bx = (xy[2 * i] - x) * kx;
              const by = (xy[2 * i + 1] - y) * ky;
              const ex = bx - ax;
              const ey = by - ay;
              const lengthSq = ex * ex + ey * ey;
              const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * ex + ay * ey) / lengthSq));
              const px = ax + t * ex;
              const py = ay + t * ey;
              const dSq = px * px + py * py;
              if (dSq < bestSq || (dSq === bestSq && best >= 0 && a < best)) {
                bestSq = dSq;
                best = a;
              }
            }
          }
        }
      }
    }
    return best < 0 ? null : { index: best, metres: Math.sqrt(bestSq) };
  };

  return { locate, nearest };
}
