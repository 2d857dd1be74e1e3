/**
 * The LSOAs a set selection stands for: an LSOA is itself, a ward or an
 * authority stands for its LSOAs (by the build's lookup). One rule for the
 * panel's live figures and the selection's download. Loaded with them.
 */

export interface LsoaParents {
  /** LSOA, ward and authority codes of the build, in the order of areas/<level>.json. */
  lsoaCodes: readonly string[];
  wardCodes: readonly string[];
  ladCodes: readonly string[];
  /** Ward (index) of each LSOA, authority (index) of each ward. */
  wardOfLsoa: ArrayLike<number>;
  ladOfWard: ArrayLike<number>;
}

/** Positions in areas/lsoa.json of the LSOAs the codes stand for, in that order; codes of no area of the build are counted. */
export function lsoasOfSelection(codes: readonly string[], areas: LsoaParents): { members: number[]; skipped: number } {
  const lsoas = new Set<string>();
  const wards = new Set<number>();
  const lads = new Set<number>();
  const wardAt = new Map(areas.wardCodes.map((code, i) => [code, i]));
  const ladAt = new Map(areas.ladCodes.map((code, i) => [code, i]));
  const known = new Set(areas.lsoaCodes);
  let skipped = 0;
  for (const code of codes) {
    if (known.has(code)) lsoas.add(code);
    else if (wardAt.has(code)) wards.add(wardAt.get(code)!);
    else if (ladAt.has(code)) lads.add(ladAt.get(code)!);
    else skipped += 1;
  }
  const members: number[] = [];
  areas.lsoaCodes.forEach((code, i) => {
    const ward = areas.wardOfLsoa[i];
    if (lsoas.has(code) || wards.has(ward) || lads.has(areas.ladOfWard[ward])) members.push(i);
  });
  return { members, skipped };
}
