/**
 * Names and parents of an area, from a fake data client.
 */
import { describe, expect, it } from 'vitest';
import { areaName, describeArea } from '../../src/data/areas.ts';
import type { AreaIndex, GroupAreaIndex, LsoaDetailIndex } from '../../src/data/client.ts';
import { fakeDataClient } from './fakeClient.ts';

function index<T extends object>(level: AreaIndex['level'], codes: string[], extra: T): AreaIndex & T {
  return { level, codes, indexOf: new Map(codes.map((code, i) => [code, i])), ...extra };
}

// Two authorities; Ward A in Hartlepool, Wards B and C in Merton; four LSOAs.
const LADS: GroupAreaIndex = index('lad', ['E06000001', 'E09000024'], {
  names: ['Hartlepool', 'Merton'],
  population: [],
  lsoaCount: [],
  label: [],
  bounds: [],
});
const WARDS: GroupAreaIndex = index('ward', ['E05000001', 'E05000002', 'E05000003'], {
  names: ['Ward A', 'Ward B', 'Ward C'],
  lad: [0, 1, 1],
  population: [],
  lsoaCount: [],
  label: [],
  bounds: [],
});
const LSOAS: AreaIndex = index('lsoa', ['E01000001', 'E01000002', 'E01000003', 'E01000004'], {});
const DETAILS: LsoaDetailIndex = { names: ['Hartlepool 001A', 'Merton 001A', 'Merton 002A', 'Merton 002B'], ward: [0, 1, 2, 2] };

function fakeClient() {
  return fakeDataClient({
    areas: async (level) => (level === 'lsoa' ? LSOAS : level === 'ward' ? WARDS : LADS),
    groupAreas: async (level) => (level === 'ward' ? WARDS : LADS),
    lsoaDetails: async () => DETAILS,
  });
}

describe('describeArea', () => {
  it('gives an LSOA its name, ward and authority', async () => {
    const { client } = fakeClient();
    expect(await describeArea(client, 'E01000003')).toStrictEqual({
      code: 'E01000003',
      level: 'lsoa',
      index: 2,
      name: 'Merton 002A',
      ward: { code: 'E05000003', name: 'Ward C' },
      lad: { code: 'E09000024', name: 'Merton' },
    });
    expect(await describeArea(client, 'E01000001')).toMatchObject({
      index: 0,
      name: 'Hartlepool 001A',
      ward: { code: 'E05000001', name: 'Ward A' },
      lad: { code: 'E06000001', name: 'Hartlepool' },
    });
  });

  it('gives a ward its name and authority, and no ward', async () => {
    const { client, calls } = fakeClient();
    expect(await describeArea(client, 'E05000002')).toStrictEqual({
      code: 'E05000002',
      level: 'ward',
      index: 1,
      name: 'Ward B',
      lad: { code: 'E09000024', name: 'Merton' },
    });
    // The LSOA files are big: a ward does not need them.
    expect(calls).not.toContain('lsoaDetails');
    expect(calls).not.toContain('areas lsoa');
  });

  it('gives an authority its name only, without loading wards', async () => {
    const { client, calls } = fakeClient();
    expect(await describeArea(client, 'E09000024')).toStrictEqual({ code: 'E09000024', level: 'lad', index: 1, name: 'Merton' });
    expect(await describeArea(client, 'E06000001')).toStrictEqual({ code: 'E06000001', level: 'lad', index: 0, name: 'Hartlepool' });
    expect(calls).toEqual(['groupAreas lad', 'groupAreas lad']);
  });

  it('gives undefined for a well-formed code that is not in the data', async () => {
    const { client } = fakeClient();
    expect(await describeArea(client, 'E01999999')).toBeUndefined();
    expect(await describeArea(client, 'E05999999')).toBeUndefined();
    expect(await describeArea(client, 'E07000001')).toBeUndefined();
  });

  it('gives undefined for anything that is not an English area code, without loading anything', async () => {
    const { client, calls } = fakeClient();
    for (const text of ['', 'Merton', 'W01000001', 'S12000033', 'E10000002', 'E0100000', 'e01000001', ' E01000001']) {
      expect(await describeArea(client, text)).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });
});

describe('areaName', () => {
  it('reads LSOA names from the details, others from their area file', async () => {
    const { client } = fakeClient();
    expect(await areaName(client, 'lsoa', 3)).toBe('Merton 002B');
    expect(await areaName(client, 'ward', 0)).toBe('Ward A');
    expect(await areaName(client, 'lad', 1)).toBe('Merton');
  });
});
