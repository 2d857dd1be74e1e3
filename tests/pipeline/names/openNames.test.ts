import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../scripts/pipeline/csv.ts';
import { inputErrorOf } from '../helpers.ts';
import { parseOpenNames } from '../../../scripts/pipeline/names/openNames.ts';
import { fixtureGeography, OPEN_NAMES_CSV } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'open-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = 'os_open_names_populated_places_england.csv.gz';

async function parse(text: string) {
  const path = join(dir, FILE);
  writeFileSync(path, gzipSync(text));
  const { geography, ladOfLsoa } = fixtureGeography();
  return { geography, names: parseOpenNames(await readCsv(path, FILE), geography, ladOfLsoa, 'the lookup') };
}

const failure = (text: string) => inputErrorOf(() => parse(text));

/** The CSV with one column dropped (by name), as a file without it would be. */
function withoutColumns(text: string, names: string[]): string {
  const lines = text.trimEnd().split('\n');
  const header = lines[0].split(',');
  const drop = names.map((name) => header.indexOf(name));
  return lines.map((line) => line.split(',').filter((_, i) => !drop.includes(i)).join(',')).join('\n') + '\n';
}

describe('parseOpenNames on rows of the shared file', () => {
  it("keeps the places of the lookup's LSOAs with their kind, point and authority (the LSOA's), in file order", async () => {
    const { geography, names } = await parse(OPEN_NAMES_CSV);
    expect(names.places.map((place) => [place.name, place.kind, geography.lad.codes[place.lad], place.lng, place.lat])).toEqual([
      ['Huyton with Roby', 'other', 'E08000011', -2.840562, 53.412477],
      ['Huyton Park', 'suburb', 'E08000011', -2.83451, 53.409212],
      ['Huyton', 'suburb', 'E08000011', -2.836336, 53.415057],
      ['Huyton Farm', 'suburb', 'E08000011', -2.86539, 53.417909],
      ['Kirkby', 'town', 'E08000011', -2.891879, 53.48219],
    ]);
  });

  it('counts and lists the hamlets left out and the places in an LSOA the lookup lacks', async () => {
    const { names } = await parse(OPEN_NAMES_CSV);
    expect(names.omitted).toEqual([{ kind: 'hamlet', count: 1, examples: ['Tarbock Green (osgb4000000074559949, line 3)'] }]);
    expect(names.skippedUnknownLsoa).toEqual(['Market Jew (E01018990, line 8)']);
    expect(names.skippedNoLsoa).toEqual([]);
  });

  it("adds a place's alternative name (NAME2) as a second name of the same point", async () => {
    const kirkbyAlso = OPEN_NAMES_CSV.replace('Kirkby,,,,Town', 'Kirkby,,Kirkby-in-Knowsley,,Town');
    const { names } = await parse(kirkbyAlso);
    expect(names.places.filter((place) => place.id === 'osgb4000000074562131').map((place) => [place.name, place.lng, place.lat])).toEqual([
      ['Kirkby', -2.891879, 53.48219],
      ['Kirkby-in-Knowsley', -2.891879, 53.48219],
    ]);
  });

  it('reprojects GEOMETRY_X and GEOMETRY_Y (British National Grid) when LONG and LAT are absent, to within a metre of the shared file', async () => {
    const { names } = await parse(withoutColumns(OPEN_NAMES_CSV, ['LONG', 'LAT']));
    const huyton = names.places.find((place) => place.name === 'Huyton')!;
    // The shared file's LONG, LAT for Huyton (its README: Helmert OSGB36 → WGS84, as proj4 does here).
    expect(Math.abs(huyton.lng - -2.836336)).toBeLessThan(1e-5);
    expect(Math.abs(huyton.lat - 53.415057)).toBeLessThan(1e-5);
  });

  it('counts places without an LSOA', async () => {
    const { names } = await parse(OPEN_NAMES_CSV.replace(',E01006437,inside,', ',,inside,'));
    expect(names.skippedNoLsoa).toEqual(['Kirkby (osgb4000000074562131, line 7)']);
  });
});

describe('parseOpenNames: bad input', () => {
  it('names missing columns', async () => {
    const error = await failure(withoutColumns(OPEN_NAMES_CSV, ['LOCAL_TYPE', 'LSOA21CD']));
    expect(error.message).toMatch(new RegExp(`^${FILE}, line 1: missing columns "LOCAL_TYPE", "LSOA21CD"`));
    const noPoint = await failure(withoutColumns(OPEN_NAMES_CSV, ['LONG', 'LAT', 'GEOMETRY_X', 'GEOMETRY_Y']));
    expect(noPoint.problem).toBe('missing the coordinates: columns "LONG" and "LAT" (WGS84) or "GEOMETRY_X" and "GEOMETRY_Y" (British National Grid)');
  });

  it('stops on an unknown place type, an ID given twice, an empty name, a point outside England, a malformed LSOA code', async () => {
    const type = await failure(OPEN_NAMES_CSV.replace(',Town,340911', ',Metropolis,340911'));
    expect([type.line, type.column]).toEqual([7, 'LOCAL_TYPE']);
    expect(type.problem).toBe('"Metropolis" is not a populated place type of OS Open Names (City, Town, Suburban Area, Village, Other Settlement, Hamlet)');
    const twice = await failure(OPEN_NAMES_CSV.replace('osgb4000000074560933', 'osgb4000000074560725'));
    expect([twice.line, twice.problem]).toEqual([6, 'ID osgb4000000074560725 is given twice (first on line 5)']);
    const empty = await failure(OPEN_NAMES_CSV.replace(',Huyton Park,', ',,'));
    expect([empty.line, empty.column, empty.problem]).toEqual([4, 'NAME1', 'place osgb4000000074559953 has no name']);
    const swapped = await failure(OPEN_NAMES_CSV.replace('-2.836336,53.415057', '53.415057,-2.836336'));
    expect([swapped.line, swapped.column]).toEqual([5, 'LONG']);
    expect(swapped.problem).toContain('is not in England');
    const text = await failure(OPEN_NAMES_CSV.replace('-2.836336,53.415057', 'west,53.415057'));
    expect([text.line, text.column, text.problem]).toEqual([5, 'LONG', '"west" is not a number']);
    const code = await failure(OPEN_NAMES_CSV.replace(',E01006481,', ',E1006481,'));
    expect([code.line, code.column, code.problem]).toEqual([5, 'LSOA21CD', '"E1006481" is not an LSOA 2021 code (E01 and six digits)']);
  });
});
