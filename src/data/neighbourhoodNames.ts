/**
 * The neighbourhood of an LSOA: its MSOA 2021 and the House of Commons
 * Library's name for it ("Huyton Farm"), from its authority's names file
 * (names/authorities/<LAD>.json, about 1 KB). The LSOA's authority comes from
 * the area files the panel and search already load (describeArea).
 */
import { describeArea } from './areas.ts';
import type { DataClient } from './client.ts';
import { namesPaths, type AuthorityNamesFile } from './namesSchema.ts';

export interface Neighbourhood {
  /** MSOA 2021 code. */
  code: string;
  /** House of Commons Library MSOA name. */
  name: string;
  /** Its LSOA 2021 codes, in the order of areas/lsoa.json. */
  lsoas: string[];
}

export function authorityNames(client: DataClient, ladCode: string): Promise<AuthorityNamesFile> {
  return client.file<AuthorityNamesFile>(namesPaths.authority(ladCode));
}

/** MSOA `msoa` of an authority's names file, with its LSOA codes. */
export async function neighbourhoodIn(client: DataClient, file: AuthorityNamesFile, msoa: number): Promise<Neighbourhood> {
  const lsoas = await client.areas('lsoa');
  return {
    code: file.msoa.codes[msoa],
    name: file.msoa.names[msoa],
    lsoas: file.msoa.lsoas[msoa].map((lsoa) => {
      const code = lsoas.codes[lsoa];
      if (code === undefined) throw new Error(`${namesPaths.authority(file.lad)}: MSOA ${file.msoa.codes[msoa]} lists LSOA ${lsoa}, which areas/lsoa.json does not have`);
      return code;
    }),
  };
}

/** The MSOA 2021 that an LSOA 2021 is in, its House of Commons Library name and its LSOAs; null for a code not in the data. */
export async function neighbourhoodOf(client: DataClient, lsoaCode: string): Promise<Neighbourhood | null> {
  const area = await describeArea(client, lsoaCode);
  if (!area || area.level !== 'lsoa' || !area.lad) return null;
  let file = await authorityNames(client, area.lad.code);
  const elsewhere = file.elsewhere.lsoas.indexOf(area.index);
  // Its MSOA has most of its LSOAs in the next authority.
  if (elsewhere >= 0) file = await authorityNames(client, file.elsewhere.lads[elsewhere]);
  const msoa = file.msoa.lsoas.findIndex((lsoas) => lsoas.includes(area.index));
  return msoa < 0 ? null : neighbourhoodIn(client, file, msoa);
}
