/**
 * Food banks (scripts/pipeline/services/foodbanks.ts): England's open rows
 * of Give Food's foodbanks.csv, at the postcode centroid (the published point
 * only where the postcode is not in Code-Point Open England and the point is
 * in England), disagreements over 1 km listed, the network as detail.
 */
import { describe, expect, it } from 'vitest';
import { parseFoodbanks } from '../../../scripts/pipeline/services/foodbanks.ts';
import { Geocoder } from '../../../scripts/pipeline/services/geocode.ts';
import { csvTable, expectInputError } from '../helpers.ts';
import { FOODBANK_HEADER, postcodeTable, POSTCODES } from './fixtures.ts';

const FILE = 'services/foodbanks_givefood_england_2024.csv';
const geocoder = new Geocoder(postcodeTable());
const table = (rows: string[][]) => csvTable(FILE, FOODBANK_HEADER, rows);

const ROWS = [
  // Published 0.002° north of its postcode (222 m): placed at the postcode, not listed.
  ['Central Foodbank', 'central', 'B15 2TT', 'England', 'False', '52.452,-1.93', 'Trussell Trust'],
  // Published near Manchester (as "Victoria Park", BS3 5DA, is): placed at the postcode, listed.
  ['Far Point', 'far-point', 'B15 2TU', 'England', 'False', '53.4619,-1.9586', 'Independent'],
  // Postcode not in Code-Point Open England: its published point, 945 m from B1 1AA.
  ['New Postcode', 'new-postcode', 'DE7 8EU', 'England', 'FALSE', '52.4885,-1.9', ''],
  // Marked England, Welsh postcode and point (as "Welshpool and District").
  ['Welshpool and District', 'welshpool', 'SY21 7LN', 'England', 'False', '52.66,-3.15', 'IFAN'],
  ['Glasgow SE', 'glasgow-se', 'G42 7JW', 'Scotland', 'False', '55.83,-4.25', 'Trussell Trust'],
  ['Closed One', 'closed-one', 'B1 1AA', 'England', 'True', '', 'IFAN'],
  ['No Point', 'no-point', 'B15 9ZZ', 'England', 'False', '', 'IFAN'],
];

describe('parseFoodbanks', () => {
  it('places open English food banks at their postcode, else at their own point in England, and counts the rest', () => {
    const read = parseFoodbanks(table(ROWS), geocoder);
    expect(read.records).toEqual([
      {
        type: 'foodbank',
        id: 'central',
        name: 'Central Foodbank',
        ...POSTCODES['B15 2TT'],
        located: 'postcode',
        postcode: 'B15 2TT',
        detail: 'Trussell Trust',
        url: 'https://www.givefood.org.uk/needs/at/central/',
        source: 'foodbanks',
      },
      {
        type: 'foodbank',
        id: 'far-point',
        name: 'Far Point',
        ...POSTCODES['B15 2TU'],
        located: 'postcode',
        postcode: 'B15 2TU',
        detail: 'Independent',
        url: 'https://www.givefood.org.uk/needs/at/far-point/',
        source: 'foodbanks',
      },
      {
        type: 'foodbank',
        id: 'new-postcode',
        name: 'New Postcode',
        lng: -1.9,
        lat: 52.4885,
        located: 'source',
        url: 'https://www.givefood.org.uk/needs/at/new-postcode/',
        source: 'foodbanks',
      },
    ]);
    expect(read.tallies[0].record()).toEqual({
      type: 'foodbank',
      source: 'foodbanks',
      file: FILE,
      read: 7,
      kept: 4,
      placed: 3,
      failed: 1,
      failedExamples: ['No Point (B15 9ZZ): postcode not in Code-Point Open England'],
      excluded: {
        'outside England (its point more than 1 km from every English postcode)': 1,
        'outside England (country "Scotland")': 1,
        closed: 1,
      },
    });
    // 53.4619 − 52.46 = 1.0019° of latitude and 0.0286° of longitude: 111.4 km.
    expect(read.listed).toEqual([
      { file: FILE, what: 'food banks whose published point is more than 1 km from their postcode (placed at the postcode)', examples: ['Far Point (B15 2TU) 111.4 km'] },
    ]);
    expect(read.sources[0]).toMatchObject({ id: 'foodbanks', date: '2024', title: 'Give Food: food banks (foodbanks.csv)' });
    expect(read.sources[0].dateNote).toMatch(/^spring 2024/);
  });

  it('stops on a malformed point, a bad closed flag or a repeated slug, naming line and column', () => {
    const broken = (at: number, cells: Partial<Record<string, string>>) =>
      table(ROWS.map((row, i) => (i === at ? FOODBANK_HEADER.map((column, c) => cells[column] ?? row[c]) : row)));
    expectInputError(() => parseFoodbanks(broken(1, { latt_long: '53.46' }), geocoder), { file: FILE, line: 3, column: 'latt_long', message: ['"53.46" is not "latitude,longitude"'] });
    expectInputError(() => parseFoodbanks(broken(2, { closed: 'no' }), geocoder), { file: FILE, line: 4, column: 'closed', message: ['"no" is not True or False'] });
    expectInputError(() => parseFoodbanks(broken(3, { slug: 'central' }), geocoder), { file: FILE, line: 5, column: 'slug', message: ['central is given twice (first on line 2)'] });
    expectInputError(() => parseFoodbanks(csvTable(FILE, FOODBANK_HEADER.slice(0, 6), []), geocoder), { file: FILE, line: 1, message: ['missing column "network"'] });
  });
});
