/**
 * The place "near me" is about, on the map (an overlay of ../overlays/):
 * a marker at the place (dark disc, white ring: visible on every layer's
 * colours) and the circle of the distance chosen (1 km, 2 km, or the
 * straight-line reach of a 20-minute walk), both deck.gl layers in metres.
 * When the place or the distance changes, the camera flies to fit the
 * circle, once the panel's list is drawn (placeCamera.ts).
 */
import { useEffect, useMemo } from 'react';
import { ScatterplotLayer } from '@deck.gl/layers';
import { NEAR_REACH_METRES } from '../../data/nearbyServices.ts';
import { placeKey, resolvePlace, type PlaceResolution } from '../../data/placeLookup.ts';
import { useAppStore } from '../../state/store.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { flyToPoint } from '../flyToPoint.ts';
import type { OverlayProps } from '../overlays/types.ts';
import { whenListShown, zoomToFit } from './placeCamera.ts';

/** The accent of the interface (styles.css --accent), for the circle: 5.9:1 on white. */
const CIRCLE: [number, number, number] = [31, 95, 168];
const MARKER: [number, number, number, number] = [23, 33, 43, 255];
const RING: [number, number, number, number] = [255, 255, 255, 255];
/** Longest wait for the panel's list before the camera flies anyway. */
const LIST_WAIT_MS = 1500;

interface Origin {
  lng: number;
  lat: number;
}

function originOf(resolution: PlaceResolution | undefined): Origin | null {
  if (resolution?.kind === 'found') return { lng: resolution.place.lng, lat: resolution.place.lat };
  if (resolution?.kind === 'noPostcodeNear') return { lng: resolution.lng, lat: resolution.lat };
  return null;
}

/** The circle and the marker of a place. */
export function placeLayers(origin: Origin, reachMetres: number): ScatterplotLayer<Origin>[] {
  const data = [origin];
  return [
    new ScatterplotLayer<Origin>({
      id: 'near-me-reach',
      data,
      getPosition: (d) => [d.lng, d.lat],
      getRadius: reachMetres,
      radiusUnits: 'meters',
      filled: true,
      getFillColor: [...CIRCLE, 30],
      stroked: true,
      getLineColor: [...CIRCLE, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
      updateTriggers: { getRadius: reachMetres },
    }),
    new ScatterplotLayer<Origin>({
      id: 'near-me-place',
      data,
      getPosition: (d) => [d.lng, d.lat],
      radiusUnits: 'pixels',
      getRadius: 8,
      filled: true,
      getFillColor: MARKER,
      stroked: true,
      getLineColor: RING,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
    }),
  ];
}

export default function PlaceOverlay({ map, client, manifest, report }: OverlayProps) {
  const place = useAppStore((s) => s.place);
  const within = useAppStore((s) => s.within);
  const key = place ? placeKey(place) : null;
  const resolution = useAsync(() => (place ? resolvePlace(client, manifest, place) : undefined), [client, manifest, key]);
  const found = originOf(resolution.value);
  // One object per place, so that effects see a change of place and not a new object of the same place.
  const origin = useMemo(() => found, [found?.lng, found?.lat]); // eslint-disable-line react-hooks/exhaustive-deps
  const reach = NEAR_REACH_METRES[within];

  useEffect(() => () => report([]), [report]);

  // Drawn and flown to once the list is on screen: a new layer and a flight both cost frames, which the list goes before.
  useEffect(() => {
    if (!origin || !key) {
      report([]);
      return;
    }
    let current = true;
    whenListShown(key, LIST_WAIT_MS).then(() => {
      if (!current) return;
      report(placeLayers(origin, reach));
      const container = map.getContainer();
      flyToPoint(origin.lng, origin.lat, zoomToFit(container.clientWidth, container.clientHeight, origin.lat, reach));
    });
    return () => {
      current = false;
    };
  }, [map, key, origin, reach, report]);

  return null;
}
