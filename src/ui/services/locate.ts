/**
 * "Use my location": the browser's position, asked for only when the button
 * is pressed, and whether it is somewhere the map covers. Each way it can
 * fail has its own outcome, so the control can say plainly what happened.
 */
import type { DataClient } from '../../data/client.ts';
import { nearestPostcode } from '../../data/placeLookup.ts';
import { postcodePaths } from '../../data/postcodeSchema.ts';
import type { Manifest } from '../../data/schema.ts';

export type LocateOutcome =
  | { kind: 'found'; lng: number; lat: number }
  /** Outside England's bounds, or (where the build has postcodes) with no English postcode within 2 km. */
  | { kind: 'outside'; lng: number; lat: number }
  /** The person (or the browser's settings) said no. */
  | { kind: 'denied' }
  /** The device could not tell where it is. */
  | { kind: 'unavailable' }
  | { kind: 'timeout' }
  /** No geolocation in this browser, or not on this page (it needs a secure origin). */
  | { kind: 'unsupported' };

/** How long the device may take to find itself. */
export const LOCATE_TIMEOUT_MS = 15_000;

type Position = { lng: number; lat: number };

export function currentPosition(geolocation: Geolocation | undefined): Promise<Position | LocateOutcome> {
  if (!geolocation) return Promise.resolve({ kind: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ lng: position.coords.longitude, lat: position.coords.latitude }),
      (error) => resolve({ kind: error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable' }),
      // A position from the last minute will do; a rough one is enough to list services within a kilometre or two.
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** Where the device is, if that is in England. */
export async function locateInEngland(geolocation: Geolocation | undefined, client: DataClient, manifest: Pick<Manifest, 'bounds' | 'files'>): Promise<LocateOutcome> {
  const position = await currentPosition(geolocation);
  if ('kind' in position) return position;
  const { lng, lat } = position;
  const [west, south, east, north] = manifest.bounds;
  if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return { kind: 'outside', lng, lat };
  // Within England's box but perhaps in Wales or Scotland: the postcode index holds English postcodes only.
  if (manifest.files?.[postcodePaths.index] && !(await nearestPostcode(client, lng, lat))) return { kind: 'outside', lng, lat };
  return { kind: 'found', lng, lat };
}
