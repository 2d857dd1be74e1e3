/**
 * The tile store: tile URLs, tile cover of a box, and fetching and caching
 * tiles from real PMTiles archives (built with the pipeline's writer and
 * served from memory by a stub of fetch that answers range requests).
 */
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildArchive, Compression, TileType, type ArchiveOptions } from '../../scripts/pipeline/pmtiles.ts';
import { LEVELS } from '../../src/config/geography.ts';
import { createTileStore, parseTileUrl, tilesCovering, tileUrlTemplate } from '../../src/map/tileStore.ts';

describe('tile URLs', () => {
  it('have one template per level', () => {
    expect(tileUrlTemplate('lsoa')).toBe('atlas://lsoa/{z}/{x}/{y}');
    expect(tileUrlTemplate('ward')).toBe('atlas://ward/{z}/{x}/{y}');
    expect(tileUrlTemplate('lad')).toBe('atlas://lad/{z}/{x}/{y}');
  });

  it('parse back from the template filled in', () => {
    for (const level of LEVELS) {
      const url = tileUrlTemplate(level).replace('{z}', '12').replace('{x}', '2045').replace('{y}', '1360');
      expect(parseTileUrl(url)).toEqual({ level, z: 12, x: 2045, y: 1360 });
    }
    expect(parseTileUrl('atlas://lsoa/0/0/0')).toEqual({ level: 'lsoa', z: 0, x: 0, y: 0 });
  });

  it.each([
    'atlas://region/1/0/0',
    'atlas://LSOA/1/0/0',
    'ATLAS://lsoa/1/0/0',
    'pmtiles://lsoa/1/0/0',
    'https://example.org/lsoa/1/0/0',
    'atlas://lsoa/1/0',
    'atlas://lsoa/1/0/0/0',
    'atlas://lsoa/1/0/0.pbf',
    'atlas://lsoa/-1/0/0',
    'atlas://lsoa/1/x/0',
    'atlas://lsoa/{z}/{x}/{y}',
    ' atlas://lsoa/1/0/0',
    'atlas://lsoa/1/0/0 ',
    '',
  ])('reject %j', (url) => {
    expect(parseTileUrl(url)).toBeUndefined();
  });
});

describe('tilesCovering', () => {
  // Slippy-map tiles at zoom z (n = 2^z tiles across):
  //   x = ⌊(lng + 180) / 360 × n⌋
  //   y = ⌊(1 − asinh(tan φ) / π) / 2 × n⌋, φ the latitude in radians.

  it('covers the world at z0 with the one tile', () => {
    expect(tilesCovering([-180, -85, 180, 85], 0)).toEqual([[0, 0, 0]]);
  });

  it('covers the world at z1 with all four tiles', () => {
    // lat 85: (1 − asinh(tan 85°)/π)/2 × 2 = (1 − 3.1313/π)/2 × 2 ≈ 0.003 → 0; lat −85 → 1.997 → 1.
    // lng 180 → (360/360) × 2 = 2, clamped to the last tile, 1.
    expect(tilesCovering([-180, -85, 180, 85], 1)).toEqual([
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('finds the tile of a point in central London at z5', () => {
    // Charing Cross, lng −0.1276, lat 51.5072, n = 32:
    //   x = ⌊179.8724 / 360 × 32⌋ = ⌊15.9887⌋ = 15
    //   asinh(tan 51.5072°) = ln(tan 51.5072° + sec 51.5072°) ≈ ln(1.2575 + 1.6067) = 1.0522
    //   y = ⌊(1 − 1.0522/π) / 2 × 32⌋ = ⌊10.641⌋ = 10
    expect(tilesCovering([-0.1276, 51.5072, -0.1276, 51.5072], 5)).toEqual([[5, 15, 10]]);
  });

  it('covers a box around London across the Greenwich meridian with two tiles at z5', () => {
    // lng −0.5 → ⌊15.956⌋ = 15; lng 0.3 → ⌊16.027⌋ = 16
    // lat 51.7 → 10.613 and lat 51.3 → 10.670: both row 10
    expect(tilesCovering([-0.5, 51.3, 0.3, 51.7], 5)).toEqual([
      [5, 15, 10],
      [5, 16, 10],
    ]);
  });

  it('covers England with four tiles at z5', () => {
    // lng −6.5 → ⌊15.42⌋ = 15, lng 1.8 → ⌊16.16⌋ = 16; lat 55.9 → ⌊9.98⌋ = 9, lat 49.8 → ⌊10.88⌋ = 10
    expect(tilesCovering([-6.5, 49.8, 1.8, 55.9], 5)).toEqual([
      [5, 15, 9],
      [5, 15, 10],
      [5, 16, 9],
      [5, 16, 10],
    ]);
  });

  it('clamps boxes that reach the poles or beyond ±180°', () => {
    expect(tilesCovering([-200, -90, 200, 90], 1)).toHaveLength(4);
    expect(tilesCovering([170, 89, 179.9, 89.9], 2)).toEqual([[2, 3, 0]]);
  });
});

// --- createTileStore against real archives ------------------------------------

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | null) => (data === null ? null : new TextDecoder().decode(data));

const OPTIONS: ArchiveOptions = {
  tileType: TileType.Mvt,
  tileCompression: Compression.None,
  minZoom: 0,
  maxZoom: 2,
  bounds: [-6.5, 49.8, 1.8, 55.9],
  center: [-1.5, 52.5, 1],
  metadata: { name: 'test' },
};

/** One archive per level, each tile's content naming its level and address. */
const ARCHIVES = new Map(
  LEVELS.map((level) => [
    `https://tiles.test/${level}.pmtiles`,
    buildArchive(
      [
        { z: 0, x: 0, y: 0, data: bytes(`${level} 0/0/0`) },
        { z: 1, x: 0, y: 0, data: bytes(`${level} 1/0/0`) },
        { z: 1, x: 1, y: 0, data: bytes(`${level} 1/1/0`) },
        { z: 2, x: 1, y: 1, data: bytes(`${level} 2/1/1`) },
        { z: 2, x: 2, y: 1, data: bytes(`${level} 2/2/1`) },
      ],
      OPTIONS,
    ),
  ]),
);

/** Serves ARCHIVES with HTTP range requests, as a static host would. */
function stubFetch() {
  const log: { url: string; range: string }[] = [];
  let failNext = 0;
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const range = new Headers(init?.headers).get('range') ?? '';
    log.push({ url, range });
    if (failNext > 0) {
      failNext--;
      throw new TypeError('Failed to fetch');
    }
    const archive = ARCHIVES.get(url);
    if (!archive) return new Response('not found', { status: 404 });
    const match = /^bytes=(\d+)-(\d+)$/.exec(range);
    if (!match) return new Response(Uint8Array.from(archive), { status: 200, headers: { 'Content-Length': String(archive.length) } });
    const start = Number(match[1]);
    const end = Math.min(Number(match[2]), archive.length - 1);
    const body = Uint8Array.from(archive.subarray(start, end + 1));
    return new Response(body, {
      status: 206,
      headers: { 'Content-Range': `bytes ${start}-${end}/${archive.length}`, 'Content-Length': String(body.length) },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    log,
    failNextRequests: (count: number) => {
      failNext = count;
    },
  };
}

const archiveUrl = (level: string) => `https://tiles.test/${level}.pmtiles`;

describe('createTileStore (real archives, fetch stubbed)', () => {
  let server: ReturnType<typeof stubFetch>;
  beforeEach(() => {
    server = stubFetch();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads tiles of each level from that level’s archive', async () => {
    const store = createTileStore(archiveUrl);
    expect(text(await store.get('lsoa', 1, 1, 0))).toBe('lsoa 1/1/0');
    expect(text(await store.get('ward', 1, 1, 0))).toBe('ward 1/1/0');
    expect(text(await store.get('lad', 2, 2, 1))).toBe('lad 2/2/1');
    expect(new Set(server.log.map((request) => request.url))).toEqual(new Set(LEVELS.map(archiveUrl)));
  });

  it('gives null for a tile the archive does not have, or a zoom beyond its range', async () => {
    const store = createTileStore(archiveUrl);
    expect(await store.get('lsoa', 1, 0, 1)).toBeNull();
    expect(await store.get('lsoa', 3, 0, 0)).toBeNull();
  });

  it('reads each tile from the network once, even for concurrent requests', async () => {
    const store = createTileStore(archiveUrl);
    const [a, b] = await Promise.all([store.get('lsoa', 1, 0, 0), store.get('lsoa', 1, 0, 0)]);
    expect(a).toBe(b);
    expect(text(a)).toBe('lsoa 1/0/0');
    const requests = server.log.length;
    expect(await store.get('lsoa', 1, 0, 0)).toBe(a);
    expect(await store.getByUrl('atlas://lsoa/1/0/0')).toBe(a);
    expect(server.log.length).toBe(requests);
    expect(store.networkReads).toBe(1);
  });

  it('caches tiles of different levels apart', async () => {
    const store = createTileStore(archiveUrl);
    expect(text(await store.get('lsoa', 0, 0, 0))).toBe('lsoa 0/0/0');
    expect(text(await store.get('lad', 0, 0, 0))).toBe('lad 0/0/0');
    expect(store.networkReads).toBe(2);
  });

  it('reads tiles by their atlas:// URL, and rejects other URLs', async () => {
    const store = createTileStore(archiveUrl);
    expect(text(await store.getByUrl('atlas://ward/2/1/1'))).toBe('ward 2/1/1');
    await expect(store.getByUrl('https://example.org/ward/2/1/1')).rejects.toThrow(/not a tile URL/);
    expect(store.networkReads).toBe(1);
  });

  it('decompresses gzipped tiles', async () => {
    const url = 'https://tiles.test/gzip.pmtiles';
    ARCHIVES.set(url, buildArchive([{ z: 0, x: 0, y: 0, data: gzipSync(bytes('unzipped')) }], { ...OPTIONS, tileCompression: Compression.Gzip }));
    try {
      const store = createTileStore(() => url);
      expect(text(await store.get('lsoa', 0, 0, 0))).toBe('unzipped');
    } finally {
      ARCHIVES.delete(url);
    }
  });

  it('forgets the least recently used tile beyond its capacity', async () => {
    const store = createTileStore(archiveUrl, 2);
    await store.get('lsoa', 1, 0, 0); // A
    await store.get('lsoa', 1, 1, 0); // B
    await store.get('lsoa', 1, 0, 0); // A again: from the cache, and now the most recently used
    expect(store.networkReads).toBe(2);
    await store.get('lsoa', 0, 0, 0); // C: the cache is full, B (least recently used) goes
    expect(store.networkReads).toBe(3);
    await store.get('lsoa', 1, 0, 0); // A is still there
    expect(store.networkReads).toBe(3);
    expect(text(await store.get('lsoa', 1, 1, 0))).toBe('lsoa 1/1/0'); // B is read again
    expect(store.networkReads).toBe(4);
  });

  it('retries a failed read on the next request instead of keeping the failure', async () => {
    const store = createTileStore(archiveUrl);
    // The first read of an archive fetches its header: make that fail.
    server.failNextRequests(1);
    await expect(store.get('lsoa', 1, 0, 0)).rejects.toThrow(/Failed to fetch/);
    expect(text(await store.get('lsoa', 1, 0, 0))).toBe('lsoa 1/0/0');
    expect(store.networkReads).toBe(2);
  });

  it('retries a failed tile read once the archive is open', async () => {
    const store = createTileStore(archiveUrl);
    expect(text(await store.get('lsoa', 0, 0, 0))).toBe('lsoa 0/0/0');
    server.failNextRequests(1);
    await expect(store.get('lsoa', 1, 1, 0)).rejects.toThrow(/Failed to fetch/);
    expect(text(await store.get('lsoa', 1, 1, 0))).toBe('lsoa 1/1/0');
  });
});
