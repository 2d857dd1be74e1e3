import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/client.ts';
import { completePostcode, readPartialPostcode } from '../../src/data/postcodeCompletions.ts';
import { postcodePaths, type PostcodeFile } from '../../src/data/postcodeSchema.ts';
import { fakeDataClient } from './fakeClient.ts';

describe('readPartialPostcode', () => {
  it('reads a whole outward code and the start of an inward code, with or without the space', () => {
    expect(readPartialPostcode('b15 2')).toEqual([{ outward: 'B15', inwardStart: '2' }]);
    expect(readPartialPostcode('B15 2T')).toEqual([{ outward: 'B15', inwardStart: '2T' }]);
    expect(readPartialPostcode('B152')).toEqual([{ outward: 'B15', inwardStart: '2' }]);
    expect(readPartialPostcode('sw1a1a')).toEqual([{ outward: 'SW1A', inwardStart: '1A' }]);
    // "M111": M11 and sector 1, or M1 and "11" (not an inward start).
    expect(readPartialPostcode('M111')).toEqual([{ outward: 'M11', inwardStart: '1' }]);
  });

  it('offers nothing while the outward code is being typed, nor for words or whole postcodes', () => {
    for (const text of ['', 'B', 'B15', 'M11', 'B15 ', 'Huyton', 'B15 2TT', 'B15 22', 'B15 2C', 'B 15 2']) expect(readPartialPostcode(text), text).toEqual([]);
  });
});

describe('completePostcode', () => {
  // Rows of OS Code-Point Open (B15 2: Edgbaston), as the pipeline writes them (inward codes only; positions unused here).
  const b15: PostcodeFile = { outward: 'B15', inward: '1AA1AB2AA2AB2AD2AE2BA2TT3AA', lng: [], lat: [], lsoa: [] };
  const cr0: PostcodeFile = { outward: 'CR0', sectors: ['1', '4'], inward: '', lng: [], lat: [], lsoa: [] };
  const cr04: PostcodeFile = { outward: 'CR0', sector: '4', inward: '4AA4AB4BA', lng: [], lat: [], lsoa: [] };
  const files: Record<string, PostcodeFile> = { [postcodePaths.outward('B15')]: b15, [postcodePaths.outward('CR0')]: cr0, [postcodePaths.sector('CR0', '4')]: cr04 };
  const fake = () =>
    fakeDataClient({
      file: async <T,>(path: string) => {
        if (!files[path]) throw new DataError(path, 404, `Could not load ${path} (HTTP 404)`);
        return files[path] as T;
      },
    });

  it("lists the outward file's postcodes that begin as typed, in order, up to the limit", async () => {
    const { client } = fake();
    expect(await completePostcode(client, 'B15 2')).toEqual(['B15 2AA', 'B15 2AB', 'B15 2AD', 'B15 2AE', 'B15 2BA', 'B15 2TT']);
    expect(await completePostcode(client, 'b152a', 3)).toEqual(['B15 2AA', 'B15 2AB', 'B15 2AD']);
    expect(await completePostcode(client, 'B15 2T')).toEqual(['B15 2TT']);
  });

  it("reads a split outward code's sector file, and only that", async () => {
    const { client, calls } = fake();
    expect(await completePostcode(client, 'CR0 4')).toEqual(['CR0 4AA', 'CR0 4AB', 'CR0 4BA']);
    expect(calls).toEqual([`file ${postcodePaths.outward('CR0')}`, `file ${postcodePaths.sector('CR0', '4')}`]);
    expect(await completePostcode(client, 'CR0 9')).toEqual([]);
  });

  it('offers nothing for an outward code the index lacks, or of Scotland, Wales or Northern Ireland (without fetching)', async () => {
    const { client, calls } = fake();
    expect(await completePostcode(client, 'B99 1')).toEqual([]);
    expect(await completePostcode(client, 'EH1 1')).toEqual([]);
    expect(await completePostcode(client, 'CF10 1')).toEqual([]);
    expect(calls).toEqual([`file ${postcodePaths.outward('B99')}`]);
  });
});
