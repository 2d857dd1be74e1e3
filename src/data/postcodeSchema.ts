/**
 * The postcode index (issue 14): every English postcode of OS Code-Point
 * Open with coordinates, in small static files written by the pipeline
 * (scripts/pipeline/postcodes.ts), so that one lookup fetches one file.
 *
 *   postcodes/index.json                 PostcodeIndexFile  every outward code: count, bounds, sectors if split
 *   postcodes/<OUTWARD>.json             PostcodeFile       the postcodes of one outward code, e.g. postcodes/B15.json
 *   postcodes/<OUTWARD>/<sector>.json    PostcodeFile       the postcodes of one sector of a large outward code
 *                                                           (e.g. postcodes/CR0/4.json), when the outward file
 *                                                           would be over 50 KB; the outward file then lists
 *                                                           its sectors and holds no postcodes
 *
 * Postcodes are upper case without spaces split as published: the outward
 * code (e.g. "B15", "SW1A") and the inward code (e.g. "2TT"); the sector is
 * the inward code's digit. Ward and authority follow from the LSOA
 * (areas/lsoa-details.json, areas/ward.json).
 */

export interface PostcodeFile {
  /** The outward code, e.g. "B15". */
  outward: string;
  /** The sector (the inward code's digit, e.g. "2") when this is a sector file of a split outward code. */
  sector?: string;
  /**
   * Set on the outward file of a split outward code: the sectors that have a
   * file (`postcodePaths.sector`); the outward file then has no postcodes.
   */
  sectors?: string[];
  /** The inward codes, 3 characters each, concatenated, sorted: "2TT2TU2TW…". Postcode i is inward.slice(3i, 3i + 3). */
  inward: string;
  /**
   * Longitudes in units of 0.00001° (5 decimals, about a metre) as
   * integers, delta-encoded: the first is the value itself, each next one is
   * the difference from the one before (`decodeDeltas`).
   */
  lng: number[];
  /** Latitudes, as `lng`. */
  lat: number[];
  /** Index in areas/lsoa.json of each postcode's LSOA 2021; -1 where the postcode is in none (more than 250 m outside every LSOA). */
  lsoa: number[];
}

export interface PostcodeIndexFile {
  /** Every outward code that has postcodes, sorted as strings ("B1", "B10", "B11", …, "B2"). */
  outward: string[];
  /** Number of postcodes (with coordinates) of each outward code. */
  count: number[];
  /** [west, south, east, north] of each outward code's postcodes, flattened, degrees to 4 decimals. */
  bounds: number[];
  /** Outward codes split into sector files: outward code → its sectors (sorted). */
  sectors: Record<string, string[]>;
  /** Postcodes in all. */
  total: number;
}

export const postcodePaths = {
  index: 'postcodes/index.json',
  outward: (outward: string) => `postcodes/${outward}.json`,
  sector: (outward: string, sector: string) => `postcodes/${outward}/${sector}.json`,
};

/** Undoes the delta encoding of `PostcodeFile.lng` and `lat`: degrees, 5 decimals. */
export function decodeDeltas(deltas: readonly number[]): number[] {
  const values = new Array<number>(deltas.length);
  let sum = 0;
  for (let i = 0; i < deltas.length; i++) {
    sum += deltas[i];
    values[i] = sum / 1e5;
  }
  return values;
}
