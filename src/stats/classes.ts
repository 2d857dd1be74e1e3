/**
 * Class-making, by the kind of a layer's class scheme (entry.classes.kind):
 * the one place where values and ranks become the class numbers of the map
 * (1…n, 0 = no value) — for stored layers in the pipeline
 * (scripts/pipeline/stages/classes.ts) and for computed layers in the app
 * (src/data/computed/). The app turns class numbers into colours and legends
 * by the same kinds (src/config/classSchemes.ts).
 */
import type { ClassSchemeSpec, LayerEntry } from '../config/catalogue/types.ts';
import { decilesOfRanks } from './ranking.ts';
import { quantileClasses } from './quantiles.ts';

export interface MadeClasses {
  class: Uint8Array;
  /** Quantile and diverging schemes: the class limits. */
  breaks?: number[] | null;
}

/** One release of one measure: its values, ranks and any classes the source gave. */
export interface ClassInput {
  value: Float64Array;
  rank?: Float64Array;
  given?: Uint8Array;
  layer: string;
  /** The measure's id (fixed bands have limits per measure). */
  measure?: string;
  what: string;
}

type ClassMaker<S extends ClassSchemeSpec> = (spec: S, input: ClassInput) => MadeClasses;

/** Deciles of a set of values NaN can be missing from: only areas with a rank take a decile. */
function decilesOfPresentRanks(rank: Float64Array): Uint8Array {
  const present: number[] = [];
  for (let i = 0; i < rank.length; i++) if (!Number.isNaN(rank[i])) present.push(i);
  const classes = new Uint8Array(rank.length);
  const deciles = decilesOfRanks(present.map((i) => rank[i]));
  present.forEach((i, k) => (classes[i] = deciles[k]));
  return classes;
}

const MAKERS: { [K in ClassSchemeSpec['kind']]: ClassMaker<Extract<ClassSchemeSpec, { kind: K }>> } = {
  /**
   * Official deciles: as the source publishes them (LSOAs), else the decile of
   * the national rank among the areas of the level (decilesOfRanks: ties that
   * reach the last place take decile 10).
   */
  deciles(_spec, input) {
    if (input.given) return { class: input.given };
    if (!input.rank) throw new Error(`${input.layer} ${input.what}: a decile scheme needs ranks or the source's deciles`);
    return { class: decilesOfPresentRanks(input.rank) };
  },
  /** National quantiles of the (stored, rounded) values: src/stats/quantiles.ts. */
  quantiles(spec, input) {
    const made = quantileClasses(input.value, spec.count);
    return { class: made.classes, breaks: made.breaks };
  },
  diverging(_spec, input) {
    throw new Error(`${input.layer}: diverging class schemes are not built by the pipeline yet`);
  },
  /** Fixed limits of the measure (bandClasses). */
  bands(spec, input) {
    const limits = spec.limits[input.measure ?? ''];
    if (!limits) throw new Error(`${input.layer} ${input.what}: the layer's bands have no limits for this measure`);
    return bandClasses(input.value, limits);
  },
  categories(_spec, input) {
    if (!input.given) throw new Error(`${input.layer} ${input.what}: a categorical scheme needs the source's categories`);
    return { class: input.given };
  },
};

/**
 * Classes by fixed limits (see the 'bands' scheme in catalogue/types.ts):
 * class(v) = 1 + #{k : v > limitₖ}, 0 where v is missing (NaN). The breaks
 * are the limits between the smaller of the lowest value and the first
 * limit and the larger of the highest value and the last limit, so the
 * legend reads as for quantiles.
 */
export function bandClasses(values: ArrayLike<number>, limits: readonly number[]): MadeClasses {
  const classes = new Uint8Array(values.length);
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
    let c = 1;
    for (const limit of limits) if (v > limit) c++;
    classes[i] = c;
  }
  const breaks = low === Infinity ? null : [Math.min(low, limits[0]), ...limits, Math.max(high, limits[limits.length - 1])];
  return { class: classes, breaks };
}

/** The classes of one release of one measure, by the layer's scheme. */
export function makeClasses(entry: LayerEntry, input: ClassInput): MadeClasses {
  const maker = MAKERS[entry.classes.kind] as ClassMaker<ClassSchemeSpec>;
  return maker(entry.classes, input);
}
