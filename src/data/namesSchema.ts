/**
 * Place names (issue 14): what people call places, in small static files
 * written by the pipeline (scripts/pipeline/names/), none of them part of
 * the first load.
 *
 *   names/neighbourhoods.json   NeighbourhoodsFile  every MSOA 2021: House of Commons Library name,
 *                                                   authority, and the MSOA of every LSOA (the resident
 *                                                   panel's "neighbourhood", choosing an MSOA name)
 *   names/msoa-labels.json      MsoaLabelsFile      a label point per MSOA, for the map's neighbourhood
 *                                                   labels (fetched when that zoom is first reached)
 *   names/places.json           PlaceIndexFile      the place-name search index: OS Open Names populated
 *                                                   places (fetched on first use of the search box)
 *
 * MSOA positions are indexes into `NeighbourhoodsFile.codes`; authority
 * positions are indexes into areas/lad.json.
 */
import type { EncodedCodes } from './codes.ts';

export interface NeighbourhoodsFile {
  /** MSOA 2021 codes (E02…), sorted. */
  codes: EncodedCodes;
  /** The House of Commons Library name of each MSOA (v2.2), e.g. "Huyton Farm". */
  names: string[];
  /** Index in areas/lad.json of each MSOA's authority (the 2024 authority of its LSOAs). */
  lad: number[];
  /**
   * The MSOA of every LSOA, in the order of areas/lsoa.json, as an index into
   * `codes`, delta-encoded (`decodeDeltas` below): LSOAs in code order mostly
   * follow their MSOAs, so the differences are small and compress well.
   */
  msoaOfLsoa: number[];
}

export interface MsoaLabelsFile {
  /**
   * Flattened [lng, lat] per MSOA in the order of `NeighbourhoodsFile.codes`,
   * 5 decimals: the population-weighted mean of the population-weighted
   * centroids of its LSOAs.
   */
  points: number[];
}

export const namesPaths = {
  neighbourhoods: 'names/neighbourhoods.json',
  msoaLabels: 'names/msoa-labels.json',
  places: 'names/places.json',
};

/** Undoes a delta encoding of integers: the first is the value itself, each next one the difference from the one before. */
export function decodeIntegerDeltas(deltas: readonly number[]): number[] {
  const values = new Array<number>(deltas.length);
  let sum = 0;
  for (let i = 0; i < deltas.length; i++) {
    sum += deltas[i];
    values[i] = sum;
  }
  return values;
}

export function encodeIntegerDeltas(values: readonly number[]): number[] {
  return values.map((value, i) => (i === 0 ? value : value - values[i - 1]));
}
