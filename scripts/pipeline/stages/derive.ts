/**
 * Derive stage: every level of every layer, from its adapter (LSOAs as
 * harmonised, wards and authorities aggregated), then generically: values
 * rounded as the catalogue stores them, national ranks and ranks within the
 * authority where the source gives none, classes by the layer's scheme
 * (classes.ts), and how the LSOAs of each ward and authority spread over the
 * classes.
 */
import { LAYERS, levelsOf, type LayerEntry } from '../../../src/config/catalogue/index.ts';
import { schemeKind } from '../../../src/config/classSchemes.ts';
import type { Level } from '../../../src/config/geography.ts';
import { classCounts, rankDescending, rankDescendingWithinGroups } from '../../../src/stats/ranking.ts';
import type { AgreementRecord } from '../../../src/data/schema.ts';
import { adapterOf } from '../adapters/index.ts';
import type { Note } from '../adapters/types.ts';
import type { HarmonisedContext, LayerData, LevelData } from '../model.ts';
import { round } from '../output.ts';
import { classifyMeasure } from './classes.ts';

export interface Derived {
  /** The layers built, in catalogue order. */
  layers: LayerData[];
  /** Computed authority figures against the official ones (File 10). */
  agreement: AgreementRecord[];
}

const roundValues = (values: Float64Array, decimals: number) => values.map((v) => (Number.isNaN(v) ? v : round(v, decimals)));

function completeLevel(entry: LayerEntry, level: Level, data: LevelData, ctx: HarmonisedContext): void {
  const spec = entry.levels[level]!;
  for (const measure of spec.measures) {
    const m = data.measures[measure.id];
    m.value = m.value.map((values) => roundValues(values, measure.format.storedDecimals));
    if (measure.ranked) {
      m.rank ??= m.value.map((values) => rankDescending(values));
      if (level === 'ward') m.rankWithinLad ??= m.value.map((values) => rankDescendingWithinGroups(values, ctx.geography.ward.lad));
    }
    classifyMeasure(entry, m, `${level} ${measure.id}`, measure.id);
  }
}

/** Derives every layer whose adapter's source was read (`harmonised` by adapter id). */
export function deriveLayers(harmonised: ReadonlyMap<string, unknown>, ctx: HarmonisedContext, note: Note): Derived {
  const layers: LayerData[] = [];
  const agreement: AgreementRecord[] = [];
  for (const entry of LAYERS) {
    // Computed layers (segregation) have no stored values: stages/segregation.ts makes their files.
    if (entry.computed || !harmonised.has(entry.adapter)) continue;
    const adapter = adapterOf(entry.adapter);
    const layer: LayerData = {
      entry,
      levels: {},
      gaps: [],
      officialLadMeasures: {},
      lsoaClassCounts: {},
      classCount: schemeKind(entry.classes).classCount(entry.classes),
    };
    for (const level of levelsOf(entry)) {
      const result = adapter.level(harmonised.get(entry.adapter), entry, level, ctx);
      if (!result || result.data.releases.length === 0) continue;
      completeLevel(entry, level, result.data, ctx);
      layer.levels[level] = result.data;
      layer.gaps.push(...(result.gaps ?? []));
      if (level === 'lad' && result.official) layer.officialLadMeasures = result.official;
      agreement.push(...(result.agreement ?? []));
    }
    const lsoa = layer.levels.lsoa;
    if (lsoa) {
      const spec = entry.levels.lsoa!;
      const classes = lsoa.measures[spec.measures[0].id].class!;
      const newest = classes[classes.length - 1];
      layer.lsoaClassCounts = {
        ward: classCounts(newest, ctx.geography.lsoa.ward, ctx.geography.ward.codes.length, layer.classCount),
        lad: classCounts(newest, ctx.ladOfLsoa, ctx.geography.lad.codes.length, layer.classCount),
      };
    }
    layers.push(layer);
  }
  note(`${layers.length} layers: ${layers.map((l) => l.entry.id).join(', ')}`);
  return { layers, agreement };
}
