/** The bench's worker thread: the bias-corrected D, as the app's Web Worker computes it (src/ui/segregation/biasCorrection.worker.ts). */
import { parentPort } from 'node:worker_threads';
import { biasCorrectedDissimilarity } from '../src/stats/segregation/expectedDissimilarity.ts';

parentPort!.on('message', ({ a, b }: { a: Float64Array; b: Float64Array }) => {
  const started = performance.now();
  biasCorrectedDissimilarity(a, b);
  parentPort!.postMessage({ ms: performance.now() - started });
});
