/**
 * The place-name search (issue 14): OS Open Names populated places and
 * House of Commons Library neighbourhood (MSOA) names, from
 * names/places.json, searched beside the authorities, wards and LSOAs of
 * search.ts and merged with them into one list.
 *
 * Matching is on normalised names (search.ts `normalise`: case, accents,
 * "&"/"and", "St"/"Saint", hyphens and apostrophes). Ranking: how well the
 * name matches (the whole name, its beginning, the beginning of a word,
 * anywhere), then the size of the place (city, authority, town, ward,
 * suburb or neighbourhood, village, other settlement, hamlet, LSOA:
 * src/config/placeKinds.ts), then shorter names, then alphabetical, then by
 * authority. Every place names its authority, so places that share a name
 * ("Kirkby" in Knowsley, West Lindsey and North Yorkshire) are told apart.
 */
import { PLACE_KIND_DISPLAY, SEARCH_RANK_OF_LEVEL } from '../config/placeKinds.ts';
import type { DataClient } from './client.ts';
import { frontDecode, PLACE_KINDS, type PlaceIndexFile, type PlaceKind } from './namesSchema.ts';
import { authorityNames, neighbourhoodIn, type Neighbourhood } from './neighbourhoodNames.ts';
import { areaHits, matchLevel, normalise, type SearchEntry } from './search.ts';

export interface PlaceEntry {
  name: string;
  /** ` ${normalise(name)}`, for matching. */
  key: string;
  kind: PlaceKind;
  /** Authority: index in areas/lad.json. */
  lad: number;
  /**
   * Where to find it in the authority's names file: for a place, its index
   * in `places`; for a neighbourhood, how many neighbourhoods of the same
   * name come before it in the authority (their MSOA codes' order).
   */
  ordinal: number;
}

export interface PlaceIndex {
  entries: PlaceEntry[];
  /** Authority codes and names, in the order of areas/lad.json. */
  ladCodes: readonly string[];
  ladNames: readonly string[];
  omitted: readonly PlaceKind[];
}

export function decodePlaceIndex(file: PlaceIndexFile, lads: { codes: readonly string[]; names: readonly string[] }): PlaceIndex {
  if (file.names.length !== lads.codes.length || file.kinds.length !== lads.codes.length) {
    throw new Error(`names/places.json has ${file.names.length} authorities, areas/lad.json ${lads.codes.length}: the files are of different builds`);
  }
  const entries: PlaceEntry[] = [];
  file.names.forEach((text, lad) => {
    const names = frontDecode(text);
    const kinds = file.kinds[lad];
    if (kinds.length !== names.length) throw new Error(`names/places.json: authority ${lads.codes[lad]} has ${names.length} names and ${kinds.length} kinds`);
    let places = 0;
    const neighbourhoodsNamed = new Map<string, number>();
    names.forEach((name, i) => {
      const kind = PLACE_KINDS[Number(kinds[i])];
      if (!kind) throw new Error(`names/places.json: authority ${lads.codes[lad]}, name ${i}: unknown kind "${kinds[i]}"`);
      let ordinal: number;
      if (kind === 'neighbourhood') {
        ordinal = neighbourhoodsNamed.get(name) ?? 0;
        neighbourhoodsNamed.set(name, ordinal + 1);
      } else ordinal = places++;
      entries.push({ name, key: ` ${normalise(name)}`, kind, lad, ordinal });
    });
  });
  return { entries, ladCodes: lads.codes, ladNames: lads.names, omitted: file.omitted };
}

export type Suggestion = { type: 'area'; area: SearchEntry } | { type: 'place'; place: PlaceEntry; authority: string };

interface Hit {
  suggestion: Suggestion;
  score: number;
  rank: number;
  name: string;
  /** Parent or authority name, then a unique key: the last tie-breaks. */
  parent: string;
  key: string;
}

const compareHits = (a: Hit, b: Hit) =>
  a.score - b.score ||
  a.rank - b.rank ||
  a.name.length - b.name.length ||
  a.name.localeCompare(b.name, 'en-GB') ||
  a.parent.localeCompare(b.parent, 'en-GB') ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Keeps the `limit` best hits without sorting them all (a two-letter query matches thousands). */
function best(hits: Hit[], limit: number): Hit[] {
  if (hits.length <= limit * 4) return hits.sort(compareHits).slice(0, limit);
  const kept: Hit[] = [];
  for (const hit of hits) {
    if (kept.length === limit && compareHits(hit, kept[limit - 1]) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compareHits(hit, kept[at - 1]) < 0) at--;
    kept.splice(at, 0, hit);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** Places whose name matches, as hits (score 2 + matchLevel, as areas' names score). */
function placeHits(index: PlaceIndex, text: string): Hit[] {
  const query = normalise(text);
  if (query.length < 2) return [];
  const hits: Hit[] = [];
  index.entries.forEach((place, i) => {
    const level = matchLevel(place.key, query);
    if (level === undefined) return;
    const authority = index.ladNames[place.lad];
    hits.push({ suggestion: { type: 'place', place, authority }, score: 2 + level, rank: PLACE_KIND_DISPLAY[place.kind].searchRank, name: place.name, parent: authority, key: `p${i}` });
  });
  return hits;
}

/** One list of the best suggestions: areas (by name or code) and places (by name), ranked together. */
export function searchNames(areas: readonly SearchEntry[], places: PlaceIndex | null, text: string, limit = 10): Suggestion[] {
  const hits: Hit[] = areaHits(areas, text).map(({ entry, score }) => ({
    suggestion: { type: 'area', area: entry },
    score,
    rank: SEARCH_RANK_OF_LEVEL[entry.level],
    name: entry.name,
    parent: entry.parent,
    key: entry.code,
  }));
  if (places) hits.push(...placeHits(places, text));
  return best(hits, limit).map((hit) => hit.suggestion);
}

/** Where a chosen place takes the map: a point at its kind's zoom, or a neighbourhood's LSOAs and bounds. */
export type PlaceTarget =
  | { type: 'point'; lng: number; lat: number; zoom: number }
  | { type: 'neighbourhood'; neighbourhood: Neighbourhood; bounds: [number, number, number, number] };

/** Looks a chosen place up in its authority's names file (about 1 KB). */
export async function placeTarget(client: DataClient, index: PlaceIndex, place: PlaceEntry): Promise<PlaceTarget> {
  const ladCode = index.ladCodes[place.lad];
  const file = await authorityNames(client, ladCode);
  if (place.kind === 'neighbourhood') {
    let seen = -1;
    const msoa = file.msoa.names.findIndex((name) => name === place.name && ++seen === place.ordinal);
    if (msoa < 0) throw new Error(`names/authorities/${ladCode}.json has no neighbourhood "${place.name}" (the names files are of different builds)`);
    const b = file.msoa.bounds;
    return { type: 'neighbourhood', neighbourhood: await neighbourhoodIn(client, file, msoa), bounds: [b[msoa * 4], b[msoa * 4 + 1], b[msoa * 4 + 2], b[msoa * 4 + 3]] };
  }
  const lng = file.places.lng[place.ordinal];
  const lat = file.places.lat[place.ordinal];
  if (lng === undefined || lat === undefined) throw new Error(`names/authorities/${ladCode}.json has no place ${place.ordinal} (the names files are of different builds)`);
  return { type: 'point', lng, lat, zoom: PLACE_KIND_DISPLAY[place.kind].zoom };
}
