/**
 * The deck.gl layers of the map: the choropleth (vector tiles of the current
 * geography, coloured by class) and the place labels (area names).
 *
 * Colours come from a class array indexed by area position; the tiles hold
 * only geometry and the area code. Switching layer, measure or release swaps
 * the class array and bumps `updateTriggers`, so deck.gl recolours the tiles
 * it already has without fetching or parsing any geometry.
 */
import { MVTLayer } from '@deck.gl/geo-layers';
import { TextLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import { parse, type Loader, type LoaderOptions } from '@loaders.gl/core';
import mvtWorkerUrl from '@loaders.gl/mvt/mvt-worker.js?url';
import type { Level } from '../config/geography.ts';
import type { Rgb } from '../config/palette.ts';
import { tileUrlTemplate, type TileStore } from './tileStore.ts';
import { FIRST_OUTLINE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from './style.ts';

export interface AreaFeature {
  properties: { code: string };
}

export interface ChoroplethOptions {
  level: Level;
  /** Class of each area by position (0 = no value); null while loading. */
  classes: Uint8Array | null;
  /** colours[c]: colour of class c; colours[0] for no value. */
  colours: Rgb[];
  indexOf: Map<string, number> | null;
  /** Changes whenever `classes` does, to make deck.gl recolour. */
  version: string;
  tiles: TileStore;
  opacity: number;
  onHover(info: PickingInfo<AreaFeature>): void;
  onClick(info: PickingInfo<AreaFeature>, event: { srcEvent?: { shiftKey?: boolean } }): void;
  onViewportLoad?(): void;
}

/** Parse tiles in the worker bundled with the site, not one fetched from a CDN. */
const LOAD_OPTIONS = { mvt: { workerUrl: mvtWorkerUrl } };

type TileFetch = (url: string, context: { layer: { props: { loaders: Loader[] } }; loadOptions?: LoaderOptions; signal?: AbortSignal }) => Promise<unknown>;
const fetchers = new WeakMap<TileStore, TileFetch>();

/**
 * deck.gl's `fetch` for the choropleth: tiles come from the shared tile store.
 * One function per store, so that deck.gl sees the same prop on every
 * indicator switch and keeps its tiles.
 */
function tileFetcher(tiles: TileStore): TileFetch {
  let fetcher = fetchers.get(tiles);
  if (!fetcher) {
    fetcher = async (url, context) => {
      const bytes = await tiles.getByUrl(url);
      if (context.signal?.aborted) throw new DOMException('tile no longer needed', 'AbortError');
      // A copy: parsing in a worker transfers (and empties) the buffer it is given.
      return parse((bytes ?? new Uint8Array(0)).slice().buffer, context.layer.props.loaders, context.loadOptions);
    };
    fetchers.set(tiles, fetcher);
  }
  return fetcher;
}

export function choroplethLayer(options: ChoroplethOptions): MVTLayer {
  const { classes, indexOf, tiles } = options;
  const palette = options.colours.map((c) => [...c, 255] as [number, number, number, number]);
  return new MVTLayer({
    id: `choropleth-${options.level}`,
    data: tileUrlTemplate(options.level),
    minZoom: TILE_MIN_ZOOM,
    maxZoom: TILE_MAX_ZOOM,
    // deck.gl picks the tile zoom by rounding, MapLibre by flooring; -0.5 makes deck.gl floor too,
    // so both ask the tile store for the same tiles.
    zoomOffset: -0.5,
    binary: true,
    beforeId: FIRST_OUTLINE_LAYER,
    filled: true,
    stroked: false,
    opacity: options.opacity,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
    uniqueIdProperty: 'code',
    getFillColor: (feature: AreaFeature) => {
      const index = indexOf?.get(feature.properties.code);
      return palette[index === undefined || !classes ? 0 : classes[index]] ?? palette[0];
    },
    updateTriggers: { getFillColor: options.version },
    loadOptions: LOAD_OPTIONS,
    fetch: tileFetcher(tiles),
    onHover: options.onHover,
    onClick: options.onClick,
    onViewportLoad: options.onViewportLoad,
  } as ConstructorParameters<typeof MVTLayer>[0]);
}

/**
 * Starts the tile-parsing worker (and loads its script) while the map is
 * still starting, by parsing an empty tile: the first real tile then does not
 * wait for it.
 */
export function warmUpTileParser(): void {
  const loaders = (MVTLayer.defaultProps as unknown as { loaders: Loader[] }).loaders;
  parse(new ArrayBuffer(0), loaders, { mvt: { ...LOAD_OPTIONS.mvt, shape: 'binary', coordinates: 'local', tileIndex: { x: 0, y: 0, z: 0 } } }).catch(() => {});
}

export interface PlaceLabel {
  name: string;
  position: [number, number];
  priority: number;
}

export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
export const LABEL_FONT_WEIGHT = 600;

/**
 * Area names as place labels, drawn by deck.gl so the map needs no glyph
 * server. The labels given are already placed without overlaps
 * (labelPlacement.ts).
 */
export function labelLayer(id: string, labels: PlaceLabel[], size: number): TextLayer<PlaceLabel> {
  return new TextLayer<PlaceLabel>({
    id,
    data: labels,
    getPosition: (label) => label.position,
    getText: (label) => label.name,
    getSize: size,
    sizeUnits: 'pixels',
    getColor: [17, 17, 17, 255],
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: LABEL_FONT_WEIGHT,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 8, radius: 12 },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 235],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
  });
}
