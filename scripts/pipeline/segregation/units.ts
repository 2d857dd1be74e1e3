/**
 * The unit tables of the segregation layers: for each grouping (ethnic
 * group, religion), release and unit scale, the census counts of every small
 * unit with the 2024 ward and authority it lies in — what
 * src/stats/segregation/areaMeasures.ts computes every index from, in the
 * app and in this build alike.
 *
 *   ethnicity 2021 lsoa   TS021, the build's LSOAs 2021 (censusEthnicity.ts's counts)
 *   religion  2021 lsoa   TS030, the build's LSOAs 2021, the eight answered categories
 *   ethnicity 2011 lsoa   KS201EW by LSOA 2011 (census2011.ts's broad groups)
 *   ethnicity 2011 oa     KS201EW by OA 2011 (oa2011.ts)
 *
 * Units of 2011 reach 2024 wards through OA 2011 → LSOA 2011 → LSOA 2021 →
 * ward (placeLsoa11 in census2011.ts): an LSOA 2011 split between wards (or
 * redrawn), and its OAs, get ward -1, and the wards it touches are
 * incomplete; likewise for authorities.
 */
import { ETHNICITY, GROUPINGS, RELIGION, type Grouping } from '../../../src/config/catalogue/segregation.ts';
import { ETHNIC_GROUPS } from '../../../src/config/catalogue/diversity.ts';
import { RELIGION_GROUPS } from '../../../src/config/catalogue/religion.ts';
import { encodeCodes } from '../../../src/data/codes.ts';
import type { SegregationUnits, UnitScale } from '../../../src/data/schema.ts';
import type { ReleaseUnits, UnitTable } from '../../../src/stats/segregation/areaMeasures.ts';
import { placeLsoa11, type Census2011, type Lsoa11Placement } from '../adapters/census2011.ts';
import type { CensusCounts } from '../adapters/censusGroups.ts';
import type { Lsoa11Lookup } from '../adapters/iod2019.ts';
import type { Geography } from '../lookup.ts';
import type { Census2011Oa } from './oa2011.ts';
import { unitVintage } from '../../../src/stats/segregation/areaMeasures.ts';

/** One unit table with its codes, as the build holds it. */
export interface BuiltUnits extends UnitTable {
  grouping: Grouping['id'];
  release: string;
  scale: UnitScale;
  codes: string[];
  counts: Int32Array;
  ward: Int32Array;
  lad: Int32Array;
  incomplete: { ward: number[]; lad: number[] };
  /** The units that could not be placed in one ward / authority (codes). */
  unplaced: { ward: string[]; lad: string[] };
}

/** The unit tables of one grouping, by release and scale. */
export interface GroupingUnits {
  grouping: Grouping;
  /** Releases built, oldest first (the catalogue's order). */
  releases: string[];
  tables: Record<string, Partial<Record<UnitScale, BuiltUnits>>>;
}

export interface UnitSources {
  geography: Geography;
  ladOfLsoa: Int32Array;
  ethnicity2021?: CensusCounts;
  religion2021?: CensusCounts;
  ethnicity2011?: { table: Census2011; lookup: Lsoa11Lookup };
  oa2011?: Census2011Oa;
}

/** Counts of a Census 2021 LSOA table (counts[g][i]) as a unit-major table over the grouping's groups. */
function lsoa2021Table(grouping: Grouping, census: CensusCounts, sourceGroups: readonly { id: string }[], src: UnitSources): BuiltUnits {
  const G = grouping.groups.length;
  const columns = grouping.groups.map((group) => {
    const g = sourceGroups.findIndex((s) => s.id === group.id);
    if (g < 0) throw new Error(`group ${group.id} of ${grouping.id} is not in the census table`);
    return census.counts[g];
  });
  const n = src.geography.lsoa.codes.length;
  const counts = new Int32Array(n * G);
  for (let u = 0; u < n; u++) for (let g = 0; g < G; g++) counts[u * G + g] = columns[g][u];
  return {
    grouping: grouping.id,
    release: '2021',
    scale: 'lsoa',
    groups: G,
    codes: src.geography.lsoa.codes,
    counts,
    ward: Int32Array.from(src.geography.lsoa.ward),
    lad: Int32Array.from(src.ladOfLsoa),
    incomplete: { ward: [], lad: [] },
    unplaced: { ward: [], lad: [] },
  };
}

/** The LSOA 2011 and OA 2011 tables of Census 2011 ethnic group. */
function tables2011(census: Census2011, lookup: Lsoa11Lookup, oa: Census2011Oa | undefined, src: UnitSources): Partial<Record<UnitScale, BuiltUnits>> {
  const G = ETHNICITY.groups.length;
  const groupOf = ETHNICITY.groups.map((group) => ETHNIC_GROUPS.findIndex((e) => e.id === group.id));
  const order = census.codes.map((_, j) => j).sort((x, y) => (census.codes[x] < census.codes[y] ? -1 : 1));
  const codes = order.map((j) => census.codes[j]);
  const placement: Lsoa11Placement = placeLsoa11(codes, lookup, src.geography, src.ladOfLsoa);
  const counts = new Int32Array(codes.length * G);
  order.forEach((j, u) => {
    for (let g = 0; g < G; g++) counts[u * G + g] = census.counts[groupOf[g]][j];
  });
  const base = { grouping: 'ethnicity' as const, release: '2011', groups: G, incomplete: placement.incomplete };
  const result: Partial<Record<UnitScale, BuiltUnits>> = {
    lsoa: { ...base, scale: 'lsoa', codes, counts, ward: placement.ward, lad: placement.lad, unplaced: placement.unplaced },
  };
  if (oa) {
    const position = new Map(codes.map((code, u) => [code, u]));
    const n = oa.codes.length;
    const ward = new Int32Array(n);
    const lad = new Int32Array(n);
    const unplaced = { ward: [] as string[], lad: [] as string[] };
    const oaCounts = new Int32Array(n * G);
    for (let u = 0; u < n; u++) {
      const j = position.get(oa.lsoa[u])!;
      ward[u] = placement.ward[j];
      lad[u] = placement.lad[j];
      if (ward[u] < 0) unplaced.ward.push(oa.codes[u]);
      if (lad[u] < 0) unplaced.lad.push(oa.codes[u]);
      // oa2011.ts sums into ETHNIC_GROUPS order.
      for (let g = 0; g < G; g++) oaCounts[u * G + g] = oa.counts[u * ETHNIC_GROUPS.length + groupOf[g]];
    }
    result.oa = { ...base, scale: 'oa', codes: oa.codes, counts: oaCounts, ward, lad, unplaced };
  }
  return result;
}

/** Every unit table the inputs allow, by grouping (GROUPINGS order). */
export function buildUnitTables(src: UnitSources): GroupingUnits[] {
  const built: GroupingUnits[] = [];
  for (const grouping of GROUPINGS) {
    const tables: GroupingUnits['tables'] = {};
    if (grouping === ETHNICITY && src.ethnicity2021) {
      if (src.ethnicity2011) tables['2011'] = tables2011(src.ethnicity2011.table, src.ethnicity2011.lookup, src.oa2011, src);
      tables['2021'] = { lsoa: lsoa2021Table(grouping, src.ethnicity2021, ETHNIC_GROUPS, src) };
    }
    if (grouping === RELIGION && src.religion2021) tables['2021'] = { lsoa: lsoa2021Table(grouping, src.religion2021, RELIGION_GROUPS, src) };
    const releases = Object.keys(grouping.scales).filter((r) => tables[r]);
    if (releases.length > 0) built.push({ grouping, releases, tables });
  }
  return built;
}

/** What areaMeasures.ts computes from: one release's tables. */
export function releaseUnits(units: GroupingUnits, release: string, geography: Geography): ReleaseUnits {
  return {
    scales: units.tables[release],
    wardLad: geography.ward.lad,
    wardCount: geography.ward.codes.length,
    ladCount: geography.lad.codes.length,
  };
}

/** The file of one unit table (src/data/schema.ts SegregationUnits). */
export function unitsFile(table: BuiltUnits): SegregationUnits {
  const grouping = GROUPINGS.find((g) => g.id === table.grouping)!;
  return {
    grouping: table.grouping,
    release: table.release,
    scale: table.scale,
    vintage: unitVintage(table.scale, table.release),
    groups: grouping.groups.map((g) => g.id),
    codes: encodeCodes(table.codes),
    counts: Array.from(table.counts),
    ward: Array.from(table.ward),
    lad: Array.from(table.lad),
    incomplete: { ward: [...table.incomplete.ward], lad: [...table.incomplete.lad] },
  };
}
