import { describe, expect, it } from 'vitest';
import type { AreaIndex } from '../../src/data/client.ts';
import { encodeCodes } from '../../src/data/codes.ts';
import { encodeIntegerDeltas, namesPaths, type NeighbourhoodsFile } from '../../src/data/namesSchema.ts';
import { neighbourhoodOf } from '../../src/data/neighbourhoodNames.ts';
import { fakeDataClient } from './fakeClient.ts';

// Rows cut from the LSOA lookup (lsoa21_ward24_lad24_england.csv.gz) and MSOA-Names-2.2.csv:
// Knowsley 012A–D (E01006449–52) are in E02001338 "Huyton Farm"; 013A–E (E01006497, 500, 501, 504, 505) in E02001339 "Whiston South".
const lsoaCodes = ['E01006449', 'E01006450', 'E01006451', 'E01006452', 'E01006497', 'E01006500', 'E01006501', 'E01006504', 'E01006505'];
const file: NeighbourhoodsFile = {
  codes: encodeCodes(['E02001338', 'E02001339']),
  names: ['Huyton Farm', 'Whiston South'],
  lad: [0, 0],
  msoaOfLsoa: encodeIntegerDeltas([0, 0, 0, 0, 1, 1, 1, 1, 1]),
};

function client() {
  const areas: AreaIndex = { level: 'lsoa', codes: lsoaCodes, indexOf: new Map(lsoaCodes.map((code, i) => [code, i])) };
  return fakeDataClient({
    areas: async () => areas,
    file: async <T,>(path: string) => {
      if (path !== namesPaths.neighbourhoods) throw new Error(`unexpected ${path}`);
      return file as T;
    },
  });
}

describe('neighbourhoodOf', () => {
  it('answers the MSOA, its House of Commons Library name and its LSOAs', async () => {
    const { client: fake } = client();
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
  });

  it('answers null for an LSOA the data do not have, and fetches the file once', async () => {
    const { client: fake, calls } = client();
    expect(await neighbourhoodOf(fake, 'E01999999')).toBeNull();
    await neighbourhoodOf(fake, 'E01006449');
    expect(calls.filter((call) => call.startsWith('file'))).toEqual([`file ${namesPaths.neighbourhoods}`]);
  });

  it('refuses a file whose LSOAs point at an MSOA it does not list', async () => {
    const broken = { ...file, msoaOfLsoa: encodeIntegerDeltas([0, 0, 0, 0, 1, 1, 1, 1, 2]) };
    const { client: fake } = fakeDataClient({ areas: async () => ({ level: 'lsoa', codes: lsoaCodes, indexOf: new Map() }), file: async <T,>() => broken as T });
    await expect(neighbourhoodOf(fake, 'E01006449')).rejects.toThrow(/MSOA 2/);
  });
});
