/**
 * The catalogue of layers: one list that the pipeline, the map, the legend,
 * the tooltip, the table, the area panel, the About page, the downloads
 * dictionary and the URL all derive from. Adding a layer is adding an entry
 * here (and, if its data is new, a source adapter in scripts/pipeline/adapters/).
 *
 * The entries of later layers load when first used (LATER_LAYERS): the
 * first map carries only a stub of each (id, place in the picker, label),
 * and the whole entry comes with the layer — when it is chosen, when a link
 * names it (before the link is read: src/state/url.ts linkedLayers), or with
 * the About page. The pipeline, the scripts and the tests take every entry
 * at once (./all.ts).
 */
import type { Level } from '../geography.ts';
import { DEPRIVATION_LAYERS } from './deprivation.ts';
import { DIVERSITY_LAYERS } from './diversity.ts';
import { RELIGION_LAYERS } from './religion.ts';
import type { LayerEntry, LevelSpec, MeasureSpec, Msg, Release, Theme, ThemeId } from './types.ts';

export type * from './types.ts';

export const THEMES: Theme[] = [
  {
    id: 'deprivation',
    label: { id: 'theme.deprivation', defaultMessage: 'Deprivation (IoD)' },
    groups: [
      { id: 'index', label: { id: 'group.index', defaultMessage: 'Overall index' } },
      { id: 'domains', label: { id: 'group.domains', defaultMessage: 'Domains' } },
      { id: 'subdomains', label: { id: 'group.subdomains', defaultMessage: 'Sub-domains' } },
    ],
  },
  {
    id: 'diversity',
    label: { id: 'theme.diversity', defaultMessage: 'Diversity and cohesion' },
    groups: [
      { id: 'ethnicity', label: { id: 'group.ethnicity', defaultMessage: 'Ethnic group' } },
      { id: 'religion', label: { id: 'group.religion', defaultMessage: 'Religion' } },
    ],
  },
  {
    id: 'segregation',
    label: { id: 'theme.segregation', defaultMessage: 'Segregation' },
    groups: [
      { id: 'ethnicity', label: { id: 'group.ethnicity', defaultMessage: 'Ethnic group' } },
      { id: 'religion', label: { id: 'group.religion', defaultMessage: 'Religion' } },
    ],
  },
  {
    id: 'services',
    label: { id: 'theme.services', defaultMessage: 'Services' },
    groups: [{ id: 'access', label: { id: 'group.access', defaultMessage: 'Access' } }],
  },
];

/** Every layer loaded so far, in the order of the layer picker: the first map's themes, then the later ones as they load. */
export const LAYERS: LayerEntry[] = [...DEPRIVATION_LAYERS, ...DIVERSITY_LAYERS, ...RELIGION_LAYERS];

/** A layer whose entry loads when first used: what the picker needs until then. */
export interface LayerStub {
  id: string;
  theme: ThemeId;
  group: string;
  /** The entry's own label (the same message). */
  label: Msg;
  load(): Promise<readonly LayerEntry[]>;
}

const laterLayer = (id: string, theme: ThemeId, group: string, label: string, load: LayerStub['load']): LayerStub => ({
  id,
  theme,
  group,
  label: { id: `layer.${id}.label`, defaultMessage: label },
  load,
});
const segregation = () => import('./segregation.ts').then((module) => module.SEGREGATION_LAYERS);

export const LATER_LAYERS: readonly LayerStub[] = [
  laterLayer('ethnic_dots', 'diversity', 'ethnicity', 'Ethnic group, one dot per person', () => import('./dots.ts').then((module) => module.DOTS_LAYERS)),
  laterLayer('segregation_ethnicity', 'segregation', 'ethnicity', 'Segregation by ethnic group', segregation),
  laterLayer('segregation_religion', 'segregation', 'religion', 'Segregation by religion', segregation),
  laterLayer('access', 'services', 'access', 'Access to services', () => import('./access.ts').then((module) => module.ACCESS_LAYERS)),
];

const registered: ((entries: readonly LayerEntry[]) => void)[] = [];

/** Calls `listener` with the entries of each later theme as it loads (the messages of the interface take theirs). */
export function onLayersRegistered(listener: (entries: readonly LayerEntry[]) => void): void {
  registered.push(listener);
}

/** Adds the entries of a later theme to the catalogue (once each). */
export function registerLayers(entries: readonly LayerEntry[]): void {
  const added = entries.filter((entry) => !LAYERS.some((known) => known.id === entry.id));
  if (added.length === 0) return;
  LAYERS.push(...added);
  for (const listener of registered) listener(added);
}

/** The entry of a layer, loading it first if it is a later one; undefined for an id the catalogue does not have. */
export async function loadLayer(id: string): Promise<LayerEntry | undefined> {
  const stub = LATER_LAYERS.find((later) => later.id === id);
  if (stub && !layerById(id)) registerLayers(await stub.load());
  return layerById(id);
}

/** Every entry, the later ones loaded (the About page lists them all). */
export async function loadAllLayers(): Promise<readonly LayerEntry[]> {
  await Promise.all(LATER_LAYERS.map((stub) => loadLayer(stub.id)));
  return LAYERS;
}


/** The layer shown when a link names none. */
export const DEFAULT_LAYER_ID = 'imd';

export function layerById(id: string): LayerEntry | undefined {
  return LAYERS.find((layer) => layer.id === id);
}

export function themeById(id: ThemeId): Theme {
  return THEMES.find((theme) => theme.id === id)!;
}

export function layersOfTheme(theme: ThemeId): LayerEntry[] {
  return LAYERS.filter((layer) => layer.theme === theme);
}

export function levelSpec(layer: LayerEntry, level: Level): LevelSpec | undefined {
  return layer.levels[level];
}

export function levelsOf(layer: LayerEntry): Level[] {
  return (['lsoa', 'ward', 'lad'] as const).filter((level) => layer.levels[level]);
}

export function measureOf(layer: LayerEntry, level: Level, id: string | null | undefined): MeasureSpec | undefined {
  const spec = layer.levels[level];
  if (!spec) return undefined;
  return id == null ? spec.measures[0] : spec.measures.find((m) => m.id === id);
}

export function releaseOf(layer: LayerEntry, id: string): Release | undefined {
  return layer.releases.find((release) => release.id === id);
}

/** The newest release of a layer at a level: the default. */
export function latestRelease(layer: LayerEntry, level: Level): string {
  const releases = layer.levels[level]!.releases;
  return releases[releases.length - 1];
}

/** The number a rank of this release is out of: the areas the publisher ranked, or else the areas of the build. */
export function rankTotal(release: Release, level: Level, areasInBuild: number): number {
  return release.rankedAmong?.[level] ?? areasInBuild;
}
