/**
 * Neighbourhood names as the map's place labels at neighbourhood zoom
 * (issue 14): from zoom 12, the House of Commons Library name of every MSOA
 * in view, at its label point, placed like the ward and authority labels
 * (useLabels.ts, labelPlacement.ts): without overlapping each other or the
 * ward names, which are placed first, and only wholly on screen. Only the
 * files of the authorities in view are fetched (names/authorities/<LAD>.json,
 * a few KB each), the first time that zoom is reached. None over a basemap
 * with labels of its own, as for the ward names. While they are shown, the
 * map's attribution line credits them.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Msg } from '../../config/catalogue/types.ts';
import { boundsAt } from '../../data/client.ts';
import { namesPaths, type AuthorityNamesFile } from '../../data/namesSchema.ts';
import { authorityNames } from '../../data/neighbourhoodNames.ts';
import { useFormats } from '../../i18n/useText.ts';
import { placeLabels, type PlacementOptions } from '../labelPlacement.ts';
import { labelLayer, type PlaceLabel } from '../layers.ts';
import { labelScreen, textWidth, toLabels, WARD_LABEL_SIZE } from '../useLabels.ts';
import type { OverlayProps } from '../overlays/types.ts';

/** Neighbourhood zoom: an MSOA (about 1–2 km across in a town) is wide enough on screen for its name. */
export const NEIGHBOURHOOD_LABELS_FROM_ZOOM = 12;
export const NEIGHBOURHOOD_LABEL_SIZE = 11;
/** Dark grey, lighter than the ward names' near-black so the two read as different things (contrast on the white halo: 9:1). */
const NEIGHBOURHOOD_LABEL_COLOUR: [number, number, number, number] = [64, 64, 64, 255];

const MESSAGES = {
  attribution: { id: 'map.attribution.neighbourhoods', defaultMessage: ' · Neighbourhood names: House of Commons Library (Open Parliament Licence)' },
} satisfies Record<string, Msg>;

/** Whether the map's style draws labels of its own (a basemap's): then the map needs none of ours, as useLabels decides. */
function styleHasLabels(map: MapLibreMap): boolean {
  return (map.getStyle()?.layers ?? []).some((layer) => layer.type === 'symbol' && layer.layout?.['text-field'] !== undefined);
}

/** The authorities whose bounds meet the map's view. */
function authoritiesInView(map: MapLibreMap, codes: readonly string[], bounds: readonly number[]): string[] {
  const view = map.getBounds();
  return codes.filter((_, i) => {
    const [west, south, east, north] = boundsAt(bounds, i);
    return west <= view.getEast() && east >= view.getWest() && south <= view.getNorth() && north >= view.getSouth();
  });
}

export function neighbourhoodLabels(file: AuthorityNamesFile): PlaceLabel[] {
  const { names, label, population } = file.msoa;
  if (label.length === 0) return [];
  return names.map((name, i) => ({ name, position: [label[i * 2], label[i * 2 + 1]], priority: Math.min(1000, Math.round(population[i] / 1000)) }));
}

/**
 * The neighbourhood labels to draw: the ward names placed first, as
 * useLabels places them, then the neighbourhoods' around them, none that
 * repeats a ward name on screen ("Nechells" twice would read as one name
 * shown twice).
 */
export function placeNeighbourhoodLabels(
  screen: Omit<PlacementOptions, 'textWidth' | 'textHeight'>,
  wardLabels: readonly PlaceLabel[],
  candidates: readonly PlaceLabel[],
  width: (text: string, size: number) => number = textWidth,
): PlaceLabel[] {
  const wards = placeLabels(wardLabels, { ...screen, textHeight: WARD_LABEL_SIZE, textWidth: (t) => width(t, WARD_LABEL_SIZE) });
  const wardNames = new Set(wards.placed.map((label) => label.name));
  const named = candidates.filter((label) => !wardNames.has(label.name));
  return placeLabels(named, { ...screen, textHeight: NEIGHBOURHOOD_LABEL_SIZE, textWidth: (t) => width(t, NEIGHBOURHOOD_LABEL_SIZE) }, wards.boxes).placed;
}

export default function NeighbourhoodLabels({ map, client, manifest, zoom, settled, report }: OverlayProps) {
  const f = useFormats();
  const built = Boolean(manifest.files?.[namesPaths.places]);
  const active = built && zoom >= NEIGHBOURHOOD_LABELS_FROM_ZOOM && !styleHasLabels(map);
  const [files, setFiles] = useState<ReadonlyMap<string, AuthorityNamesFile>>(new Map());
  const [wardLabels, setWardLabels] = useState<PlaceLabel[] | null>(null);

  // The authorities in view, each time the map comes to rest at neighbourhood zoom.
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    (async () => {
      const [lads, wards] = await Promise.all([client.groupAreas('lad'), client.groupAreas('ward')]);
      if (cancelled) return;
      setWardLabels((current) => current ?? toLabels(wards));
      const wanted = authoritiesInView(map, lads.codes, lads.bounds).filter((code) => !files.has(code));
      if (wanted.length === 0) return;
      const loaded = await Promise.all(wanted.map((code) => authorityNames(client, code)));
      if (!cancelled) setFiles((current) => new Map([...current, ...loaded.map((file) => [file.lad, file] as const)]));
    })().catch(() => {}); // Without the names the map is as before: no neighbourhood labels.
    return () => {
      cancelled = true;
    };
  }, [active, client, map, settled, files]);

  const candidates = useMemo(() => [...files.values()].flatMap(neighbourhoodLabels), [files]);
  const placed = useMemo(() => {
    if (!active || !wardLabels || candidates.length === 0) return [];
    return placeNeighbourhoodLabels(labelScreen(map), wardLabels, candidates);
    // `settled` is in the dependencies on purpose: the placement depends on the camera.
  }, [active, map, settled, wardLabels, candidates]);

  useEffect(() => {
    report(placed.length > 0 ? [labelLayer('neighbourhood-labels', placed, NEIGHBOURHOOD_LABEL_SIZE).clone({ getColor: NEIGHBOURHOOD_LABEL_COLOUR })] : []);
  }, [placed, report]);
  useEffect(() => () => report([]), [report]);

  const attribution = map.getContainer().closest('.map')?.querySelector('.attribution');
  return placed.length > 0 && attribution ? createPortal(<span data-testid="neighbourhood-attribution">{f.t(MESSAGES.attribution)}</span>, attribution) : null;
}
