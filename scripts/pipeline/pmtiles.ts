/**
 * Writes a PMTiles version 3 archive: one file holding every tile of a
 * tileset, read by browsers with HTTP range requests, so that any static
 * host or CDN can serve vector tiles without a tile server.
 *
 * Layout and encodings follow the specification,
 * https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md :
 * a 127-byte header, a root directory in the first 16 KiB, JSON metadata,
 * optional leaf directories, then the tile data in tile-id (Hilbert) order.
 * Identical tiles are stored once; consecutive identical tiles share one
 * run-length entry. Tile ids come from the pmtiles library.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** Tile bytes exactly as they will be served (already compressed). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: TileType;
  tileCompression: Compression;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16384;

function writeVarint(out: number[], value: number): void {
  // Values can exceed 2^32, so no bitwise arithmetic.
  let remaining = value;
  while (remaining >= 0x80) {
    out.push((remaining % 0x80) | 0x80);
    remaining = Math.floor(remaining / 0x80);
  }
  out.push(remaining);
}

/** Serialises a directory (uncompressed), columns as in the specification. */
export function serialiseDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    writeVarint(out, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) writeVarint(out, entry.runLength);
  for (const entry of entries) writeVarint(out, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    if (previous && entry.offset === previous.offset + previous.length) writeVarint(out, 0);
    else writeVarint(out, entry.offset + 1);
  });
  return Uint8Array.from(out);
}

const compress = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 });

/** Splits entries into leaf directories until the root fits in the first 16 KiB. */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = compress(serialiseDirectory(entries));
  if (HEADER_BYTES + whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leaf = compress(serialiseDirectory(entries.slice(start, start + leafSize)));
      rootEntries.push({ tileId: entries[start].tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = compress(serialiseDirectory(rootEntries));
    if (HEADER_BYTES + root.length <= ROOT_LIMIT) return { root, leaves: Buffer.concat(leafParts) };
  }
}

function writeHeader(
  view: DataView,
  fields: {
    rootOffset: number;
    rootLength: number;
    metadataOffset: number;
    metadataLength: number;
    leafOffset: number;
    leafLength: number;
    dataOffset: number;
    dataLength: number;
    addressedTiles: number;
    tileEntries: number;
    tileContents: number;
  },
  options: ArchiveOptions,
): void {
  const magic = 'PMTiles';
  for (let i = 0; i < magic.length; i++) view.setUint8(i, magic.charCodeAt(i));
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, fields.rootOffset);
  u64(16, fields.rootLength);
  u64(24, fields.metadataOffset);
  u64(32, fields.metadataLength);
  u64(40, fields.leafOffset);
  u64(48, fields.leafLength);
  u64(56, fields.dataOffset);
  u64(64, fields.dataLength);
  u64(72, fields.addressedTiles);
  u64(80, fields.tileEntries);
  u64(88, fields.tileContents);
  view.setUint8(96, 1); // clustered: tile data is in tile-id order
  view.setUint8(97, Compression.Gzip); // internal (directory and metadata) compression
  view.setUint8(98, options.tileCompression);
  view.setUint8(99, options.tileType);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, options.center[2]);
  view.setInt32(119, e7(options.center[0]), true);
  view.setInt32(123, e7(options.center[1]), true);
}

/** Builds the whole archive in memory. Deterministic: same tiles, same bytes. */
export function buildArchive(tiles: readonly ArchiveTile[], options: ArchiveOptions): Buffer {
  const sorted = tiles
    .map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const contentOffsets = new Map<string, number>();
  const dataParts: Uint8Array[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let offset = contentOffsets.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      contentOffsets.set(hash, offset);
      dataParts.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === offset && last.tileId + last.runLength === tile.tileId) last.runLength++;
    else entries.push({ tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  writeHeader(
    new DataView(header.buffer),
    {
      rootOffset,
      rootLength: root.length,
      metadataOffset,
      metadataLength: metadata.length,
      leafOffset,
      leafLength: leaves.length,
      dataOffset,
      dataLength,
      addressedTiles: sorted.length,
      tileEntries: entries.length,
      tileContents: contentOffsets.size,
    },
    options,
  );
  return Buffer.concat([header, root, metadata, leaves, ...dataParts]);
}

export { Compression, TileType };
