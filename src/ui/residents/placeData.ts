/**
 * What the resident panel shows, as promises kept per data client and
 * place: the place's lookup, the services index, the services near it and
 * its neighbourhood's card. Each is started once (by the search while a
 * postcode is typed, see prefetchPlace, or by the panel's first render) and
 * its value is remembered when it settles, so that a panel whose data are
 * in draws them in its very first render (usePromise): on a map drawing in
 * software WebGL, every render that waits for an effect waits for a frame
 * of a few hundred ms.
 */
import { useEffect, useReducer, useRef } from 'react';
import { SERVICE_TYPE_IDS, type NearDistance, type ServiceTypeId } from '../../config/serviceTypes.ts';
import { DataError, type DataClient } from '../../data/client.ts';
import { loadNearbyServices, type NearbyServices } from '../../data/nearbyServices.ts';
import { loadNeighbourhoodCard, type NeighbourhoodCardData } from '../../data/neighbourhoodCard.ts';
import { placeKey, resolvePlace, type PlaceResolution } from '../../data/placeLookup.ts';
import type { Manifest } from '../../data/schema.ts';
import { servicesPaths, type ServicesIndex } from '../../data/servicesSchema.ts';
import { useAppStore } from '../../state/store.ts';
import type { PlaceRef } from '../../state/url.ts';

type Settled = { value: unknown; error?: undefined } | { value?: undefined; error: Error };
const settled = new WeakMap<Promise<unknown>, Settled>();
const tracked = new WeakSet<Promise<unknown>>();

/** Remembers the promise's outcome when it settles. */
function track<T>(promise: Promise<T>): Promise<T> {
  if (!tracked.has(promise)) {
    tracked.add(promise);
    promise.then(
      (value) => settled.set(promise, { value }),
      (error: Error) => settled.set(promise, { error }),
    );
  }
  return promise;
}

/** A cache of promises per client, forgetting those that fail (so that they can be tried again). */
function cachePerClient<T>() {
  const caches = new WeakMap<DataClient, Map<string, Promise<T>>>();
  return (client: DataClient, key: string, start: () => Promise<T>): Promise<T> => {
    let cache = caches.get(client);
    if (!cache) caches.set(client, (cache = new Map()));
    let promise = cache.get(key);
    if (!promise) {
      promise = track(start());
      cache.set(key, promise);
      const forget = cache;
      promise.catch(() => forget.delete(key));
    }
    return promise;
  };
}

const indexes = cachePerClient<ServicesIndex | null>();
const lists = cachePerClient<NearbyServices | null>();
const cards = cachePerClient<NeighbourhoodCardData | null>();

/** The point services are measured from: the postcode's, or the point itself; null where the place has none. */
export function originOf(resolution: PlaceResolution | undefined): { lng: number; lat: number } | null {
  if (resolution?.kind === 'found') return { lng: resolution.place.lng, lat: resolution.place.lat };
  if (resolution?.kind === 'noPostcodeNear') return { lng: resolution.lng, lat: resolution.lat };
  return null;
}

export function placeResolution(client: DataClient, manifest: Manifest, place: PlaceRef): Promise<PlaceResolution> {
  return track(resolvePlace(client, manifest, place));
}

/** The services index, or null when the build has none (HTTP 404). */
export function servicesIndex(client: DataClient): Promise<ServicesIndex | null> {
  return indexes(client, servicesPaths.index, () =>
    client.file<ServicesIndex>(servicesPaths.index).catch((error) => {
      if (error instanceof DataError && error.status === 404) return null;
      throw error;
    }),
  );
}

/**
 * The services near a place, in one chain: the place's lookup and the
 * services index together, then the cells; null where the place has no
 * point or the build no services.
 */
export function nearbyList(client: DataClient, manifest: Manifest, place: PlaceRef, types: readonly ServiceTypeId[], within: NearDistance): Promise<NearbyServices | null> {
  return lists(client, `${placeKey(place)}|${types.join(',')}|${within}`, async () => {
    const [resolution, index] = await Promise.all([placeResolution(client, manifest, place), servicesIndex(client)]);
    const origin = originOf(resolution);
    return origin && index ? loadNearbyServices(client, index, origin.lng, origin.lat, types, within) : null;
  });
}

export function neighbourhoodCard(client: DataClient, manifest: Manifest, lsoa: string): Promise<NeighbourhoodCardData | null> {
  return cards(client, lsoa, () => loadNeighbourhoodCard(client, manifest, lsoa));
}

/** The types the panel lists: those chosen, or every type (as setPlace does when none is chosen). */
export function listedTypes(chosen: readonly ServiceTypeId[]): readonly ServiceTypeId[] {
  return chosen.length > 0 ? chosen : SERVICE_TYPE_IDS;
}

/**
 * Fetches what the panel of a place will show before the place is chosen (a
 * whole postcode typed in the search, before Enter): the list for the types
 * and distance the panel will open with, and the neighbourhood's card.
 */
export function prefetchPlace(client: DataClient, place: PlaceRef): void {
  client
    .manifest()
    .then((manifest) => {
      const { services, within } = useAppStore.getState();
      void nearbyList(client, manifest, place, listedTypes(services), within).catch(() => {});
      return placeResolution(client, manifest, place).then((resolution) => {
        if (resolution.kind === 'found' && resolution.place.lsoa) return neighbourhoodCard(client, manifest, resolution.place.lsoa);
        return null;
      });
    })
    .catch(() => {});
}

export interface PromiseState<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * A promise's value as React state, known in the first render when the
 * promise has already settled. `keep`: while a new promise loads, the last
 * value stays on screen (the list, when the distance changes).
 */
export function usePromise<T>(promise: Promise<T> | undefined, options: { keep?: boolean } = {}): PromiseState<T> {
  if (promise) track(promise);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const last = useRef<T | undefined>(undefined);
  const outcome = promise ? settled.get(promise) : undefined;
  const drawnSettled = outcome !== undefined;
  useEffect(() => {
    if (!promise) return;
    if (settled.has(promise)) {
      // Settled between this render and its effect.
      if (!drawnSettled) rerender();
      return;
    }
    let current = true;
    // Registered after track's own reaction, so the outcome is remembered by the time this runs.
    promise.then(
      () => current && rerender(),
      () => current && rerender(),
    );
    return () => {
      current = false;
    };
  }, [promise, drawnSettled]);
  if (outcome && !outcome.error) last.current = outcome.value as T;
  return {
    value: outcome ? (outcome.value as T | undefined) : options.keep ? last.current : undefined,
    error: outcome?.error,
    loading: !!promise && !outcome,
  };
}
