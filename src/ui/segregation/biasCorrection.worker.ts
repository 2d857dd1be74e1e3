/**
 * The bias-corrected D (Allen et al. 2015, src/stats/segregation/
 * expectedDissimilarity.ts) off the main thread: its bootstrap deals every
 * resident of every unit hundreds of times, which would stall the panel.
 */
import { biasCorrectedDissimilarity } from '../../stats/segregation/expectedDissimilarity.ts';
import type { BiasRequest, BiasResponse } from './biasCorrection.ts';

self.onmessage = (event: MessageEvent<BiasRequest>) => {
  const { id, a, b } = event.data;
  let response: BiasResponse;
  try {
    response = { id, result: biasCorrectedDissimilarity(a, b) };
  } catch (error) {
    response = { id, error: (error as Error).message };
  }
  (self as unknown as Worker).postMessage(response);
};
