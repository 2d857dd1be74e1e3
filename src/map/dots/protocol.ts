/** Messages between the map (dotsClient.ts) and the dot worker (dots.worker.ts). */
import type { TileDots } from './engine.ts';

export type ToWorker =
  | { type: 'init'; codes: string[]; counts: Uint32Array; groups: number; bounds: Float64Array; colours: Uint8Array }
  | { type: 'tiles'; tiles: { z: number; x: number; y: number; bytes: Uint8Array | null }[] }
  | { type: 'dots'; id: number; z: number; x: number; y: number };

export type FromWorker =
  | { type: 'need'; id: number; tiles: [number, number, number][] }
  | { type: 'dots'; id: number; dots: TileDots; ms: number }
  | { type: 'error'; id: number; message: string };
