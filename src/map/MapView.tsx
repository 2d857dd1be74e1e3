/**
 * The map: MapLibre for the camera, outlines and an optional basemap;
 * deck.gl, interleaved in the same WebGL context, for the data layers and
 * the place labels. The layer provider of the current layer's kind
 * (providers/) draws the data; the store drives the rest. It writes back
 * only the viewport, hovers and picks.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { levelOfCode } from '../config/geography.ts';
import type { AppConfig } from '../config/appConfig.ts';
import type { DataClient } from '../data/client.ts';
import type { Manifest } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import { useViewSpec } from '../state/useViewSpec.ts';
import type { TileStore } from './tileStore.ts';
import { applyLevelToOutlines, applySelectionOutline } from './style.ts';
import { labelLayer } from './layers.ts';
import { createMap } from './createMap.ts';
import { useCamera } from './useCamera.ts';
import { LAD_LABEL_SIZE, useLabels, WARD_LABEL_SIZE } from './useLabels.ts';
import { atlasStatus, useFirstMapDrawn } from './status.ts';
import { providerFor } from './providers/index.ts';
import type { HoverState, ProvidedLayers } from './providers/types.ts';
import { activeSelectionTool } from './selection/toolState.ts';
import { notifyProblems } from '../state/notifyProblems.ts';

// The selection toolbar comes after the first map: nothing of it is needed to draw England.
const SelectionToolbar = lazy(() => import('./selection/SelectionToolbar.tsx').then((module) => ({ default: module.SelectionToolbar })));
// Services, the place near which they are listed, neighbourhood names: likewise.
const Overlays = lazy(() => import('./overlays/Overlays.tsx'));

interface Props {
  client: DataClient;
  tiles: TileStore;
  manifest: Manifest;
  config: AppConfig;
}


export function MapView({ client, tiles, manifest, config }: Props) {
  const intl = useIntl();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [zoom, setZoom] = useState(6);
  const [settled, setSettled] = useState(0);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [provided, setProvided] = useState<ProvidedLayers | null>(null);
  const [overlays, setOverlays] = useState<Layer[]>([]);
  // Whether a basemap is drawn under the data (false again if it failed to load).
  const [basemap, setBasemap] = useState(Boolean(config.basemapStyleUrl));

  const spec = useViewSpec(manifest);
  const provider = providerFor(spec.layer.kind);
  const selection = useAppStore((s) => s.selection);
  const hidden = useAppStore((s) => s.view === 'about');

  useEffect(() => {
    const created = createMap({
      container: container.current!,
      tiles,
      england: manifest.bounds,
      basemapStyleUrl: config.basemapStyleUrl,
      viewport: useAppStore.getState().viewport,
      level: useAppStore.getState().level,
      onStyleReady: () => setReady(true),
      onBasemapFailed: () => {
        notifyProblems([{ key: 'basemapFailed', values: { url: config.basemapStyleUrl ?? '' } }]);
        setBasemap(false);
      },
    });
    created.map.on('moveend', () => setSettled((n) => n + 1));
    created.map.on('zoomend', () => setZoom(created.map.getZoom()));
    setZoom(created.map.getZoom());
    overlayRef.current = created.overlay;
    atlasStatus.map = created.map;
    atlasStatus.tiles = tiles;
    setMap(created.map);
    return () => {
      created.map.remove();
      overlayRef.current = null;
      setMap(null);
    };
  }, [tiles, manifest, config]);

  useCamera(map, client);
  const labels = useLabels({ map: ready ? map : null, client, enabled: !basemap, level: spec.level, zoom, settled });

  const onHover = useCallback((info: PickingInfo) => setHover(info.object ? { object: info.object, x: info.x, y: info.y } : null), []);
  const onClick = useCallback(
    (info: PickingInfo, event: { srcEvent?: { shiftKey?: boolean } }) => {
      // A selection tool in use takes the click (a centre to measure from).
      if (activeSelectionTool()) return;
      const store = useAppStore.getState();
      const area = provider.areaOf(info.object);
      if (event?.srcEvent?.shiftKey && area) store.toggleArea(area);
      else store.selectRef(provider.pick(info.object));
    },
    [provider],
  );
  const firstDrawn = useFirstMapDrawn();
  const onViewportLoad = useCallback(
    (key: string) => {
      atlasStatus.viewportLoaded(key);
      map?.triggerRepaint();
    },
    [map],
  );

  // Hand the provider's layers and the labels to deck.gl.
  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !map || !ready || !provided) return;
    const layers = [
      ...provided.layers,
      // No label layer without labels: each one compiles shaders, which is slow in software WebGL.
      labels.lad.length > 0 && labelLayer('lad-labels', labels.lad, LAD_LABEL_SIZE),
      labels.ward.length > 0 && labelLayer('ward-labels', labels.ward, WARD_LABEL_SIZE),
      ...overlays,
    ].filter((layer) => layer !== false);
    overlay.setProps({ layers });
    map.once('render', () => atlasStatus.rendered(provided.key));
    map.triggerRepaint();
  }, [map, ready, provided, labels, overlays]);

  // Outlines follow the level and the selection.
  useEffect(() => {
    if (ready && map) applyLevelToOutlines(map, spec.level);
  }, [map, ready, spec.level]);
  useEffect(() => {
    if (!ready || !map) return;
    const codes = selection?.kind === 'area' ? [selection.code] : selection?.kind === 'areas' ? selection.codes : [];
    applySelectionOutline(map, codes, codes.length ? levelOfCode(codes[0]) : undefined);
  }, [map, ready, selection]);

  useEffect(() => {
    if (!hidden) map?.resize();
  }, [map, hidden]);

  // Keyboard: Enter on the focused map selects what is at its centre.
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !overlayRef.current || activeSelectionTool()) return;
      const picked = overlayRef.current.pickObject({ x: canvas.clientWidth / 2, y: canvas.clientHeight / 2, radius: 2 });
      const selected = provider.pick(picked?.object);
      if (selected) useAppStore.getState().selectRef(selected);
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [map, provider]);

  const Layer = provider.Layer;
  const Tooltip = provider.Tooltip;
  return (
    <div className="map" inert={hidden}>
      <div ref={container} className="map__canvas" role="region" aria-label={intl.formatMessage({ id: 'map.region', defaultMessage: 'Map' })} />
      {/* Mounted at once, so that its data loads while the map's style does; its layers reach deck.gl once the style is ready. */}
      <Layer client={client} tiles={tiles} spec={spec} basemap={basemap} onHover={onHover} onClick={onClick} onViewportLoad={onViewportLoad} onLayers={setProvided} />
      {ready && firstDrawn && (
        <Suspense fallback={null}>
          <SelectionToolbar map={map} client={client} manifest={manifest} />
          <Overlays map={map!} client={client} manifest={manifest} zoom={zoom} settled={settled} onLayers={setOverlays} />
        </Suspense>
      )}
      <p className="attribution">
        <span>{intl.formatMessage(spec.layer.attribution)}</span> ·{' '}
        <FormattedMessage id="map.attribution.boundaries" defaultMessage="Boundaries © ONS" />
        <span className="long">
          <FormattedMessage id="map.attribution.os" defaultMessage=", contains OS data" />
        </span>{' '}
        <FormattedMessage id="map.attribution.crown" defaultMessage="© Crown copyright" />
        <span className="long">
          <FormattedMessage id="map.attribution.database" defaultMessage=" and database right" />
        </span>{' '}
        2024 · <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">{intl.formatMessage({ id: 'map.attribution.ogl', defaultMessage: 'OGL v3.0' })}</a> ·{' '}
        <button type="button" className="link-button" onClick={() => useAppStore.getState().setView('about')}>
          <FormattedMessage id="map.attribution.sources" defaultMessage="Sources" />
        </button>
      </p>
      {hover && provided && <Tooltip client={client} spec={spec} hover={hover} data={provided.data} />}
    </div>
  );
}
