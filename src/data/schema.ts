/**
 * The flat-file data API between the pipeline (which writes public/data/)
 * and the app (which reads it). Arrays are keyed by position in the level's
 * code list: value i belongs to code i of `areas/<level>.json`. Geometry
 * lives apart in vector tiles, so switching indicator never touches it.
 *
 *   manifest.json                               Manifest
 *   areas/lsoa.json                             AreaCodes     first load
 *   areas/lad.json, areas/ward.json             GroupAreas    (lad: first load)
 *   areas/lsoa-details.json                     LsoaDetails   names and wards, for search and tooltips
 *   areas/lsoa-bounds.json                      BoundsFile    for flying to an LSOA
 *   classes/lsoa/<indicator>.json               ClassFile     official deciles: the choropleth
 *   classes/<ward|lad>/<indicator>/<measure>.json  ClassFile  deciles of the national rank among areas
 *   columns/lsoa/<indicator>.json               LsoaColumn    scores, ranks, deciles (national table)
 *   columns/<ward|lad>/<indicator>.json         GroupColumn   summary measures and ranks (national table)
 *   profiles/<lad code>.json                    Profile       one authority, its wards and LSOAs (panel)
 *   tiles/<level>.pmtiles                       layer <level>, property `code`
 *   downloads/{lsoa,ward,lad}.csv, downloads/README.md
 */
import type { IndicatorId } from '../config/indicators.ts';
import type { Level } from '../config/geography.ts';
import type { Measure } from '../config/measures.ts';
import type { EncodedCodes } from './codes.ts';

export const DATA_FORMAT_VERSION = 2;

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
  indicator: IndicatorId;
  measure: Measure;
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

export interface Manifest {
  formatVersion: number;
  /** Hash of the inputs: the same inputs give the same build. */
  buildId: string;
  edition: string;
  vintages: Record<Level, number>;
  counts: Record<Level, number>;
  weights: { kind: 'mid-year-estimate' | 'census-2021'; description: string; file: string; column: string };
  /** For authorities: measures whose figures are the official File 10 ones. */
  officialLadMeasures: Partial<Record<IndicatorId, Measure[]>>;
  agreement: AgreementRecord[];
  bounds: Bounds;
  tiles: Record<Level, { path: string; minZoom: number; maxZoom: number; bytes: number }>;
  files: Record<string, number>;
  sources: SourceRecord[];
  skipped: SkippedRecord[];
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
  /** Decile 1–10 of each area; 1 = most deprived 10%. */
  class: number[];
}

export interface LsoaColumn {
  score: number[];
  rank: number[];
  decile: number[];
}

export interface GroupColumn {
  values: Record<Measure, number[]>;
  /** Rank among all areas of the level in England, 1 = most deprived. */
  ranks: Record<Measure, number[]>;
  /** Wards only: rank among the wards of the same authority. */
  ranksWithinLad?: Record<Measure, number[]>;
  /** Decile of each area among all areas of the level (see decilesOfRanks: ties take the last place). */
  deciles: Record<Measure, number[]>;
  /** Measures taken from the official File 10 (authorities only). */
  official: Measure[];
}

/** A GroupColumn for some areas, with the LSOAs of each area in each national decile. */
export interface GroupColumnWithDeciles extends GroupColumn {
  /** Flattened: LSOAs of area i in national decile d at [i * 10 + d - 1]. */
  decileCounts: number[];
}

/**
 * Everything the panel and the authority-filtered table need about one
 * authority, column by column: the authority itself (one area), its wards
 * and its LSOAs.
 */
export interface Profile {
  lad: { code: string; summaries: Record<IndicatorId, GroupColumnWithDeciles> };
  wards: { codes: string[]; summaries: Record<IndicatorId, GroupColumnWithDeciles> };
  lsoas: {
    codes: string[];
    names: string[];
    /** Index of each LSOA's ward in `wards.codes`. */
    ward: number[];
    values: Record<IndicatorId, LsoaColumn>;
  };
}

export const dataPaths = {
  manifest: 'manifest.json',
  areas: (level: Level) => `areas/${level}.json`,
  lsoaDetails: 'areas/lsoa-details.json',
  lsoaBounds: 'areas/lsoa-bounds.json',
  classes: (level: Level, indicator: IndicatorId, measure: Measure) =>
    level === 'lsoa' ? `classes/lsoa/${indicator}.json` : `classes/${level}/${indicator}/${measure}.json`,
  column: (level: Level, indicator: IndicatorId) => `columns/${level}/${indicator}.json`,
  profile: (ladCode: string) => `profiles/${ladCode}.json`,
  tiles: (level: Level) => `tiles/${level}.pmtiles`,
  download: (level: Level) => `downloads/${level}.csv`,
  downloadsReadme: 'downloads/README.md',
};
