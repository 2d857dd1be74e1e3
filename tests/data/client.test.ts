/**
 * The data client against a fake fetch: request sharing and caching,
 * decoding of the files, and errors.
 */
import { describe, expect, it } from 'vitest';
import { boundsAt, createDataClient, DataError } from '../../src/data/client.ts';

const BASE = 'https://example.org/site/data/';

/**
 * A fetch over files held in memory (by path below BASE). `failures` makes
 * the next requests for a path fail: a number is an HTTP status, 'network'
 * a rejected fetch. Every request is logged, and answers are delayed a tick
 * so that concurrent calls really overlap.
 */
function fakeFetch(files: Record<string, unknown>) {
  const requests: string[] = [];
  const failures = new Map<string, (number | 'network')[]>();
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const path = url.startsWith(BASE) ? url.slice(BASE.length) : url;
    const failure = failures.get(path)?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure !== undefined) return new Response('error', { status: failure });
    if (!(path in files)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(files[path]), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  const count = (path: string) => requests.filter((url) => url === BASE + path).length;
  const fail = (path: string, ...how: (number | 'network')[]) => failures.set(path, how);
  return { fetchImpl, requests, count, fail };
}

const FILES = {
  'manifest.json': { formatVersion: 3, buildId: 'abc' },
  // E01000001, E01000002, E01000004
  'areas/lsoa.json': { codes: { prefix: 'E', width: 8, deltas: [1000001, 1, 2] } },
  // E06000001, E09000001
  'areas/lad.json': {
    codes: { prefix: 'E', width: 8, deltas: [6000001, 3000000] },
    names: ['Hartlepool', 'City of London'],
    population: [92000, 8600],
    lsoaCount: [58, 6],
    label: [-1.2, 54.7, -0.09, 51.51],
    bounds: [-1.3, 54.6, -1.1, 54.8, -0.12, 51.5, -0.07, 51.53],
  },
  // E05000001, E05000002, E05000010
  'areas/ward.json': {
    codes: { prefix: 'E', width: 8, deltas: [5000001, 1, 8] },
    names: ['Ward A', 'Ward B', 'Ward C'],
    lad: [0, 0, 1],
    population: [1, 2, 3],
    lsoaCount: [1, 1, 1],
    label: [0, 0, 1, 1, 2, 2],
    bounds: [0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3],
  },
  'areas/lsoa-details.json': { names: ['A 001', 'A 002', 'B 001'], ward: [0, 1, 2] },
  'areas/lsoa-bounds.json': { bounds: [-1, 50, -0.5, 50.5, 0, 51, 0.5, 51.5, 1, 52, 1.5, 52.5] },
  // Format v3: one row per release, oldest first; class 0 = no comparable value.
  'classes/imd/lsoa/score.json': { releases: ['2019', '2025'], class: ['037', '1a5'] },
  'classes/ethnic_diversity/ward/simpson.json': {
    releases: ['2021'],
    class: ['153'],
    breaks: [[0.01, 0.1, 0.2, 0.3, 0.45, 0.78]],
  },
  'values/imd/lsoa.json': {
    releases: ['2019', '2025'],
    measures: { score: { value: [[null, 12.5, 30.1], [50.5, 2.25, 20]], rank: [[null, 3, 1], [1, 3, 2]] } },
  },
  'values/income/lad.json': { releases: ['2025'], measures: { extent: { value: [[0.1, 0.2]], rank: [[2, 1]] } } },
  'profiles/E06000001.json': { lad: { code: 'E06000001' } },
};

describe('createDataClient: paths and caching', () => {
  it('adds a missing slash to the base URL and fetches below it', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient('https://example.org/site/data', fake.fetchImpl);
    expect(client.baseUrl).toBe(BASE);
    expect(client.url('tiles/lsoa.pmtiles')).toBe(`${BASE}tiles/lsoa.pmtiles`);
    expect(await client.manifest()).toEqual({ formatVersion: 3, buildId: 'abc' });
    expect(fake.requests).toEqual([`${BASE}manifest.json`]);
  });

  it('keeps a base URL that already ends in a slash', () => {
    expect(createDataClient(BASE, fakeFetch(FILES).fetchImpl).baseUrl).toBe(BASE);
    expect(createDataClient('data/', fakeFetch(FILES).fetchImpl).url('manifest.json')).toBe('data/manifest.json');
  });

  it('makes one request per file, even for concurrent calls', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const [a, b, c] = await Promise.all([client.manifest(), client.manifest(), client.manifest()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await client.manifest()).toBe(a);
    expect(fake.count('manifest.json')).toBe(1);
  });

  it('shares one request between the decoded index and other users of the same file', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const [wards, sameWards, viaAreas] = await Promise.all([client.groupAreas('ward'), client.groupAreas('ward'), client.areas('ward')]);
    expect(sameWards).toBe(wards);
    expect(viaAreas).toBe(wards);
    expect(fake.count('areas/ward.json')).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps separate clients separate', async () => {
    const fake = fakeFetch(FILES);
    await createDataClient(BASE, fake.fetchImpl).manifest();
    await createDataClient(BASE, fake.fetchImpl).manifest();
    expect(fake.count('manifest.json')).toBe(2);
  });
});

describe('createDataClient: decoding', () => {
  it('decodes LSOA codes and indexes them', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const [lsoas, again] = await Promise.all([client.areas('lsoa'), client.areas('lsoa')]);
    expect(again).toBe(lsoas);
    expect(lsoas.level).toBe('lsoa');
    expect(lsoas.codes).toEqual(['E01000001', 'E01000002', 'E01000004']);
    expect([...lsoas.indexOf]).toEqual([
      ['E01000001', 0],
      ['E01000002', 1],
      ['E01000004', 2],
    ]);
    expect(lsoas.indexOf.get('E01000003')).toBeUndefined();
    expect(fake.count('areas/lsoa.json')).toBe(1);
  });

  it('decodes authority and ward files, keeping their other columns', async () => {
    const client = createDataClient(BASE, fakeFetch(FILES).fetchImpl);
    const lads = await client.groupAreas('lad');
    expect(lads.level).toBe('lad');
    expect(lads.codes).toEqual(['E06000001', 'E09000001']);
    expect(lads.indexOf.get('E09000001')).toBe(1);
    expect(lads.names).toEqual(['Hartlepool', 'City of London']);
    expect(lads.population).toEqual([92000, 8600]);
    expect(lads.lsoaCount).toEqual([58, 6]);
    expect(boundsAt(lads.bounds, 1)).toEqual([-0.12, 51.5, -0.07, 51.53]);

    const wards = await client.groupAreas('ward');
    expect(wards.codes).toEqual(['E05000001', 'E05000002', 'E05000010']);
    expect(wards.indexOf.get('E05000010')).toBe(2);
    expect(wards.lad).toEqual([0, 0, 1]);
  });

  it('returns LSOA details and bounds as stored', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    expect(await client.lsoaDetails()).toEqual({ names: ['A 001', 'A 002', 'B 001'], ward: [0, 1, 2] });
    const bounds = await client.lsoaBounds();
    expect(boundsAt(bounds, 2)).toEqual([1, 52, 1.5, 52.5]);
    expect(await client.lsoaBounds()).toBe(bounds);
    expect(fake.count('areas/lsoa-bounds.json')).toBe(1);
  });

  it('decodes a class file: its releases, one byte array per release, and no breaks for deciles', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const classes = await client.classes('classes/imd/lsoa/score.json');
    expect(classes.releases).toEqual(['2019', '2025']);
    expect(classes.classes).toHaveLength(2);
    for (const row of classes.classes) expect(row).toBeInstanceOf(Uint8Array);
    expect(Array.from(classes.classes[0])).toEqual([0, 3, 7]);
    expect(Array.from(classes.classes[1])).toEqual([1, 10, 5]);
    // One entry per release, so `breaks[releaseIndex]` is always safe to read.
    expect(classes.breaks).toEqual([null, null]);
  });

  it('keeps the breaks of a quantile class file, per release', async () => {
    const client = createDataClient(BASE, fakeFetch(FILES).fetchImpl);
    const classes = await client.classes('classes/ethnic_diversity/ward/simpson.json');
    expect(classes.releases).toEqual(['2021']);
    expect(classes.classes.map((row) => Array.from(row))).toEqual([[1, 5, 3]]);
    expect(classes.breaks).toEqual([[0.01, 0.1, 0.2, 0.3, 0.45, 0.78]]);
  });

  it('decodes each class file once, for concurrent and later calls, and fetches nothing else', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const [a, b] = await Promise.all([client.classes('classes/imd/lsoa/score.json'), client.classes('classes/imd/lsoa/score.json')]);
    expect(b).toBe(a);
    expect(await client.classes('classes/imd/lsoa/score.json')).toBe(a);
    expect(fake.requests).toEqual([`${BASE}classes/imd/lsoa/score.json`]);
    // Another path is another file.
    await client.classes('classes/ethnic_diversity/ward/simpson.json');
    expect(fake.count('classes/ethnic_diversity/ward/simpson.json')).toBe(1);
  });

  it('reads value files and profiles from their paths, as stored', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    const values = await client.values('values/imd/lsoa.json');
    expect(values).toEqual(FILES['values/imd/lsoa.json']);
    expect(values.measures.score.value[0][0]).toBeNull();
    expect(await client.values('values/imd/lsoa.json')).toBe(values);
    expect(await client.values('values/income/lad.json')).toEqual(FILES['values/income/lad.json']);
    expect(await client.profile('E06000001')).toEqual({ lad: { code: 'E06000001' } });
    expect(fake.requests).toEqual([`${BASE}values/imd/lsoa.json`, `${BASE}values/income/lad.json`, `${BASE}profiles/E06000001.json`]);
  });

  it('shares one request between the class and value files and their other readers', async () => {
    const fake = fakeFetch(FILES);
    const client = createDataClient(BASE, fake.fetchImpl);
    // Tooltip, legend, table and map ask for the same files at once.
    await Promise.all([
      client.values('values/imd/lsoa.json'),
      client.values('values/imd/lsoa.json'),
      client.classes('classes/imd/lsoa/score.json'),
      client.classes('classes/imd/lsoa/score.json'),
    ]);
    expect(fake.count('values/imd/lsoa.json')).toBe(1);
    expect(fake.count('classes/imd/lsoa/score.json')).toBe(1);
  });
});

describe('createDataClient: errors', () => {
  it('turns an HTTP error into a DataError with the status and path', async () => {
    const client = createDataClient(BASE, fakeFetch(FILES).fetchImpl);
    const error = await client.profile('E06000099').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DataError', status: 404, path: 'profiles/E06000099.json' });
    expect((error as DataError).message).toBe('Could not load profiles/E06000099.json (HTTP 404)');
  });

  it('turns a network failure into a DataError without a status', async () => {
    const fake = fakeFetch(FILES);
    fake.fail('manifest.json', 'network');
    const error = await createDataClient(BASE, fake.fetchImpl).manifest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ status: undefined, path: 'manifest.json' });
    expect((error as DataError).message).toContain('manifest.json');
    expect((error as DataError).message).toContain('Failed to fetch');
  });

  it('does not cache a failure: the next call asks again', async () => {
    const fake = fakeFetch(FILES);
    fake.fail('values/imd/lsoa.json', 503);
    const client = createDataClient(BASE, fake.fetchImpl);
    await expect(client.values('values/imd/lsoa.json')).rejects.toMatchObject({ status: 503, path: 'values/imd/lsoa.json' });
    expect(await client.values('values/imd/lsoa.json')).toEqual(FILES['values/imd/lsoa.json']);
    expect(fake.count('values/imd/lsoa.json')).toBe(2);
    // …and the success is cached.
    await client.values('values/imd/lsoa.json');
    expect(fake.count('values/imd/lsoa.json')).toBe(2);
  });

  it('fails every concurrent caller of a failed request, then retries once', async () => {
    const fake = fakeFetch(FILES);
    fake.fail('areas/lsoa.json', 'network');
    const client = createDataClient(BASE, fake.fetchImpl);
    const results = await Promise.allSettled([client.areas('lsoa'), client.areas('lsoa')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(fake.count('areas/lsoa.json')).toBe(1);
    // Neither the file nor the decoded index keeps the failure.
    const lsoas = await client.areas('lsoa');
    expect(lsoas.codes).toEqual(['E01000001', 'E01000002', 'E01000004']);
    expect(fake.count('areas/lsoa.json')).toBe(2);
  });

  it('does not cache a failed decoded file either (classes), however often it fails', async () => {
    const fake = fakeFetch(FILES);
    fake.fail('classes/imd/lsoa/score.json', 500, 'network');
    const client = createDataClient(BASE, fake.fetchImpl);
    const first = await client.classes('classes/imd/lsoa/score.json').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DataError);
    expect((first as DataError).message).toBe('Could not load classes/imd/lsoa/score.json (HTTP 500)');
    const second = await client.classes('classes/imd/lsoa/score.json').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DataError);
    expect((second as DataError).status).toBeUndefined();
    const classes = await client.classes('classes/imd/lsoa/score.json');
    expect(Array.from(classes.classes[1])).toEqual([1, 10, 5]);
    expect(fake.count('classes/imd/lsoa/score.json')).toBe(3);
  });
});

describe('boundsAt', () => {
  it('reads the four numbers of one area from the flat list', () => {
    const flat = [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23];
    expect(boundsAt(flat, 0)).toEqual([0, 1, 2, 3]);
    expect(boundsAt(flat, 1)).toEqual([10, 11, 12, 13]);
    expect(boundsAt(flat, 2)).toEqual([20, 21, 22, 23]);
  });
});

describe('createDataClient: a reply that is not JSON', () => {
  it('is a DataError naming the file (a host that answers with index.html)', async () => {
    const client = createDataClient('data/', async () => new Response('<!doctype html><p>app</p>', { status: 200 }));
    const error = await client.manifest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).path).toBe('manifest.json');
    expect((error as Error).message).toContain('manifest.json is not valid JSON');
  });
});
