/**
 * The names files (src/data/namesSchema.ts) from the MSOA names and the OS
 * places: the search index (names/places.json), front-coded per authority,
 * and one small file per authority (names/authorities/<LAD>.json) with its
 * MSOAs (names, LSOAs, bounds, label points, populations) and the positions
 * of its places.
 *
 * An MSOA's label point is the population-weighted mean of its LSOAs'
 * population-weighted centroids, weighted by the build's LSOA populations
 * (the same weights as every other summary): it falls where people live,
 * as the ONS centroids do, and never in a park at the edge. Without the
 * centroids (no --lsoa-pwc) the MSOAs have no label points, and the map no
 * neighbourhood labels.
 */
import { gzipSync } from 'node:zlib';
import type { Bounds } from '../../../src/data/schema.ts';
import { frontEncode, namesPaths, PLACE_KINDS, type AuthorityNamesFile, type PlaceIndexFile, type PlaceKind } from '../../../src/data/namesSchema.ts';
import { countOf } from '../errors.ts';
import type { Geography } from '../lookup.ts';
import type { OutputFolder } from '../output.ts';
import { round } from '../output.ts';
import { flattenBounds } from '../stages/appData.ts';
import type { MsoaNames } from './msoaNames.ts';
import { OMITTED_KINDS, type OpenNames } from './openNames.ts';

/** The most the search index may add, gzip, to the search's first use (issue 14). */
export const PLACE_INDEX_BUDGET_BYTES = 150_000;

export interface NamesBuildInput {
  geography: Geography;
  msoaNames?: MsoaNames;
  openNames?: OpenNames;
  /** Bounds of every LSOA, in the lookup's order. */
  lsoaBounds: readonly Bounds[];
  /** Population-weighted centroid of every LSOA, flattened [lng, lat] (absent without --lsoa-pwc). */
  lsoaPoints?: readonly number[];
  /** Population weight of every LSOA. */
  lsoaWeights: ArrayLike<number>;
}

export interface NamesFiles {
  index: PlaceIndexFile;
  authorities: AuthorityNamesFile[];
}

interface Entry {
  name: string;
  kind: PlaceKind;
  /** Tie-break among equal names and kinds: OS ID or MSOA code. */
  source: string;
  lng?: number;
  lat?: number;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareEntries = (a: Entry, b: Entry) => byCodeUnits(a.name, b.name) || PLACE_KINDS.indexOf(a.kind) - PLACE_KINDS.indexOf(b.kind) || byCodeUnits(a.source, b.source);

function unionBounds(boxes: readonly Bounds[]): Bounds {
  return boxes.reduce<Bounds>(
    (union, [w, s, e, n]) => [Math.min(union[0], w), Math.min(union[1], s), Math.max(union[2], e), Math.max(union[3], n)],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** Population-weighted mean of the LSOAs' centroids; the plain mean where the LSOAs have no population. */
export function weightedCentre(lsoas: readonly number[], points: readonly number[], weights: ArrayLike<number>): [number, number] {
  let total = 0;
  let lng = 0;
  let lat = 0;
  for (const lsoa of lsoas) {
    total += weights[lsoa];
    lng += weights[lsoa] * points[lsoa * 2];
    lat += weights[lsoa] * points[lsoa * 2 + 1];
  }
  if (total > 0) return [lng / total, lat / total];
  const n = lsoas.length;
  return [lsoas.reduce((sum, lsoa) => sum + points[lsoa * 2], 0) / n, lsoas.reduce((sum, lsoa) => sum + points[lsoa * 2 + 1], 0) / n];
}

export function buildNameFiles(input: NamesBuildInput): NamesFiles {
  const { geography, msoaNames, openNames, lsoaBounds, lsoaPoints, lsoaWeights } = input;
  const ladCount = geography.lad.codes.length;
  const entries: Entry[][] = Array.from({ length: ladCount }, () => []);
  const authorities: AuthorityNamesFile[] = geography.lad.codes.map((lad) => ({
    lad,
    msoa: { codes: [], names: [], lsoas: [], bounds: [], label: [], population: [] },
    places: { lng: [], lat: [] },
    elsewhere: { lsoas: [], lads: [] },
  }));

  const ladOfLsoa = geography.lsoa.ward.map((ward) => geography.ward.lad[ward]);
  for (const msoa of msoaNames?.msoas ?? []) {
    entries[msoa.lad].push({ name: msoa.name, kind: 'neighbourhood', source: msoa.code });
    for (const lsoa of msoa.lsoas) {
      if (ladOfLsoa[lsoa] === msoa.lad) continue;
      authorities[ladOfLsoa[lsoa]].elsewhere.lsoas.push(lsoa);
      authorities[ladOfLsoa[lsoa]].elsewhere.lads.push(geography.lad.codes[msoa.lad]);
    }
    const file = authorities[msoa.lad].msoa;
    file.codes.push(msoa.code);
    file.names.push(msoa.name);
    file.lsoas.push([...msoa.lsoas]);
    file.bounds.push(...flattenBounds([unionBounds(msoa.lsoas.map((lsoa) => lsoaBounds[lsoa]))]));
    if (lsoaPoints) file.label.push(...weightedCentre(msoa.lsoas, lsoaPoints, lsoaWeights).map((value) => round(value, 5)));
    file.population.push(Math.round(msoa.lsoas.reduce((sum, lsoa) => sum + lsoaWeights[lsoa], 0)));
  }
  for (const place of openNames?.places ?? []) {
    entries[place.lad].push({ name: place.name, kind: place.kind, source: place.id, lng: place.lng, lat: place.lat });
  }

  const index: PlaceIndexFile = { names: [], kinds: [], omitted: openNames ? [...OMITTED_KINDS] : [] };
  entries.forEach((list, lad) => {
    list.sort(compareEntries);
    index.names.push(frontEncode(list.map((entry) => entry.name)));
    index.kinds.push(list.map((entry) => PLACE_KINDS.indexOf(entry.kind)).join(''));
    const places = authorities[lad].places;
    for (const entry of list) {
      if (entry.kind === 'neighbourhood') continue;
      places.lng.push(round(entry.lng!, 5));
      places.lat.push(round(entry.lat!, 5));
    }
  });
  return { index, authorities };
}

/** Writes the names files; returns the search index's size, raw and gzip, for the log and the bench. */
export function writeNameFiles(output: OutputFolder, files: NamesFiles): { bytes: number; gzipBytes: number } {
  const text = JSON.stringify(files.index);
  output.write(namesPaths.places, text);
  for (const file of files.authorities) output.writeJson(namesPaths.authority(file.lad), file);
  return { bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).byteLength };
}

export function describeNameFiles(files: NamesFiles, size: { bytes: number; gzipBytes: number }): string {
  const msoas = files.authorities.reduce((sum, file) => sum + file.msoa.codes.length, 0);
  const places = files.authorities.reduce((sum, file) => sum + file.places.lng.length, 0);
  return `${countOf(places, 'place name')} and ${countOf(msoas, 'neighbourhood name')}: ${namesPaths.places} ${(size.bytes / 1000).toFixed(0)} KB (${(size.gzipBytes / 1000).toFixed(0)} KB gzip), ${countOf(files.authorities.length, 'authority file')}`;
}
