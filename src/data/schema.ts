/**
 * The flat-file data API between the pipeline (which writes public/data/)
 * and the app (which reads it). Arrays are keyed by position in the level's
 * code list: value i belongs to code i of `areas/<level>.json`. Geometry
 * lives apart in vector tiles, so switching layer, measure or release never
 * touches it. Every layer of the catalogue (src/config/catalogue/) has the
 * same files; time is a dimension inside them (`releases`, and one row per
 * release), so moving between releases is an index change.
 *
 *   manifest.json                               Manifest
 *   areas/lsoa.json                             AreaCodes     first load
 *   areas/lad.json, areas/ward.json             GroupAreas    (lad: first load)
 *   areas/lsoa-details.json                     LsoaDetails   names and wards, for search and tooltips
 *   areas/lsoa-bounds.json                      BoundsFile    for flying to an LSOA
 *   areas/lsoa-points.json                      PointsFile    population-weighted centroids, for the lasso and distance tools
 *   classes/<layer>/<level>/<measure>.json      ClassFile     the map's colours: class of every area, per release
 *   values/<layer>/<level>.json                 ValueFile     values and ranks of every measure (table, tooltip)
 *   profiles/<lad code>.json                    Profile       one authority, its wards and LSOAs, every layer (panel)
 *   segregation/<grouping>/<release>/<scale>.json   SegregationUnits  census counts per small unit, for the
 *                                               segregation indices (computed in the app and the pipeline alike)
 *   postcodes/…                                 the postcode index (postcodeSchema.ts)
 *   services/…                                  libraries, GP practices, schools, warm spaces, food banks (servicesSchema.ts)
 *   tiles/<level>.pmtiles                       layer <level>, property `code`
 *   downloads/{lsoa,ward,lad}.csv, downloads/{lsoa,ward,lad}_access.csv, downloads/README.md
 */
import type { Level } from '../config/geography.ts';
import type { EncodedCodes } from './codes.ts';
import type { UnitScale } from '../config/catalogue/types.ts';
import type { ServiceTypeId } from '../config/serviceTypes.ts';
import type { GeocodingRecord } from './servicesSchema.ts';

export const DATA_FORMAT_VERSION = 5;

export type Bounds = [number, number, number, number];

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  url?: string;
  page: string;
  file: string;
  sha256: string;
  attribution: string;
}

export interface SkippedRecord {
  file: string;
  what: string;
  count: number;
  examples: string[];
}

export interface AgreementRecord {
  /** Layer id (an IoD indicator). */
  layer: string;
  measure: string;
  areas: number;
  /** Areas whose computed value, rounded as published, equals the published value. */
  equalAtPublishedPrecision: number;
  maxAbsDifference: number;
  meanAbsDifference: number;
  equalRanks: number;
  maxRankDifference: number;
  /** Authorities that differ at published precision (at most 10). */
  differing: string[];
}

/** What the build made of one layer of the catalogue. */
export interface BuiltLayer {
  levels: Partial<Record<Level, { releases: string[]; measures: string[] }>>;
  /** Authorities: measures whose figures are the official published ones (e.g. File 10), by release. */
  officialLadMeasures?: Record<string, string[]>;
  /** Areas left without a value, per level and release, with the reason (e.g. LSOAs changed since 2011). */
  gaps?: { level: Level; release: string; count: number; reason: string }[];
}

export interface Manifest {
  formatVersion: number;
  /** Hash of the inputs: the same inputs give the same build. */
  buildId: string;
  vintages: Record<Level, number>;
  counts: Record<Level, number>;
  weights: { kind: 'mid-year-estimate' | 'census-2021'; description: string; file: string; column: string };
  /** The layers built, by catalogue id. A catalogue layer missing here was not built (its input was not given). */
  layers: Record<string, BuiltLayer>;
  agreement: AgreementRecord[];
  bounds: Bounds;
  tiles: Record<Level, { path: string; minZoom: number; maxZoom: number; bytes: number }>;
  files: Record<string, number>;
  sources: SourceRecord[];
  skipped: SkippedRecord[];
  /**
   * The services (issue 14), when built: the date, what became of every
   * source file's records (placed, not placed with five examples, left out by
   * reason; services/index.json has up to 20 examples), records per type.
   */
  services?: { built: string; geocoding: GeocodingRecord[]; counts: Record<ServiceTypeId, number> };
}

export interface AreaCodes {
  codes: EncodedCodes;
}

export interface LsoaDetails {
  names: string[];
  /** Index of each LSOA's ward in areas/ward.json. */
  ward: number[];
}

export interface BoundsFile {
  /** Flattened [west, south, east, north] per area, 4 decimals, rounded outwards. */
  bounds: number[];
}

/** The ONS population-weighted centroid of every LSOA, for the live selection tools (lasso, within N km). */
export interface PointsFile {
  /** Flattened [lng, lat] per LSOA, in the order of areas/lsoa.json, 5 decimals (about 1 m). */
  points: number[];
}

export interface GroupAreas extends AreaCodes, BoundsFile {
  names: string[];
  /** Wards only: index of the ward's authority in areas/lad.json. */
  lad?: number[];
  /** Sum of the population weights of the area's LSOAs. */
  population: number[];
  lsoaCount: number[];
  /** Flattened [lng, lat] of a label point inside each area. */
  label: number[];
}

export interface ClassFile {
  releases: string[];
  /**
   * class[r]: the classes of release r, one base-36 digit per area in code
   * order (1…n of the layer's scheme; 0 = no comparable value); see
   * encodeClasses in codes.ts.
   */
  class: string[];
  /** Quantile and diverging schemes: per release, the n + 1 class limits (minimum, cut points, maximum). */
  breaks?: (number[] | null)[];
}

export interface MeasureValues {
  /** value[r][i]: the measure of area i in release r, rounded as the catalogue says; null where there is none. */
  value: (number | null)[][];
  /** National rank among the areas of the level (1 = most deprived, or the highest value). */
  rank?: (number | null)[][];
  /** Wards: rank among the wards of the same authority. */
  rankWithinLad?: (number | null)[][];
}

export interface ValueFile {
  releases: string[];
  measures: Record<string, MeasureValues>;
}

/** Values, ranks and classes of one layer for some areas of a level (a profile's slice). */
export interface AreaSlice {
  releases: string[];
  measures: Record<string, MeasureValues & { class: number[][] }>;
  /**
   * How the LSOAs of each area spread over the classes of the layer's LSOA
   * level (default measure, newest release): flattened, the LSOAs of area i
   * in class c at [i * n + c - 1], n the number of classes.
   */
  lsoaClassCounts?: number[];
}

/**
 * Everything the area panel and the authority-filtered table need about one
 * authority: the authority itself, its wards and its LSOAs, for every layer.
 */
export interface Profile {
  lad: string;
  wards: string[];
  lsoas: {
    codes: string[];
    names: string[];
    /** Index of each LSOA's ward in `wards`. */
    ward: number[];
  };
  /** layers[layer][level]: the slice for the authority (one area), its wards or its LSOAs, in the order above. */
  layers: Record<string, Partial<Record<Level, AreaSlice>>>;
}

/** The small units segregation is measured over: Output Areas 2011, LSOAs (2011 or 2021). */
export type { UnitScale };

/**
 * The census counts of one grouping (ethnic group, religion) and release
 * over the small units of one scale, with the ward and authority (of the
 * build's vintage) each unit lies in. The segregation indices of every ward,
 * authority and live selection are computed from these files, by the same
 * functions (src/stats/segregation/areaFigures.ts) in the pipeline and the app.
 */
export interface SegregationUnits {
  grouping: string;
  release: string;
  scale: UnitScale;
  /** Vintage of the unit codes, e.g. "LSOA 2021", "OA 2011". */
  vintage: string;
  /** Group ids, in the order of the counts (the catalogue's groups of the grouping). */
  groups: string[];
  /** The units' codes (LSOAs 2021: the build's LSOAs, in the order of areas/lsoa.json). */
  codes: EncodedCodes;
  /** counts[u * groups.length + g]: residents of unit u in group g. */
  counts: number[];
  /** Index in areas/ward.json of each unit's ward; -1 where the unit cannot be placed in one ward. */
  ward: number[];
  /** Index in areas/lad.json of each unit's authority; -1 where it cannot be placed in one authority. */
  lad: number[];
  /**
   * Wards and authorities (indices) that lost residents to units that could
   * not be placed (an LSOA 2011 split between wards): their figures on this
   * scale would leave people out, so they have none.
   */
  incomplete: { ward: number[]; lad: number[] };
}

export const dataPaths = {
  manifest: 'manifest.json',
  areas: (level: Level) => `areas/${level}.json`,
  lsoaDetails: 'areas/lsoa-details.json',
  lsoaBounds: 'areas/lsoa-bounds.json',
  lsoaPoints: 'areas/lsoa-points.json',
  classes: (layer: string, level: Level, measure: string) => `classes/${layer}/${level}/${measure}.json`,
  values: (layer: string, level: Level) => `values/${layer}/${level}.json`,
  profile: (ladCode: string) => `profiles/${ladCode}.json`,
  segregationUnits: (grouping: string, release: string, scale: UnitScale) => `segregation/${grouping}/${release}/${scale}.json`,
  tiles: (level: Level) => `tiles/${level}.pmtiles`,
  download: (level: Level) => `downloads/${level}.csv`,
  /** The segregation figures of every ward or authority, all comparisons, scales and releases. */
  segregationDownload: (level: 'ward' | 'lad') => `downloads/${level}_segregation.csv`,
  /** Distances to the nearest services (LSOAs); the most deprived fifth's access (wards, authorities). */
  accessDownload: (level: Level) => `downloads/${level}_access.csv`,
  downloadsReadme: 'downloads/README.md',
};
