/**
 * The MapLibre side of the map: the vector sources of the three geographies
 * (read through the shared tile store), boundary outlines and the selection
 * outline. The choropleth and labels are deck.gl layers (layers.ts) drawn
 * into the same WebGL context, below these outlines.
 *
 * With no basemap the style is data-only; with a basemap style URL these
 * sources and layers are added under the basemap's first label layer.
 */
import type {
  LayerSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LEVEL_DISPLAY, LEVELS, type Level } from '../config/geography.ts';
import { tileUrlTemplate } from './tileStore.ts';
import type { Bounds } from '../data/schema.ts';

export const TILE_MAX_ZOOM = 12;
/** Tiles exist from zoom 4 (the map's minimum zoom) to 12, over-zoomed beyond. */
export const TILE_MIN_ZOOM = 4;
export const BACKGROUND_COLOUR = '#dde3e8';

export const LAYER_IDS = {
  background: 'background',
  lsoaLine: 'lsoa-line',
  wardLine: 'ward-line',
  ladCasing: 'lad-casing',
  ladLine: 'lad-line',
  selectionCasing: (level: Level) => `selection-casing-${level}`,
  selectionLine: (level: Level) => `selection-line-${level}`,
};

/** The layer the choropleth is drawn beneath. */
export const FIRST_OUTLINE_LAYER = LAYER_IDS.lsoaLine;

export function dataSources(bounds: Bounds): Record<string, SourceSpecification> {
  return Object.fromEntries(
    LEVELS.map((level) => [
      level,
      {
        type: 'vector',
        tiles: [tileUrlTemplate(level)],
        minzoom: TILE_MIN_ZOOM,
        maxzoom: TILE_MAX_ZOOM,
        bounds,
        // Attribution is given once, by the attribution control.
      } satisfies SourceSpecification,
    ]),
  );
}

const line = (
  id: string,
  source: Level,
  paint: LineLayerSpecification['paint'],
  extra: Partial<LineLayerSpecification> = {},
): LineLayerSpecification => ({
  id,
  type: 'line',
  source,
  'source-layer': source,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint,
  ...extra,
});

/** Outline layers, bottom to top. Widths grow with zoom so lines stay readable. */
export function outlineLayers(): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    line(
      LAYER_IDS.lsoaLine,
      'lsoa',
      {
        'line-color': '#ffffff',
        'line-opacity': 0.55,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.3, 15, 1],
      },
      { minzoom: 11 },
    ),
    line(
      LAYER_IDS.wardLine,
      'ward',
      {
        'line-color': '#262626',
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.25, 10, 0.55],
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.25, 10, 0.8, 14, 1.6],
      },
      { minzoom: 8.5 },
    ),
    // A light casing keeps authority lines readable over every decile colour; it fades in
    // with zoom so that the national view is not drowned in white where authorities are small.
    line(LAYER_IDS.ladCasing, 'lad', {
      'line-color': '#ffffff',
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0, 8, 0.8],
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 9, 3.2, 13, 5.5],
    }),
    line(LAYER_IDS.ladLine, 'lad', {
      'line-color': '#111111',
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 5, 0.55, 8, 1],
      'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.35, 7, 0.7, 9, 1.3, 13, 2.4],
    }),
  ];
  for (const level of LEVELS) {
    const filter: LineLayerSpecification['filter'] = ['==', ['get', 'code'], ''];
    layers.push(
      line(LAYER_IDS.selectionCasing(level), level, { 'line-color': '#ffffff', 'line-width': 7 }, { filter, layout: { visibility: 'none', 'line-join': 'round' } }),
      line(LAYER_IDS.selectionLine(level), level, { 'line-color': '#000000', 'line-width': 3.5 }, { filter, layout: { visibility: 'none', 'line-join': 'round' } }),
    );
  }
  return layers;
}

/** The style used without a basemap: a quiet background, outlines, nothing else to fetch. */
export function dataOnlyStyle(bounds: Bounds): StyleSpecification {
  return {
    version: 8,
    name: 'Deprivation atlas (data only)',
    sources: dataSources(bounds),
    layers: [{ id: LAYER_IDS.background, type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }, ...outlineLayers()],
  };
}

/** Adds the data sources and outlines to a basemap style, under its first label layer. */
export function addDataToBasemap(map: MapLibreMap, bounds: Bounds): void {
  const firstSymbol = map.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
  for (const [id, source] of Object.entries(dataSources(bounds))) if (!map.getSource(id)) map.addSource(id, source);
  for (const layer of outlineLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer, firstSymbol);
}

/** Outlines for the level shown (LEVEL_DISPLAY): ward lines earlier when wards are mapped, LSOA lines only for LSOAs. */
export function applyLevelToOutlines(map: MapLibreMap, level: Level): void {
  map.setLayerZoomRange(LAYER_IDS.wardLine, LEVEL_DISPLAY[level].wardOutlinesFromZoom, 24);
  map.setLayoutProperty(LAYER_IDS.lsoaLine, 'visibility', LEVEL_DISPLAY[level].lsoaOutlines ? 'visible' : 'none');
}

/** Outlines the selected areas (one, or a set of the same level) on the source of their level. */
export function applySelectionOutline(map: MapLibreMap, codes: readonly string[], codeLevel: Level | undefined): void {
  for (const level of LEVELS) {
    const on = codes.length > 0 && level === codeLevel;
    for (const id of [LAYER_IDS.selectionCasing(level), LAYER_IDS.selectionLine(level)]) {
      map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
      map.setFilter(id, ['in', ['get', 'code'], ['literal', on ? [...codes] : []]]);
    }
  }
}
