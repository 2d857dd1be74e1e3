/**
 * The services files (scripts/pipeline/services/write.ts) against their
 * schema (src/data/servicesSchema.ts): every record in exactly one cell, the
 * one of cellId(lng, lat); the points files decode to the records; the index
 * lists the cells, counts and sources.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_TYPE_IDS } from '../../../src/config/serviceTypes.ts';
import { decodeDeltas } from '../../../src/data/postcodeSchema.ts';
import { cellId, SERVICE_CELL_GRID, servicesPaths, type ServicePointsFile, type ServiceRecord, type ServicesCell, type ServicesIndex, type ServiceSource } from '../../../src/data/servicesSchema.ts';
import { OutputFolder } from '../../../scripts/pipeline/output.ts';
import { pointsFile, servicesIndex, writeServiceFiles } from '../../../scripts/pipeline/services/write.ts';
import { tempDir } from '../fixtures.ts';

const record = (type: ServiceRecord['type'], id: string, name: string, lng: number, lat: number, source = 'gp_practices'): ServiceRecord => ({
  type,
  id,
  name,
  lng,
  lat,
  located: 'postcode',
  source,
});

// Cells are 0.16° wide and 0.1° high from (−7, 49.5): (−1.93, 52.45) is in row 29, column 31.
const RECORDS: ServiceRecord[] = [
  record('school', '137044', 'King Edward VI', -1.93, 52.45, 'schools_ks4'),
  record('gp_practice', 'A81001', 'The Densham Surgery', -1.93, 52.45),
  record('gp_practice', 'A81002', 'Queens Park', -1.82, 52.45),
  record('library', 'hove-library-bn32eg', 'Hove Library', -0.17712, 50.82837, 'libraries_hacked'),
  record('gp_practice', 'A81000', 'Another Surgery', -1.93, 52.45),
];
const SOURCES: ServiceSource[] = [
  { id: 'gp_practices', title: 'epraccur', publisher: 'NHS England', date: '2025-04-23', dateNote: 'latest', licence: 'OGL', attribution: 'NHS' },
  { id: 'schools_ks4', title: 'KS4', publisher: 'DfE', date: '2019', dateNote: '2018/19', licence: 'OGL', attribution: 'DfE' },
  { id: 'libraries_hacked', title: 'Libraries Hacked', publisher: 'LH', date: '2025-04-28', dateNote: 'export', licence: 'not stated', attribution: 'LH' },
];

describe('the services files', () => {
  const out = tempDir('services-write-');
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const output = new OutputFolder(out);
  const index = servicesIndex(RECORDS, SOURCES, [], '2025-12-02');
  const written = writeServiceFiles(output, index, RECORDS);
  output.commit();
  const json = <T>(path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;

  it('puts every record in exactly one cell, the one of cellId, ordered by type, name and id', () => {
    expect(cellId(-1.93, 52.45)).toBe('29-31');
    expect(cellId(-1.82, 52.45)).toBe('29-32');
    expect(cellId(-0.17712, 50.82837)).toBe('13-42');
    const stored = index.cells.flatMap((id) => {
      const cell = json<ServicesCell>(servicesPaths.cell(id));
      expect(cell.id).toBe(id);
      for (const r of cell.records) expect(cellId(r.lng, r.lat)).toBe(id);
      return cell.records;
    });
    expect(stored).toHaveLength(RECORDS.length);
    expect(new Set(stored.map((r) => `${r.type}/${r.id}`)).size).toBe(RECORDS.length);
    expect(json<ServicesCell>(servicesPaths.cell('29-31')).records.map((r) => r.id)).toEqual(['A81000', 'A81001', '137044']);
    expect(json<ServicesCell>(servicesPaths.cell('29-31')).records[1]).toEqual(RECORDS[1]);
  });

  it('writes a points file per type that decodes to the records', () => {
    for (const type of SERVICE_TYPE_IDS) {
      const file = json<ServicePointsFile>(servicesPaths.points(type));
      const expected = RECORDS.filter((r) => r.type === type);
      expect(file.type).toBe(type);
      expect(file.id).toHaveLength(expected.length);
      const lng = decodeDeltas(file.lng);
      const lat = decodeDeltas(file.lat);
      const decoded = file.id.map((id, i) => ({ id, name: file.name[i], lng: lng[i], lat: lat[i] }));
      expect(decoded.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        expected.map((r) => ({ id: r.id, name: r.name, lng: r.lng, lat: r.lat })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    }
    // Coordinates as integers of 1e-5 degrees, the first absolute, then differences.
    expect(pointsFile('library', RECORDS)).toEqual({ type: 'library', id: ['hove-library-bn32eg'], name: ['Hove Library'], lng: [-17712], lat: [5082837] });
  });

  it('indexes the cells, the counts and sources of each type, and the sources', () => {
    const stored = json<ServicesIndex>(servicesPaths.index);
    expect(stored).toEqual(index);
    expect(stored.built).toBe('2025-12-02');
    expect(stored.grid).toEqual(SERVICE_CELL_GRID);
    expect(stored.cells).toEqual(['13-42', '29-31', '29-32']);
    expect(stored.types).toEqual({
      library: { count: 1, sources: ['libraries_hacked'] },
      gp_practice: { count: 3, sources: ['gp_practices'] },
      school: { count: 1, sources: ['schools_ks4'] },
      warm_space: { count: 0, sources: [] },
      foodbank: { count: 0, sources: [] },
    });
    expect(Object.keys(stored.sources)).toEqual(['gp_practices', 'libraries_hacked', 'schools_ks4']);
    expect(written).toEqual([
      ...stored.cells.map(servicesPaths.cell),
      ...SERVICE_TYPE_IDS.map(servicesPaths.points),
      servicesPaths.index,
    ]);
  });
});
