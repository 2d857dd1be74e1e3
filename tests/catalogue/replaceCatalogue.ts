/**
 * For tests: the catalogue with layers added or replaced, and a function that
 * restores it. The app's catalogue is one array (src/config/catalogue/index.ts)
 * that every lookup reads, so changing its contents is enough.
 */
import { LAYERS, type LayerEntry } from '../../src/config/catalogue/index.ts';

export function replaceCatalogueForTest(layers: readonly LayerEntry[]): () => void {
  const catalogue = LAYERS as LayerEntry[];
  const before = [...catalogue];
  catalogue.splice(0, catalogue.length, ...layers);
  return () => {
    catalogue.splice(0, catalogue.length, ...before);
  };
}
