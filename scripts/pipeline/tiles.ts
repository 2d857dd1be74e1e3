/**
 * Vector tiles of the three geographies (LSOA, ward, authority), holding
 * geometry and the area code only, written as gzip-compressed Mapbox Vector
 * Tiles into one PMTiles archive per geography.
 *
 * Simplification is done once per zoom on the shared LSOA topology
 * (boundaries.ts), and wards and authorities are merged from that same
 * simplified topology, so at every zoom the three layers share their edges
 * exactly and small urban LSOAs never drop out of the national view.
 * Each zoom is then clipped into tiles and quantised (tilesAtZoom). Zooms
 * above the deepest are over-zoomed by the map.
 */
import { gzipSync } from 'node:zlib';
import { clipPolygon } from 'lineclip';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { LEVELS, type Level } from '../../src/config/geography.ts';
import { buildArchive, Compression, TileType, type ArchiveTile } from './pmtiles.ts';
import type { AreaGeometry, Bounds } from './boundaries.ts';

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 12;
/** The map never zooms out beyond England (zoom 4), so smaller zooms are not built. */
export const MIN_TILE_ZOOM = 4;

/**
 * Smallest triangle (Visvalingam weight, squared Mercator degrees) a vertex
 * must make to survive at zoom z: `TOLERANCE_UNITS²` squared tile units,
 * where one tile unit is 360° / (4096 · 2^z). Two units² is a quarter of a
 * screen pixel on a 512-pixel tile: invisible, yet it removes most vertices
 * of the national view.
 */
export const TOLERANCE_UNITS_SQUARED = 8;

/**
 * Coordinates are snapped to multiples of this many tile units: 4 (half a
 * screen pixel) at the national zooms, finer closer in. Shared edges are
 * snapped alike, so neighbours stay seamless; an LSOA smaller than the grid
 * collapses and its neighbours close over it, which at that scale is less
 * than a pixel. It shrinks the national view's tiles by about a third.
 */
export function gridAtZoom(z: number): number {
  return z <= 6 ? 4 : z <= 8 ? 2 : 1;
}

export function minWeightAtZoom(z: number): number {
  const unit = 360 / (TILE_EXTENT * 2 ** z);
  return TOLERANCE_UNITS_SQUARED * unit * unit;
}

type TilePoint = [number, number];
interface TileFeature {
  type: 3;
  geometry: TilePoint[][];
  tags: { code: string };
}

/** Web Mercator x of a longitude, in units of a world `scale` units wide. */
const mercatorX = (lng: number, scale: number) => ((lng + 180) / 360) * scale;
/** Web Mercator y of a latitude (0 at the top), in units of a world `scale` units high. */
function mercatorY(lat: number, scale: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return (0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI) * scale;
}

/** Twice the signed area (surveyor's formula) of a closed ring. */
function doubleArea(ring: TilePoint[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/**
 * Clips a projected ring to a tile's buffered box, moves it into tile
 * coordinates (multiples of `grid`), and winds it as the vector tile specification
 * requires: exterior rings positive, holes negative, by the surveyor's
 * formula with y pointing down. Returns undefined if nothing is left.
 */
function clipRing(
  ring: number[][],
  box: [number, number, number, number],
  originX: number,
  originY: number,
  exterior: boolean,
  grid: number,
): TilePoint[] | undefined {
  const clipped = clipPolygon(ring, box);
  if (clipped.length < 3) return undefined;
  const out: TilePoint[] = [];
  for (const [x, y] of clipped) {
    const point: TilePoint = [Math.round((x - originX) / grid) * grid, Math.round((y - originY) / grid) * grid];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3) return undefined;
  out.push([out[0][0], out[0][1]]);
  const area = doubleArea(out);
  if (area === 0) return undefined;
  if (area > 0 !== exterior) out.reverse();
  return out;
}

/**
 * Every non-empty tile of zoom `z` of one layer, from geometries already
 * simplified for that zoom. Each area is projected once and clipped only
 * against the tiles its bounding box touches (lineclip's Sutherland–Hodgman
 * clipping), then tiles are encoded with vt-pbf.
 */
export function tilesAtZoom(layer: string, codes: readonly string[], geometries: readonly AreaGeometry[], z: number): ArchiveTile[] {
  const grid = gridAtZoom(z);
  const tileCount = 2 ** z;
  const scale = TILE_EXTENT * tileCount;
  const features = new Map<number, TileFeature[]>();
  geometries.forEach((geometry, i) => {
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((polygon) =>
      polygon.map((ring) => ring.map(([lng, lat]) => [mercatorX(lng, scale), mercatorY(lat, scale)])),
    );
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const polygon of polygons) {
      for (const [x, y] of polygon[0]) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
    const clamp = (t: number) => Math.min(tileCount - 1, Math.max(0, t));
    const [tx0, tx1] = [clamp(Math.floor((minX - TILE_BUFFER) / TILE_EXTENT)), clamp(Math.floor((maxX + TILE_BUFFER) / TILE_EXTENT))];
    const [ty0, ty1] = [clamp(Math.floor((minY - TILE_BUFFER) / TILE_EXTENT)), clamp(Math.floor((maxY + TILE_BUFFER) / TILE_EXTENT))];
    for (let tx = tx0; tx <= tx1; tx++) {
      for (let ty = ty0; ty <= ty1; ty++) {
        const originX = tx * TILE_EXTENT;
        const originY = ty * TILE_EXTENT;
        const box: [number, number, number, number] = [originX - TILE_BUFFER, originY - TILE_BUFFER, originX + TILE_EXTENT + TILE_BUFFER, originY + TILE_EXTENT + TILE_BUFFER];
        const rings: TilePoint[][] = [];
        for (const polygon of polygons) {
          const exterior = clipRing(polygon[0], box, originX, originY, true, grid);
          if (!exterior) continue;
          rings.push(exterior);
          for (const hole of polygon.slice(1)) {
            const clipped = clipRing(hole, box, originX, originY, false, grid);
            if (clipped) rings.push(clipped);
          }
        }
        if (rings.length === 0) continue;
        const key = ty * tileCount + tx;
        let list = features.get(key);
        if (!list) features.set(key, (list = []));
        list.push({ type: 3, geometry: rings, tags: { code: codes[i] } });
      }
    }
  });
  return [...features.entries()].map(([key, list]) => ({
    z,
    x: key % tileCount,
    y: Math.floor(key / tileCount),
    data: gzipSync(fromGeojsonVt({ [layer]: { features: list } } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT }), { level: 9 }),
  }));
}

export interface TilesetResult {
  archive: Buffer;
  tileCount: number;
  /** Bytes of the tiles at each zoom (compressed, as served). */
  bytesByZoom: number[];
}

/**
 * Builds the archives of all three layers. `geometriesAtZoom(z)` gives each
 * layer's geometries simplified for zoom z, in the order of `codes[level]`;
 * `onZoom` sees them after their tiles are made (deepest zoom first), and
 * they are dropped before the next zoom, to keep memory low.
 */
export function buildTilesets(
  codes: Record<Level, readonly string[]>,
  geometriesAtZoom: (z: number) => Record<Level, AreaGeometry[]>,
  bounds: Bounds,
  onZoom?: (z: number, geometries: Record<Level, AreaGeometry[]>) => void,
): Record<Level, TilesetResult> {
  const tiles = Object.fromEntries(LEVELS.map((level) => [level, [] as ArchiveTile[]])) as Record<Level, ArchiveTile[]>;
  for (let z = MAX_TILE_ZOOM; z >= MIN_TILE_ZOOM; z--) {
    const geometries = geometriesAtZoom(z);
    for (const level of LEVELS) tiles[level].push(...tilesAtZoom(level, codes[level], geometries[level], z));
    onZoom?.(z, geometries);
  }
  const [west, south, east, north] = bounds;
  return Object.fromEntries(
    LEVELS.map((level) => {
      const bytesByZoom = new Array<number>(MAX_TILE_ZOOM + 1).fill(0);
      for (const tile of tiles[level]) bytesByZoom[tile.z] += tile.data.length;
      const archive = buildArchive(tiles[level], {
        tileType: TileType.Mvt,
        tileCompression: Compression.Gzip,
        minZoom: MIN_TILE_ZOOM,
        maxZoom: MAX_TILE_ZOOM,
        bounds,
        center: [(west + east) / 2, (south + north) / 2, 6],
        metadata: {
          name: level,
          description: `${level} boundaries (IoD 2025 geography); property "code" is the GSS code`,
          vector_layers: [{ id: level, fields: { code: 'String' }, minzoom: MIN_TILE_ZOOM, maxzoom: MAX_TILE_ZOOM }],
        },
      });
      return [level, { archive, tileCount: tiles[level].length, bytesByZoom }];
    }),
  ) as Record<Level, TilesetResult>;
}
