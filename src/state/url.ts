/**
 * The URL is the shareable form of the view: every setting that changes
 * what a person sees is in it, in a fixed order, so a copied link restores
 * exactly the same view. Parsing never throws: anything malformed falls back
 * to the default for that setting, with a problem the app shows as a notice.
 */
import { isIndicatorId, type IndicatorId } from '../config/indicators.ts';
import { CODE_PATTERNS, isLevel, levelOfCode, type Level } from '../config/geography.ts';
import { isMeasure, type Measure } from '../config/measures.ts';

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

/** Everything the URL holds. */
export interface UrlState {
  level: Level;
  indicator: IndicatorId;
  /** Summary measure of wards and authorities. */
  measure: Measure;
  /** Code of the selected area (any level). */
  selection: string | null;
  /** null: fit England to the screen. */
  viewport: Viewport | null;
  view: View;
  /** Authority the table is filtered to. */
  tableLad: string | null;
  sort: TableSort;
}

export const DEFAULT_URL_STATE: UrlState = {
  level: 'lsoa',
  indicator: 'imd',
  measure: 'averageScore',
  selection: null,
  viewport: null,
  view: 'map',
  tableLad: null,
  sort: { column: 'rank', direction: 'asc' },
};

const KNOWN_PARAMS = ['level', 'indicator', 'measure', 'area', 'map', 'view', 'lad', 'sort'];

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

export function parseUrlState(search: string): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE, sort: { ...DEFAULT_URL_STATE.sort } };
  const problems: string[] = [];
  const unknown = (name: string, value: string, fallback: string) =>
    problems.push(`The link’s ${name} “${value}” is not one this map knows, so it shows ${fallback} instead.`);

  const level = params.get('level');
  if (level !== null) {
    if (isLevel(level)) state.level = level;
    else unknown('level', level, 'neighbourhoods (LSOAs)');
  }
  const indicator = params.get('indicator');
  if (indicator !== null) {
    if (isIndicatorId(indicator)) state.indicator = indicator;
    else unknown('indicator', indicator, 'the Index of Multiple Deprivation');
  }
  const measure = params.get('measure');
  if (measure !== null) {
    if (isMeasure(measure)) state.measure = measure;
    else unknown('measure', measure, 'the average score');
  }
  const area = params.get('area');
  if (area !== null) {
    const code = area.trim().toUpperCase();
    if (levelOfCode(code)) state.selection = code;
    else problems.push(`The link’s area “${area}” is not an English LSOA, ward or authority code, so nothing is selected.`);
  }
  const map = params.get('map');
  if (map !== null) {
    const viewport = parseViewport(map);
    if (viewport) state.viewport = viewport;
    else problems.push(`The link’s map position “${map}” is not zoom/latitude/longitude, so the map shows all of England.`);
  }
  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as View;
    else unknown('view', view, 'the map');
  }
  const lad = params.get('lad');
  if (lad !== null) {
    if (CODE_PATTERNS.lad.test(lad.trim().toUpperCase())) state.tableLad = lad.trim().toUpperCase();
    else problems.push(`The link’s authority filter “${lad}” is not an authority code, so the table shows all of England.`);
  }
  const sort = params.get('sort');
  if (sort !== null) {
    const [column, direction, ...rest] = sort.split(':');
    if (rest.length === 0 && (TABLE_COLUMNS as readonly string[]).includes(column) && (direction === 'asc' || direction === 'desc')) {
      state.sort = { column: column as TableColumn, direction };
    } else problems.push(`The link’s table order “${sort}” is not understood, so the table is in rank order.`);
  }
  const extra = [...new Set(params.keys())].filter((key) => !KNOWN_PARAMS.includes(key));
  if (extra.length > 0) problems.push(`The link had settings this map does not use (${extra.join(', ')}); they were ignored.`);
  return { state, problems };
}

/** The canonical query string of a state; defaults are left out to keep links short. */
export function formatUrlState(state: UrlState): string {
  const params: [string, string][] = [];
  if (state.level !== DEFAULT_URL_STATE.level) params.push(['level', state.level]);
  if (state.indicator !== DEFAULT_URL_STATE.indicator) params.push(['indicator', state.indicator]);
  if (state.level !== 'lsoa' && state.measure !== DEFAULT_URL_STATE.measure) params.push(['measure', state.measure]);
  if (state.selection) params.push(['area', state.selection]);
  if (state.viewport) {
    const v = roundViewport(state.viewport);
    params.push(['map', `${v.zoom}/${v.latitude}/${v.longitude}`]);
  }
  if (state.view !== DEFAULT_URL_STATE.view) params.push(['view', state.view]);
  if (state.tableLad) params.push(['lad', state.tableLad]);
  if (state.sort.column !== DEFAULT_URL_STATE.sort.column || state.sort.direction !== DEFAULT_URL_STATE.sort.direction) {
    params.push(['sort', `${state.sort.column}:${state.sort.direction}`]);
  }
  if (params.length === 0) return '';
  return `?${params.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2F/g, '/').replace(/%3A/g, ':')}`).join('&')}`;
}

