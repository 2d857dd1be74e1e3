/**
 * The map's service points (services/points/<type>.json), decoded once per
 * type and page: the overlay draws them and the services control lists those
 * in view from the same arrays, so each file is fetched and decoded once
 * whoever asks first.
 */
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import type { DataClient } from '../../data/client.ts';
import { decodeDeltas } from '../../data/postcodeSchema.ts';
import { servicesPaths, type ServicePointsFile } from '../../data/servicesSchema.ts';

export interface ServicePoints {
  type: ServiceTypeId;
  ids: string[];
  names: string[];
  /** Flattened [lng, lat], degrees. */
  coords: Float64Array;
}

/** A points file that does not hold together, named with what is wrong. */
export class ServicePointsError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ServicePointsError';
  }
}

export function decodeServicePoints(file: ServicePointsFile, type: ServiceTypeId): ServicePoints {
  const path = servicesPaths.points(type);
  if (file.type !== type) throw new ServicePointsError(path, `holds "${file.type}", not "${type}"`);
  const count = file.id.length;
  for (const [field, values] of [['name', file.name], ['lng', file.lng], ['lat', file.lat]] as const) {
    if (!Array.isArray(values) || values.length !== count) throw new ServicePointsError(path, `${count} ids but ${Array.isArray(values) ? values.length : 'no'} ${field} values`);
  }
  const lng = decodeDeltas(file.lng);
  const lat = decodeDeltas(file.lat);
  const coords = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    // England and a margin: a coordinate outside it is a broken file, not a place to draw.
    if (!(lng[i] > -8 && lng[i] < 3 && lat[i] > 49 && lat[i] < 56.5)) {
      throw new ServicePointsError(path, `record ${i} (${file.id[i]}) is at ${lng[i]}, ${lat[i]}, outside England`);
    }
    coords[2 * i] = lng[i];
    coords[2 * i + 1] = lat[i];
  }
  return { type, ids: file.id, names: file.name, coords };
}

const loaded = new WeakMap<DataClient, Map<ServiceTypeId, Promise<ServicePoints>>>();

/** The points of one type, fetched and decoded once per client (a failure is forgotten, so it can be retried). */
export function loadServicePoints(client: DataClient, type: ServiceTypeId): Promise<ServicePoints> {
  let byType = loaded.get(client);
  if (!byType) loaded.set(client, (byType = new Map()));
  let promise = byType.get(type);
  if (!promise) {
    promise = client.file<ServicePointsFile>(servicesPaths.points(type)).then((file) => decodeServicePoints(file, type));
    promise.catch(() => byType.delete(type));
    byType.set(type, promise);
  }
  return promise;
}
