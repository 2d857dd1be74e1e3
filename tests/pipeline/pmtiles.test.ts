/**
 * The PMTiles v3 writer, read back with the `pmtiles` library that the map
 * uses in the browser.
 */
import { describe, expect, it } from 'vitest';
import { zxyToTileId } from 'pmtiles';
import { buildArchive, Compression, serialiseDirectory, TileType, type ArchiveOptions, type ArchiveTile } from '../../scripts/pipeline/pmtiles.ts';
import { openArchive } from './helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

const OPTIONS: ArchiveOptions = {
  tileType: TileType.Mvt,
  tileCompression: Compression.None,
  minZoom: 0,
  maxZoom: 2,
  bounds: [-6.5, 49.8, 1.8, 55.9],
  center: [-1.5, 52.5, 5],
  metadata: { name: 'test', vector_layers: [{ id: 'test', fields: { code: 'String' } }] },
};

/** Tile ids on the Hilbert curve, as the spec defines them (z0: 0; z1: 1 … 4). */
describe('assumptions about tile ids', () => {
  it('numbers z1 tiles 1–4 along the Hilbert curve: (0,0), (0,1), (1,1), (1,0)', () => {
    expect([zxyToTileId(0, 0, 0), zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0)]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('serialiseDirectory', () => {
  it('writes the columns of the specification as varints', () => {
    const directory = serialiseDirectory([
      { tileId: 0, offset: 0, length: 5, runLength: 1 },
      { tileId: 3, offset: 5, length: 2, runLength: 2 },
      { tileId: 10, offset: 0, length: 5, runLength: 1 },
    ]);
    // count 3; tile id deltas 0, 3, 7; run lengths 1, 2, 1; lengths 5, 2, 5;
    // offsets: first 0 + 1 = 1; second follows the first (0 + 5 = 5) → 0; third points back → 0 + 1 = 1
    expect(Array.from(directory)).toEqual([3, 0, 3, 7, 1, 2, 1, 5, 2, 5, 1, 0, 1]);
  });

  it('writes numbers of 128 and more in several bytes, low bits first', () => {
    // 300 = 0b10_0101100 → 0xac (0101100 with the continuation bit), 0x02
    // 2^32 + 1 = 4294967297 needs five bytes: 0x81 0x80 0x80 0x80 0x10
    const directory = serialiseDirectory([{ tileId: 300, offset: 2 ** 32, length: 1, runLength: 1 }]);
    expect(Array.from(directory)).toEqual([1, 0xac, 0x02, 1, 1, 0x81, 0x80, 0x80, 0x80, 0x10]);
  });
});

describe('buildArchive: a few tiles', () => {
  const tiles: ArchiveTile[] = [
    { z: 2, x: 3, y: 1, data: bytes('deep') },
    { z: 0, x: 0, y: 0, data: bytes('root tile') },
    { z: 1, x: 0, y: 0, data: bytes('nw') },
    { z: 1, x: 1, y: 0, data: bytes('ne') },
    { z: 1, x: 1, y: 1, data: bytes('nw') }, // the same bytes as (1, 0, 0): stored once
  ];

  it('writes a header the pmtiles library reads back', async () => {
    const archive = buildArchive(tiles, OPTIONS);
    expect(archive.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    const header = await openArchive(archive).getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(2);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([-6.5, 49.8, 1.8, 55.9]);
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual([-1.5, 52.5, 5]);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.tileCompression).toBe(Compression.None);
    expect(header.internalCompression).toBe(Compression.Gzip);
    expect(header.clustered).toBe(true);
    expect(header.rootDirectoryOffset).toBe(127);
    expect(header.leafDirectoryLength).toBe(0);
    // 5 tiles; contents "root tile", "nw", "ne", "deep" = 4;
    // entries: ids 0, 1 (nw), 3 (nw), 4 (ne), and the z2 tile: no two neighbours share bytes → 5
    expect(header.numAddressedTiles).toBe(5);
    expect(header.numTileContents).toBe(4);
    expect(header.numTileEntries).toBe(5);
    // data: 9 + 2 + 2 + 4 bytes, "nw" once
    expect(header.tileDataLength).toBe(17);
    expect(header.tileDataOffset + 17).toBe(archive.length);
  });

  it('gives back every tile’s bytes, and nothing for tiles it does not hold', async () => {
    const reader = openArchive(buildArchive(tiles, OPTIONS));
    for (const tile of tiles) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y);
      expect(found, `${tile.z}/${tile.x}/${tile.y}`).toBeDefined();
      expect(new Uint8Array(found!.data)).toEqual(tile.data);
    }
    expect(await reader.getZxy(1, 0, 1)).toBeUndefined();
    expect(await reader.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('stores the metadata as JSON', async () => {
    expect(await openArchive(buildArchive(tiles, OPTIONS)).getMetadata()).toEqual(OPTIONS.metadata);
  });

  it('gives the same bytes for the same tiles, in any order', () => {
    const first = buildArchive(tiles, OPTIONS);
    expect(buildArchive(tiles, OPTIONS).equals(first)).toBe(true);
    expect(buildArchive([...tiles].reverse(), OPTIONS).equals(first)).toBe(true);
  });

  it('writes an archive without tiles that the library can open', async () => {
    const reader = openArchive(buildArchive([], OPTIONS));
    const header = await reader.getHeader();
    expect(header.numAddressedTiles).toBe(0);
    expect(await reader.getZxy(0, 0, 0)).toBeUndefined();
  });
});

describe('buildArchive: identical tiles', () => {
  it('stores consecutive identical tiles as one run-length entry', async () => {
    // ids 1, 2, 3, 4 all "sea": one entry with run length 4, plus the z0 tile
    const sea = bytes('sea');
    const tiles: ArchiveTile[] = [
      { z: 0, x: 0, y: 0, data: bytes('world') },
      { z: 1, x: 0, y: 0, data: sea },
      { z: 1, x: 0, y: 1, data: sea },
      { z: 1, x: 1, y: 1, data: sea },
      { z: 1, x: 1, y: 0, data: sea },
    ];
    const archive = buildArchive(tiles, { ...OPTIONS, maxZoom: 1 });
    const reader = openArchive(archive);
    const header = await reader.getHeader();
    expect([header.numAddressedTiles, header.numTileEntries, header.numTileContents]).toEqual([5, 2, 2]);
    expect(header.tileDataLength).toBe(5 + 3); // "world" + "sea"
    for (const tile of tiles) expect(new Uint8Array((await reader.getZxy(tile.z, tile.x, tile.y))!.data)).toEqual(tile.data);
  });

  it('breaks a run at a different tile and points back to stored bytes', async () => {
    // ids 1 "a", 2 "a" (run of 2), 3 "b", 4 "a" (new entry, offset back to "a")
    const tiles: ArchiveTile[] = [
      { z: 1, x: 0, y: 0, data: bytes('a') },
      { z: 1, x: 0, y: 1, data: bytes('a') },
      { z: 1, x: 1, y: 1, data: bytes('bb') },
      { z: 1, x: 1, y: 0, data: bytes('a') },
    ];
    const reader = openArchive(buildArchive(tiles, { ...OPTIONS, minZoom: 1, maxZoom: 1 }));
    const header = await reader.getHeader();
    expect([header.numAddressedTiles, header.numTileEntries, header.numTileContents]).toEqual([4, 3, 2]);
    expect(header.tileDataLength).toBe(1 + 2);
    for (const tile of tiles) expect(new Uint8Array((await reader.getZxy(tile.z, tile.x, tile.y))!.data)).toEqual(tile.data);
  });
});

/** mulberry32: a small seeded generator, so the big archive is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('buildArchive: 20,000 tiles need leaf directories', () => {
  // 20,000 of the 65,536 tiles of zoom 8, scattered, of 1–24 random bytes, every
  // tenth a copy of an earlier tile: a directory too irregular to compress into
  // the 16 KiB the root may take.
  const next = random(20251030);
  const cells = Array.from({ length: 65536 }, (_, i) => i);
  for (let i = cells.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [cells[i], cells[j]] = [cells[j], cells[i]];
  }
  const tiles: ArchiveTile[] = [];
  for (let i = 0; i < 20000; i++) {
    const cell = cells[i];
    const data =
      i % 10 === 9
        ? tiles[Math.floor(next() * tiles.length)].data
        : Uint8Array.from({ length: 1 + Math.floor(next() * 24) }, () => Math.floor(next() * 256));
    tiles.push({ z: 8, x: cell % 256, y: Math.floor(cell / 256), data });
  }
  const options: ArchiveOptions = { ...OPTIONS, minZoom: 8, maxZoom: 8 };

  it('puts the directory in leaves, keeps the root in the first 16 KiB, and every tile comes back', async () => {
    const archive = buildArchive(tiles, options);
    const reader = openArchive(archive);
    const header = await reader.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect(header.numAddressedTiles).toBe(20000);
    const distinct = new Set(tiles.map((t) => Buffer.from(t.data).toString('hex')));
    expect(header.numTileContents).toBe(distinct.size);
    expect(header.tileDataLength).toBe([...distinct].reduce((sum, hex) => sum + hex.length / 2, 0));
    for (const tile of tiles) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y);
      if (!found || !Buffer.from(found.data).equals(Buffer.from(tile.data))) {
        throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} did not come back`);
      }
    }
    // a tile of zoom 8 that was not written
    const absent = cells[20000];
    expect(await reader.getZxy(8, absent % 256, Math.floor(absent / 256))).toBeUndefined();
  });

  it('gives the same bytes twice', () => {
    expect(buildArchive(tiles, options).equals(buildArchive([...tiles].reverse(), options))).toBe(true);
  });
});
