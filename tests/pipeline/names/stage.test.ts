/**
 * The names stage in a whole build, on the pipeline's hand-made fixture
 * (tests/pipeline/fixtures.ts: Alphaton and Betaford) with names typed here
 * for its LSOAs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { frontDecode, namesPaths, type AuthorityNamesFile, type PlaceIndexFile } from '../../../src/data/namesSchema.ts';
import { GRID, LAD_A, LAD_B, LSOAS, tempDir, writeFixture } from '../fixtures.ts';

const EXPECTED = { lsoas: 12, lads: 2, lsoa11s: 12 };
const MSOA_FILE = 'names/MSOA-Names-2.2.csv';
const OS_FILE = 'names/os_open_names_populated_places_england.csv';

const MSOAS = `\ufeffmsoa21cd,msoa21nm,msoa21nmw,msoa21hclnm,msoa21hclnmw,localauthorityname,type
E02000901,Alphaton 001,Alphaton 001,Alphaton Old Town,,Alphaton,Present in 2011
E02000902,Alphaton 002,Alphaton 002,Riverside & Mill End,,Alphaton,Present in 2011
E02000903,Alphaton 003,Alphaton 003,Alphaton Heath,,Alphaton,New in 2021
E02000904,Betaford 001,Betaford 001,"Castle, Vale & Marsh",,Betaford,Present in 2011
E02000905,Betaford 002,Betaford 002,Betaford Green,,Betaford,Present in 2011
W02000901,Cardydd 001,Cardydd 001,Bae Cardydd,Bae Cardydd,Cardydd,Present in 2011
`;

/** A point inside LSOA i's square of the fixture's boundaries (GRID). */
const inside = (i: number) => [GRID.west + ((i % GRID.columns) + 0.25) * GRID.step, GRID.north - (Math.floor(i / GRID.columns) + 0.25) * GRID.step].map((v) => v.toFixed(6));
const PLACES = [
  ['osgb1', 'Alphaton', 'Town', ...inside(0), LSOAS[0].code],
  ['osgb2', 'Mill End', 'Suburban Area', ...inside(3), LSOAS[3].code],
  ['osgb3', 'Betaford', 'City', ...inside(6), LSOAS[6].code],
  ['osgb4', 'Little Beta', 'Hamlet', ...inside(10), LSOAS[10].code],
  ['osgb5', 'Pentre', 'Village', '-3.2', '51.5', 'W01000901'],
];
const OS_NAMES = ['ID,NAME1,LOCAL_TYPE,LONG,LAT,LSOA21CD', ...PLACES.map((row) => row.join(','))].join('\n') + '\n';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixtureWithNames(msoas = MSOAS, places = OS_NAMES) {
  const fixture = writeFixture();
  mkdirSync(join(fixture.dir, 'names'));
  writeFileSync(join(fixture.dir, MSOA_FILE), msoas);
  writeFileSync(join(fixture.dir, OS_FILE), places);
  const out = tempDir('names-out-');
  dirs.push(out, fixture.dir);
  return { fixture, out };
}

const read = <T,>(out: string, path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;

describe('the names stage in a build', () => {
  it('writes the search index and a file per authority, lists both sources and counts what it skipped', async () => {
    const { fixture, out } = fixtureWithNames();
    const result = await runPipeline({ dataDir: fixture.dir, outDir: out, expected: EXPECTED, log: () => {} });
    const index = read<PlaceIndexFile>(out, namesPaths.places);
    // Authorities in the order of areas/lad.json: Alphaton (E06000901), Betaford (E09000901).
    expect(index.names.map(frontDecode)).toEqual([
      ['Alphaton', 'Alphaton Heath', 'Alphaton Old Town', 'Mill End', 'Riverside & Mill End'],
      ['Betaford', 'Betaford Green', 'Castle, Vale & Marsh'],
    ]);
    expect(index.kinds).toEqual(['16626', '066']);
    const alphaton = read<AuthorityNamesFile>(out, namesPaths.authority(LAD_A.code));
    expect(alphaton.msoa.codes).toEqual(['E02000901', 'E02000902', 'E02000903']);
    expect(alphaton.msoa.lsoas).toEqual([[0, 1, 2], [3, 4], [5]]);
    // File 7's "Total population: mid 2022" of the LSOAs (the build's weights).
    expect(alphaton.msoa.population).toEqual([600 + 1800 + 1600, 1500 + 2000, 2500]);
    expect(alphaton.places.lng).toEqual([Number(inside(0)[0]), Number(inside(3)[0])]);
    expect(alphaton.msoa.label).toEqual([]); // no centroids given
    expect(read<AuthorityNamesFile>(out, namesPaths.authority(LAD_B.code)).msoa.names).toEqual(['Castle, Vale & Marsh', 'Betaford Green']);

    expect(result.manifest.sources.map((source) => source.id)).toEqual(expect.arrayContaining(['msoa_names', 'open_names']));
    expect(result.manifest.files[namesPaths.places]).toBeGreaterThan(0);
    // The authority files are found through the index (their codes are areas/lad.json's), not listed in the manifest the app loads first.
    expect(Object.keys(result.manifest.files).filter((path) => path.startsWith('names/'))).toEqual([namesPaths.places]);
    const skipped = (what: string) => result.manifest.skipped.find((record) => record.what.startsWith(what));
    expect(skipped('Welsh MSOAs')).toMatchObject({ file: MSOA_FILE, count: 1, examples: ['W02000901'] });
    expect(skipped('places in an LSOA that')).toMatchObject({ file: OS_FILE, count: 1, examples: ['Pentre (W01000901, line 6)'] });
    expect(skipped('places of kind "hamlet"')).toMatchObject({ count: 1, examples: ['Little Beta (osgb4, line 5)'] });
  });

  it('builds without them, writing no names files', async () => {
    const fixture = writeFixture();
    const out = tempDir('names-out-');
    dirs.push(out, fixture.dir);
    await runPipeline({ dataDir: fixture.dir, outDir: out, expected: EXPECTED, log: () => {} });
    expect(existsSync(join(out, 'names'))).toBe(false);
  });

  it('stops on a bad names file before building anything, leaving the previous output as it was', async () => {
    const { fixture, out } = fixtureWithNames(MSOAS.replace('Alphaton 002,Alphaton 002', 'Alphaton 02,Alphaton 002'));
    writeFileSync(join(out, 'marker.txt'), 'previous');
    await expect(runPipeline({ dataDir: fixture.dir, outDir: out, expected: EXPECTED, log: () => {} })).rejects.toThrow(
      `${MSOA_FILE}, line 3, column "msoa21nm": 1 English MSOA has an ONS name that no LSOA of the lookup (lookups/lsoa21_ward24_lad24_england.csv) has`,
    );
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous');
  });
});
