/**
 * The services near a place (issue 14, "near me"): of the chosen types,
 * those within the distance chosen, nearest first, each with its
 * straight-line distance and an estimated walking time; and, for a type
 * with none within that distance, the nearest one beyond it.
 *
 * Records come from the services cells (src/data/servicesSchema.ts): the
 * cells that can hold a point within the distance are fetched together.
 * "Nearest beyond" searches the type's points file (every record of the
 * type as a point, the map layer's file, so often cached already) by the
 * grid index of src/stats/nearest.ts, then fetches the one cell that holds
 * the record found.
 */
import type { NearDistance, ServiceTypeId } from '../config/serviceTypes.ts';
import { nearestPoints, pointGrid, walkingMinutes, walkingReachMetres, type PointGrid } from '../stats/nearest.ts';
import { haversineKm } from '../stats/geodesy.ts';
import type { DataClient } from './client.ts';
import { decodeDeltas } from './postcodeSchema.ts';
import { cellId, cellsWithin, servicesPaths, type ServicePointsFile, type ServiceRecord, type ServicesCell, type ServicesIndex } from './servicesSchema.ts';

/** The minutes of the walk that "walk20" stands for. */
export const WALK_MINUTES = 20;

/** Straight-line metres of each distance: 1 km, 2 km, or what a 20-minute walk covers (about 1,231 m, see nearest.ts). */
export const NEAR_REACH_METRES: Record<NearDistance, number> = {
  '1km': 1000,
  '2km': 2000,
  walk20: walkingReachMetres(WALK_MINUTES),
};

export interface NearbyService {
  record: ServiceRecord;
  /** Great-circle distance from the place, metres. */
  metres: number;
  /** Estimated walking minutes (straight line × 1.3 at 4.8 km/h), unrounded. */
  walkMinutes: number;
}

export interface TypeNearby {
  type: ServiceTypeId;
  /** Within the distance, nearest first. */
  within: NearbyService[];
}

export interface NearbyServices {
  reachMetres: number;
  /** One entry per chosen type, in the order given. */
  types: TypeNearby[];
}

const byDistance = (a: NearbyService, b: NearbyService) =>
  a.metres - b.metres || a.record.name.localeCompare(b.record.name, 'en-GB') || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);

export function nearbyService(record: ServiceRecord, lng: number, lat: number): NearbyService {
  const metres = haversineKm(lng, lat, record.lng, record.lat) * 1000;
  return { record, metres, walkMinutes: walkingMinutes(metres) };
}

/** The records of the given types within `reachMetres` of (lng, lat), grouped by type in the order given, each nearest first (ties by name). */
export function servicesNear(records: readonly ServiceRecord[], lng: number, lat: number, types: readonly ServiceTypeId[], reachMetres: number): TypeNearby[] {
  const wanted = new Map(types.map((type) => [type, [] as NearbyService[]]));
  for (const record of records) {
    const list = wanted.get(record.type);
    if (!list) continue;
    const near = nearbyService(record, lng, lat);
    if (near.metres <= reachMetres) list.push(near);
  }
  return types.map((type) => ({ type, within: wanted.get(type)!.sort(byDistance) }));
}

/** The ids of the cells of the index that can hold a point within `metres` (cells without records have no file). */
export function cellsToFetch(index: ServicesIndex, lng: number, lat: number, metres: number): string[] {
  const existing = new Set(index.cells);
  return cellsWithin(lng, lat, metres, index.grid).filter((id) => existing.has(id));
}

async function cellRecords(client: DataClient, ids: readonly string[]): Promise<ServiceRecord[]> {
  const cells = await Promise.all(ids.map((id) => client.file<ServicesCell>(servicesPaths.cell(id))));
  return cells.flatMap((cell) => cell.records);
}

/** The services of the chosen types within the distance of a place: the cells it needs fetched in parallel. */
export async function loadNearbyServices(
  client: DataClient,
  index: ServicesIndex,
  lng: number,
  lat: number,
  types: readonly ServiceTypeId[],
  within: NearDistance,
): Promise<NearbyServices> {
  const reachMetres = NEAR_REACH_METRES[within];
  const records = await cellRecords(client, cellsToFetch(index, lng, lat, reachMetres));
  return { reachMetres, types: servicesNear(records, lng, lat, types, reachMetres) };
}

interface DecodedPoints {
  lng: number[];
  lat: number[];
  grid: PointGrid;
}

const decodedPoints = new WeakMap<ServicePointsFile, DecodedPoints>();

/** A type's points file decoded and indexed once (the same file object comes from the client's cache). */
function decodePoints(file: ServicePointsFile): DecodedPoints {
  let decoded = decodedPoints.get(file);
  if (decoded) return decoded;
  const lng = decodeDeltas(file.lng);
  const lat = decodeDeltas(file.lat);
  if (lng.length !== file.id.length || lat.length !== file.id.length) {
    throw new Error(`${servicesPaths.points(file.type)} is inconsistent: ${file.id.length} ids, ${lng.length} longitudes, ${lat.length} latitudes`);
  }
  const flat = new Float64Array(2 * lng.length);
  lng.forEach((value, i) => {
    flat[2 * i] = value;
    flat[2 * i + 1] = lat[i];
  });
  // 0.1° cells: a few thousand for England, whatever the type's count.
  decoded = { lng, lat, grid: pointGrid(flat, 0.1) };
  decodedPoints.set(file, decoded);
  return decoded;
}

/** The point of a type's points file nearest to (lng, lat): its id and place, or null when the file has none. */
export function nearestInPoints(file: ServicePointsFile, lng: number, lat: number): { id: string; lng: number; lat: number } | null {
  const decoded = decodePoints(file);
  const [nearest] = nearestPoints(decoded.grid, lng, lat, { limit: 1 });
  return nearest ? { id: file.id[nearest.index], lng: decoded.lng[nearest.index], lat: decoded.lat[nearest.index] } : null;
}

/**
 * The nearest service of a type to a place, wherever it is (for a type with
 * none within the distance chosen): null when the type has no records.
 */
export async function loadNearestOfType(client: DataClient, index: ServicesIndex, type: ServiceTypeId, lng: number, lat: number): Promise<NearbyService | null> {
  if (!index.types[type] || index.types[type].count === 0) return null;
  const points = await client.file<ServicePointsFile>(servicesPaths.points(type));
  const nearest = nearestInPoints(points, lng, lat);
  if (!nearest) return null;
  // Its cell; on a cell's edge, rounding may have put it in the next one.
  const home = cellId(nearest.lng, nearest.lat, index.grid);
  const ids = [home, ...cellsToFetch(index, nearest.lng, nearest.lat, 50).filter((id) => id !== home)];
  let record: ServiceRecord | undefined;
  for (const id of ids) {
    record = (await client.file<ServicesCell>(servicesPaths.cell(id))).records.find((each) => each.type === type && each.id === nearest.id);
    if (record) break;
  }
  if (!record) throw new Error(`${servicesPaths.points(type)} places ${type} ${nearest.id} in cell ${home}, whose file does not have it`);
  return nearbyService(record, lng, lat);
}
