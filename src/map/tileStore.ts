/**
 * One place that fetches vector tiles from the PMTiles archives, shared by
 * MapLibre (outlines, through a custom protocol) and deck.gl (the
 * choropleth), so a tile both need is requested once. Tiles are kept in a
 * bounded cache: switching indicator or level never refetches geometry
 * already seen.
 */
import { PMTiles } from 'pmtiles';
import { LEVELS, type Level } from '../config/geography.ts';

export const TILE_PROTOCOL = 'atlas';

/** `atlas://<level>/{z}/{x}/{y}`: the tile URL template of a level. */
export const tileUrlTemplate = (level: Level) => `${TILE_PROTOCOL}://${level}/{z}/{x}/{y}`;

const TILE_URL = new RegExp(`^${TILE_PROTOCOL}://(${LEVELS.join('|')})/(\\d+)/(\\d+)/(\\d+)$`);

export function parseTileUrl(url: string): { level: Level; z: number; x: number; y: number } | undefined {
  const match = TILE_URL.exec(url);
  if (!match) return undefined;
  return { level: match[1] as Level, z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) };
}

/** The tiles (z, x, y) that cover a longitude/latitude box at a zoom. */
export function tilesCovering(bounds: [number, number, number, number], z: number): [number, number, number][] {
  const n = 2 ** z;
  const x = (lng: number) => Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
  const y = (lat: number) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    return Math.min(n - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n)));
  };
  const tiles: [number, number, number][] = [];
  for (let tx = x(bounds[0]); tx <= x(bounds[2]); tx++) for (let ty = y(bounds[3]); ty <= y(bounds[1]); ty++) tiles.push([z, tx, ty]);
  return tiles;
}

export interface TileStore {
  /** Decompressed MVT bytes, or null where the archive has no tile. */
  get(level: Level, z: number, x: number, y: number): Promise<Uint8Array | null>;
  getByUrl(url: string): Promise<Uint8Array | null>;
  /** Number of tile reads that went to the network (for the benchmark). */
  readonly networkReads: number;
}

export function createTileStore(archiveUrl: (level: Level) => string, capacity = 1500): TileStore {
  const archives = new Map<Level, PMTiles>();
  const cache = new Map<string, Promise<Uint8Array | null>>();
  let networkReads = 0;

  const archive = (level: Level) => {
    let pmtiles = archives.get(level);
    if (!pmtiles) {
      pmtiles = new PMTiles(archiveUrl(level));
      archives.set(level, pmtiles);
    }
    return pmtiles;
  };

  const store: TileStore = {
    get(level, z, x, y) {
      const key = `${level}/${z}/${x}/${y}`;
      let tile = cache.get(key);
      if (tile) {
        // Refresh its place in the least-recently-used order.
        cache.delete(key);
        cache.set(key, tile);
        return tile;
      }
      networkReads++;
      const pmtiles = archive(level);
      tile = pmtiles
        .getZxy(z, x, y)
        .then((response) => (response ? new Uint8Array(response.data) : null))
        .catch((error) => {
          cache.delete(key);
          // PMTiles keeps a failed header or directory read in its own cache,
          // so the archive would fail for good: open it afresh next time.
          if (archives.get(level) === pmtiles) archives.delete(level);
          throw error;
        });
      cache.set(key, tile);
      while (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return tile;
    },
    getByUrl(url) {
      const parsed = parseTileUrl(url);
      if (!parsed) return Promise.reject(new Error(`not a tile URL: ${url}`));
      return store.get(parsed.level, parsed.z, parsed.x, parsed.y);
    },
    get networkReads() {
      return networkReads;
    },
  };
  return store;
}
