/**
 * The neighbourhood of an LSOA: its MSOA 2021 and the House of Commons
 * Library's name for it ("Huyton Farm"), from names/neighbourhoods.json
 * (one small file, fetched once).
 */
import { decodeCodes } from './codes.ts';
import type { DataClient } from './client.ts';
import { decodeIntegerDeltas, namesPaths, type NeighbourhoodsFile } from './namesSchema.ts';

export interface Neighbourhood {
  /** MSOA 2021 code. */
  code: string;
  /** House of Commons Library MSOA name. */
  name: string;
  /** Its LSOA 2021 codes, in the order of areas/lsoa.json. */
  lsoas: string[];
}

/** The neighbourhoods file, decoded: MSOA i is `codes[i]`; `lsoasOf[i]` are indexes into areas/lsoa.json. */
export interface NeighbourhoodIndex {
  codes: string[];
  names: string[];
  lad: number[];
  msoaOfLsoa: number[];
  lsoasOf: number[][];
  indexOf: Map<string, number>;
}

const decoded = new WeakMap<DataClient, Promise<NeighbourhoodIndex>>();

export function decodeNeighbourhoods(file: NeighbourhoodsFile): NeighbourhoodIndex {
  const codes = decodeCodes(file.codes);
  if (file.names.length !== codes.length || file.lad.length !== codes.length) {
    throw new Error(`${namesPaths.neighbourhoods} is inconsistent: ${codes.length} codes, ${file.names.length} names, ${file.lad.length} authorities`);
  }
  const msoaOfLsoa = decodeIntegerDeltas(file.msoaOfLsoa);
  const lsoasOf: number[][] = codes.map(() => []);
  msoaOfLsoa.forEach((msoa, lsoa) => {
    const members = lsoasOf[msoa];
    if (!members) throw new Error(`${namesPaths.neighbourhoods}: LSOA ${lsoa} has MSOA ${msoa}, which is not in the file`);
    members.push(lsoa);
  });
  return { codes, names: file.names, lad: file.lad, msoaOfLsoa, lsoasOf, indexOf: new Map(codes.map((code, i) => [code, i])) };
}

/** The decoded neighbourhoods of a client's data, fetched and decoded once. */
export function neighbourhoodIndex(client: DataClient): Promise<NeighbourhoodIndex> {
  let promise = decoded.get(client);
  if (!promise) {
    promise = client.file<NeighbourhoodsFile>(namesPaths.neighbourhoods).then(decodeNeighbourhoods);
    promise.catch(() => decoded.delete(client));
    decoded.set(client, promise);
  }
  return promise;
}

/** An MSOA by its position in the neighbourhoods file, with its LSOA codes. */
export async function neighbourhoodAt(client: DataClient, msoa: number): Promise<Neighbourhood | null> {
  const [index, lsoas] = await Promise.all([neighbourhoodIndex(client), client.areas('lsoa')]);
  if (msoa < 0 || msoa >= index.codes.length) return null;
  return { code: index.codes[msoa], name: index.names[msoa], lsoas: index.lsoasOf[msoa].map((lsoa) => lsoas.codes[lsoa]) };
}

/** The MSOA 2021 that an LSOA 2021 is in, its House of Commons Library name and its LSOAs; null for a code not in the data. */
export async function neighbourhoodOf(client: DataClient, lsoaCode: string): Promise<Neighbourhood | null> {
  const [index, lsoas] = await Promise.all([neighbourhoodIndex(client), client.areas('lsoa')]);
  const lsoa = lsoas.indexOf.get(lsoaCode);
  if (lsoa === undefined || lsoa >= index.msoaOfLsoa.length) return null;
  return neighbourhoodAt(client, index.msoaOfLsoa[lsoa]);
}
