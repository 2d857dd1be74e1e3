/**
 * A service's details: the whole record found in its grid cell (or, for a
 * point on a cell's edge, in the neighbouring one), a clear error when it is
 * in none; and the dialog placed so that it never hides its service.
 */
import { describe, expect, it } from 'vitest';
import type { DataClient } from '../../../src/data/client.ts';
import { cellId, SERVICE_CELL_GRID, type ServiceRecord, type ServicesIndex } from '../../../src/data/servicesSchema.ts';
import { placeBeside } from '../../../src/map/services/ServiceDetails.tsx';
import { loadServiceRecord } from '../../../src/map/services/serviceRecord.ts';
import { fakeDataClient } from '../../data/fakeClient.ts';

const record = (id: string, lng: number, lat: number): ServiceRecord => ({ type: 'gp_practice', id, name: `Practice ${id}`, lng, lat, located: 'postcode', postcode: 'B2 4UH', source: 'gp_practices' });

describe('loadServiceRecord', () => {
  // Cell 29-32 spans longitudes -1.88 … -1.72 (origin -7, 0.16° a column); -1.88 is its western edge.
  const inside = record('M85778', -1.89538, 52.48054);
  const onEdge = record('M85001', -1.88, 52.45);
  const cells: Record<string, ServiceRecord[]> = {
    [cellId(inside.lng, inside.lat)]: [record('OTHER', -1.9, 52.47), inside],
    [cellId(-1.87, 52.45)]: [onEdge],
  };
  const index = { grid: SERVICE_CELL_GRID, cells: Object.keys(cells) } as ServicesIndex;
  const client = () =>
    fakeDataClient({
      file: (async (path: string) => {
        if (path === 'services/index.json') return index;
        const id = /cells\/(.+)\.json$/.exec(path)?.[1];
        if (id && cells[id]) return { id, records: cells[id] };
        throw new Error(`no ${path}`);
      }) as DataClient['file'],
    });

  it('finds the record in the cell of its point', async () => {
    const { client: c, calls } = client();
    expect(await loadServiceRecord(c, { type: 'gp_practice', id: 'M85778', lng: -1.89538, lat: 52.48054 })).toEqual(inside);
    expect(calls).toEqual(['file services/index.json', `file services/cells/${cellId(inside.lng, inside.lat)}.json`]);
  });

  it('looks in the neighbouring cell for a point a hair across the edge', async () => {
    const { client: c } = client();
    // Decoded from deltas, -1.88 may come out a hair west of the edge, in the cell to the west (which has no file).
    expect(cellId(-1.88 - 1e-9, 52.45)).not.toBe(cellId(-1.88, 52.45));
    expect(await loadServiceRecord(c, { type: 'gp_practice', id: 'M85001', lng: -1.88 - 1e-9, lat: 52.45 })).toEqual(onEdge);
  });

  it('says which service and which cells when the record is in none', async () => {
    const { client: c } = client();
    await expect(loadServiceRecord(c, { type: 'library', id: 'M85778', lng: -1.89538, lat: 52.48054 })).rejects.toThrow(
      `library M85778 is on the map but in none of services/cells/${cellId(inside.lng, inside.lat)}.json`,
    );
  });
});

describe('placeBeside', () => {
  const map = { width: 900, height: 700 };
  const size = { width: 320, height: 300 };

  it('stands over the point, centred, when there is room above', () => {
    expect(placeBeside({ x: 450, y: 500 }, size, map)).toEqual({ left: 290, top: 500 - 22 - 300 });
  });

  it('goes under it when there is no room above, and keeps inside the map', () => {
    expect(placeBeside({ x: 880, y: 100 }, size, map)).toEqual({ left: 900 - 320 - 8, top: 122 });
  });

  it('goes beside it, right or left, when neither above nor below has room', () => {
    const tall = { width: 320, height: 420 };
    const right = placeBeside({ x: 300, y: 350 }, tall, map);
    expect(right).toEqual({ left: 322, top: 140 });
    const left = placeBeside({ x: 700, y: 350 }, tall, map);
    expect(left).toEqual({ left: 700 - 22 - 320, top: 140 });
    // The point is outside the dialog either way.
    for (const [place, x] of [[right, 300], [left, 700]] as const) expect(x < place.left || x > place.left + tall.width).toBe(true);
  });
});
