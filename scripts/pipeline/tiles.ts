/**
 * Vector tiles of one geography (LSOA, ward or authority), holding geometry
 * and the area code only. geojson-vt clips and simplifies per zoom (its
 * tolerance is in tile pixels, so the national view stays small and street
 * zoom keeps the full 20 m generalised detail); tiles are written as
 * gzip-compressed Mapbox Vector Tiles into one PMTiles archive. Zooms above
 * the deepest are over-zoomed by the map.
 */
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { buildArchive, Compression, TileType, type ArchiveTile } from './pmtiles.ts';
import type { AreaGeometry, Bounds } from './boundaries.ts';

export const TILE_EXTENT = 4096;
export const MAX_TILE_ZOOM = 12;

/**
 * Drops a finished tile from geojson-vt's cache. geojson-vt keeps every tile
 * it has made (and the unsimplified source of the deepest ones) for the life
 * of the index; a depth-first build never comes back to a finished subtree,
 * so dropping it keeps peak memory to one path. It reaches into the index's
 * internals, so it checks for them and does nothing if they change.
 */
function forgetTile(index: GeoJSONVT, z: number, x: number, y: number): void {
  const tiles = (index as unknown as { tileIndex?: { tiles?: Record<number, unknown> } }).tileIndex?.tiles;
  if (tiles) delete tiles[((1 << z) * y + x) * 32 + z];
}

export interface TilesetResult {
  archive: Buffer;
  tileCount: number;
  /** Bytes of the tiles at each zoom (compressed, as served). */
  bytesByZoom: number[];
}

/**
 * Builds the archive for one layer. `codes[i]` labels `geometries[i]`.
 * Tiles are visited depth first and a subtree is skipped as soon as a tile is
 * empty, so the sea and Wales cost nothing.
 */
export function buildTileset(
  layer: string,
  codes: readonly string[],
  geometries: readonly AreaGeometry[],
  bounds: Bounds,
  description: string,
): TilesetResult {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: geometries.map((geometry, i) => ({ type: 'Feature', properties: { code: codes[i] }, geometry })),
  };
  const index = new GeoJSONVT(collection, {
    maxZoom: MAX_TILE_ZOOM,
    indexMaxZoom: 5,
    tolerance: 3,
    extent: TILE_EXTENT,
    buffer: 64,
  });
  const tiles: ArchiveTile[] = [];
  const bytesByZoom = new Array<number>(MAX_TILE_ZOOM + 1).fill(0);
  const visit = (z: number, x: number, y: number) => {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return;
    const data = gzipSync(fromGeojsonVt({ [layer]: tile }, { version: 2, extent: TILE_EXTENT }), { level: 9 });
    tiles.push({ z, x, y, data });
    bytesByZoom[z] += data.length;
    if (z < MAX_TILE_ZOOM) {
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        visit(z + 1, x * 2 + dx, y * 2 + dy);
        forgetTile(index, z + 1, x * 2 + dx, y * 2 + dy);
      }
    }
  };
  visit(0, 0, 0);
  const [west, south, east, north] = bounds;
  const archive = buildArchive(tiles, {
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    minZoom: 0,
    maxZoom: MAX_TILE_ZOOM,
    bounds,
    center: [(west + east) / 2, (south + north) / 2, 6],
    metadata: {
      name: layer,
      description,
      vector_layers: [{ id: layer, fields: { code: 'String' }, minzoom: 0, maxzoom: MAX_TILE_ZOOM }],
    },
  });
  return { archive, tileCount: tiles.length, bytesByZoom };
}
