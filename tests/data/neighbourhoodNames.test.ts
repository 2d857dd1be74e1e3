import { describe, expect, it } from 'vitest';
import type { AreaIndex, GroupAreaIndex } from '../../src/data/client.ts';
import { namesPaths, type AuthorityNamesFile } from '../../src/data/namesSchema.ts';
import { neighbourhoodOf } from '../../src/data/neighbourhoodNames.ts';
import { fakeDataClient } from './fakeClient.ts';

// Rows cut from the LSOA lookup (lsoa21_ward24_lad24_england.csv.gz) and MSOA-Names-2.2.csv:
// Knowsley 012A–D (E01006449–52) are in E02001338 "Huyton Farm"; 013A–E (E01006497, 500, 501, 504, 505) in E02001339
// "Whiston South"; wards Swanside (E05010947), Page Moss (E05010939), Prescot South (E05010941), Whiston and Cronton (E05010948).
const lsoaCodes = ['E01006449', 'E01006450', 'E01006451', 'E01006452', 'E01006497', 'E01006500', 'E01006501', 'E01006504', 'E01006505'];
const lsoaWard = [3, 0, 0, 0, 1, 1, 2, 2, 2];
const wardCodes = ['E05010939', 'E05010941', 'E05010948', 'E05010947'];
const knowsley: AuthorityNamesFile = {
  lad: 'E08000011',
  msoa: {
    codes: ['E02001338', 'E02001339'],
    names: ['Huyton Farm', 'Whiston South'],
    lsoas: [
      [0, 1, 2, 3],
      [4, 5, 6, 7, 8],
    ],
    bounds: [-2.88, 53.41, -2.85, 53.43, -2.81, 53.4, -2.78, 53.42],
    label: [],
    population: [6000, 7800],
  },
  places: { lng: [], lat: [] },
  elsewhere: { lsoas: [], lads: [] },
};

const index = (level: 'lsoa' | 'ward' | 'lad', codes: string[]): AreaIndex => ({ level, codes, indexOf: new Map(codes.map((code, i) => [code, i])) });

function client(file: AuthorityNamesFile = knowsley) {
  const group = (level: 'ward' | 'lad', codes: string[], names: string[], lad?: number[]): GroupAreaIndex => ({
    ...index(level, codes),
    names,
    lad,
    population: [],
    lsoaCount: [],
    label: [],
    bounds: [],
  });
  return fakeDataClient({
    areas: async () => index('lsoa', lsoaCodes),
    lsoaDetails: async () => ({ names: lsoaCodes.map((_, i) => `Knowsley 0${i}`), ward: lsoaWard }),
    groupAreas: async (level) => (level === 'lad' ? group('lad', ['E08000011'], ['Knowsley']) : group('ward', wardCodes, ['Page Moss', 'Prescot South', 'Whiston and Cronton', 'Swanside'], [0, 0, 0, 0])),
    file: async <T,>(path: string) => {
      if (path !== namesPaths.authority('E08000011')) throw new Error(`unexpected ${path}`);
      return file as T;
    },
  });
}

// West Northamptonshire 048 (E02005686): 048A–D in West Northamptonshire, 048E (E01027305) put in Cherwell by the best-fit lookup.
function straddling() {
  const codes = ['E01027291', 'E01027292', 'E01027293', 'E01027304', 'E01027305'];
  const ladCodes = ['E06000062', 'E07000177'];
  const files: Record<string, AuthorityNamesFile> = {
    [namesPaths.authority('E06000062')]: {
      lad: 'E06000062',
      msoa: { codes: ['E02005686'], names: ['Middleton Cheney & Chipping Warden'], lsoas: [[0, 1, 2, 3, 4]], bounds: [-1.4, 52, -1.2, 52.1], label: [], population: [8000] },
      places: { lng: [], lat: [] },
      elsewhere: { lsoas: [], lads: [] },
    },
    [namesPaths.authority('E07000177')]: {
      lad: 'E07000177',
      msoa: { codes: [], names: [], lsoas: [], bounds: [], label: [], population: [] },
      places: { lng: [], lat: [] },
      elsewhere: { lsoas: [4], lads: ['E06000062'] },
    },
  };
  const group = (level: 'ward' | 'lad', codes: string[], lad?: number[]): GroupAreaIndex => ({ ...index(level, codes), names: codes, lad, population: [], lsoaCount: [], label: [], bounds: [] });
  return fakeDataClient({
    areas: async () => index('lsoa', codes),
    lsoaDetails: async () => ({ names: codes, ward: [0, 0, 0, 0, 1] }),
    groupAreas: async (level) => (level === 'lad' ? group('lad', ladCodes) : group('ward', ['E05013260', 'E05010929'], [0, 1])),
    file: async <T,>(path: string) => files[path] as T,
  });
}

describe('neighbourhoodOf', () => {
  it("follows an LSOA whose MSOA is in the next authority's file", async () => {
    const { client: fake, calls } = straddling();
    expect(await neighbourhoodOf(fake, 'E01027305')).toEqual({
      code: 'E02005686',
      name: 'Middleton Cheney & Chipping Warden',
      lsoas: ['E01027291', 'E01027292', 'E01027293', 'E01027304', 'E01027305'],
    });
    expect(calls.filter((call) => call.startsWith('file'))).toEqual([`file ${namesPaths.authority('E07000177')}`, `file ${namesPaths.authority('E06000062')}`]);
  });

  it("answers the MSOA, its House of Commons Library name and its LSOAs, from the LSOA's authority's file", async () => {
    const { client: fake, calls } = client();
    expect(await neighbourhoodOf(fake, 'E01006451')).toEqual({
      code: 'E02001338',
      name: 'Huyton Farm',
      lsoas: ['E01006449', 'E01006450', 'E01006451', 'E01006452'],
    });
    expect(await neighbourhoodOf(fake, 'E01006504')).toEqual({
      code: 'E02001339',
      name: 'Whiston South',
      lsoas: ['E01006497', 'E01006500', 'E01006501', 'E01006504', 'E01006505'],
    });
    expect(calls.filter((call) => call.startsWith('file'))).toEqual([`file ${namesPaths.authority('E08000011')}`, `file ${namesPaths.authority('E08000011')}`]);
  });

  it('answers null for an LSOA the data do not have, or one its authority file does not place', async () => {
    expect(await neighbourhoodOf(client().client, 'E01999999')).toBeNull();
    expect(await neighbourhoodOf(client().client, 'E08000011')).toBeNull();
    const partial = { ...knowsley, msoa: { ...knowsley.msoa, lsoas: [[0, 1, 2, 3], [4, 5, 6, 7]] } };
    expect(await neighbourhoodOf(client(partial).client, 'E01006505')).toBeNull();
  });

  it('refuses a file whose MSOA lists an LSOA the area files do not have', async () => {
    const broken = { ...knowsley, msoa: { ...knowsley.msoa, lsoas: [[0, 1, 2, 3, 42], [4, 5, 6, 7, 8]] } };
    await expect(neighbourhoodOf(client(broken).client, 'E01006449')).rejects.toThrow(/LSOA 42/);
  });
});
