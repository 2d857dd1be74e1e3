/**
 * The view spec: what the current view shows, resolved once from the URL
 * state, the catalogue and what the build made (the manifest). The map, the
 * legend, the tooltip, the table and the panel read it; none of them works
 * out again what a level, a layer, a measure or a release means.
 */
import { DEFAULT_LAYER_ID, layerById, levelsOf, releaseOf } from '../config/catalogue/index.ts';
import type { LayerEntry, MeasureSpec, Msg, Release } from '../config/catalogue/types.ts';
import { schemeKind, type SchemeKind } from '../config/classSchemes.ts';
import type { Level } from '../config/geography.ts';
import { NO_DATA_COLOUR, type Rgb } from '../config/palette.ts';
import { dataPaths, type Manifest } from '../data/schema.ts';
import { ALL_GROUPS, computedPath } from '../data/computed/paths.ts';
import { parseComparison } from '../config/catalogue/comparisons.ts';
import type { UrlState } from './url.ts';
import type { KeyedProblem } from './notifyProblems.ts';

export interface ViewSpec {
  layer: LayerEntry;
  level: Level;
  measure: MeasureSpec;
  /** The release shown, and its position in the class and value files' `releases`. */
  release: Release;
  releaseIndex: number;
  /** Releases of this layer at this level that the build made, oldest first. */
  releases: Release[];
  /**
   * The groups compared, for a layer with comparisons: group a (index into
   * layer.comparisons.groups) against group b, or the rest (b null).
   */
  comparison: { id: string; a: number; b: number | null } | null;
  paths: { classes: string; values: string };
  scheme: SchemeKind;
  /** colours[c] is the colour of class c; colours[0] that of an area with no value. */
  colours: Rgb[];
  /** Name of a class column in the table and tooltips ("Decile", "Quintile"). */
  className: Msg;
  /** Changes whenever the colours do: "lsoa:imd:score:2025". */
  key: string;
}


/**
 * Resolves the state against the catalogue and the build. Never fails: a
 * layer or release the build lacks falls back to the default, with problems
 * to show.
 */
export function resolveView(state: Pick<UrlState, 'layer' | 'level' | 'measure' | 'release'> & { groups?: string | null }, manifest: Pick<Manifest, 'layers'>): { spec: ViewSpec; problems: KeyedProblem[] } {
  const problems: KeyedProblem[] = [];
  let layer = layerById(state.layer) ?? layerById(DEFAULT_LAYER_ID)!;
  let level = layer.levels[state.level] ? state.level : levelsOf(layer)[0];
  if (!manifest.layers[layer.id]?.levels[level]) {
    const fallback = layerById(DEFAULT_LAYER_ID)!;
    problems.push({ key: 'notBuilt', values: { layer: layer.label, fallback: fallback.label } });
    layer = fallback;
    level = layer.levels[level] ? level : levelsOf(layer)[0];
  }
  const levelSpec = layer.levels[level]!;
  const built = manifest.layers[layer.id]?.levels[level];
  const measure = levelSpec.measures.find((m) => m.id === state.measure) ?? levelSpec.measures[0];
  const builtReleases = levelSpec.releases.filter((id) => !built || built.releases.includes(id));
  const releases = builtReleases.map((id) => releaseOf(layer, id)!);
  let releaseId = state.release ?? builtReleases[builtReleases.length - 1];
  if (!builtReleases.includes(releaseId)) {
    // A release of a layer that fell back was asked of another layer: the layer's problem says enough.
    if (state.release && layer.id === state.layer) problems.push({ key: 'releaseNotBuilt', values: { release: state.release, layer: layer.label } });
    releaseId = builtReleases[builtReleases.length - 1];
  }
  const scheme = schemeKind(layer.classes);
  const comparison = layer.comparisons
    ? ((state.groups && layer.id === state.layer ? parseComparison(layer.comparisons, state.groups) : undefined) ?? parseComparison(layer.comparisons, layer.comparisons.default)!)
    : null;
  const computed = layer.computed && computedPath({ layer: layer.id, level, comparison: comparison?.id ?? ALL_GROUPS, measure: measure.id });
  const paths = computed ? { classes: computed, values: computed } : { classes: dataPaths.classes(layer.id, level, measure.id), values: dataPaths.values(layer.id, level) };
  const spec: ViewSpec = {
    layer,
    level,
    measure,
    release: releaseOf(layer, releaseId)!,
    releaseIndex: (built?.releases ?? levelSpec.releases).indexOf(releaseId),
    releases,
    comparison,
    paths,
    scheme,
    colours: [NO_DATA_COLOUR, ...scheme.colours(layer.classes, layer.palette)],
    className: scheme.className(layer.classes),
    key: `${level}:${layer.id}:${measure.id}:${releaseId}${comparison ? `:${comparison.id}` : ''}`,
  };
  return { spec, problems };
}
