/**
 * The place "near me" is about: a postcode through the postcode index, a
 * point through its nearest English postcode, fetching only the outward
 * files whose bounds can hold it. Distances in the fixture are laid out
 * along a meridian, where the great-circle distance is R·Δφ exactly.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/client.ts';
import { MAX_POSTCODE_METRES, metresToBox, nearestPostcode, resolvePlace } from '../../src/data/placeLookup.ts';
import type { PostcodeFile, PostcodeIndexFile } from '../../src/data/postcodeSchema.ts';
import type { Manifest } from '../../src/data/schema.ts';
import { fakeDataClient } from './fakeClient.ts';

/** Metres along a meridian per degree of latitude, on the sphere of radius 6371.0088 km. */
const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180;
const north = (lat: number, metres: number) => lat + metres / METRES_PER_DEGREE;

/** A postcode file as the pipeline writes it: inward codes concatenated, coordinates delta-encoded in 0.00001°. */
function postcodeFile(outward: string, postcodes: [inward: string, lng: number, lat: number, lsoa: number][]): PostcodeFile {
  const sorted = [...postcodes].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const deltas = (values: number[]) => values.map((value, i) => Math.round(value * 1e5) - (i === 0 ? 0 : Math.round(values[i - 1] * 1e5)));
  return {
    outward,
    inward: sorted.map((p) => p[0]).join(''),
    lng: deltas(sorted.map((p) => p[1])),
    lat: deltas(sorted.map((p) => p[2])),
    lsoa: sorted.map((p) => p[3]),
  };
}

const LNG = -1.9;
const LAT = 52.45;
// Rounded to 5 decimals as the files keep them.
const at = (metres: number) => Number(north(LAT, metres).toFixed(5));

// B15 holds the postcodes just north of the point, B16 those further north, B5 one far south; LSOAs by index.
const B15 = postcodeFile('B15', [
  ['2TT', LNG, at(300), 1],
  ['2TU', LNG, at(450), 0],
]);
const B16 = postcodeFile('B16', [
  ['8AA', LNG, at(1200), 2],
  ['8AB', LNG, at(1250), 2],
]);
const B5 = postcodeFile('B5', [['4AA', LNG, at(-250), 0]]);
const bounds = (file: PostcodeFile) => {
  let lng = 0;
  let lat = 0;
  const points = file.lng.map((d, i) => {
    lng += d;
    lat += file.lat[i];
    return [lng / 1e5, lat / 1e5];
  });
  return [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
};
const FILES: Record<string, PostcodeFile> = { 'postcodes/B15.json': B15, 'postcodes/B16.json': B16, 'postcodes/B5.json': B5 };
const INDEX: PostcodeIndexFile = {
  outward: ['B15', 'B16', 'B5'],
  count: [2, 2, 1],
  bounds: [...bounds(B15), ...bounds(B16), ...bounds(B5)],
  sectors: {},
  total: 5,
};
const LSOAS = ['E01000001', 'E01034937', 'E01009999'];
const MANIFEST = { files: { 'postcodes/index.json': 93_000 } } as unknown as Manifest;

function client(files: Record<string, unknown> = { ...FILES, 'postcodes/index.json': INDEX }) {
  return fakeDataClient({
    file: async <T,>(path: string) => {
      if (files[path]) return files[path] as T;
      throw new DataError(path, 404, `Could not load ${path} (HTTP 404)`);
    },
    areas: async () => ({ level: 'lsoa' as const, codes: LSOAS, indexOf: new Map(LSOAS.map((code, i) => [code, i])) }),
  });
}

describe('metresToBox', () => {
  it('is 0 inside the box and never more than the true distance outside it', () => {
    expect(metresToBox(-1.9, 52.45, -2, 52, -1, 53)).toBe(0);
    // 1 km south of a box whose south edge is on the same meridian.
    const d = metresToBox(LNG, LAT, LNG - 0.01, north(LAT, 1000), LNG + 0.01, north(LAT, 2000));
    expect(d).toBeLessThanOrEqual(1000);
    expect(d).toBeGreaterThan(960);
  });
});

describe('resolvePlace: a postcode', () => {
  it('is the postcode’s point and LSOA', async () => {
    const { client: c } = client();
    const result = await resolvePlace(c, MANIFEST, { kind: 'postcode', postcode: 'B152TT' });
    expect(result).toEqual({
      kind: 'found',
      from: 'postcode',
      place: { lng: LNG, lat: at(300), postcode: { outward: 'B15', inward: '2TT', text: 'B15 2TT', mended: false }, postcodeMetres: 0, lsoa: 'E01034937', lsoaIndex: 1 },
    });
  });

  it('says when a postcode is Welsh, Scottish or unknown, and when the build has no postcodes', async () => {
    const { client: c, calls } = client();
    expect(await resolvePlace(c, MANIFEST, { kind: 'postcode', postcode: 'CF101AA' })).toMatchObject({ kind: 'outsideEngland', nation: 'wales', postcode: { text: 'CF10 1AA' } });
    expect(await resolvePlace(c, MANIFEST, { kind: 'postcode', postcode: 'EH11YZ' })).toMatchObject({ kind: 'outsideEngland', nation: 'scotland' });
    expect(calls).toEqual([]);
    expect(await resolvePlace(c, MANIFEST, { kind: 'postcode', postcode: 'B159ZZ' })).toMatchObject({ kind: 'unknown', border: false });
    expect(await resolvePlace(c, { files: {} } as unknown as Manifest, { kind: 'postcode', postcode: 'B152TT' })).toEqual({ kind: 'notBuilt' });
  });
});

describe('resolvePlace: a point', () => {
  it('takes the LSOA of the nearest postcode, and says how far it is', async () => {
    const { client: c } = client();
    const result = await resolvePlace(c, MANIFEST, { kind: 'point', lng: LNG, lat: LAT });
    // B5 4AA is 250 m south, nearer than B15 2TT 300 m north.
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.from).toBe('point');
    expect(result.place.postcode.text).toBe('B5 4AA');
    expect(result.place.lsoa).toBe('E01000001');
    expect(result.place.postcodeMetres).toBeCloseTo((LAT - at(-250)) * METRES_PER_DEGREE, 6);
    // The place stays the point: distances to services are measured from where the person is.
    expect([result.place.lng, result.place.lat]).toEqual([LNG, LAT]);
  });

  it('fetches only the outward files whose bounds can hold a nearer postcode', async () => {
    const { client: c, calls } = client();
    // 100 m north of B15 2TU: B15 holds the nearest (2TU, 100 m); B16 starts 650 m further north and is not fetched.
    const nearest = await nearestPostcode(c, LNG, at(550));
    expect(nearest?.postcode.text).toBe('B15 2TU');
    expect(nearest!.metres).toBeCloseTo((at(550) - at(450)) * METRES_PER_DEGREE, 6);
    expect(calls.filter((call) => call.startsWith('file postcodes/B'))).toEqual(['file postcodes/B15.json']);
  });

  it('looks further while a nearer postcode may be in another outward code, and no further', async () => {
    const { client: c, calls } = client();
    // 370 m south of B16 8AA and 380 m north of B15 2TU: B16's box is nearer and holds the answer, but B15's box
    // (at least about 356 m away) might hold a nearer one, so both files are read.
    const nearest = await nearestPostcode(c, LNG, at(830));
    expect(nearest?.postcode.text).toBe('B16 8AA');
    expect(calls.filter((call) => call.startsWith('file postcodes/B')).sort()).toEqual(['file postcodes/B15.json', 'file postcodes/B16.json']);
    // 200 m south of B16 8AA: B15's box is over 500 m away, so B16 alone is read.
    const { client: c2, calls: calls2 } = client();
    expect((await nearestPostcode(c2, LNG, at(1000)))?.postcode.text).toBe('B16 8AA');
    expect(calls2.filter((call) => call.startsWith('file postcodes/B'))).toEqual(['file postcodes/B16.json']);
  });

  it('matches brute force over every postcode, for points all around', async () => {
    const { client: c } = client();
    const all = Object.values(FILES).flatMap((file) => {
      const [w] = bounds(file);
      let lat = 0;
      return file.lat.map((d, i) => {
        lat += d;
        return { text: `${file.outward} ${file.inward.slice(3 * i, 3 * i + 3)}`, lat: lat / 1e5, lng: w };
      });
    });
    for (let metres = -1500; metres <= 3500; metres += 137) {
      const lat = north(LAT, metres);
      const expected = all
        .map((p) => ({ ...p, d: Math.abs(p.lat - lat) * METRES_PER_DEGREE }))
        .filter((p) => p.d <= MAX_POSTCODE_METRES)
        .sort((a, b) => a.d - b.d)[0];
      const found = await nearestPostcode(c, LNG, lat);
      expect(found?.postcode.text ?? null, `${metres} m`).toBe(expected?.text ?? null);
    }
  });

  it('says when no English postcode is within 2 km (outside England, or open country)', async () => {
    const { client: c } = client();
    const far = { kind: 'point' as const, lng: LNG, lat: north(LAT, -2400) };
    expect(await resolvePlace(c, MANIFEST, far)).toEqual({ kind: 'noPostcodeNear', lng: far.lng, lat: far.lat });
    // Cardiff: no outward code's bounds are anywhere near.
    const { client: c2, calls } = client();
    expect((await resolvePlace(c2, MANIFEST, { kind: 'point', lng: -3.18, lat: 51.48 })).kind).toBe('noPostcodeNear');
    expect(calls.filter((call) => call.startsWith('file postcodes/B'))).toEqual([]);
  });

  it('passes on a failed fetch', async () => {
    const { client: c } = fakeDataClient({
      file: async (path: string) => (path === 'postcodes/index.json' ? INDEX : Promise.reject(new DataError(path, 500, 'HTTP 500'))) as never,
      areas: async () => ({ level: 'lsoa' as const, codes: LSOAS, indexOf: new Map() }),
    });
    await expect(resolvePlace(c, MANIFEST, { kind: 'point', lng: LNG, lat: LAT })).rejects.toThrow(/HTTP 500/);
  });
});
