/**
 * Warm spaces (scripts/pipeline/services/warmSpaces.ts): each record credits
 * its directory (title, URL and date checked from sources.json); English ones
 * only (postcode in the table, else own point within 1 km of an English
 * postcode); OSM hours kept when the opening_hours library takes them, the
 * published text kept always; exact repeats merged; HTML made plain.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Geocoder } from '../../../scripts/pipeline/services/geocode.ts';
import { parseWarmDirectories, readWarmSpaces } from '../../../scripts/pipeline/services/warmSpaces.ts';
import { expectInputError } from '../helpers.ts';
import { inputFile, postcodeTable, POSTCODES } from './fixtures.ts';

const geocoder = new Geocoder(postcodeTable());
const SPACES = 'services/warm_spaces_openinnovations.geojson';
const DIRECTORIES = 'services/warm_spaces_sources.json';
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const point = (lng: number, lat: number, properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
const FEATURES = [
  // Its point 945 m from B15 2TU: kept at the point; the hours valid.
  point(-1.93, 52.4685, { _source: 'birmingham_council', title: 'St Paul&#039;s Church', address: 'Belchers Lane<br />Bordesley Green', hours: { _text: '<p>Mondays 10am &ndash; 2pm</p><p>Closed in August</p>', opening: 'Mo 10:00-14:00; PH off' }, url: 'https://example.org/st-pauls' }),
  // The same title at the same point in another directory: merged.
  point(-1.93, 52.4685, { _source: 'warm_welcome', title: 'St Paul&#039;s Church' }),
  // A postcode in the table: placed there, whatever its point says; hours the library warns about kept as text only.
  point(-1.5, 53.0, { _source: 'bradford_council', title: 'Action Point', postcode: 'B15 2TT', hours: { _text: 'Thursday evenings', opening: 'Th 18:00-08:00; Fr 10:00-12:00' } }),
  // Scotland: more than 1 km from every English postcode.
  point(-2.57864, 56.56112, { _source: 'angus_council', title: "Andy's Man Club" }),
  // No title: named by its address.
  point(-1.9, 52.48, { _source: 'warm_welcome', address: 'Arlestone Lane, Sinfin', hours: null }),
  // Neither title nor address.
  point(-1.9, 52.48, { _source: 'warm_welcome', description: 'A warm room' }),
];
const DIRECTORY_FILE = {
  birmingham_council: { checked: '2025-10-07', count: 366, id: 'birmingham_council', title: 'Birmingham City Council', url: 'https://www.birmingham.gov.uk/warmwelcome' },
  warm_welcome: { checked: '2025-12-02', id: 'warm_welcome', title: 'Warm Welcome', url: 'https://www.warmwelcome.uk/' },
  bradford_council: { checked: '2025-10-01', title: 'Bradford Council' },
  angus_council: { checked: '2025-10-01', title: 'Angus Council', url: 'https://www.angus.gov.uk/' },
  unused: { title: 'Unused' },
};

function read(features: unknown[] = FEATURES, directories: unknown = DIRECTORY_FILE) {
  const spaces = inputFile('warm_spaces', SPACES, JSON.stringify({ type: 'FeatureCollection', features }), { gzip: true });
  const dirs = inputFile('warm_spaces_sources', DIRECTORIES, JSON.stringify(directories));
  folders.push(dirname(dirname(spaces.path)), dirname(dirname(dirs.path)));
  return readWarmSpaces({ spaces, directories: dirs }, geocoder);
}

describe('readWarmSpaces', () => {
  it('keeps English spaces, each crediting its directory, with plain text and checked hours', () => {
    const { records, sources } = read();
    expect(records).toEqual([
      {
        type: 'warm_space',
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: "St Paul's Church",
        lng: -1.93,
        lat: 52.4685,
        located: 'source',
        address: 'Belchers Lane; Bordesley Green',
        openingHours: 'Mo 10:00-14:00; PH off',
        hoursText: 'Mondays 10am – 2pm; Closed in August',
        url: 'https://example.org/st-pauls',
        source: 'warm:birmingham_council',
      },
      {
        type: 'warm_space',
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: 'Action Point',
        ...POSTCODES['B15 2TT'],
        located: 'postcode',
        postcode: 'B15 2TT',
        hoursText: 'Thursday evenings',
        source: 'warm:bradford_council',
      },
      {
        type: 'warm_space',
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: 'Arlestone Lane, Sinfin',
        lng: -1.9,
        lat: 52.48,
        located: 'source',
        source: 'warm:warm_welcome',
      },
    ]);
    expect(new Set(records.map((record) => record.id)).size).toBe(3);
    expect(sources).toEqual([
      {
        id: 'warm:birmingham_council',
        title: 'Birmingham City Council',
        publisher: 'Birmingham City Council, gathered by Open Innovations (warm spaces finder)',
        date: '2025-10-07',
        dateNote: 'the date Open Innovations last checked the directory',
        url: 'https://www.birmingham.gov.uk/warmwelcome',
        licence: expect.stringMatching(/^Not stated/),
        attribution: expect.stringMatching(/^Birmingham City Council \(https:\/\/www\.birmingham\.gov\.uk\/warmwelcome\), via Open Innovations warm spaces finder/),
      },
      expect.objectContaining({ id: 'warm:bradford_council', title: 'Bradford Council', date: '2025-10-01' }),
      expect.objectContaining({ id: 'warm:warm_welcome', title: 'Warm Welcome', date: '2025-12-02' }),
    ]);
    expect(sources[1].url).toBeUndefined();
  });

  it('gives the same space the same id in every build', () => {
    expect(read().records.map((record) => record.id)).toEqual(read().records.map((record) => record.id));
  });

  it('counts what it left out, merged or could not read as hours', () => {
    const { tallies, listed, notes } = read();
    expect(tallies[0].record()).toEqual({
      type: 'warm_space',
      source: 'warm_spaces',
      file: `${SPACES}.gz`,
      read: 6,
      kept: 3,
      placed: 3,
      failed: 0,
      failedExamples: [],
      excluded: {
        'the same title at the same point as a record before it (merged)': 1,
        'outside England (its point more than 1 km from every English postcode)': 1,
        'no title and no address': 1,
      },
    });
    expect(listed[0].examples).toEqual(['Action Point "Th 18:00-08:00; Fr 10:00-12:00": This rule overwrites parts of the previous rule']);
    expect(listed[1].examples).toEqual(['Arlestone Lane, Sinfin']);
    expect(notes).toEqual(['warm spaces: 3 directories credited; opening hours of 1 in OSM syntax, 1 refused by the opening_hours library (their published text kept)']);
  });

  it('stops when a record names a directory the sources file lacks, or one has no date checked', () => {
    expectInputError(() => read(FEATURES, { ...DIRECTORY_FILE, bradford_council: undefined }), {
      file: DIRECTORIES,
      message: ['has no directory "bradford_council", which records of the warm spaces file name as their _source'],
    });
    expectInputError(() => parseWarmDirectories({ a: { title: 'A', checked: '1 Oct 2025' } }, DIRECTORIES, new Set(['a'])), {
      file: DIRECTORIES,
      column: 'a.checked',
      message: ['directory "a" has no date checked as YYYY-MM-DD ("1 Oct 2025")'],
    });
  });

  it('stops on a feature that is not a point or names no directory, or a file that is not GeoJSON', () => {
    expectInputError(() => read([...FEATURES, { type: 'Feature', geometry: null, properties: { _source: 'warm_welcome', title: 'Nowhere' } }]), {
      file: `${SPACES}.gz`,
      column: 'geometry',
      message: ['feature 7 (Nowhere) is not a point with longitude and latitude'],
    });
    expectInputError(() => read([point(-1.9, 52.48, { title: 'Orphan' })]), { file: `${SPACES}.gz`, column: '_source', message: ['feature 1 names no directory in _source'] });
    expectInputError(() => read({ features: [] } as never), { file: `${SPACES}.gz`, message: ['is not a GeoJSON FeatureCollection'] });
  });
});
