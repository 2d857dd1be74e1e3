/**
 * The services files (src/data/servicesSchema.ts): the index, one file per
 * grid cell holding every record placed in it, and one points file per type.
 * Records are ordered by type (as in SERVICE_TYPE_IDS), then name, then id,
 * so that the same inputs write the same bytes.
 */
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import {
  cellId,
  SERVICE_CELL_GRID,
  servicesPaths,
  type GeocodingRecord,
  type ServicePointsFile,
  type ServiceRecord,
  type ServicesCell,
  type ServicesIndex,
  type ServiceSource,
} from '../../../src/data/servicesSchema.ts';
import type { OutputFolder } from '../output.ts';

const TYPE_ORDER = new Map(SERVICE_TYPE_IDS.map((type, i) => [type, i]));

function compareRecords(a: ServiceRecord, b: ServiceRecord): number {
  return TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Records grouped by the grid cell that holds them (cellId), cells in id order. */
export function recordsByCell(records: readonly ServiceRecord[]): Map<string, ServiceRecord[]> {
  const cells = new Map<string, ServiceRecord[]>();
  for (const record of records) {
    const id = cellId(record.lng, record.lat);
    const cell = cells.get(id);
    if (cell) cell.push(record);
    else cells.set(id, [record]);
  }
  for (const cell of cells.values()) cell.sort(compareRecords);
  return new Map([...cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const deltas = (values: readonly number[]) => values.map((value, i) => (i === 0 ? value : value - values[i - 1]));

/**
 * Every record of one type, columnar, coordinates as integers of 1e-5
 * degrees delta-encoded (decodeDeltas). Ordered by cell, then latitude, so
 * that neighbours follow each other and the deltas stay small.
 */
export function pointsFile(type: ServiceTypeId, records: readonly ServiceRecord[]): ServicePointsFile {
  const ofType = records
    .filter((record) => record.type === type)
    .map((record) => ({ record, cell: cellId(record.lng, record.lat), lng: Math.round(record.lng * 1e5), lat: Math.round(record.lat * 1e5) }))
    .sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0) || a.lat - b.lat || a.lng - b.lng || compareRecords(a.record, b.record));
  return {
    type,
    id: ofType.map((p) => p.record.id),
    name: ofType.map((p) => p.record.name),
    lng: deltas(ofType.map((p) => p.lng)),
    lat: deltas(ofType.map((p) => p.lat)),
  };
}

export function servicesIndex(records: readonly ServiceRecord[], sources: readonly ServiceSource[], geocoding: readonly GeocodingRecord[], built: string): ServicesIndex {
  const types = Object.fromEntries(
    SERVICE_TYPE_IDS.map((type) => {
      const ofType = records.filter((record) => record.type === type);
      return [type, { count: ofType.length, sources: [...new Set(ofType.map((record) => record.source))].sort() }];
    }),
  ) as ServicesIndex['types'];
  return {
    built,
    grid: SERVICE_CELL_GRID,
    cells: [...recordsByCell(records).keys()],
    types,
    sources: Object.fromEntries([...sources].sort((a, b) => (a.id < b.id ? -1 : 1)).map((source) => [source.id, source])),
    geocoding: [...geocoding],
  };
}

/** Writes the index, the cells and a points file for every type (empty for a type without records); returns the paths written. */
export function writeServiceFiles(output: OutputFolder, index: ServicesIndex, records: readonly ServiceRecord[]): string[] {
  const written: string[] = [];
  for (const [id, cellRecords] of recordsByCell(records)) {
    const cell: ServicesCell = { id, records: cellRecords };
    output.writeJson(servicesPaths.cell(id), cell);
    written.push(servicesPaths.cell(id));
  }
  for (const type of SERVICE_TYPE_IDS) {
    output.writeJson(servicesPaths.points(type), pointsFile(type, records));
    written.push(servicesPaths.points(type));
  }
  output.writeJson(servicesPaths.index, index);
  written.push(servicesPaths.index);
  return written;
}
