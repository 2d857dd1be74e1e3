/**
 * Creating the MapLibre map: camera limits, controls, the tile protocol, the
 * deck.gl overlay, and the fallback when a configured basemap cannot load.
 * Everything imperative about the map's start lives here; MapView only
 * reacts to the store.
 */
import maplibregl, { type Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Level } from '../config/geography.ts';
import type { Bounds } from '../data/schema.ts';
import type { Viewport } from '../state/url.ts';
import { TILE_PROTOCOL, tilesCovering, type TileStore } from './tileStore.ts';
import { addDataToBasemap, dataOnlyStyle, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from './style.ts';
import { warmUpTileParser } from './layers.ts';

let protocolStore: TileStore | null = null;

/** MapLibre reads its tiles through the shared tile store (`atlas://level/z/x/y`). */
function registerTileProtocol(tiles: TileStore): void {
  if (protocolStore === tiles) return;
  protocolStore = tiles;
  maplibregl.addProtocol(TILE_PROTOCOL, async (params) => {
    const bytes = await tiles.getByUrl(params.url);
    // A copy: MapLibre hands the buffer to its worker, which would empty the cached one.
    return { data: bytes ? bytes.slice().buffer : new ArrayBuffer(0) };
  });
}

export interface MapOptions {
  container: HTMLElement;
  tiles: TileStore;
  england: Bounds;
  basemapStyleUrl: string | null;
  /** Where to open; null fits England. */
  viewport: Viewport | null;
  /** Level whose first tiles to fetch at once. */
  level: Level;
  /** The style is in: deck.gl layers can be added. */
  onStyleReady(): void;
  /** The basemap failed and the data-only style replaced it. */
  onBasemapFailed(): void;
}

export function createMap(options: MapOptions): { map: MapLibreMap; overlay: MapboxOverlay } {
  const { england, basemapStyleUrl, viewport, tiles } = options;
  registerTileProtocol(tiles);
  const map = new maplibregl.Map({
    container: options.container,
    style: basemapStyleUrl ?? dataOnlyStyle(england),
    ...(viewport
      ? { center: [viewport.longitude, viewport.latitude], zoom: viewport.zoom }
      : { bounds: england, fitBoundsOptions: { padding: { top: 16, bottom: 40, left: 16, right: 16 } } }),
    minZoom: TILE_MIN_ZOOM,
    maxZoom: 17,
    maxBounds: [
      [england[0] - 8, england[1] - 5],
      [england[2] + 8, england[3] + 5],
    ],
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.getCanvas().setAttribute(
    'aria-label',
    'Map of England coloured by deprivation decile. Arrow keys pan, plus and minus zoom, Enter selects the area at the centre. The table view lists the same data.',
  );
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  // The data's attribution is always on screen (MapView); a basemap brings its own.
  if (basemapStyleUrl) map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
  const overlay = new MapboxOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);

  // Fetch the first view's tiles, and start the worker that parses them, while MapLibre and deck.gl start up.
  warmUpTileParser();
  const bounds = map.getBounds();
  const zoom = Math.min(TILE_MAX_ZOOM, Math.max(TILE_MIN_ZOOM, Math.floor(map.getZoom())));
  for (const [z, x, y] of tilesCovering([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)) {
    tiles.get(options.level, z, x, y).catch(() => {});
  }

  // deck.gl can draw as soon as the style is in; MapLibre's own 'load' waits for its outline tiles.
  let styleLoaded = false;
  map.once('style.load', () => {
    styleLoaded = true;
    performance.mark('atlas:style-load');
    if (basemapStyleUrl) addDataToBasemap(map, england);
    options.onStyleReady();
  });
  map.on('load', () => performance.mark('atlas:map-load'));
  // A basemap that cannot be loaded must not leave an empty map: fall back to the data alone.
  map.on('error', (event) => {
    console.error('map error', event.error);
    if (basemapStyleUrl && !styleLoaded) {
      styleLoaded = true;
      options.onBasemapFailed();
      map.setStyle(dataOnlyStyle(england));
    }
  });
  return { map, overlay };
}
