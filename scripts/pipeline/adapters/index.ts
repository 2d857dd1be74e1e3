/**
 * The source adapters, by the id that catalogue entries name in `adapter`
 * (src/config/catalogue/). A new source is a new adapter here; the stages
 * dispatch on the entry, never on the layer.
 */
import { accessAdapter } from './access.ts';
import { censusEthnicityAdapter } from './censusEthnicity.ts';
import { censusReligionAdapter } from './censusReligion.ts';
import { iodAdapter } from './iod.ts';
import { segregationAdapter } from './segregation.ts';
import type { SourceAdapter } from './types.ts';

export const ADAPTERS: Record<string, SourceAdapter<any, any>> = {
  iod: iodAdapter,
  'census-ethnicity': censusEthnicityAdapter,
  'census-religion': censusReligionAdapter,
  segregation: segregationAdapter,
  access: accessAdapter,
};

export function adapterOf(id: string): SourceAdapter<any, any> {
  const adapter = ADAPTERS[id];
  if (!adapter) throw new Error(`no source adapter "${id}" (scripts/pipeline/adapters/index.ts)`);
  return adapter;
}
