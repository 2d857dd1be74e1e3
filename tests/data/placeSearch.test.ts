/**
 * The place-name search on rows cut by hand from the real files: OS Open
 * Names populated places and House of Commons Library MSOA names (in their
 * 2024 authorities), beside authorities and wards of the lookup.
 */
import { describe, expect, it } from 'vitest';
import type { AreaIndex } from '../../src/data/client.ts';
import { frontEncode, namesPaths, PLACE_KINDS, type AuthorityNamesFile, type PlaceIndexFile, type PlaceKind } from '../../src/data/namesSchema.ts';
import { decodePlaceIndex, placeTarget, searchNames, type Suggestion } from '../../src/data/placeSearch.ts';
import { searchEntry } from '../../src/data/search.ts';
import { fakeDataClient } from './fakeClient.ts';

const LADS = [
  { code: 'E06000046', name: 'Isle of Wight' },
  { code: 'E06000047', name: 'County Durham' },
  { code: 'E06000065', name: 'North Yorkshire' },
  { code: 'E07000062', name: 'Hastings' },
  { code: 'E07000142', name: 'West Lindsey' },
  { code: 'E07000170', name: 'Ashfield' },
  { code: 'E08000011', name: 'Knowsley' },
  { code: 'E08000013', name: 'St. Helens' },
  { code: 'E08000036', name: 'Wakefield' },
];

/** Each authority's names, sorted as the pipeline sorts them (name, then kind). */
const PLACES: Record<string, [string, PlaceKind][]> = {
  E06000046: [['St Helens', 'village']],
  E06000047: [
    ['Saint Helen Auckland & West Auckland', 'neighbourhood'],
    ['St Helen Auckland', 'suburb'],
  ],
  E06000065: [['Kirkby', 'village']],
  E07000062: [
    ['Conquest & St Helens', 'neighbourhood'],
    ["St Helen's", 'suburb'],
    ["St Helen's Wood", 'suburb'],
  ],
  E07000142: [['Kirkby', 'village']],
  E07000170: [
    ['East Kirkby', 'neighbourhood'],
    ['Kirkby Central', 'neighbourhood'],
  ],
  E08000011: [
    ['Huyton', 'suburb'],
    ['Huyton East', 'neighbourhood'],
    ['Huyton Farm', 'suburb'],
    ['Huyton Farm', 'neighbourhood'],
    ['Huyton Park', 'suburb'],
    ['Huyton West & Roby', 'neighbourhood'],
    ['Huyton with Roby', 'other'],
    ['Kirkby', 'town'],
    ['Kirkby South East', 'neighbourhood'],
  ],
  E08000013: [['St Helens', 'town']],
  E08000036: [['South Kirkby', 'town']],
};

const FILE: PlaceIndexFile = {
  names: LADS.map((lad) => frontEncode((PLACES[lad.code] ?? []).map(([name]) => name))),
  kinds: LADS.map((lad) => (PLACES[lad.code] ?? []).map(([, kind]) => PLACE_KINDS.indexOf(kind)).join('')),
  omitted: ['hamlet'],
};

const AREAS = [
  ...LADS.map((lad) => searchEntry(lad.code, lad.name, 'lad', '')),
  // Wards of the lookup (WD24).
  searchEntry('E05015344', 'St Helens Town Centre', 'ward', 'St. Helens'),
  searchEntry('E05010942', 'Roby', 'ward', 'Knowsley'),
  searchEntry('E05014112', 'Kirkby Cross & Portland', 'ward', 'Ashfield'),
];

const index = decodePlaceIndex(FILE, { codes: LADS.map((lad) => lad.code), names: LADS.map((lad) => lad.name) });
const describe_ = (suggestion: Suggestion) =>
  suggestion.type === 'area' ? `${suggestion.area.name} (${suggestion.area.level}, ${suggestion.area.parent})` : `${suggestion.place.name} (${suggestion.place.kind}, ${suggestion.authority})`;
const search = (text: string, limit = 10) => searchNames(AREAS, index, text, limit).map(describe_);

describe('searchNames', () => {
  it('lists Knowsley\'s Huyton places first for "Huyton": the whole name, then names that begin with it, bigger places first', () => {
    expect(search('Huyton')).toEqual([
      'Huyton (suburb, Knowsley)',
      'Huyton East (neighbourhood, Knowsley)',
      'Huyton Farm (suburb, Knowsley)',
      'Huyton Farm (neighbourhood, Knowsley)',
      'Huyton Park (suburb, Knowsley)',
      'Huyton West & Roby (neighbourhood, Knowsley)',
      'Huyton with Roby (other, Knowsley)',
    ]);
  });

  it('tells apart places of the same name by kind and authority: the town before the villages', () => {
    expect(search('kirkby')).toEqual([
      'Kirkby (town, Knowsley)',
      'Kirkby (village, North Yorkshire)',
      'Kirkby (village, West Lindsey)',
      'Kirkby Cross & Portland (ward, Ashfield)',
      'Kirkby Central (neighbourhood, Ashfield)',
      'Kirkby South East (neighbourhood, Knowsley)',
      'South Kirkby (town, Wakefield)',
      'East Kirkby (neighbourhood, Ashfield)',
    ]);
  });

  it('reads "Saint" as "St", ignores case, full stops and apostrophes, and puts the authority first among equal matches', () => {
    const expected = [
      'St. Helens (lad, )',
      'St Helens (town, St. Helens)',
      "St Helen's (suburb, Hastings)",
      'St Helens (village, Isle of Wight)',
      'St Helens Town Centre (ward, St. Helens)',
      "St Helen's Wood (suburb, Hastings)",
      'Conquest & St Helens (neighbourhood, Hastings)',
    ];
    expect(search('St Helens')).toEqual(expected);
    expect(search('saint helens')).toEqual(expected);
    expect(search('ST. HELENS')).toEqual(expected);
    expect(search('saint helen')).toContain('St Helen Auckland (suburb, County Durham)');
    expect(search('Saint Helen Auckland')).toEqual(['St Helen Auckland (suburb, County Durham)', 'Saint Helen Auckland & West Auckland (neighbourhood, County Durham)']);
  });

  it('reads "and" as "&" and hyphens as spaces', () => {
    expect(search('huyton west and roby')).toEqual(['Huyton West & Roby (neighbourhood, Knowsley)']);
    expect(search('Huyton-with-Roby')).toEqual(['Huyton with Roby (other, Knowsley)']);
  });

  it('keeps the best `limit`, in order, however many match', () => {
    expect(search('Huyton', 3)).toEqual(search('Huyton').slice(0, 3));
    expect(search('ky', 4)).toEqual(search('ky', 100).slice(0, 4));
  });

  it('still finds areas by code, and nothing for one letter', () => {
    expect(search('E08000011')).toEqual(['Knowsley (lad, )']);
    expect(search('k')).toEqual([]);
  });

  it('searches the areas alone without a place index', () => {
    expect(searchNames(AREAS, null, 'Roby').map(describe_)).toEqual(['Roby (ward, Knowsley)']);
  });
});

describe('decodePlaceIndex', () => {
  it("numbers each authority's places (for its file's positions) and its neighbourhoods of one name", () => {
    const knowsley = index.entries.filter((entry) => entry.lad === 6);
    expect(knowsley.map((entry) => `${entry.name} ${entry.kind} ${entry.ordinal}`)).toEqual([
      'Huyton suburb 0',
      'Huyton East neighbourhood 0',
      'Huyton Farm suburb 1',
      'Huyton Farm neighbourhood 0',
      'Huyton Park suburb 2',
      'Huyton West & Roby neighbourhood 0',
      'Huyton with Roby other 3',
      'Kirkby town 4',
      'Kirkby South East neighbourhood 0',
    ]);
  });

  it('refuses an index of another build (other authorities) or with a bad kind', () => {
    expect(() => decodePlaceIndex(FILE, { codes: ['E08000011'], names: ['Knowsley'] })).toThrow(/different builds/);
    expect(() => decodePlaceIndex({ ...FILE, kinds: FILE.kinds.map((kinds) => kinds.replace(/\d/, '9')) }, { codes: LADS.map((l) => l.code), names: LADS.map((l) => l.name) })).toThrow(/unknown kind "9"/);
  });
});

describe('placeTarget', () => {
  // Knowsley's file, cut down: its MSOAs as in the file the pipeline writes; the places' positions from the OS file
  // (Huyton, Huyton Farm, Huyton Park, Huyton with Roby, Kirkby, in the order of the index).
  const knowsley: AuthorityNamesFile = {
    lad: 'E08000011',
    msoa: {
      codes: ['E02001329', 'E02001338', 'E02001341', 'E02001342'],
      names: ['Kirkby South East', 'Huyton Farm', 'Huyton East', 'Huyton West & Roby'],
      lsoas: [[0], [1, 2], [3], [4]],
      bounds: [0, 0, 1, 1, -2.88, 53.41, -2.85, 53.43, 0, 0, 1, 1, 0, 0, 1, 1],
      label: [],
      population: [1, 2, 3, 4],
    },
    places: { lng: [-2.83634, -2.86539, -2.83451, -2.84056, -2.89188], lat: [53.41506, 53.41791, 53.40921, 53.41248, 53.48219] },
    elsewhere: { lsoas: [], lads: [] },
  };
  const lsoas = ['E01006437', 'E01006449', 'E01006450', 'E01006481', 'E01006474'];
  const { client, calls } = fakeDataClient({
    file: async <T,>(path: string) => {
      if (path !== namesPaths.authority('E08000011')) throw new Error(`unexpected ${path}`);
      return knowsley as T;
    },
    areas: async (): Promise<AreaIndex> => ({ level: 'lsoa', codes: lsoas, indexOf: new Map(lsoas.map((code, i) => [code, i])) }),
  });
  const entry = (name: string, kind: PlaceKind) => index.entries.find((e) => e.name === name && e.kind === kind)!;

  it("flies to a place's point at its kind's zoom", async () => {
    expect(await placeTarget(client, index, entry('Kirkby', 'town'))).toEqual({ type: 'point', lng: -2.89188, lat: 53.48219, zoom: 12.5 });
    expect(await placeTarget(client, index, entry('Huyton Farm', 'suburb'))).toEqual({ type: 'point', lng: -2.86539, lat: 53.41791, zoom: 13.5 });
    expect(calls).toContain(`file ${namesPaths.authority('E08000011')}`);
  });

  it("gives a neighbourhood's LSOAs and bounds", async () => {
    expect(await placeTarget(client, index, entry('Huyton Farm', 'neighbourhood'))).toEqual({
      type: 'neighbourhood',
      neighbourhood: { code: 'E02001338', name: 'Huyton Farm', lsoas: ['E01006449', 'E01006450'] },
      bounds: [-2.88, 53.41, -2.85, 53.43],
    });
  });
});
