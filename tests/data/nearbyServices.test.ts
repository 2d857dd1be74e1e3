/**
 * The services near a place: the cells around it fetched together, the
 * chosen types within the distance, nearest first, and for a type with none
 * the nearest beyond. Records are laid out along a meridian, where the
 * great-circle distance is R·Δφ exactly, so every expected distance is
 * known without the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceTypeId } from '../../src/config/serviceTypes.ts';
import { DataError } from '../../src/data/client.ts';
import { loadNearbyServices, loadNearestOfType, NEAR_REACH_METRES, servicesNear } from '../../src/data/nearbyServices.ts';
import type { ServicePointsFile, ServiceRecord, ServicesCell, ServicesIndex } from '../../src/data/servicesSchema.ts';
import { SERVICE_CELL_GRID } from '../../src/data/servicesSchema.ts';
import { fakeDataClient } from './fakeClient.ts';

const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;

// Just south of a cell row's edge: row 29 holds latitudes 52.4–52.5 (49.5 + 29 × 0.1), column 31 longitudes −2.04 to −1.88.
const LNG = -1.93;
const LAT = 52.4995;
const metresAt = (record: ServiceRecord) => Math.abs(record.lat - LAT) * METRES_PER_DEGREE;

let ids = 0;
/** A record `metres` north (negative: south) of the place. */
function record(type: ServiceTypeId, name: string, metres: number, extra: Partial<ServiceRecord> = {}): ServiceRecord {
  return { type, id: `${type}-${++ids}`, name, lng: LNG, lat: LAT + metres / METRES_PER_DEGREE, located: 'postcode', source: `${type}-source`, ...extra };
}

const NORTH_CELL = '30-31';
const SOUTH_CELL = '29-31';
const RECORDS: Record<string, ServiceRecord[]> = {
  [SOUTH_CELL]: [
    record('gp_practice', 'Southside Surgery', -640),
    record('gp_practice', 'Far South Practice', -1990),
    record('library', 'Walkable Library', -1230),
    record('library', 'Just Too Far Library', -1232),
    record('school', 'Edge School', -999.5),
    record('warm_space', 'Two Km Hall', -2001),
  ],
  [NORTH_CELL]: [
    record('gp_practice', 'Northside Medical Centre', 350),
    record('gp_practice', 'B Twin Surgery', 820),
    record('gp_practice', 'A Twin Surgery', 820),
    record('school', 'Hill School', 1000.5),
    record('foodbank', 'Northern Food Bank', 5200),
  ],
  // A cell more than 2 km away in every direction: never fetched for 1 km or 2 km.
  '33-31': [record('foodbank', 'Far Food Bank', 41_000)],
};

const INDEX: ServicesIndex = {
  built: '2026-11-30',
  grid: SERVICE_CELL_GRID,
  // 28-31 is listed but never needed: it lies more than 2 km south.
  cells: ['28-31', SOUTH_CELL, NORTH_CELL, '33-31'],
  types: {
    library: { count: 2, sources: ['library-source'] },
    gp_practice: { count: 4, sources: ['gp_practice-source'] },
    school: { count: 2, sources: ['school-source'] },
    warm_space: { count: 1, sources: ['warm_space-source'] },
    foodbank: { count: 2, sources: ['foodbank-source'] },
  },
  sources: {},
  geocoding: [],
};

function deltas(values: number[]): number[] {
  return values.map((value, i) => Math.round(value * 1e5) - (i === 0 ? 0 : Math.round(values[i - 1] * 1e5)));
}

function pointsFile(type: ServiceTypeId): ServicePointsFile {
  const records = Object.values(RECORDS)
    .flat()
    .filter((r) => r.type === type);
  return { type, id: records.map((r) => r.id), name: records.map((r) => r.name), lng: deltas(records.map((r) => r.lng)), lat: deltas(records.map((r) => r.lat)) };
}

function client() {
  return fakeDataClient({
    file: async <T,>(path: string) => {
      const cell = /^services\/cells\/(.+)\.json$/.exec(path)?.[1];
      if (cell && RECORDS[cell]) return { id: cell, records: RECORDS[cell] } satisfies ServicesCell as T;
      const type = /^services\/points\/(.+)\.json$/.exec(path)?.[1];
      if (type) return pointsFile(type as ServiceTypeId) as T;
      throw new DataError(path, 404, `Could not load ${path} (HTTP 404)`);
    },
  });
}

const names = (list: { record: ServiceRecord }[]) => list.map((each) => each.record.name);

describe('the distances', () => {
  it('are 1 km, 2 km, and a 20-minute walk: 20 × 80 m / 1.3 ≈ 1,231 m in a straight line', () => {
    expect(NEAR_REACH_METRES['1km']).toBe(1000);
    expect(NEAR_REACH_METRES['2km']).toBe(2000);
    expect(Math.round(NEAR_REACH_METRES.walk20)).toBe(1231);
    expect(NEAR_REACH_METRES.walk20).toBeCloseTo(1600 / 1.3, 9);
  });
});

describe('servicesNear', () => {
  const all = Object.values(RECORDS).flat();

  it('lists each chosen type nearest first, ties by name, with distance and walking minutes', () => {
    const [gps] = servicesNear(all, LNG, LAT, ['gp_practice'], 1000);
    expect(names(gps.within)).toEqual(['Northside Medical Centre', 'Southside Surgery', 'A Twin Surgery', 'B Twin Surgery']);
    gps.within.forEach((each) => {
      expect(each.metres).toBeCloseTo(metresAt(each.record), 3);
      // Straight line × 1.3 at 80 m a minute.
      expect(each.walkMinutes).toBeCloseTo((metresAt(each.record) * 1.3) / 80, 3);
    });
    expect(gps.within[0].metres).toBeCloseTo(350, 1);
  });

  it('cuts at the distance chosen, inclusive: 1 km, 2 km, a 20-minute walk', () => {
    const near = (reach: number) => servicesNear(all, LNG, LAT, ['library', 'school', 'warm_space'], reach).map((t) => names(t.within));
    // Edge School at 999.5 m is in, Hill School at 1,000.5 m is not.
    expect(near(NEAR_REACH_METRES['1km'])).toEqual([[], ['Edge School'], []]);
    // The 20-minute walk: 1,230 m in, 1,232 m out.
    expect(near(NEAR_REACH_METRES.walk20)).toEqual([['Walkable Library'], ['Edge School', 'Hill School'], []]);
    // 2 km: Two Km Hall at 2,001 m stays out.
    expect(near(NEAR_REACH_METRES['2km'])).toEqual([['Walkable Library', 'Just Too Far Library'], ['Edge School', 'Hill School'], []]);
  });

  it('keeps only the chosen types, in the order given', () => {
    const types = servicesNear(all, LNG, LAT, ['school', 'library'], 2000);
    expect(types.map((t) => t.type)).toEqual(['school', 'library']);
    expect(types.flatMap((t) => t.within.map((each) => each.record.type))).toEqual(['school', 'school', 'library', 'library']);
  });
});

describe('loadNearbyServices', () => {
  it('fetches the cells that can hold a service within the distance, in parallel, and no others', async () => {
    const { client: c, calls } = client();
    const list = await loadNearbyServices(c, INDEX, LNG, LAT, ['gp_practice', 'school'], '2km');
    expect(calls.sort()).toEqual([`file services/cells/${SOUTH_CELL}.json`, `file services/cells/${NORTH_CELL}.json`]);
    expect(list.reachMetres).toBe(2000);
    expect(list.types.map((t) => names(t.within))).toEqual([
      ['Northside Medical Centre', 'Southside Surgery', 'A Twin Surgery', 'B Twin Surgery', 'Far South Practice'],
      ['Edge School', 'Hill School'],
    ]);
  });

  it('gives a type with nothing within the distance an empty list', async () => {
    const { client: c } = client();
    const list = await loadNearbyServices(c, INDEX, LNG, LAT, ['foodbank'], 'walk20');
    expect(list.types).toEqual([{ type: 'foodbank', within: [] }]);
  });
});

describe('loadNearestOfType: the nearest beyond the distance', () => {
  it('finds the nearest of a type anywhere, through its points file and then its cell', async () => {
    const { client: c, calls } = client();
    const nearest = await loadNearestOfType(c, INDEX, 'foodbank', LNG, LAT);
    expect(nearest?.record.name).toBe('Northern Food Bank');
    expect(nearest!.metres).toBeCloseTo(5200, 0);
    expect(calls).toEqual(['file services/points/foodbank.json', `file services/cells/${NORTH_CELL}.json`]);
    // From the far north, the far food bank is the nearer.
    const fromNorth = await loadNearestOfType(c, INDEX, 'foodbank', LNG, LAT + 40_000 / METRES_PER_DEGREE);
    expect(fromNorth?.record.name).toBe('Far Food Bank');
    expect(fromNorth!.metres).toBeCloseTo(1000, 0);
  });

  it('is null for a type the build has none of, without fetching', async () => {
    const { client: c, calls } = client();
    expect(await loadNearestOfType(c, { ...INDEX, types: { ...INDEX.types, foodbank: { count: 0, sources: [] } } }, 'foodbank', LNG, LAT)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('stops with the file named when the cell does not have the record its points file places there', async () => {
    const { client: c } = fakeDataClient({
      file: async <T,>(path: string) => (path.includes('points') ? pointsFile('foodbank') : { id: 'x', records: [] }) as T,
    });
    await expect(loadNearestOfType(c, INDEX, 'foodbank', LNG, LAT)).rejects.toThrow(/services\/points\/foodbank\.json places foodbank foodbank-\d+ in cell 30-31/);
  });
});
