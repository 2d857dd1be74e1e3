/**
 * Every entry of the catalogue at once, the later themes' included, for the
 * pipeline, the scripts and the tests (import this module for its effect).
 * The app loads the later themes when first used instead (index.ts).
 */
import { ACCESS_LAYERS } from './access.ts';
import { DOTS_LAYERS } from './dots.ts';
import { LATER_LAYERS, registerLayers } from './index.ts';
import { SEGREGATION_LAYERS } from './segregation.ts';

const LATER: Record<string, readonly import('./types.ts').LayerEntry[]> = {
  ethnic_dots: DOTS_LAYERS,
  segregation_ethnicity: SEGREGATION_LAYERS,
  segregation_religion: SEGREGATION_LAYERS,
  access: ACCESS_LAYERS,
};

for (const stub of LATER_LAYERS) {
  const entries = LATER[stub.id];
  if (!entries) throw new Error(`catalogue/all.ts does not import the later layer "${stub.id}"`);
  registerLayers(entries);
}
