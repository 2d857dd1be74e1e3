/**
 * Dot density: placement (deterministic, inside the polygon, exact counts at
 * one dot per person, the dots at one per N a subset of those at one per
 * person) and seams (LSOAs cut by tile edges get each dot once), on tiles
 * made by the pipeline's own tiler from small polygons written here.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { tilesAtZoom } from '../../scripts/pipeline/tiles.ts';
import { DotEngine, tileKey, type TileDots } from '../../src/map/dots/engine.ts';
import { decodeLayer } from '../../src/map/dots/mvt.ts';
import { dotsShown, indexRings, insideRings, peoplePerDot, placeLsoa, seedOf } from '../../src/map/dots/placement.ts';

// A z12 tile corner in Birmingham: tile x 2069, y 1376 at zoom 12.
const Z = 12;
const lngOf = (x: number) => (x / 2 ** Z) * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** Z))) * 180) / Math.PI;
const X = 2069;
const Y = 1376;
const seamLng = lngOf(X + 1);
const seamLat = latOf(Y + 1);
const d = 0.004;

const square = (w: number, s: number, e: number, n: number): number[][] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/** A: a square across both seams (four tiles). B: an L shape east of the x seam. C: a square with a hole, inside one tile. */
const POLYGONS: Polygon[] = [
  { type: 'Polygon', coordinates: [square(seamLng - d, seamLat - d, seamLng + d, seamLat + d)] },
  {
    type: 'Polygon',
    coordinates: [
      [
        [seamLng + d, seamLat - d],
        [seamLng + 3 * d, seamLat - d],
        [seamLng + 3 * d, seamLat + 3 * d],
        [seamLng + 2 * d, seamLat + 3 * d],
        [seamLng + 2 * d, seamLat],
        [seamLng + d, seamLat],
        [seamLng + d, seamLat - d],
      ],
    ],
  },
  {
    type: 'Polygon',
    coordinates: [square(seamLng - 6 * d, seamLat + 2 * d, seamLng - 3 * d, seamLat + 5 * d), square(seamLng - 5 * d, seamLat + 3 * d, seamLng - 4 * d, seamLat + 4 * d).reverse()],
  },
];
const CODES = ['E01000001', 'E01000002', 'E01000003'];
const GROUPS = 5;
const COUNTS = [
  [120, 40, 9, 800, 3],
  [0, 250, 12, 431, 0],
  [77, 5, 1, 90, 2],
];
const COLOURS = [230, 159, 0, 0, 114, 178, 204, 121, 167, 86, 180, 233, 0, 158, 115];

function boundsOf(polygon: Polygon): number[] {
  const ring = polygon.coordinates[0];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  // Four decimals, rounded outwards, as areas/lsoa-bounds.json.
  return [Math.floor(Math.min(...lngs) * 1e4) / 1e4, Math.floor(Math.min(...lats) * 1e4) / 1e4, Math.ceil(Math.max(...lngs) * 1e4) / 1e4, Math.ceil(Math.max(...lats) * 1e4) / 1e4];
}

const TILES = [Z, 13].flatMap((z) =>
  tilesAtZoom('lsoa', CODES, POLYGONS as Parameters<typeof tilesAtZoom>[2], z).map((tile) => ({ z: tile.z, x: tile.x, y: tile.y, bytes: new Uint8Array(gunzipSync(tile.data)) })),
);

function engine(order: 'forward' | 'backward' = 'forward'): DotEngine {
  const e = new DotEngine({ codes: CODES, counts: COUNTS.flat(), groups: GROUPS, bounds: POLYGONS.flatMap(boundsOf), colours: COLOURS });
  const tiles = order === 'forward' ? TILES : [...TILES].reverse();
  for (const t of tiles) e.addTile(t.z, t.x, t.y, t.bytes);
  return e;
}

/** Loads what the engine asks for (tiles the archive lacks are empty), then the dots of a dot tile. */
function dotsOf(e: DotEngine, z: number, x: number, y: number, perDot?: number): TileDots {
  for (let round = 0; round < 4; round++) {
    const needed = e.needed(z, x, y);
    if (!needed.length) return e.tileDots(z, x, y, perDot);
    for (const [tz, tx, ty] of needed) e.addTile(tz, tx, ty, TILES.find((t) => tileKey(t.z, t.x, t.y) === tileKey(tz, tx, ty))?.bytes ?? null);
  }
  throw new Error('tiles never loaded');
}

/** Every dot tile at zoom z over the fixture's area. */
function allTiles(e: DotEngine, z: number, perDot?: number): { key: string; dots: TileDots }[] {
  const f = 2 ** (z - Z);
  const out: { key: string; dots: TileDots }[] = [];
  for (let x = (X - 1) * f; x < (X + 2) * f; x++) for (let y = (Y - 1) * f; y < (Y + 2) * f; y++) out.push({ key: tileKey(z, x, y), dots: dotsOf(e, z, x, y, perDot) });
  return out;
}

function countsByLsoa(tiles: { dots: TileDots }[]): number[][] {
  const counts = CODES.map(() => new Array<number>(GROUPS).fill(0));
  for (const { dots } of tiles) for (let i = 0; i < dots.length; i++) counts[dots.lsoa[i]][dots.group[i]]++;
  return counts;
}

const pointsOf = (tiles: { dots: TileDots }[]) =>
  tiles.flatMap(({ dots }) => Array.from({ length: dots.length }, (_, i) => `${dots.lsoa[i]}:${dots.group[i]}:${dots.positions[2 * i]}:${dots.positions[2 * i + 1]}`));

function insidePolygon(polygon: Polygon, lng: number, lat: number): boolean {
  let inside = false;
  for (const ring of polygon.coordinates) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('the tile reader', () => {
  it('reads the pipeline’s tiles: every LSOA part with its code, in tile units', () => {
    const tile = TILES.find((t) => t.z === Z && t.x === X && t.y === Y)!;
    const layer = decodeLayer(tile.bytes, 'lsoa')!;
    expect(layer.extent).toBe(4096);
    expect(layer.features.map((f) => f.code).sort()).toEqual(['E01000001', 'E01000003']);
    const hole = layer.features.find((f) => f.code === 'E01000003')!;
    expect(hole.rings).toHaveLength(2);
    expect(decodeLayer(tile.bytes, 'ward')).toBeNull();
  });
});

describe('point in polygon', () => {
  it('follows the even–odd rule, so holes are outside', () => {
    const index = indexRings([Float64Array.from([0, 0, 10, 0, 10, 10, 0, 10]), Float64Array.from([4, 4, 6, 4, 6, 6, 4, 6])]);
    expect(insideRings(index, 1, 1)).toBe(true);
    expect(insideRings(index, 5, 5)).toBe(false);
    expect(insideRings(index, 9.9, 5)).toBe(true);
    expect(insideRings(index, 11, 5)).toBe(false);
    expect(insideRings(index, 5, -0.1)).toBe(false);
  });
});

describe('people per dot', () => {
  it('is one per person from zoom 15 and grows by powers of two zoomed out', () => {
    expect(peoplePerDot(16)).toBe(1);
    expect(peoplePerDot(15)).toBe(1);
    expect(peoplePerDot(14)).toBe(4);
    expect(peoplePerDot(6)).toBe(16384);
    for (let z = 4; z < 16; z++) expect(peoplePerDot(z)).toBeGreaterThanOrEqual(peoplePerDot(z + 1));
  });

  it('shows exactly the count at one per person, about c/N otherwise, never fewer as N falls', () => {
    expect(dotsShown(1234, 1, 0.99)).toBe(1234);
    expect(dotsShown(1000, 8, 0.2)).toBe(125);
    expect(dotsShown(5, 4096, 0.999)).toBe(1);
    expect(dotsShown(5, 4096, 0.1)).toBe(0);
    for (const v of [0, 0.3, 0.999]) for (let n = 1; n < 5000; n *= 2) expect(dotsShown(777, n, v)).toBeGreaterThanOrEqual(dotsShown(777, n * 2, v));
  });
});

describe('placing the dots of one LSOA', () => {
  const input = { seed: seedOf('E01009999'), box: [0.1, 0.1, 0.2, 0.2] as const, counts: [50, 20, 0, 300, 7], inside: (x: number, y: number) => (x - 0.15) ** 2 + (y - 0.15) ** 2 < 0.05 ** 2 };
  it('is deterministic, inside the shape, and counts each group exactly', () => {
    const a = placeLsoa(input, 1);
    const b = placeLsoa(input, 1);
    expect(a).toEqual(b);
    expect(a.group.length).toBe(377);
    expect([0, 1, 2, 3, 4].map((g) => a.group.filter((x) => x === g).length)).toEqual([50, 20, 0, 300, 7]);
    for (let i = 0; i < a.x.length; i++) expect(input.inside(a.x[i], a.y[i])).toBe(true);
    expect(placeLsoa({ ...input, seed: seedOf('E01009998') }, 1).x).not.toEqual(a.x);
  });

  it('at one dot per N, places a subset of the dots at one per person (the first of each group)', () => {
    const all = placeLsoa(input, 1);
    const key = (p: { x: Float64Array; y: Float64Array; group: Uint8Array }, i: number) => `${p.group[i]}:${p.x[i]}:${p.y[i]}`;
    const allKeys = new Set(Array.from({ length: all.x.length }, (_, i) => key(all, i)));
    for (const n of [2, 8, 64]) {
      const some = placeLsoa(input, n);
      expect(some.x.length).toBeLessThan(all.x.length);
      for (let i = 0; i < some.x.length; i++) expect(allKeys.has(key(some, i))).toBe(true);
    }
  });
});

describe('dots from tiles', () => {
  it('counts every group of every LSOA exactly once at one dot per person, across tile seams, at zoom 12 and in zoom-15 dot tiles', () => {
    const e = engine();
    expect(countsByLsoa(allTiles(e, 12, 1))).toEqual(COUNTS);
    expect(countsByLsoa(allTiles(e, 15))).toEqual(COUNTS);
  });

  it('puts each dot in its own tile’s square and inside its LSOA', () => {
    const e = engine();
    let outside = 0;
    let total = 0;
    for (const { key, dots } of allTiles(e, 12, 1)) {
      const [, x, y] = key.split('/').map(Number);
      for (let i = 0; i < dots.length; i++) {
        const lng = dots.positions[2 * i];
        const lat = dots.positions[2 * i + 1];
        expect(lng).toBeGreaterThanOrEqual(lngOf(x) - 1e-5);
        expect(lng).toBeLessThanOrEqual(lngOf(x + 1) + 1e-5);
        expect(lat).toBeLessThanOrEqual(latOf(y) + 1e-5);
        expect(lat).toBeGreaterThanOrEqual(latOf(y + 1) - 1e-5);
        total++;
        if (!insidePolygon(POLYGONS[dots.lsoa[i]], lng, lat)) outside++;
      }
    }
    // Tile outlines are snapped to a grid of about 2 m at zoom 12: a dot may sit that close outside the true outline, rarely.
    expect(outside / total).toBeLessThan(0.005);
  });

  it('is the same whatever order the tiles arrive in', () => {
    expect(pointsOf(allTiles(engine('backward'), 12, 1))).toEqual(pointsOf(allTiles(engine('forward'), 12, 1)));
  });

  it('keeps the dots of coarser zooms as a subset of those at one per person', () => {
    const e = engine();
    const all = new Set(pointsOf(allTiles(e, 12, 1)));
    for (const n of [4, 32]) {
      const some = pointsOf(allTiles(e, 12, n));
      expect(some.length).toBeGreaterThan(0);
      expect(some.length).toBeLessThan(all.size);
      expect(some.filter((p) => !all.has(p))).toEqual([]);
    }
  });

  it('holds the same dots in the deeper dot tiles (zoom 13, from zoom-12 outlines) as in the zoom-12 tiles', () => {
    const e = engine();
    const at12 = new Set(pointsOf(allTiles(e, 12, 1)));
    const at13 = pointsOf(allTiles(e, 13, 1));
    expect(at13.length).toBe(at12.size);
    expect(at13.filter((p) => !at12.has(p))).toEqual([]);
  });
});
