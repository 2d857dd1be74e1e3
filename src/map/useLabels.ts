/**
 * Place labels from area names: authority names from zoom 6 to 11.5, ward
 * names from 10.5 (9 at the ward level), placed without overlaps each time
 * the map comes to rest. None over a basemap, which has its own.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LEVEL_DISPLAY, type Level } from '../config/geography.ts';
import type { DataClient, GroupAreaIndex } from '../data/client.ts';
import { placeLabels } from './labelPlacement.ts';
import { LABEL_FONT_FAMILY, LABEL_FONT_WEIGHT, type PlaceLabel } from './layers.ts';

export const LAD_LABEL_SIZE = 13;
export const WARD_LABEL_SIZE = 12;

/** Text widths for placement, measured once per name with the label font. */
const measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
const widthCache = new Map<string, number>();
export function textWidth(text: string, size: number): number {
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

/** Bigger places first: priority from population. */
export function toLabels(areas: GroupAreaIndex): PlaceLabel[] {
  return areas.names.map((name, i) => ({
    name,
    position: [areas.label[i * 2], areas.label[i * 2 + 1]],
    priority: Math.min(1000, Math.round(areas.population[i] / 1000)),
  }));
}

/** The screen labels are placed on (labelPlacement.ts), less the text's size. */
export function labelScreen(map: MapLibreMap) {
  const canvas = map.getCanvas();
  return {
    project: (position: [number, number]) => {
      const point = map.project(position);
      return [point.x, point.y] as [number, number];
    },
    width: canvas.clientWidth,
    height: canvas.clientHeight,
    padding: 6,
  };
}

interface Options {
  map: MapLibreMap | null;
  client: DataClient;
  /** Over a basemap: no labels of our own. */
  enabled: boolean;
  level: Level;
  zoom: number;
  /** Changes each time the map comes to rest. */
  settled: number;
}

export function useLabels({ map, client, enabled, level, zoom, settled }: Options): { lad: PlaceLabel[]; ward: PlaceLabel[] } {
  const [ladLabels, setLadLabels] = useState<PlaceLabel[]>([]);
  const [wardLabels, setWardLabels] = useState<PlaceLabel[]>([]);
  const showLad = enabled && zoom >= 6 && zoom < 11.5;
  const showWard = enabled && zoom >= LEVEL_DISPLAY[level].wardLabelsFromZoom;

  useEffect(() => {
    if (enabled) client.groupAreas('lad').then((areas) => setLadLabels(toLabels(areas)), () => {});
  }, [client, enabled]);
  useEffect(() => {
    // Ward names (180 KB) only once someone zooms in far enough to read them.
    if (showWard && wardLabels.length === 0) client.groupAreas('ward').then((areas) => setWardLabels(toLabels(areas)), () => {});
  }, [client, showWard, wardLabels.length]);

  return useMemo(() => {
    if (!map || (!showLad && !showWard)) return { lad: [], ward: [] };
    const screen = labelScreen(map);
    const lad = showLad
      ? placeLabels(ladLabels, { ...screen, textHeight: LAD_LABEL_SIZE, textWidth: (t) => textWidth(t, LAD_LABEL_SIZE) })
      : { placed: [], boxes: [] };
    const ward = showWard
      ? placeLabels(wardLabels, { ...screen, textHeight: WARD_LABEL_SIZE, textWidth: (t) => textWidth(t, WARD_LABEL_SIZE) }, lad.boxes).placed
      : [];
    return { lad: lad.placed, ward };
    // `settled` is in the dependencies on purpose: the placement depends on the camera.
  }, [map, settled, ladLabels, wardLabels, showLad, showWard]);
}
