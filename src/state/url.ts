/**
 * The URL is the shareable form of the view: every setting that changes
 * what a person sees is in it, in a fixed order, so a copied link restores
 * exactly the same view. Layers, measures and releases are resolved against
 * the catalogue (src/config/catalogue/), so a new layer needs nothing here.
 *
 * Parsing never throws: anything malformed falls back to the default for
 * that setting, with a problem the app shows as a notice. A setting given
 * twice takes its last valid value, and says so.
 */
import { DEFAULT_LAYER_ID, layerById, levelsOf, loadLayer, measureOf } from '../config/catalogue/index.ts';
import { parseComparison } from '../config/catalogue/comparisons.ts';
import type { Msg } from '../config/catalogue/types.ts';
import type { ProblemKey } from './problemMessages.ts';
import { CODE_PATTERNS, isLevel, levelOfCode, type Level } from '../config/geography.ts';
import { NEAR_DISTANCES, SERVICE_TYPE_IDS, type NearDistance, type ServiceTypeId } from '../config/serviceTypes.ts';

export interface Viewport {
  longitude: number;
  latitude: number;
  zoom: number;
}

export type View = 'map' | 'table' | 'about';
const VIEWS: readonly View[] = ['map', 'table', 'about'];

export const TABLE_COLUMNS = ['name', 'code', 'parent', 'value', 'rank', 'class'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface TableSort {
  column: TableColumn;
  direction: SortDirection;
}

/**
 * What is selected: one area of a level, one feature of a point layer
 * (services, schools), or a set of areas (shift-click, lasso).
 */
export type SelectionRef =
  | { kind: 'area'; code: string }
  | { kind: 'feature'; layer: string; id: string }
  | { kind: 'areas'; codes: string[] };

/**
 * Most areas a set selection holds. A lasso over a city takes hundreds of
 * LSOAs (Birmingham has 640; within 5 km of a city centre 200–700), so the
 * limit is 2,000: as codes of 9 characters and a comma, a link of about
 * 20 KB, far below what browsers (2 MB in Chromium) and the server (4 MB of
 * headers) take, though too long to read out or to paste into some chat
 * apps. A larger set is refused by the tools rather than cut short.
 */
export const MAX_SELECTED_AREAS = 2000;

/**
 * The place "near me" is about: a postcode (upper case, no space; looked up
 * in the postcode index when shown) or a point chosen on the map or by the
 * browser's geolocation (degrees, 5 decimals).
 */
export type PlaceRef = { kind: 'postcode'; postcode: string } | { kind: 'point'; lng: number; lat: number };

/** Everything the URL holds. */
export interface UrlState {
  /** Catalogue id of the layer the map shows. */
  layer: string;
  level: Level;
  /** Measure id at this level; null: the layer's first measure there. */
  measure: string | null;
  /** Release id; null: the newest at this level. */
  release: string | null;
  /** The groups compared, for a layer with comparisons (`white-rest`, `asian-white`); null: the layer's default. */
  groups: string | null;
  selection: SelectionRef | null;
  /** The name a person gave a set selection (“Lozells ring”), shown on the panel and in its download. */
  selectionName: string | null;
  /** null: fit England to the screen. */
  viewport: Viewport | null;
  view: View;
  /** Authority the table is filtered to. */
  tableLad: string | null;
  sort: TableSort;
  place: PlaceRef | null;
  /** Service types shown on the map and listed near the place, in SERVICE_TYPE_IDS order. */
  services: ServiceTypeId[];
  /** How far "near" is. */
  within: NearDistance;
}

export const DEFAULT_URL_STATE: UrlState = {
  layer: DEFAULT_LAYER_ID,
  level: 'lsoa',
  measure: null,
  release: null,
  groups: null,
  selection: null,
  selectionName: null,
  viewport: null,
  view: 'map',
  tableLad: null,
  sort: { column: 'rank', direction: 'asc' },
  place: null,
  services: [],
  within: '1km',
};

/** A problem with a link, as a message for the notices (the app's notices take any message, with its values). */
export interface Problem {
  msg: Msg;
  /** Values of the message; a message among them (a layer's label) is translated too. */
  values?: Record<string, string | number | Msg>;
}

/**
 * A problem found in a link: which one (its message is in urlMessages.ts,
 * loaded only when a link has a problem) and the values of its message.
 */
export interface UrlProblem {
  key: ProblemKey;
  values?: Problem['values'];
}

// `indicator` is the name links used before layers other than the IoD existed.
const KNOWN_PARAMS = ['layer', 'indicator', 'level', 'measure', 'release', 'groups', 'area', 'areas', 'name', 'feature', 'map', 'view', 'lad', 'sort', 'postcode', 'near', 'services', 'within'];

/** Longest name of a selection kept from a link. */
export const MAX_SELECTION_NAME = 80;

/** Longest echo of a link's value in a notice: a long bad value must not push the notice's button off screen. */
const ECHO_LIMIT = 40;

/** A value from a link, cut short for a notice. */
export function echo(value: string): string {
  const chars = [...value];
  return chars.length <= ECHO_LIMIT ? value : `${chars.slice(0, ECHO_LIMIT - 1).join('')}…`;
}

/** Precision kept in the URL: about 1 m at street zoom, and 1/100 of a zoom level. */
export function roundViewport(viewport: Viewport): Viewport {
  return {
    longitude: Number(viewport.longitude.toFixed(5)),
    latitude: Number(viewport.latitude.toFixed(5)),
    zoom: Number(viewport.zoom.toFixed(2)),
  };
}

function parseViewport(text: string): Viewport | undefined {
  const parts = text.split('/');
  // Plain decimals only: Number() would also take "0x10" or "1e1".
  if (parts.length !== 3 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part.trim()))) return undefined;
  const [zoom, latitude, longitude] = parts.map(Number);
  if (![zoom, latitude, longitude].every(Number.isFinite)) return undefined;
  if (zoom < 0 || zoom > 22 || latitude < -85 || latitude > 85 || longitude < -180 || longitude > 180) return undefined;
  return roundViewport({ longitude, latitude, zoom });
}


/**
 * A setting of a link: of its values, the last one that `accept` takes
 * wins; a value given more than once is noted.
 */
function pick<T>(
  params: URLSearchParams,
  names: string[],
  accept: (value: string) => T | undefined,
  onBad: (value: string) => void,
  problems: UrlProblem[],
): T | undefined {
  const values = [...params].filter(([name]) => names.includes(name)).map(([, value]) => value);
  if (values.length === 0) return undefined;
  let chosen: { value: string; parsed: T } | undefined;
  const bad: string[] = [];
  for (const value of values) {
    const parsed = accept(value);
    if (parsed === undefined) bad.push(value);
    else chosen = { value, parsed };
  }
  if (!chosen) onBad(bad[bad.length - 1]);
  else if (values.length > 1) problems.push({ key: 'repeated', values: { name: names[0], count: values.length, value: echo(chosen.value) } });
  return chosen?.parsed;
}

function parseSelection(params: URLSearchParams, problems: UrlProblem[]): SelectionRef | null {
  const area = pick(
    params,
    ['area'],
    (value) => {
      const code = value.trim().toUpperCase();
      return levelOfCode(code) ? code : undefined;
    },
    (value) => problems.push({ key: 'area', values: { value: echo(value) } }),
    problems,
  );
  if (area) {
    if (params.has('areas') || params.has('feature')) problems.push({ key: 'areaAndAreas' });
    return { kind: 'area', code: area };
  }
  const areas = params.getAll('areas').join(',');
  if (areas) {
    const codes = [...new Set(areas.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean))];
    const level = codes.map(levelOfCode).find(Boolean);
    const kept = codes.filter((code) => level && levelOfCode(code) === level);
    if (kept.length < codes.length) problems.push({ key: 'areas', values: { count: codes.length - kept.length } });
    if (kept.length > MAX_SELECTED_AREAS) problems.push({ key: 'tooManyAreas', values: { max: MAX_SELECTED_AREAS } });
    if (kept.length > 0) return { kind: 'areas', codes: kept.slice(0, MAX_SELECTED_AREAS) };
  }
  const feature = pick(
    params,
    ['feature'],
    (value) => {
      const at = value.indexOf(':');
      if (at < 1 || at === value.length - 1) return undefined;
      const layer = layerById(value.slice(0, at));
      // Only point layers have features; areas are selected with `area`.
      return layer && layer.kind !== 'area' ? { kind: 'feature' as const, layer: layer.id, id: value.slice(at + 1) } : undefined;
    },
    (value) => problems.push({ key: 'feature', values: { value: echo(value) } }),
    problems,
  );
  return feature ?? null;
}

/** A postcode's shape, once upper-cased and without spaces (the full check and the lookup come with the postcode index). */
const POSTCODE_SHAPE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

function parsePlace(params: URLSearchParams, problems: UrlProblem[]): PlaceRef | null {
  const postcode = pick(
    params,
    ['postcode'],
    (v) => {
      const compact = v.replace(/\s+/g, '').toUpperCase();
      return POSTCODE_SHAPE.test(compact) ? compact : undefined;
    },
    (value) => problems.push({ key: 'postcode', values: { value: echo(value) } }),
    problems,
  );
  if (postcode) return { kind: 'postcode', postcode };
  const point = pick(
    params,
    ['near'],
    (v): PlaceRef | undefined => {
      const parts = v.split(',');
      if (parts.length !== 2 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part.trim()))) return undefined;
      const [lat, lng] = parts.map(Number);
      // Great Britain and its waters; the place's own checks say more (England only).
      return lat >= 49 && lat <= 61 && lng >= -9 && lng <= 2.5 ? roundPlace({ kind: 'point', lng, lat }) : undefined;
    },
    (value) => problems.push({ key: 'near', values: { value: echo(value) } }),
    problems,
  );
  return point ?? null;
}

/** Service types of a link, in the catalogue's order; undefined if any is unknown. */
function parseServiceTypes(value: string): ServiceTypeId[] | undefined {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (!ids.every((id) => (SERVICE_TYPE_IDS as readonly string[]).includes(id))) return undefined;
  return SERVICE_TYPE_IDS.filter((id) => ids.includes(id));
}

/** A point place to 5 decimals (about a metre), as links keep it. */
export function roundPlace(place: PlaceRef): PlaceRef {
  return place.kind === 'point' ? { kind: 'point', lng: Number(place.lng.toFixed(5)), lat: Number(place.lat.toFixed(5)) } : place;
}

/** Loads the entries of the later themes a link names (catalogue/index.ts), so that the link can then be read at once. */
export async function linkedLayers(search: string): Promise<void> {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return;
  }
  await Promise.all([...params.getAll('layer'), ...params.getAll('indicator')].map((id) => loadLayer(id.trim()).catch(() => undefined)));
}

export function parseUrlState(search: string): { state: UrlState; problems: UrlProblem[] } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const state: UrlState = { ...DEFAULT_URL_STATE, sort: { ...DEFAULT_URL_STATE.sort } };
  const problems: UrlProblem[] = [];
  const unknown = (name: string) => (value: string) => problems.push({ key: 'unknown', values: { name, value: echo(value) } });

  const layer = pick(params, ['layer', 'indicator'], (v) => layerById(v.trim())?.id, unknown('layer'), problems);
  if (layer) state.layer = layer;
  const entry = layerById(state.layer)!;

  const level = pick(params, ['level'], (v) => (isLevel(v) ? v : undefined), unknown('level'), problems);
  if (level) state.level = level;
  if (!entry.levels[state.level]) {
    const fallback = levelsOf(entry)[0];
    // Only a level the link asked for is worth a notice; the default level quietly becomes the layer's first.
    if (level) problems.push({ key: 'layerLevel', values: { layer: entry.label, level: state.level, fallback } });
    state.level = fallback;
  }
  const levelSpec = entry.levels[state.level]!;

  const measure = pick(
    params,
    ['measure'],
    (v) => measureOf(entry, state.level, v.trim())?.id,
    (value) => problems.push({ key: 'measure', values: { value: echo(value), layer: entry.label, fallback: levelSpec.measures[0].label } }),
    problems,
  );
  // The default measure is left out of links (null), so that a link stays short.
  if (measure && measure !== levelSpec.measures[0].id) state.measure = measure;

  const release = pick(
    params,
    ['release'],
    (v) => (levelSpec.releases.includes(v.trim()) ? v.trim() : undefined),
    (value) => problems.push({ key: 'release', values: { value: echo(value), layer: entry.label } }),
    problems,
  );
  if (release && release !== levelSpec.releases[levelSpec.releases.length - 1]) state.release = release;

  if (entry.comparisons) {
    const comparisons = entry.comparisons;
    const groups = pick(
      params,
      ['groups'],
      (v) => parseComparison(comparisons, v)?.id,
      (value) => problems.push({ key: 'groups', values: { value: echo(value), layer: entry.label, fallback: comparisons.default } }),
      problems,
    );
    if (groups && groups !== comparisons.default) state.groups = groups;
  }

  state.selection = parseSelection(params, problems);
  const name = params.getAll('name').pop()?.replace(/\s+/g, ' ').trim();
  // A name belongs to a set of areas; on anything else it names nothing.
  if (name && state.selection?.kind === 'areas') {
    if ([...name].length > MAX_SELECTION_NAME) problems.push({ key: 'name', values: { max: MAX_SELECTION_NAME } });
    state.selectionName = [...name].slice(0, MAX_SELECTION_NAME).join('');
  }

  const viewport = pick(params, ['map'], parseViewport, (value) => problems.push({ key: 'map', values: { value: echo(value) } }), problems);
  if (viewport) state.viewport = viewport;

  const view = pick(params, ['view'], (v) => VIEWS.find((known) => known === v), unknown('view'), problems);
  if (view) state.view = view;

  const lad = pick(
    params,
    ['lad'],
    (v) => (CODE_PATTERNS.lad.test(v.trim().toUpperCase()) ? v.trim().toUpperCase() : undefined),
    (value) => problems.push({ key: 'lad', values: { value: echo(value) } }),
    problems,
  );
  if (lad) state.tableLad = lad;

  const sort = pick(
    params,
    ['sort'],
    (v): TableSort | undefined => {
      const [column, direction, ...rest] = v.split(':');
      return rest.length === 0 && (TABLE_COLUMNS as readonly string[]).includes(column) && (direction === 'asc' || direction === 'desc')
        ? { column: column as TableColumn, direction }
        : undefined;
    },
    (value) => problems.push({ key: 'sort', values: { value: echo(value) } }),
    problems,
  );
  if (sort) state.sort = sort;

  state.place = parsePlace(params, problems);
  const services = pick(params, ['services'], parseServiceTypes, (value) => problems.push({ key: 'services', values: { value: echo(value) } }), problems);
  if (services) state.services = services;
  const within = pick(params, ['within'], (v) => NEAR_DISTANCES.find((known) => known === v.trim()), unknown('within'), problems);
  if (within) state.within = within;

  const extra = [...new Set(params.keys())].filter((key) => !KNOWN_PARAMS.includes(key));
  if (extra.length > 0) problems.push({ key: 'extra', values: { names: echo(extra.join(', ')) } });
  return { state, problems };
}

function formatSelection(selection: SelectionRef): [string, string] {
  if (selection.kind === 'area') return ['area', selection.code];
  if (selection.kind === 'areas') return ['areas', selection.codes.join(',')];
  return ['feature', `${selection.layer}:${selection.id}`];
}

/** The canonical query string of a state; defaults are left out to keep links short. */
export function formatUrlState(state: UrlState): string {
  const params: [string, string][] = [];
  if (state.layer !== DEFAULT_URL_STATE.layer) params.push(['layer', state.layer]);
  if (state.level !== DEFAULT_URL_STATE.level) params.push(['level', state.level]);
  if (state.measure) params.push(['measure', state.measure]);
  if (state.release) params.push(['release', state.release]);
  if (state.groups) params.push(['groups', state.groups]);
  if (state.selection) params.push(formatSelection(state.selection));
  if (state.selectionName && state.selection?.kind === 'areas') params.push(['name', state.selectionName]);
  if (state.viewport) {
    const v = roundViewport(state.viewport);
    params.push(['map', `${v.zoom}/${v.latitude}/${v.longitude}`]);
  }
  if (state.view !== DEFAULT_URL_STATE.view) params.push(['view', state.view]);
  if (state.tableLad) params.push(['lad', state.tableLad]);
  if (state.sort.column !== DEFAULT_URL_STATE.sort.column || state.sort.direction !== DEFAULT_URL_STATE.sort.direction) {
    params.push(['sort', `${state.sort.column}:${state.sort.direction}`]);
  }
  if (state.place) params.push(state.place.kind === 'postcode' ? ['postcode', state.place.postcode] : ['near', `${state.place.lat},${state.place.lng}`]);
  if (state.services.length > 0) params.push(['services', state.services.join(',')]);
  if (state.within !== DEFAULT_URL_STATE.within) params.push(['within', state.within]);
  if (params.length === 0) return '';
  return `?${params
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%2C/g, ',')}`)
    .join('&')}`;
}

/**
 * Keeps a choice of layer, level, measure and release valid against the
 * catalogue: a measure or release the new combination does not have falls
 * back to its default, a level the layer does not have to its first level.
 */
export type Choice = Pick<UrlState, 'layer' | 'level' | 'measure' | 'release' | 'groups'>;

export function normaliseChoice(state: Omit<Choice, 'groups'> & { groups?: string | null }): Choice {
  const entry = layerById(state.layer) ?? layerById(DEFAULT_LAYER_ID)!;
  const level = entry.levels[state.level] ? state.level : levelsOf(entry)[0];
  const spec = entry.levels[level]!;
  const measure = state.measure && spec.measures.some((m) => m.id === state.measure) && state.measure !== spec.measures[0].id ? state.measure : null;
  const newest = spec.releases[spec.releases.length - 1];
  const release = state.release && spec.releases.includes(state.release) && state.release !== newest ? state.release : null;
  const comparison = entry.comparisons && state.groups ? parseComparison(entry.comparisons, state.groups)?.id : undefined;
  const groups = comparison && comparison !== entry.comparisons?.default ? comparison : null;
  return { layer: entry.id, level, measure, release, groups };
}

/** The code of the selected area, when one area is selected. */
export function selectedAreaCode(selection: SelectionRef | null): string | null {
  return selection?.kind === 'area' ? selection.code : null;
}
