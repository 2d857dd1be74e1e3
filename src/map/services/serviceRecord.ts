/**
 * The whole record of a service drawn on the map: the map's points files hold
 * only names and places, so a hover or click fetches the record's grid cell
 * (servicesSchema.ts cellId of its point), which the data client then keeps.
 * A point within a few metres of a cell's edge is also looked for in the
 * neighbouring cells: decoded coordinates may differ from the pipeline's in
 * the last bit.
 */
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import type { DataClient } from '../../data/client.ts';
import { cellId, cellsWithin, servicesPaths, type ServiceRecord, type ServicesCell, type ServicesIndex } from '../../data/servicesSchema.ts';

export interface ServiceRef {
  type: ServiceTypeId;
  id: string;
  lng: number;
  lat: number;
}

/** The record of a service, or an error naming the service and the cells looked in. */
export async function loadServiceRecord(client: DataClient, ref: ServiceRef): Promise<ServiceRecord> {
  const index = await client.file<ServicesIndex>(servicesPaths.index);
  const built = new Set(index.cells);
  const own = cellId(ref.lng, ref.lat, index.grid);
  const cells = [own, ...cellsWithin(ref.lng, ref.lat, 10, index.grid).filter((id) => id !== own)].filter((id) => built.has(id));
  for (const id of cells) {
    const cell = await client.file<ServicesCell>(servicesPaths.cell(id));
    const record = cell.records.find((candidate) => candidate.type === ref.type && candidate.id === ref.id);
    if (record) return record;
  }
  throw new Error(`${ref.type} ${ref.id} is on the map but in none of ${cells.length ? cells.map(servicesPaths.cell).join(', ') : `the cells (no ${servicesPaths.cell(own)})`}`);
}
