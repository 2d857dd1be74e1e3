import { describe, expect, it } from 'vitest';
import { frontDecode, PLACE_KINDS, type AuthorityNamesFile } from '../../../src/data/namesSchema.ts';
import type { Bounds } from '../../../src/data/schema.ts';
import { parseMsoaNames } from '../../../scripts/pipeline/names/msoaNames.ts';
import { parseOpenNames } from '../../../scripts/pipeline/names/openNames.ts';
import { buildNameFiles, weightedCentre } from '../../../scripts/pipeline/names/write.ts';
import { csvTable } from '../helpers.ts';
import { fixtureGeography, MSOA_CSV, OPEN_NAMES_CSV } from './fixtures.ts';

const table = (file: string, text: string) => {
  const [header, ...rows] = text.replace(/^\ufeff/, '').trimEnd().split('\n').map((line) => {
    // Rows of the fixtures hold at most one quoted field.
    const quoted = /"([^"]*)"/.exec(line);
    return line.replace(/"[^"]*"/, '\u0000').split(',').map((cell) => (cell === '\u0000' ? quoted![1] : cell));
  });
  return csvTable(file, header, rows);
};

function build(options: { points?: boolean } = {}) {
  const { geography, ladOfLsoa } = fixtureGeography();
  const msoaNames = parseMsoaNames(table('msoa.csv', MSOA_CSV), geography, ladOfLsoa, 'the lookup');
  const openNames = parseOpenNames(table('os.csv', OPEN_NAMES_CSV), geography, ladOfLsoa, 'the lookup');
  const n = geography.lsoa.codes.length;
  // LSOA i: a 0.01° square at (i/100, 50 + i/100); its centroid at the square's centre; its weight 100 × (i + 1).
  const lsoaBounds = geography.lsoa.codes.map((_, i): Bounds => [i / 100, 50 + i / 100, i / 100 + 0.01, 50 + i / 100 + 0.01]);
  const lsoaPoints = geography.lsoa.codes.flatMap((_, i) => [i / 100 + 0.005, 50 + i / 100 + 0.005]);
  const lsoaWeights = Float64Array.from({ length: n }, (_, i) => 100 * (i + 1));
  const files = buildNameFiles({ geography, msoaNames, openNames, lsoaBounds, lsoaPoints: options.points === false ? undefined : lsoaPoints, lsoaWeights });
  const authority = (code: string) => files.authorities.find((file) => file.lad === code)!;
  return { geography, files, authority, lsoaWeights };
}

describe('the search index (names/places.json)', () => {
  it("holds each authority's place and neighbourhood names, sorted, front-coded, with their kinds", () => {
    const { geography, files } = build();
    const knowsley = geography.lad.codes.indexOf('E08000011');
    const names = frontDecode(files.index.names[knowsley]);
    const kinds = [...files.index.kinds[knowsley]].map((digit) => PLACE_KINDS[Number(digit)]);
    expect(names.map((name, i) => `${name} (${kinds[i]})`)).toEqual([
      'Halsnead, Cronton & Halewood East (neighbourhood)',
      'Huyton (suburb)',
      'Huyton East (neighbourhood)',
      'Huyton Farm (suburb)',
      'Huyton Farm (neighbourhood)',
      'Huyton Park (suburb)',
      'Huyton West & Roby (neighbourhood)',
      'Huyton with Roby (other)',
      'Kirkby (town)',
      'Kirkby South East (neighbourhood)',
    ]);
    // Front coding: "Huyton Farm" after "Huyton East" shares "Huyton " (7 characters).
    expect(files.index.names[knowsley].split('\n')[3]).toBe('7Farm');
    expect(files.index.omitted).toEqual(['hamlet']);
  });

  it('gives every authority of the lookup a section, empty where it has no names', () => {
    const { geography, files } = build();
    expect(files.index.names).toHaveLength(geography.lad.codes.length);
    const cherwell = geography.lad.codes.indexOf('E07000177');
    expect([files.index.names[cherwell], files.index.kinds[cherwell]]).toEqual(['', '']);
  });
});

describe('the authority files (names/authorities/<LAD>.json)', () => {
  it("lists the places' positions in the order of the authority's section, neighbourhoods left out", () => {
    const { authority } = build();
    expect(authority('E08000011').places).toEqual({
      // Huyton, Huyton Farm, Huyton Park, Huyton with Roby, Kirkby (the shared file's LONG, LAT).
      lng: [-2.83634, -2.86539, -2.83451, -2.84056, -2.89188],
      lat: [53.41506, 53.41791, 53.40921, 53.41248, 53.48219],
    });
  });

  it("gives each MSOA its LSOAs, bounds, population and label point (the population-weighted mean of its LSOAs' centroids)", () => {
    const { geography, authority, lsoaWeights } = build();
    const file: AuthorityNamesFile = authority('E08000011');
    const at = file.msoa.codes.indexOf('E02001338');
    const lsoas = ['E01006449', 'E01006450', 'E01006451', 'E01006452'].map((code) => geography.lsoa.codes.indexOf(code));
    expect(file.msoa.names[at]).toBe('Huyton Farm');
    expect(file.msoa.lsoas[at]).toEqual(lsoas);
    const weights = lsoas.map((i) => lsoaWeights[i]);
    const total = weights.reduce((a, b) => a + b, 0);
    expect(file.msoa.population[at]).toBe(total);
    const lng = lsoas.reduce((sum, i, k) => sum + weights[k] * (i / 100 + 0.005), 0) / total;
    const lat = lsoas.reduce((sum, i, k) => sum + weights[k] * (50 + i / 100 + 0.005), 0) / total;
    expect(file.msoa.label.slice(at * 2, at * 2 + 2)).toEqual([Number(lng.toFixed(5)), Number(lat.toFixed(5))]);
    const [first, last] = [Math.min(...lsoas), Math.max(...lsoas)];
    expect(file.msoa.bounds.slice(at * 4, at * 4 + 4)).toEqual([first / 100, 50 + first / 100, last / 100 + 0.01, 50 + last / 100 + 0.01].map((v) => Number(v.toFixed(4))));
  });

  it("sends an LSOA whose MSOA belongs to the next authority there (West Northamptonshire 048E is in Cherwell)", () => {
    const { geography, authority } = build();
    expect(authority('E07000177').msoa.codes).toEqual([]);
    expect(authority('E07000177').elsewhere).toEqual({ lsoas: [geography.lsoa.codes.indexOf('E01027305')], lads: ['E06000062'] });
    const west = authority('E06000062');
    expect(west.msoa.codes).toEqual(['E02005686']);
    expect(west.msoa.lsoas[0].map((i) => geography.lsoa.codes[i])).toEqual(['E01027291', 'E01027292', 'E01027293', 'E01027304', 'E01027305']);
  });

  it('has no label points without the centroids', () => {
    expect(build({ points: false }).authority('E08000011').msoa.label).toEqual([]);
  });
});

describe('weightedCentre', () => {
  it('weights by population, and falls back to the plain mean where there is none', () => {
    expect(weightedCentre([0, 1], [0, 0, 4, 8], [1, 3])).toEqual([3, 6]);
    expect(weightedCentre([0, 1], [0, 0, 4, 8], [0, 0])).toEqual([2, 4]);
  });
});
