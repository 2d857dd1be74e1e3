/**
 * The host of the map's overlays (types.ts): mounts each one when it is
 * wanted, and hands their layers, in a fixed order, to the map. Loaded after
 * the first map is drawn.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import { useAppStore } from '../../state/store.ts';
import { placeKey } from '../../data/placeLookup.ts';
import { whenListShown } from '../residents/placeCamera.ts';
import type { OverlayProps } from './types.ts';

const NeighbourhoodLabels = lazy(() => import('../names/NeighbourhoodLabels.tsx'));
const ServicesOverlay = lazy(() => import('../services/ServicesOverlay.tsx'));
const PlaceOverlay = lazy(() => import('../residents/PlaceOverlay.tsx'));

/** Bottom to top. */
const ORDER = ['names', 'services', 'place'] as const;
type OverlayId = (typeof ORDER)[number];

export default function Overlays({ onLayers, ...props }: Omit<OverlayProps, 'report'> & { onLayers(layers: Layer[]): void }) {
  const [layers, setLayers] = useState<Partial<Record<OverlayId, Layer[]>>>({});
  const hasServices = useAppStore((s) => s.services.length > 0);
  const place = useAppStore((s) => s.place);
  const hasPlace = place !== null;
  // The services' points (hundreds of KB for all types, and clustering) would hold back a resident's list: they wait for it the first time.
  const [servicesAllowed, setServicesAllowed] = useState(false);
  useEffect(() => {
    if (servicesAllowed || !hasServices) return;
    if (!place) {
      setServicesAllowed(true);
      return;
    }
    let live = true;
    whenListShown(placeKey(place), 3000).then(() => live && setServicesAllowed(true));
    return () => {
      live = false;
    };
  }, [servicesAllowed, hasServices, place]);
  // An overlay with nothing to draw says so on every move (neighbourhood names below their zoom): that changes nothing.
  const reporter = useCallback(
    (id: OverlayId) => (next: Layer[]) => setLayers((current) => (next.length === 0 && !current[id]?.length ? current : { ...current, [id]: next })),
    [],
  );
  const [reportNames] = useState(() => reporter('names'));
  const [reportServices] = useState(() => reporter('services'));
  const [reportPlace] = useState(() => reporter('place'));

  // An overlay taken away reports no layers as it unmounts (each one's own cleanup).
  useEffect(() => onLayers(ORDER.flatMap((id) => layers[id] ?? [])), [layers, onLayers]);

  return (
    <Suspense fallback={null}>
      <NeighbourhoodLabels {...props} report={reportNames} />
      {hasServices && servicesAllowed && <ServicesOverlay {...props} report={reportServices} />}
      {hasPlace && <PlaceOverlay {...props} report={reportPlace} />}
    </Suspense>
  );
}
