/**
 * Asks the bias-correction worker for the bias-corrected D of two groups'
 * counts per unit (500 seeded bootstrap replicates, 95% interval). One worker
 * serves the page; requests are answered in order. Where workers are not
 * available (tests in Node), the same function runs in place.
 */
import { biasCorrectedDissimilarity, type BiasCorrectedDissimilarity } from '../../stats/segregation/expectedDissimilarity.ts';

export interface BiasRequest {
  id: number;
  a: Float64Array;
  b: Float64Array;
}

export type BiasResponse = { id: number; result: BiasCorrectedDissimilarity; error?: undefined } | { id: number; error: string; result?: undefined };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(result: BiasCorrectedDissimilarity): void; reject(error: Error): void }>();

function startWorker(): Worker {
  const created = new Worker(new URL('./biasCorrection.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<BiasResponse>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
    else waiting.resolve(event.data.result);
  };
  created.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'the bias-correction worker failed'));
    pending.clear();
    worker = null;
  };
  return created;
}

/** Answers by key (area, scale, census, groups), so that the same figures are not bootstrapped twice in a page. */
const answers = new Map<string, Promise<BiasCorrectedDissimilarity>>();
const KEPT_ANSWERS = 200;

export function biasCorrected(key: string, a: Float64Array, b: Float64Array): Promise<BiasCorrectedDissimilarity> {
  let answer = answers.get(key);
  if (!answer) {
    if (answers.size >= KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
    answer = compute(a, b).catch((error: Error) => {
      answers.delete(key);
      throw error;
    });
    answers.set(key, answer);
  }
  return answer;
}

function compute(a: Float64Array, b: Float64Array): Promise<BiasCorrectedDissimilarity> {
  if (typeof Worker === 'undefined') {
    try {
      return Promise.resolve(biasCorrectedDissimilarity(a, b));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  worker ??= startWorker();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Copies, so the caller's columns stay usable.
    worker!.postMessage({ id, a: a.slice(), b: b.slice() } satisfies BiasRequest);
  });
}
