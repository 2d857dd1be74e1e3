/**
 * Names and parents of an area, from the area files: an LSOA's ward and
 * authority, a ward's authority; where an area is in its authority's
 * profile.
 */
import { levelOfCode, type Level } from '../config/geography.ts';
import type { DataClient } from './client.ts';
import type { Profile } from './schema.ts';

export interface AreaRef {
  code: string;
  name: string;
}

export interface AreaInfo extends AreaRef {
  level: Level;
  /** Position of the area in its level's code list. */
  index: number;
  ward?: AreaRef;
  lad?: AreaRef;
}

export async function describeArea(client: DataClient, code: string): Promise<AreaInfo | undefined> {
  const level = levelOfCode(code);
  if (!level) return undefined;
  if (level === 'lad') {
    const lads = await client.groupAreas('lad');
    const index = lads.indexOf.get(code);
    return index === undefined ? undefined : { code, level, index, name: lads.names[index] };
  }
  const [wards, lads] = await Promise.all([client.groupAreas('ward'), client.groupAreas('lad')]);
  const ladOf = (ward: number): AreaRef => {
    const lad = wards.lad![ward];
    return { code: lads.codes[lad], name: lads.names[lad] };
  };
  if (level === 'ward') {
    const index = wards.indexOf.get(code);
    return index === undefined ? undefined : { code, level, index, name: wards.names[index], lad: ladOf(index) };
  }
  const [lsoas, details] = await Promise.all([client.areas('lsoa'), client.lsoaDetails()]);
  const index = lsoas.indexOf.get(code);
  if (index === undefined) return undefined;
  const ward = details.ward[index];
  return {
    code,
    level,
    index,
    name: details.names[index],
    ward: { code: wards.codes[ward], name: wards.names[ward] },
    lad: ladOf(ward),
  };
}

/** Name of an area if its names are already loaded or quick to load. */
export async function areaName(client: DataClient, level: Level, index: number): Promise<string> {
  if (level === 'lsoa') return (await client.lsoaDetails()).names[index];
  return (await client.groupAreas(level)).names[index];
}


/** Position of an area in a profile's slices: the authority itself, its wards, or its LSOAs; -1 if not there. */
export function profileIndex(profile: Pick<Profile, 'lad' | 'wards' | 'lsoas'>, level: Level, code: string): number {
  const codes: Record<Level, readonly string[]> = { lad: [profile.lad], ward: profile.wards, lsoa: profile.lsoas.codes };
  return codes[level].indexOf(code);
}
