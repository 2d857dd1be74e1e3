/**
 * A postcode as typed, looked up in the postcode index
 * (src/data/postcodeSchema.ts): one small file per outward code, so a lookup
 * fetches one file of a few KB. The answer is the place (coordinates, LSOA
 * 2021, ward and authority) or, as plainly, why there is none: nothing typed,
 * not a postcode's format, a postcode of Scotland, Wales, Northern Ireland or
 * the Crown dependencies (the English indices cover England only), or a
 * postcode the index does not have (possibly Welsh or Scottish in a border
 * area; or retired, or newer than the index).
 */
import { DataError, type DataClient } from './client.ts';
import { nationOf, parsePostcode, type Nation, type Postcode, type PostcodeProblem } from './postcodes.ts';
import { decodeDeltas, postcodePaths, type PostcodeFile } from './postcodeSchema.ts';

export interface PostcodePlace {
  postcode: Postcode;
  lng: number;
  lat: number;
  /** LSOA 2021 code, or null where the postcode lies in none (offshore). */
  lsoa: string | null;
  /** Position in areas/lsoa.json (-1: none). */
  lsoaIndex: number;
}

export type PostcodeLookup =
  | { kind: 'found'; place: PostcodePlace }
  | { kind: PostcodeProblem; input: string }
  /** A postcode of a nation the English data do not cover. */
  | { kind: 'outsideEngland'; postcode: Postcode; nation: Exclude<Nation, 'england' | 'border'> }
  /** Not in the index: unknown, or (border: true) possibly Welsh or Scottish. */
  | { kind: 'unknown'; postcode: Postcode; border: boolean };

/** The postcodes of one outward code (or sector), decoded. */
export interface DecodedPostcodes {
  inward: string[];
  lng: number[];
  lat: number[];
  lsoa: number[];
}

export function decodePostcodeFile(file: PostcodeFile): DecodedPostcodes {
  const count = file.inward.length / 3;
  if (!Number.isInteger(count) || file.lng.length !== count || file.lat.length !== count || file.lsoa.length !== count) {
    throw new Error(`postcode file ${file.outward}${file.sector ? `/${file.sector}` : ''} is inconsistent`);
  }
  return {
    inward: Array.from({ length: count }, (_, i) => file.inward.slice(3 * i, 3 * i + 3)),
    lng: decodeDeltas(file.lng),
    lat: decodeDeltas(file.lat),
    lsoa: file.lsoa,
  };
}

/** The file, or undefined if the host has none (HTTP 404): an outward code the index does not have. */
export async function postcodeFileOrNone(client: DataClient, path: string): Promise<PostcodeFile | undefined> {
  try {
    return await client.file<PostcodeFile>(path);
  } catch (error) {
    if (error instanceof DataError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * The file that holds the postcodes of one sector (the inward code's digit)
 * of an outward code: the outward file, or its sector file where the outward
 * code is split; undefined where the index has none.
 */
export async function sectorPostcodes(client: DataClient, outward: string, sector: string): Promise<PostcodeFile | undefined> {
  const file = await postcodeFileOrNone(client, postcodePaths.outward(outward));
  if (!file?.sectors) return file;
  return file.sectors.includes(sector) ? postcodeFileOrNone(client, postcodePaths.sector(outward, sector)) : undefined;
}

/** Looks a typed postcode up; network and data errors are thrown (the caller says the lookup failed). */
export async function lookUpPostcode(client: DataClient, input: string): Promise<PostcodeLookup> {
  const parsed = parsePostcode(input);
  if ('problem' in parsed) return { kind: parsed.problem, input };
  const { postcode } = parsed;
  const nation = nationOf(postcode.outward);
  if (nation !== 'england' && nation !== 'border') return { kind: 'outsideEngland', postcode, nation };
  const unknown: PostcodeLookup = { kind: 'unknown', postcode, border: nation === 'border' };

  const file = await sectorPostcodes(client, postcode.outward, postcode.inward[0]);
  if (!file) return unknown;
  const decoded = decodePostcodeFile(file);
  const at = decoded.inward.indexOf(postcode.inward);
  if (at < 0) return unknown;
  const lsoaIndex = decoded.lsoa[at];
  const lsoas = lsoaIndex >= 0 ? await client.areas('lsoa') : undefined;
  return {
    kind: 'found',
    place: { postcode, lng: decoded.lng[at], lat: decoded.lat[at], lsoa: lsoas ? (lsoas.codes[lsoaIndex] ?? null) : null, lsoaIndex },
  };
}
