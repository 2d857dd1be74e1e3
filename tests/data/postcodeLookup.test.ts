import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/client.ts';
import { lookUpPostcode } from '../../src/data/postcodeLookup.ts';
import type { PostcodeFile } from '../../src/data/postcodeSchema.ts';
import { fakeDataClient } from './fakeClient.ts';

// Two postcodes of B15, delta-encoded by hand: 2TT at (−1.92790, 52.45327) in LSOA 1, 2TU at (−1.92700, 52.45400) in none.
const B15: PostcodeFile = { outward: 'B15', inward: '2TT2TU', lng: [-192790, 90], lat: [5245327, 73], lsoa: [1, -1] };
const CR0: PostcodeFile = { outward: 'CR0', sectors: ['4'], inward: '', lng: [], lat: [], lsoa: [] };
const CR0_4: PostcodeFile = { outward: 'CR0', sector: '4', inward: '4AA', lng: [-10000], lat: [5137000], lsoa: [0] };

function client() {
  const files: Record<string, PostcodeFile> = { 'postcodes/B15.json': B15, 'postcodes/CR0.json': CR0, 'postcodes/CR0/4.json': CR0_4 };
  return fakeDataClient({
    file: async <T,>(path: string) => {
      if (files[path]) return files[path] as T;
      throw new DataError(path, 404, `Could not load ${path} (HTTP 404)`);
    },
    areas: async () => ({ level: 'lsoa' as const, codes: ['E01000001', 'E01034937'], indexOf: new Map() }),
  });
}

describe('lookUpPostcode', () => {
  it('finds a postcode however typed: coordinates and LSOA, from one outward file', async () => {
    const { client: c, calls } = client();
    const result = await lookUpPostcode(c, 'b152tt');
    expect(result).toEqual({
      kind: 'found',
      place: { postcode: { outward: 'B15', inward: '2TT', text: 'B15 2TT', mended: false }, lng: -1.9279, lat: 52.45327, lsoa: 'E01034937', lsoaIndex: 1 },
    });
    expect(calls).toEqual(['file postcodes/B15.json', 'areas lsoa']);
    const offshore = await lookUpPostcode(c, 'B15 2TU');
    expect(offshore.kind === 'found' && offshore.place).toMatchObject({ lng: -1.927, lat: 52.454, lsoa: null, lsoaIndex: -1 });
  });

  it('follows a split outward code to its sector file', async () => {
    const { client: c, calls } = client();
    const result = await lookUpPostcode(c, 'CR0 4AA');
    expect(result.kind === 'found' && result.place.lsoa).toBe('E01000001');
    expect(calls.slice(0, 2)).toEqual(['file postcodes/CR0.json', 'file postcodes/CR0/4.json']);
    expect((await lookUpPostcode(c, 'CR0 9ZZ')).kind).toBe('unknown');
  });

  it('says why there is no place: empty, not a postcode, another nation, unknown, possibly over a border', async () => {
    const { client: c, calls } = client();
    expect(await lookUpPostcode(c, '  ')).toEqual({ kind: 'empty', input: '  ' });
    expect(await lookUpPostcode(c, 'Huyton')).toEqual({ kind: 'format', input: 'Huyton' });
    expect(await lookUpPostcode(c, 'EH1 1YZ')).toMatchObject({ kind: 'outsideEngland', nation: 'scotland' });
    expect(await lookUpPostcode(c, 'CF10 1AA')).toMatchObject({ kind: 'outsideEngland', nation: 'wales' });
    expect(await lookUpPostcode(c, 'BT1 1AA')).toMatchObject({ kind: 'outsideEngland', nation: 'northernIreland' });
    // Nothing is fetched for those.
    expect(calls).toEqual([]);
    expect(await lookUpPostcode(c, 'B15 9ZZ')).toMatchObject({ kind: 'unknown', border: false });
    expect(await lookUpPostcode(c, 'ZZ9 9ZZ')).toMatchObject({ kind: 'unknown', border: false });
    expect(await lookUpPostcode(c, 'SY13 1AA')).toMatchObject({ kind: 'unknown', border: true });
  });

  it('passes on a failure that is not a missing file', async () => {
    const { client: c } = fakeDataClient({ file: async () => Promise.reject(new DataError('postcodes/B15.json', 500, 'HTTP 500')) });
    await expect(lookUpPostcode(c, 'B15 2TT')).rejects.toThrow(/HTTP 500/);
  });
});
