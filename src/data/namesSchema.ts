/**
 * Place names (issue 14): what people call places, in static files written
 * by the pipeline (scripts/pipeline/names/), none of them part of the first
 * load.
 *
 *   names/places.json            PlaceIndexFile        the place-name search index: every authority's
 *                                                      OS Open Names populated places and House of
 *                                                      Commons Library MSOA names, with their kinds;
 *                                                      fetched on first use of the search box
 *   names/authorities/<LAD>.json AuthorityNamesFile    one authority's neighbourhoods (MSOAs 2021: code,
 *                                                      name, LSOAs, bounds, label point) and the
 *                                                      positions of its places; fetched when a place is
 *                                                      chosen, when a neighbourhood is named (the
 *                                                      resident panel) and, for the authorities in
 *                                                      view, when the map reaches neighbourhood zoom
 *
 * An authority's position is its index in areas/lad.json; its code names its
 * file. Names are UTF-8 as published.
 */

/**
 * The kinds of named place, in the order of the digits of
 * `PlaceIndexFile.kinds`: the OS Open Names populated place types (LOCAL_TYPE
 * City, Town, Suburban Area, Village, Other Settlement, Hamlet) and the House
 * of Commons Library's MSOA names.
 */
export const PLACE_KINDS = ['city', 'town', 'suburb', 'village', 'other', 'hamlet', 'neighbourhood'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceIndexFile {
  /**
   * names[a]: the names of authority a's places and neighbourhoods, sorted
   * (by name, in UTF-16 code-unit order, then kind, then source order: OS ID,
   * MSOA code), front-coded and joined by "\n" (`frontDecode`).
   */
  names: string[];
  /** kinds[a]: one digit per name of names[a], its index in PLACE_KINDS. */
  kinds: string[];
  /** The place kinds left out of the index (to keep it small), e.g. ["hamlet"]. */
  omitted: PlaceKind[];
}

export interface AuthorityNamesFile {
  /** The authority's code (LAD). */
  lad: string;
  /** Its MSOAs 2021 (those with most of their LSOAs in it), in code order. */
  msoa: {
    codes: string[];
    /** House of Commons Library MSOA names (v2.2), e.g. "Huyton Farm". */
    names: string[];
    /** Each MSOA's LSOAs 2021, as indexes into areas/lsoa.json, ascending. */
    lsoas: number[][];
    /** Flattened [west, south, east, north] of each MSOA's LSOAs, 4 decimals, rounded outwards. */
    bounds: number[];
    /**
     * Flattened [lng, lat] label point of each MSOA, 5 decimals: the
     * population-weighted mean of its LSOAs' population-weighted centroids.
     * Empty when the build had no centroids.
     */
    label: number[];
    /** Population of each MSOA: the sum of its LSOAs' population weights (the build's), rounded. */
    population: number[];
  };
  /**
   * LSOAs of this authority whose MSOA is in another authority's file (the
   * lookup places an LSOA by its ward's best fit, so an MSOA can straddle a
   * border): `lsoas[i]` (index in areas/lsoa.json) is in an MSOA of `lads[i]`.
   */
  elsewhere: { lsoas: number[]; lads: string[] };
  /**
   * The authority's places (the names of `PlaceIndexFile.names[a]` whose kind
   * is not "neighbourhood", in the same order): WGS84 position, 5 decimals.
   */
  places: { lng: number[]; lat: number[] };
}

export const namesPaths = {
  places: 'names/places.json',
  authority: (ladCode: string) => `names/authorities/${ladCode}.json`,
};

const PREFIX_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Longest prefix front coding shares (one base-36 digit). */
export const MAX_SHARED_PREFIX = PREFIX_DIGITS.length - 1;

/**
 * Front coding of a list of strings: each one as the number of leading
 * characters it shares with the one before (a base-36 digit, at most 35),
 * then the rest; joined by "\n". Sorted names share long beginnings
 * ("Upper Heyford", "Upper Hulme"), which gzip alone does not remove as well.
 */
export function frontEncode(names: readonly string[]): string {
  let previous = '';
  return names
    .map((name) => {
      if (name.includes('\n')) throw new Error(`a name cannot hold a line break: ${JSON.stringify(name)}`);
      let shared = 0;
      const most = Math.min(name.length, previous.length, MAX_SHARED_PREFIX);
      while (shared < most && name.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      previous = name;
      return PREFIX_DIGITS[shared] + name.slice(shared);
    })
    .join('\n');
}

export function frontDecode(text: string): string[] {
  if (text === '') return [];
  let previous = '';
  return text.split('\n').map((line, i) => {
    const shared = PREFIX_DIGITS.indexOf(line[0]);
    if (shared < 0 || shared > previous.length) throw new Error(`front-coded name ${i} (${JSON.stringify(line)}) is malformed`);
    previous = previous.slice(0, shared) + line.slice(1);
    return previous;
  });
}
