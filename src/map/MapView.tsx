/**
 * The map: MapLibre for the camera, outlines and an optional basemap;
 * deck.gl, interleaved in the same WebGL context, for the choropleth and the
 * place labels. The store drives it; it writes back only the viewport, the
 * hovered area and clicks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import maplibregl, { type Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import { levelOfCode, type Level } from '../config/geography.ts';
import type { AppConfig } from '../config/appConfig.ts';
import { boundsAt, type DataClient, type GroupAreaIndex } from '../data/client.ts';
import type { Bounds, Manifest } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import { roundViewport } from '../state/url.ts';
import { TILE_PROTOCOL, tilesCovering, type TileStore } from './tileStore.ts';
import { addDataToBasemap, applyLevelToOutlines, applySelectionOutline, dataOnlyStyle, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from './style.ts';
import { choroplethLayer, labelLayer, LABEL_FONT_FAMILY, LABEL_FONT_WEIGHT, type AreaFeature, type PlaceLabel } from './layers.ts';
import { placeLabels } from './labelPlacement.ts';
import { atlasStatus } from './status.ts';
import { Tooltip, type HoverState } from '../ui/Tooltip.tsx';

let protocolStore: TileStore | null = null;
function registerTileProtocol(tiles: TileStore): void {
  if (protocolStore === tiles) return;
  protocolStore = tiles;
  maplibregl.addProtocol(TILE_PROTOCOL, async (params) => {
    const bytes = await tiles.getByUrl(params.url);
    // A copy: MapLibre hands the buffer to its worker, which would empty the cached one.
    return { data: bytes ? bytes.slice().buffer : new ArrayBuffer(0) };
  });
}

interface ClassState {
  level: Level;
  version: string;
  classes: Uint8Array;
  indexOf: Map<string, number>;
}

interface Props {
  client: DataClient;
  tiles: TileStore;
  manifest: Manifest;
  config: AppConfig;
}

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const LAD_LABEL_SIZE = 13;
const WARD_LABEL_SIZE = 12;

/** Text widths for label placement, measured once per name with the label font. */
const measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
const widthCache = new Map<string, number>();
function textWidth(text: string, size: number): number {
  const key = `${size}:${text}`;
  let width = widthCache.get(key);
  if (width === undefined) {
    if (measureContext) {
      measureContext.font = `${LABEL_FONT_WEIGHT} ${size}px ${LABEL_FONT_FAMILY}`;
      width = measureContext.measureText(text).width;
    } else width = text.length * size * 0.6;
    widthCache.set(key, width);
  }
  return width;
}

function toLabels(areas: GroupAreaIndex): PlaceLabel[] {
  return areas.names.map((name, i) => ({
    name,
    position: [areas.label[i * 2], areas.label[i * 2 + 1]],
    priority: Math.min(1000, Math.round(areas.population[i] / 1000)),
  }));
}

export function MapView({ client, tiles, manifest, config }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [zoom, setZoom] = useState(6);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [classState, setClassState] = useState<ClassState | null>(null);
  const [ladLabels, setLadLabels] = useState<PlaceLabel[]>([]);
  const [wardLabels, setWardLabels] = useState<PlaceLabel[]>([]);
  const [settled, setSettled] = useState(0);
  // Whether a basemap is drawn under the data (false again if it failed to load).
  const [basemap, setBasemap] = useState(Boolean(config.basemapStyleUrl));

  const level = useAppStore((s) => s.level);
  const indicator = useAppStore((s) => s.indicator);
  const measure = useAppStore((s) => s.measure);
  const selection = useAppStore((s) => s.selection);
  const viewport = useAppStore((s) => s.viewport);
  const cameraTarget = useAppStore((s) => s.cameraTarget);
  const hidden = useAppStore((s) => s.view === 'about');

  // Create the map once.
  useEffect(() => {
    registerTileProtocol(tiles);
    const state = useAppStore.getState();
    const england = manifest.bounds;
    const map = new maplibregl.Map({
      container: container.current!,
      style: config.basemapStyleUrl ?? dataOnlyStyle(england),
      ...(state.viewport
        ? { center: [state.viewport.longitude, state.viewport.latitude], zoom: state.viewport.zoom }
        : { bounds: england as [number, number, number, number], fitBoundsOptions: { padding: { top: 16, bottom: 40, left: 16, right: 16 } } }),
      minZoom: 4,
      maxZoom: 17,
      maxBounds: [
        [england[0] - 8, england[1] - 5],
        [england[2] + 8, england[3] + 5],
      ],
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      hash: false,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.getCanvas().setAttribute(
      'aria-label',
      'Map of England coloured by deprivation decile. Arrow keys pan, plus and minus zoom. The table view lists the same data.',
    );
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    // The data's attribution is always on screen (below); a basemap brings its own.
    if (config.basemapStyleUrl) map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
    const overlay = new MapboxOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    atlasStatus.map = map;
    atlasStatus.tiles = tiles;

    // Fetch the first view's tiles while the map and deck.gl start up.
    const initialBounds = map.getBounds();
    const initialZoom = Math.min(TILE_MAX_ZOOM, Math.max(TILE_MIN_ZOOM, Math.floor(map.getZoom())));
    for (const [z, x, y] of tilesCovering([initialBounds.getWest(), initialBounds.getSouth(), initialBounds.getEast(), initialBounds.getNorth()], initialZoom)) {
      tiles.get(state.level, z, x, y).catch(() => {});
    }
    // deck.gl can draw as soon as the style is in; MapLibre's own 'load' waits for its outline tiles.
    map.once('style.load', () => {
      performance.mark('atlas:style-load');
      if (config.basemapStyleUrl) addDataToBasemap(map, england);
      setReady(true);
    });
    map.on('load', () => performance.mark('atlas:map-load'));
    // A basemap that cannot be loaded must not leave an empty map: fall back to the data alone.
    let styleLoaded = false;
    map.once('style.load', () => (styleLoaded = true));
    map.on('error', (event) => {
      console.error('map error', event.error);
      if (config.basemapStyleUrl && !styleLoaded) {
        styleLoaded = true;
        useAppStore.getState().notify(`The basemap style ${config.basemapStyleUrl} could not be loaded, so the map shows the data alone.`, 'warning');
        setBasemap(false);
        map.setStyle(dataOnlyStyle(england));
      }
    });
    const syncViewport = () => {
      const center = map.getCenter();
      useAppStore.getState().setViewport({ longitude: center.lng, latitude: center.lat, zoom: map.getZoom() });
    };
    // A link with an area but no map position opens on that area.
    if (state.selection && !state.viewport) useAppStore.getState().select(state.selection, { fly: true, instant: true });
    map.on('moveend', syncViewport);
    map.on('moveend', () => setSettled((n) => n + 1));
    map.on('zoomend', () => setZoom(map.getZoom()));
    map.once('load', syncViewport);
    setZoom(map.getZoom());
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, [client, tiles, manifest, config]);

  // Move the camera when the viewport changes from outside (a link, back/forward).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !viewport) return;
    const center = map.getCenter();
    const current = roundViewport({ longitude: center.lng, latitude: center.lat, zoom: map.getZoom() });
    if (current.longitude !== viewport.longitude || current.latitude !== viewport.latitude || current.zoom !== viewport.zoom) {
      map.jumpTo({ center: [viewport.longitude, viewport.latitude], zoom: viewport.zoom });
    }
  }, [viewport]);

  // Load the classes of the current level, indicator and measure.
  useEffect(() => {
    let cancelled = false;
    const version = `${level}:${indicator}:${level === 'lsoa' ? 'decile' : measure}`;
    atlasStatus.requestedVersion = version;
    Promise.all([client.areas(level), client.classes(level, indicator, measure)])
      .then(([areas, classes]) => {
        performance.mark(`atlas:classes:${version}`);
        if (!cancelled) setClassState({ level, version, classes, indexOf: areas.indexOf });
      })
      .catch((error) => useAppStore.getState().notify(`The map colours could not be loaded: ${(error as Error).message}`, 'error'));
    return () => {
      cancelled = true;
    };
  }, [client, level, indicator, measure]);

  // Labels: authority names always, ward names once zoomed in (or at the ward level).
  const wardLabelsWanted = zoom >= 10.5 || (level === 'ward' && zoom >= 9);
  useEffect(() => {
    if (basemap) return;
    client.groupAreas('lad').then((areas) => setLadLabels(toLabels(areas)), () => {});
  }, [client, basemap]);
  useEffect(() => {
    if (basemap || !wardLabelsWanted || wardLabels.length > 0) return;
    client.groupAreas('ward').then((areas) => setWardLabels(toLabels(areas)), () => {});
  }, [client, basemap, wardLabelsWanted, wardLabels.length]);

  // Labels that fit without overlapping, recomputed when the map comes to rest.
  const showLadLabels = zoom >= 6 && zoom < 11.5;
  const placedLabels = useMemo(() => {
    const map = mapRef.current;
    if (!map || !ready) return { lad: [], ward: [] };
    const canvas = map.getCanvas();
    const base = {
      project: (position: [number, number]) => {
        const point = map.project(position);
        return [point.x, point.y] as [number, number];
      },
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      padding: 6,
    };
    const lad = showLadLabels
      ? placeLabels(ladLabels, { ...base, textHeight: LAD_LABEL_SIZE, textWidth: (t) => textWidth(t, LAD_LABEL_SIZE) })
      : { placed: [], boxes: [] };
    const ward = wardLabelsWanted
      ? placeLabels(wardLabels, { ...base, textHeight: WARD_LABEL_SIZE, textWidth: (t) => textWidth(t, WARD_LABEL_SIZE) }, lad.boxes).placed
      : [];
    return { lad: lad.placed, ward };
    // settled: recompute when the map stops moving.
  }, [ready, settled, ladLabels, wardLabels, showLadLabels, wardLabelsWanted]);

  const onHover = useMemo(
    () => (info: PickingInfo<AreaFeature>) => {
      const code = info.object?.properties?.code;
      setHover(code ? { code, x: info.x, y: info.y } : null);
    },
    [],
  );
  const onClick = useMemo(
    () => (info: PickingInfo<AreaFeature>) => {
      const code = info.object?.properties?.code;
      useAppStore.getState().select(code ?? null);
    },
    [],
  );

  // Hand the layers to deck.gl.
  useEffect(() => {
    const overlay = overlayRef.current;
    const map = mapRef.current;
    if (!overlay || !map || !ready || !classState) return;
    const layers = [
      choroplethLayer({
        level: classState.level,
        classes: classState.classes,
        indexOf: classState.indexOf,
        version: classState.version,
        tiles,
        opacity: basemap ? 0.72 : 1,
        onHover,
        onClick,
        onViewportLoad: () => {
          atlasStatus.viewportLoaded(classState.version);
          map.triggerRepaint();
        },
      }),
      // No label layer without labels: each one compiles shaders, which is slow in software WebGL.
      placedLabels.lad.length > 0 && labelLayer('lad-labels', placedLabels.lad, LAD_LABEL_SIZE),
      placedLabels.ward.length > 0 && labelLayer('ward-labels', placedLabels.ward, WARD_LABEL_SIZE),
    ].filter((layer) => layer !== false);
    overlay.setProps({ layers });
    map.once('render', () => atlasStatus.rendered(classState.version));
    map.triggerRepaint();
  }, [ready, classState, placedLabels, tiles, basemap, onHover, onClick]);

  // Outlines follow the level and the selection.
  useEffect(() => {
    if (ready && mapRef.current) applyLevelToOutlines(mapRef.current, level);
  }, [ready, level]);
  useEffect(() => {
    if (ready && mapRef.current) applySelectionOutline(mapRef.current, selection, selection ? levelOfCode(selection) : undefined);
  }, [ready, selection]);

  // Fly to an area chosen in the search or the table.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !cameraTarget) return;
    const codeLevel = levelOfCode(cameraTarget.code);
    if (!codeLevel) return;
    let cancelled = false;
    const boundsOf = async (): Promise<Bounds | undefined> => {
      const areas = await client.areas(codeLevel);
      const index = areas.indexOf.get(cameraTarget.code);
      if (index === undefined) return undefined;
      const flat = codeLevel === 'lsoa' ? await client.lsoaBounds() : (areas as GroupAreaIndex).bounds;
      return boundsAt(flat, index);
    };
    boundsOf().then((bounds) => {
      if (cancelled) return;
      useAppStore.getState().cameraDone();
      if (!bounds) return;
      // On a phone the panel sits below the map; on a desktop it covers the map's right side.
      const narrow = map.getContainer().clientWidth < 720;
      map.fitBounds(bounds as [number, number, number, number], {
        padding: narrow ? 24 : { top: 48, bottom: 48, left: 48, right: 440 },
        maxZoom: codeLevel === 'lsoa' ? 14 : 13,
        duration: cameraTarget.instant || prefersReducedMotion() ? 0 : 1200,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [client, cameraTarget]);

  useEffect(() => {
    if (!hidden) mapRef.current?.resize();
  }, [hidden]);

  return (
    <div className="map" inert={hidden}>
      <div ref={container} className="map__canvas" role="region" aria-label="Map" />
      <p className="attribution">
        IoD 2025 © MHCLG · Boundaries © ONS<span className="long">, contains OS data</span> © Crown copyright<span className="long"> and database right</span> 2024 ·{' '}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">OGL v3.0</a> ·{' '}
        <button type="button" className="link-button" onClick={() => useAppStore.getState().setView('about')}>
          Sources
        </button>
      </p>
      {hover && classState && <Tooltip client={client} hover={hover} level={classState.level} classes={classState.classes} indexOf={classState.indexOf} />}
    </div>
  );
}
