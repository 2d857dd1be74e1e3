/** The classes of the build's stored layers, by src/stats/classes.ts (the computed layers' too). */
import type { LayerEntry } from '../../../src/config/catalogue/index.ts';
import { makeClasses } from '../../../src/stats/classes.ts';
import type { MeasureData } from '../model.ts';

/** Classes of every release of a measure, written into it (class, and breaks where the scheme has them). */
export function classifyMeasure(entry: LayerEntry, measure: MeasureData, what: string, measureId?: string): void {
  const made = measure.value.map((value, r) =>
    makeClasses(entry, { value, rank: measure.rank?.[r], given: measure.class?.[r], layer: entry.id, measure: measureId, what }),
  );
  measure.class = made.map((m) => m.class);
  if (made.some((m) => m.breaks !== undefined)) measure.breaks = made.map((m) => m.breaks ?? null);
}
