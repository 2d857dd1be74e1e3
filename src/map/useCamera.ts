/**
 * The camera and the store: the map writes its position to the store when it
 * comes to rest; a position that changes from outside (a link, back and
 * forward) moves the map; a camera target (search, table, a link with an area
 * but no position) flies to the area's bounds.
 */
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LEVEL_DISPLAY, levelOfCode } from '../config/geography.ts';
import { boundsAt, type DataClient, type GroupAreaIndex } from '../data/client.ts';
import type { Bounds } from '../data/schema.ts';
import { useAppStore } from '../state/store.ts';
import { roundViewport } from '../state/url.ts';

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

async function areaBounds(client: DataClient, code: string): Promise<Bounds | undefined> {
  const level = levelOfCode(code);
  if (!level) return undefined;
  const areas = await client.areas(level);
  const index = areas.indexOf.get(code);
  if (index === undefined) return undefined;
  return boundsAt(level === 'lsoa' ? await client.lsoaBounds() : (areas as GroupAreaIndex).bounds, index);
}

export function useCamera(map: MapLibreMap | null, client: DataClient): void {
  const viewport = useAppStore((s) => s.viewport);
  const cameraTarget = useAppStore((s) => s.cameraTarget);

  useEffect(() => {
    if (!map) return;
    const write = () => {
      const center = map.getCenter();
      useAppStore.getState().setViewport({ longitude: center.lng, latitude: center.lat, zoom: map.getZoom() });
    };
    map.on('moveend', write);
    if (map.loaded()) write();
    else map.once('load', write);
    // A link with an area but no map position opens on that area.
    const { selection, viewport: initial } = useAppStore.getState();
    if (selection?.kind === 'area' && !initial) useAppStore.getState().select(selection.code, { fly: true, instant: true });
    return () => {
      map.off('moveend', write);
    };
  }, [map]);

  useEffect(() => {
    if (!map || !viewport) return;
    const center = map.getCenter();
    const current = roundViewport({ longitude: center.lng, latitude: center.lat, zoom: map.getZoom() });
    if (current.longitude !== viewport.longitude || current.latitude !== viewport.latitude || current.zoom !== viewport.zoom) {
      map.jumpTo({ center: [viewport.longitude, viewport.latitude], zoom: viewport.zoom });
    }
  }, [map, viewport]);

  useEffect(() => {
    if (!map || !cameraTarget) return;
    let cancelled = false;
    areaBounds(client, cameraTarget.code).then((bounds) => {
      if (cancelled) return;
      useAppStore.getState().cameraDone();
      if (!bounds) return;
      // On a phone the panel sits below the map; on a desktop it covers the map's right side.
      const narrow = map.getContainer().clientWidth < 720;
      map.fitBounds(bounds, {
        padding: narrow ? 24 : { top: 48, bottom: 48, left: 48, right: 440 },
        maxZoom: LEVEL_DISPLAY[levelOfCode(cameraTarget.code) ?? 'lad'].flyToMaxZoom,
        duration: cameraTarget.instant || prefersReducedMotion() ? 0 : 1200,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [map, client, cameraTarget]);
}
