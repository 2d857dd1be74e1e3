/**
 * The map: MapLibre for the camera, outlines and an optional basemap;
 * deck.gl, interleaved in the same WebGL context, for the choropleth and the
 * place labels. The store drives it; it writes back only the viewport, the
 * hovered area and clicks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import { levelOfCode } from '../config/geography.ts';
import type { AppConfig } from '../config/appConfig.ts';
import type { DataClient } from '../data/client.ts';
import type { Manifest } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import type { TileStore } from './tileStore.ts';
import { applyLevelToOutlines, applySelectionOutline } from './style.ts';
import { choroplethLayer, labelLayer, type AreaFeature } from './layers.ts';
import { createMap } from './createMap.ts';
import { useCamera } from './useCamera.ts';
import { useClasses } from './useClasses.ts';
import { LAD_LABEL_SIZE, useLabels, WARD_LABEL_SIZE } from './useLabels.ts';
import { atlasStatus } from './status.ts';
import { Tooltip, type HoverState } from '../ui/Tooltip.tsx';

interface Props {
  client: DataClient;
  tiles: TileStore;
  manifest: Manifest;
  config: AppConfig;
}

export function MapView({ client, tiles, manifest, config }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [zoom, setZoom] = useState(6);
  const [settled, setSettled] = useState(0);
  const [hover, setHover] = useState<HoverState | null>(null);
  // Whether a basemap is drawn under the data (false again if it failed to load).
  const [basemap, setBasemap] = useState(Boolean(config.basemapStyleUrl));

  const level = useAppStore((s) => s.level);
  const indicator = useAppStore((s) => s.indicator);
  const measure = useAppStore((s) => s.measure);
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
        useAppStore.getState().notify(`The basemap style ${config.basemapStyleUrl} could not be loaded, so the map shows the data alone.`, 'warning');
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
  const classState = useClasses(client, level, indicator, measure);
  const labels = useLabels({ map: ready ? map : null, client, enabled: !basemap, level, zoom, settled });

  const onHover = useMemo(
    () => (info: PickingInfo<AreaFeature>) => {
      const code = info.object?.properties?.code;
      setHover(code ? { code, x: info.x, y: info.y } : null);
    },
    [],
  );
  const onClick = useMemo(() => (info: PickingInfo<AreaFeature>) => useAppStore.getState().select(info.object?.properties?.code ?? null), []);

  // Hand the layers to deck.gl.
  useEffect(() => {
    const overlay = overlayRef.current;
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
      labels.lad.length > 0 && labelLayer('lad-labels', labels.lad, LAD_LABEL_SIZE),
      labels.ward.length > 0 && labelLayer('ward-labels', labels.ward, WARD_LABEL_SIZE),
    ].filter((layer) => layer !== false);
    overlay.setProps({ layers });
    map.once('render', () => atlasStatus.rendered(classState.version));
    map.triggerRepaint();
  }, [map, ready, classState, labels, tiles, basemap, onHover, onClick]);

  // Outlines follow the level and the selection.
  useEffect(() => {
    if (ready && map) applyLevelToOutlines(map, level);
  }, [map, ready, level]);
  useEffect(() => {
    if (ready && map) applySelectionOutline(map, selection, selection ? levelOfCode(selection) : undefined);
  }, [map, ready, selection]);

  useEffect(() => {
    if (!hidden) map?.resize();
  }, [map, hidden]);

  // Keyboard: Enter on the focused map selects the area at its centre.
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !overlayRef.current) return;
      const picked = overlayRef.current.pickObject({ x: canvas.clientWidth / 2, y: canvas.clientHeight / 2, radius: 2 });
      const code = (picked?.object as AreaFeature | undefined)?.properties?.code;
      if (code) useAppStore.getState().select(code);
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [map]);

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
