/**
 * The services files (issue 14), written by the pipeline
 * (scripts/pipeline/services/) and read by the app: libraries, GP practices,
 * schools, warm and welcoming spaces and food banks, each placed at its
 * postcode (OS Code-Point Open, through the postcode index's table) or, where
 * a source gives its own coordinates, at those.
 *
 *   services/index.json            ServicesIndex       types, sources with their dates, cells, geocoding counts
 *   services/cells/<cell>.json     ServicesCell        every record of every type in one grid cell (about 11 × 11 km):
 *                                                      "near me" fetches the one to four cells around a place
 *   services/points/<type>.json    ServicePointsFile   every record of one type, as points and names, for the map
 *                                                      layer (clustered when zoomed out); a click fetches the cell
 *                                                      for the whole record
 *
 * Coordinates are WGS84 degrees with 5 decimals (about a metre).
 */
import type { ServiceTypeId } from '../config/serviceTypes.ts';

/** Where a record's information comes from, and how old it is. */
export interface ServiceSource {
  /** Stable id, e.g. "epraccur", "libraries_ace", "libraries_hacked", "ks4", "ks2", "givefood", "warm:warm_welcome". */
  id: string;
  /** Title to show, e.g. "NHS England ODS epraccur" or, for a warm-space directory, its own title. */
  title: string;
  publisher: string;
  /**
   * The date the source's information is from, as precise as known:
   * "2025-04-23", "2025-04" or "2023". The app says how old it is.
   */
  date: string;
  /** What the date is (e.g. "latest change in the file", "date the directory was checked"). */
  dateNote: string;
  url?: string;
  licence: string;
  attribution: string;
}

export type ServiceLocation = 'postcode' | 'source';

/** One service, as "near me" lists it and a click shows it. */
export interface ServiceRecord {
  type: ServiceTypeId;
  /** Stable within its type: ODS code, school URN, Give Food slug, a library's or warm space's derived id. */
  id: string;
  name: string;
  lng: number;
  lat: number;
  /** Where the coordinates come from: the postcode's centroid, or the source's own coordinates. */
  located: ServiceLocation;
  postcode?: string;
  /** Address as published, one line. */
  address?: string;
  /** What kind of place it is, short: "Statutory library", "Community-run library", "Secondary school", "Trussell Trust". */
  detail?: string;
  /** Opening hours in OSM `opening_hours` syntax, checked with the opening_hours library at build. */
  openingHours?: string;
  /** Opening hours as published, where they are not in that syntax (or where the source gives both). */
  hoursText?: string;
  url?: string;
  /** Id in ServicesIndex.sources. */
  source: string;
}

/** The grid the cells cut England into. */
export interface CellGrid {
  /** Cell width and height in degrees. */
  lngStep: number;
  latStep: number;
  /** South-west corner of cell 0-0. */
  lngOrigin: number;
  latOrigin: number;
}

export const SERVICE_CELL_GRID: CellGrid = { lngStep: 0.16, latStep: 0.1, lngOrigin: -7, latOrigin: 49.5 };

/** Geocoding outcome of one source file: every record is placed or counted as not placed, with examples. */
export interface GeocodingRecord {
  type: ServiceTypeId;
  source: string;
  /** Input file name. */
  file: string;
  read: number;
  /** Kept (open, in England, of the kind asked for) before placing. */
  kept: number;
  placed: number;
  /** Not placed: no postcode, a postcode not in Code-Point Open England, or no usable coordinates. */
  failed: number;
  /** Up to 20 examples of failures: "name (postcode): why". */
  failedExamples: string[];
  /** Left out on purpose, by reason (closed, outside England, not a GP practice…), counted. */
  excluded: Record<string, number>;
  /**
   * Kept records that are the same service as a record of another file of the
   * same type and were merged with it (a library in both library files, a school
   * in both the KS4 and KS2 files): one record, counted as placed or not in both files.
   */
  merged?: number;
}

export interface ServicesIndex {
  /** When the build ran (ISO date). */
  built: string;
  grid: CellGrid;
  /** Ids of the cells that hold records ("y-x", see cellId). */
  cells: string[];
  types: Record<ServiceTypeId, { count: number; sources: string[] }>;
  sources: Record<string, ServiceSource>;
  geocoding: GeocodingRecord[];
}

export interface ServicesCell {
  id: string;
  records: ServiceRecord[];
}

/** Every record of one type, columnar: record i is name[i] at (lng[i], lat[i]). */
export interface ServicePointsFile {
  type: ServiceTypeId;
  id: string[];
  name: string[];
  /** Degrees × 1e5, delta-encoded as in the postcode files (decodeDeltas in postcodeSchema.ts). */
  lng: number[];
  lat: number[];
}

export const servicesPaths = {
  index: 'services/index.json',
  cell: (id: string) => `services/cells/${id}.json`,
  points: (type: ServiceTypeId) => `services/points/${type}.json`,
};

/** The id of the cell that holds a point: "<row>-<column>" from the grid's origin. */
export function cellId(lng: number, lat: number, grid: CellGrid = SERVICE_CELL_GRID): string {
  const x = Math.floor((lng - grid.lngOrigin) / grid.lngStep);
  const y = Math.floor((lat - grid.latOrigin) / grid.latStep);
  return `${y}-${x}`;
}

/**
 * The ids of every cell that may hold a point within `metres` of (lng, lat):
 * the cells overlapping the circle's bounding box, on the safe side: a degree of latitude is at
 * least 110.57 km, so 110 km is taken; a degree of longitude is that ×
 * cos(latitude), at the circle's edge nearer the pole.
 */
export function cellsWithin(lng: number, lat: number, metres: number, grid: CellGrid = SERVICE_CELL_GRID): string[] {
  const dLat = metres / 110_000;
  const poleward = Math.min(89, Math.abs(lat) + dLat);
  const dLng = metres / (110_000 * Math.cos((poleward * Math.PI) / 180));
  const x0 = Math.floor((lng - dLng - grid.lngOrigin) / grid.lngStep);
  const x1 = Math.floor((lng + dLng - grid.lngOrigin) / grid.lngStep);
  const y0 = Math.floor((lat - dLat - grid.latOrigin) / grid.latStep);
  const y1 = Math.floor((lat + dLat - grid.latOrigin) / grid.latStep);
  const ids: string[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ids.push(`${y}-${x}`);
  return ids;
}
