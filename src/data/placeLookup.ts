/**
 * The place "near me" is about (src/state/url.ts PlaceRef), resolved to a
 * point and a neighbourhood: a postcode through the postcode index
 * (postcodeLookup.ts), a point (a map click, the browser's geolocation)
 * through its nearest English postcode, whose LSOA 2021 stands for the
 * point's. The index's `index.json` gives every outward code's bounds, so a
 * point fetches only the outward files that can hold its nearest postcode.
 *
 * A point with no English postcode within MAX_POSTCODE_METRES is said to
 * be so (outside England, or in open country far from any address): its
 * neighbourhood is not guessed. Services are still measured from the point.
 */
import type { PlaceRef } from '../state/url.ts';
import { haversineKm } from '../stats/geodesy.ts';
import type { DataClient } from './client.ts';
import { decodePostcodeFile, lookUpPostcode, postcodeFileOrNone, type PostcodeLookup } from './postcodeLookup.ts';
import { parsePostcode, type Postcode } from './postcodes.ts';
import { postcodePaths, type PostcodeFile, type PostcodeIndexFile } from './postcodeSchema.ts';
import type { Manifest } from './schema.ts';

/**
 * How far a point's nearest postcode may be for its neighbourhood to stand
 * for the point's. In towns a postcode is within 100–200 m of any address;
 * 2 km leaves room for villages and farms, and not much for a point over a
 * border (the index has English postcodes only).
 */
export const MAX_POSTCODE_METRES = 2000;

export interface ResolvedPlace {
  /** Where distances are measured from: the postcode's point (Code-Point Open), or the point itself. */
  lng: number;
  lat: number;
  /** The postcode, or the point's nearest postcode. */
  postcode: Postcode;
  /** Straight-line metres from the point to that postcode (0 for a postcode). */
  postcodeMetres: number;
  /** LSOA 2021 of the postcode, or null where it lies in none (offshore). */
  lsoa: string | null;
  lsoaIndex: number;
}

export type PlaceResolution =
  | { kind: 'found'; from: PlaceRef['kind']; place: ResolvedPlace }
  /** A point with no English postcode within MAX_POSTCODE_METRES. */
  | { kind: 'noPostcodeNear'; lng: number; lat: number }
  /** The build has no postcode index (the pipeline was not given OS Code-Point Open). */
  | { kind: 'notBuilt' }
  | Exclude<PostcodeLookup, { kind: 'found' }>;

const resolved = new WeakMap<DataClient, Map<string, Promise<PlaceResolution>>>();

/**
 * Resolves a place, once per client (the panel and the map's marker ask for
 * the same place); network and data errors are thrown (the caller says the
 * lookup failed) and not kept, so that it can be tried again.
 */
export function resolvePlace(client: DataClient, manifest: Manifest, ref: PlaceRef): Promise<PlaceResolution> {
  let places = resolved.get(client);
  if (!places) resolved.set(client, (places = new Map()));
  const key = placeKey(ref);
  let promise = places.get(key);
  if (!promise) {
    promise = resolveUncached(client, manifest, ref);
    places.set(key, promise);
    promise.catch(() => places.delete(key));
  }
  return promise;
}

async function resolveUncached(client: DataClient, manifest: Manifest, ref: PlaceRef): Promise<PlaceResolution> {
  if (!manifest.files?.[postcodePaths.index]) return { kind: 'notBuilt' };
  if (ref.kind === 'point') return resolvePoint(client, ref.lng, ref.lat);
  const result = await lookUpPostcode(client, ref.postcode);
  if (result.kind !== 'found') return result;
  const { postcode, lng, lat, lsoa, lsoaIndex } = result.place;
  return { kind: 'found', from: 'postcode', place: { lng, lat, postcode, postcodeMetres: 0, lsoa, lsoaIndex } };
}

/**
 * The least distance, in metres, from a point to anything inside a
 * longitude–latitude box, on the safe side: the great-circle distance to the
 * box's nearest point by clamping, less 1% and 20 m (the bounds are rounded
 * outwards to 4 decimals, and over a few km the clamped point is within a
 * fraction of a percent of the true nearest one).
 */
export function metresToBox(lng: number, lat: number, west: number, south: number, east: number, north: number): number {
  const x = Math.min(Math.max(lng, west), east);
  const y = Math.min(Math.max(lat, south), north);
  if (x === lng && y === lat) return 0;
  return Math.max(0, haversineKm(lng, lat, x, y) * 1000 * 0.99 - 20);
}

/** Every postcode file of an outward code: the outward file, or its sector files when it is split. */
async function outwardFiles(client: DataClient, index: PostcodeIndexFile, outward: string): Promise<PostcodeFile[]> {
  const sectors = index.sectors[outward];
  const paths = sectors ? sectors.map((sector) => postcodePaths.sector(outward, sector)) : [postcodePaths.outward(outward)];
  return (await Promise.all(paths.map((path) => postcodeFileOrNone(client, path)))).filter((file): file is PostcodeFile => !!file);
}

interface Nearest {
  postcode: Postcode;
  metres: number;
  lng: number;
  lat: number;
  lsoaIndex: number;
}

/**
 * The nearest postcode to a point, among those within `maxMetres`: outward
 * codes are visited in order of their bounds' distance, in waves fetched in
 * parallel, until no unvisited outward code can hold a nearer one.
 */
export async function nearestPostcode(client: DataClient, lng: number, lat: number, maxMetres = MAX_POSTCODE_METRES): Promise<Nearest | null> {
  const index = await client.file<PostcodeIndexFile>(postcodePaths.index);
  const candidates = index.outward
    .map((outward, i) => ({ outward, bound: metresToBox(lng, lat, index.bounds[4 * i], index.bounds[4 * i + 1], index.bounds[4 * i + 2], index.bounds[4 * i + 3]) }))
    .filter((candidate) => candidate.bound <= maxMetres)
    .sort((a, b) => a.bound - b.bound || (a.outward < b.outward ? -1 : 1));
  let best: Nearest | null = null;
  let next = 0;
  while (next < candidates.length) {
    // The first wave: every outward code as near as the nearest one (boxes overlap, so usually several at 0 m).
    const limit = best ? best.metres : candidates[next].bound;
    const wave: typeof candidates = [];
    while (next < candidates.length && candidates[next].bound <= limit) wave.push(candidates[next++]);
    if (wave.length === 0) break;
    const files = await Promise.all(wave.map((candidate) => outwardFiles(client, index, candidate.outward)));
    for (const file of files.flat()) {
      const decoded = decodePostcodeFile(file);
      for (let i = 0; i < decoded.inward.length; i++) {
        const metres = haversineKm(lng, lat, decoded.lng[i], decoded.lat[i]) * 1000;
        const text = `${file.outward} ${decoded.inward[i]}`;
        if (metres > maxMetres) continue;
        // Ties (postcodes at one point) go to the first in alphabetical order, whatever order the files came in.
        if (best && (metres > best.metres || (metres === best.metres && text >= best.postcode.text))) continue;
        best = { postcode: { outward: file.outward, inward: decoded.inward[i], text, mended: false }, metres, lng: decoded.lng[i], lat: decoded.lat[i], lsoaIndex: decoded.lsoa[i] };
      }
    }
  }
  return best;
}

async function resolvePoint(client: DataClient, lng: number, lat: number): Promise<PlaceResolution> {
  const [nearest, lsoas] = await Promise.all([nearestPostcode(client, lng, lat), client.areas('lsoa')]);
  if (!nearest) return { kind: 'noPostcodeNear', lng, lat };
  return {
    kind: 'found',
    from: 'point',
    place: {
      lng,
      lat,
      postcode: nearest.postcode,
      postcodeMetres: nearest.metres,
      lsoa: nearest.lsoaIndex >= 0 ? (lsoas.codes[nearest.lsoaIndex] ?? null) : null,
      lsoaIndex: nearest.lsoaIndex,
    },
  };
}

/** The place as the link holds it, as text for a title: "B15 2TT", or null for a point. */
export function placePostcodeText(ref: PlaceRef): string | null {
  if (ref.kind !== 'postcode') return null;
  const parsed = parsePostcode(ref.postcode);
  return 'postcode' in parsed ? parsed.postcode.text : ref.postcode;
}

/** A key that tells places apart (for caches and for the camera). */
export function placeKey(ref: PlaceRef): string {
  return ref.kind === 'postcode' ? `postcode:${ref.postcode}` : `point:${ref.lat},${ref.lng}`;
}
