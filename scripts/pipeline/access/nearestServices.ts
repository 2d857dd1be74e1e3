/**
 * The nearest service of each type to every LSOA's population-weighted
 * centroid: great-circle distance (src/stats/geodesy.ts) by the exact grid
 * search of src/stats/nearest.ts, the code the app's "near me" list uses.
 */
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { ServiceRecord } from '../../../src/data/servicesSchema.ts';
import { nearestPoints, pointGrid } from '../../../src/stats/nearest.ts';

export interface NearestOfType {
  type: ServiceTypeId;
  /** The records of the type, in the order the services stage gave them; `nearest` points into this list. */
  services: readonly ServiceRecord[];
  /** Metres from each LSOA's centroid to the nearest record (lookup order); NaN when the build has none of the type. */
  metres: Float64Array;
  /** Index in `services` of the nearest record (of equally near ones, the first in the list); -1 when there is none. */
  nearest: Int32Array;
}

/**
 * Grid cells of about one point each on average over the points' box, so a
 * query looks at a few cells whether the type is dense (warm spaces) or
 * sparse (729 food banks): a fixed 2 km cell would make a search for the
 * nearest food bank of a rural LSOA walk hundreds of empty cells.
 */
function cellDegrees(points: ArrayLike<number>): number {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    west = Math.min(west, points[i]);
    east = Math.max(east, points[i]);
    south = Math.min(south, points[i + 1]);
    north = Math.max(north, points[i + 1]);
  }
  const area = Math.max(east - west, 0.01) * Math.max(north - south, 0.01);
  return Math.max(0.01, Math.sqrt(area / (points.length / 2)));
}

/** The nearest record of one type to each of the points (flattened [lng, lat]). */
export function nearestOfType(type: ServiceTypeId, services: readonly ServiceRecord[], lsoaPoints: ArrayLike<number>): NearestOfType {
  const count = lsoaPoints.length / 2;
  const metres = new Float64Array(count).fill(Number.NaN);
  const nearest = new Int32Array(count).fill(-1);
  if (services.length > 0) {
    const coordinates = new Float64Array(services.length * 2);
    services.forEach((record, i) => {
      coordinates[2 * i] = record.lng;
      coordinates[2 * i + 1] = record.lat;
    });
    const grid = pointGrid(coordinates, cellDegrees(coordinates));
    for (let i = 0; i < count; i++) {
      const [found] = nearestPoints(grid, lsoaPoints[2 * i], lsoaPoints[2 * i + 1], { limit: 1 });
      metres[i] = found.metres;
      nearest[i] = found.index;
    }
  }
  return { type, services, metres, nearest };
}

/**
 * The nearest record of every type to every LSOA. The records come from the
 * build's own services stage, so one without usable coordinates or of an
 * unknown type is a fault of the build: it stops, naming the record.
 */
export function nearestServices(services: readonly ServiceRecord[], lsoaPoints: ArrayLike<number>): Record<ServiceTypeId, NearestOfType> {
  const byType = new Map<ServiceTypeId, ServiceRecord[]>(SERVICE_TYPE_IDS.map((type) => [type, []]));
  for (const record of services) {
    const list = byType.get(record.type);
    const where = `service "${record.name}" (${record.type} ${record.id}, source ${record.source})`;
    if (!list) throw new Error(`${where} is of no known type (src/config/serviceTypes.ts: ${SERVICE_TYPE_IDS.join(', ')})`);
    if (!Number.isFinite(record.lng) || !Number.isFinite(record.lat)) throw new Error(`${where} has no usable coordinates (${record.lng}, ${record.lat})`);
    list.push(record);
  }
  return Object.fromEntries(SERVICE_TYPE_IDS.map((type) => [type, nearestOfType(type, byType.get(type)!, lsoaPoints)])) as Record<ServiceTypeId, NearestOfType>;
}
