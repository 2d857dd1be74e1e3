/**
 * Small helpers shared by the pipeline tests: reading a folder back, building
 * CSV tables in memory, asserting on InputErrors, and reading PMTiles
 * archives and vector tiles with the same libraries the map uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import type { CsvTable } from '../../scripts/pipeline/csv.ts';
import { InputError } from '../../scripts/pipeline/errors.ts';

/** Every file under `dir`, by path relative to it (with forward slashes), sorted. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  visit(dir);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Asserts two folders hold the same files with the same bytes, naming the first difference. */
export function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of expected) {
    const other = actual.get(path)!;
    expect(other.equals(bytes), `${path} differs`).toBe(true);
  }
}

/** A CsvTable as readCsv returns it, with the header on line 1 and row i on line i + 2. */
export function csvTable(file: string, header: string[], rows: string[][]): CsvTable {
  return { file, header: [...header], rows: rows.map((row) => [...row]), lines: rows.map((_, i) => i + 2) };
}

export interface ExpectedInputError {
  file: string;
  line?: number;
  column?: string;
  /** Fragments the message must contain. */
  message: (string | RegExp)[];
}

function checkInputError(error: unknown, expected: ExpectedInputError): InputError {
  expect(error).toBeInstanceOf(InputError);
  const e = error as InputError;
  expect(e.file).toBe(expected.file);
  if ('line' in expected) expect(e.line).toBe(expected.line);
  if ('column' in expected) expect(e.column).toBe(expected.column);
  // The message a user sees names the file (and line and column) first.
  if ('line' in expected) {
    const where = [expected.file];
    if (expected.line !== undefined) where.push(`line ${expected.line}`);
    if (expected.column !== undefined) where.push(`column "${expected.column}"`);
    expect(e.message.startsWith(`${where.join(', ')}: `), e.message).toBe(true);
  } else {
    expect(e.message.startsWith(`${expected.file}`), e.message).toBe(true);
  }
  for (const fragment of expected.message) {
    if (typeof fragment === 'string') expect(e.message).toContain(fragment);
    else expect(e.message).toMatch(fragment);
  }
  return e;
}

/** The InputError an async step rejects with (failing the test if it resolves or rejects with anything else), for tests that check its details themselves. */
export async function inputErrorOf(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** Runs `run` and asserts it throws an InputError with these details. */
export function expectInputError(run: () => unknown, expected: ExpectedInputError): InputError {
  try {
    run();
  } catch (error) {
    return checkInputError(error, expected);
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** Awaits `promise` and asserts it rejects with an InputError with these details. */
export async function expectInputErrorAsync(promise: Promise<unknown>, expected: ExpectedInputError): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    return checkInputError(error, expected);
  }
  throw new Error('expected an InputError, but the promise resolved');
}

// ---------------------------------------------------------------------------
// PMTiles and vector tiles
// ---------------------------------------------------------------------------

/** A pmtiles Source over bytes in memory. */
export class BufferSource implements Source {
  private readonly bytes: Uint8Array;
  private readonly key: string;
  constructor(bytes: Uint8Array, key: string) {
    this.bytes = bytes;
    this.key = key;
  }
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    // A copy with its own ArrayBuffer (a Buffer's .buffer is a shared pool).
    const copy = new Uint8Array(Math.max(0, Math.min(length, this.bytes.length - offset)));
    copy.set(this.bytes.subarray(offset, offset + copy.length));
    return { data: copy.buffer };
  }
}

let archiveCounter = 0;
/** Opens an archive held in memory with the pmtiles library (it decompresses with DecompressionStream). */
export function openArchive(bytes: Uint8Array): PMTiles {
  archiveCounter += 1;
  return new PMTiles(new BufferSource(bytes, `memory-${archiveCounter}`));
}

/** The part of @mapbox/vector-tile these tests use. */
export interface VectorTileFeatureLike {
  type: number;
  properties: Record<string, string | number | boolean>;
  loadGeometry(): { x: number; y: number }[][];
}
export interface VectorTileLike {
  layers: Record<string, { length: number; extent: number; feature(i: number): VectorTileFeatureLike }>;
}

// @mapbox/vector-tile and pbf are CommonJS without type declarations at the
// top level of node_modules, so they are loaded with require and typed here.
const require = createRequire(import.meta.url);
const { VectorTile } = require('@mapbox/vector-tile') as { VectorTile: new (pbf: unknown) => VectorTileLike };
const Pbf = require('pbf') as new (buffer: Uint8Array) => unknown;

/** Decodes a (gzip-compressed or plain) Mapbox Vector Tile. */
export function decodeTile(data: ArrayBuffer | Uint8Array): VectorTileLike {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return new VectorTile(new Pbf(bytes));
}

/** Slippy-map tile of a longitude/latitude at zoom z (Web Mercator). */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n);
  return { x, y };
}
