/**
 * The main thread's side of the dot worker: loads the counts and the LSOA
 * boxes once, hands the worker the geometry tiles it asks for (from the
 * shared tile store, so no tile is fetched twice), and answers deck.gl's
 * requests for the dots of a tile.
 */
import type { DataClient } from '../../data/client.ts';
import { decodeCodes } from '../../data/codes.ts';
import { dataPaths, type SegregationUnits } from '../../data/schema.ts';
import type { TileStore } from '../tileStore.ts';
import type { TileDots } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** The census counts of the dots, by LSOA (areas/lsoa.json order), and each LSOA's box. */
export interface DotCounts {
  codes: string[];
  groups: string[];
  /** counts[i * groups.length + g]. */
  counts: Uint32Array;
  /** [west, south, east, north] of LSOA i at 4i. */
  bounds: Float64Array;
}

/** The counts of a grouping and release, in the order of `groupIds`, aligned on the LSOAs of areas/lsoa.json and their boxes. */
export async function loadDotCounts(client: DataClient, grouping: string, release: string, groupIds: readonly string[]): Promise<DotCounts> {
  const [units, areas, flatBounds] = await Promise.all([
    client.file<SegregationUnits>(dataPaths.segregationUnits(grouping, release, 'lsoa')),
    client.areas('lsoa'),
    client.lsoaBounds(),
  ]);
  const unitCodes = decodeCodes(units.codes);
  const width = units.groups.length;
  const order = groupIds.map((id) => {
    const g = units.groups.indexOf(id);
    if (g < 0) throw new Error(`${dataPaths.segregationUnits(grouping, release, 'lsoa')} has no group ${id}`);
    return g;
  });
  const codes: string[] = [];
  const counts: number[] = [];
  const bounds: number[] = [];
  unitCodes.forEach((code, u) => {
    const i = areas.indexOf.get(code);
    if (i === undefined) return;
    codes.push(code);
    for (const g of order) counts.push(units.counts[u * width + g]);
    bounds.push(flatBounds[4 * i], flatBounds[4 * i + 1], flatBounds[4 * i + 2], flatBounds[4 * i + 3]);
  });
  return { codes, groups: [...groupIds], counts: Uint32Array.from(counts), bounds: Float64Array.from(bounds) };
}

export interface DotSource {
  tileDots(z: number, x: number, y: number, signal?: AbortSignal): Promise<TileDots>;
  /** Milliseconds the worker spent on each tile, for the benchmark. */
  readonly timings: number[];
  dispose(): void;
}

export function createDotSource(tiles: TileStore, data: DotCounts, colours: readonly (readonly number[])[]): DotSource {
  const worker = new Worker(new URL('./dots.worker.ts', import.meta.url), { type: 'module' });
  const post = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  post({ type: 'init', codes: data.codes, counts: data.counts, groups: data.groups.length, bounds: data.bounds, colours: Uint8Array.from(colours.flat()) });
  const pending = new Map<number, { z: number; x: number; y: number; resolve(dots: TileDots): void; reject(error: Error): void; signal?: AbortSignal }>();
  const timings: number[] = [];
  let nextId = 1;

  const ask = (id: number) => {
    const request = pending.get(id);
    if (!request) return;
    if (request.signal?.aborted) {
      pending.delete(id);
      request.reject(new DOMException('tile no longer needed', 'AbortError'));
      return;
    }
    post({ type: 'dots', id, z: request.z, x: request.x, y: request.y });
  };

  worker.onmessage = async (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return;
    if (message.type === 'need') {
      try {
        const loaded = await Promise.all(message.tiles.map(async ([z, x, y]) => ({ z, x, y, bytes: await tiles.get('lsoa', z, x, y) })));
        post({ type: 'tiles', tiles: loaded });
        ask(message.id);
      } catch (error) {
        pending.delete(message.id);
        request.reject(error as Error);
      }
      return;
    }
    pending.delete(message.id);
    if (message.type === 'error') request.reject(new Error(message.message));
    else {
      timings.push(message.ms);
      request.resolve(message.dots);
    }
  };

  return {
    tileDots(z, x, y, signal) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { z, x, y, resolve, reject, signal });
        ask(id);
      });
    },
    timings,
    dispose() {
      worker.terminate();
      for (const request of pending.values()) request.reject(new DOMException('dots layer closed', 'AbortError'));
      pending.clear();
    },
  };
}

/** People of each group in the LSOAs whose boxes overlap a view box [west, south, east, north], and which LSOAs those are. */
export function countInView(data: DotCounts, view: readonly [number, number, number, number]): { lsoas: number[]; sums: number[] } {
  const g = data.groups.length;
  const sums = new Array<number>(g).fill(0);
  const lsoas: number[] = [];
  const [w, s, e, n] = view;
  const b = data.bounds;
  for (let i = 0; i < data.codes.length; i++) {
    if (b[4 * i] > e || b[4 * i + 2] < w || b[4 * i + 1] > n || b[4 * i + 3] < s) continue;
    lsoas.push(i);
    for (let k = 0; k < g; k++) sums[k] += data.counts[i * g + k];
  }
  return { lsoas, sums };
}
