/**
 * Placing services (scripts/pipeline/services/geocode.ts): by postcode
 * through the postcode table, by a source's own point when it is within
 * 1 km of an English postcode, outside England by the postcode's area, or
 * counted as not placed with "name (postcode): why"; the tally adds up.
 */
import { describe, expect, it } from 'vitest';
import { compactPostcode, Geocoder, GeocodingTally, MAX_FAILED_EXAMPLES } from '../../../scripts/pipeline/services/geocode.ts';
import { postcodeTable, POSTCODES } from './fixtures.ts';

describe('Geocoder', () => {
  const geocoder = new Geocoder(postcodeTable());

  it('finds a postcode however it is spaced or cased', () => {
    expect(compactPostcode(' b15\u00a02tt ')).toBe('B152TT');
    expect(geocoder.postcode('b152tt')).toEqual({ found: 0, postcode: 'B15 2TT' });
    expect(geocoder.postcode('B1  1AA')).toEqual({ found: 2, postcode: 'B1 1AA' });
  });

  it('tells a blank, a malformed, a Welsh or Scottish and an unknown postcode apart', () => {
    expect(geocoder.postcode('')).toEqual({ blank: true });
    expect(geocoder.postcode(undefined)).toEqual({ blank: true });
    expect(geocoder.postcode('not known')).toEqual({ malformed: 'not known' });
    expect(geocoder.postcode('CF10 1AA')).toEqual({ outside: 'outside England (postcode in Wales)' });
    expect(geocoder.postcode('EH1 1AA')).toEqual({ outside: 'outside England (postcode in Scotland)' });
    expect(geocoder.postcode('BT1 1AA')).toEqual({ outside: 'outside England (postcode in Northern Ireland)' });
    expect(geocoder.postcode('B15 9ZZ')).toEqual({ unknown: 'B15 9ZZ' });
    expect(geocoder.postcode('SY21 7LN')).toEqual({ unknown: 'SY21 7LN' });
  });

  it('places at the postcode centroid first, then at the source point when it is within 1 km of an English postcode', () => {
    expect(geocoder.place('B15 2TT', { lng: 0, lat: 51 })).toEqual({ placed: { ...POSTCODES['B15 2TT'], located: 'postcode', postcode: 'B15 2TT' } });
    // 0.0085° north of B15 2TU: 945 m away.
    expect(geocoder.place('B15 9ZZ', { lng: -1.93, lat: 52.4685 })).toEqual({ placed: { lng: -1.93, lat: 52.4685, located: 'source' } });
    expect(geocoder.place(undefined, { lng: -1.930001234, lat: 52.4685 })).toEqual({ placed: { lng: -1.93, lat: 52.4685, located: 'source' } });
    // 0.0095° north of B15 2TU: 1,056 m away, and farther from the others.
    expect(geocoder.place(undefined, { lng: -1.93, lat: 52.4695 })).toEqual({ outside: 'outside England (its point more than 1 km from every English postcode)' });
    // A Welsh postcode with a point in England is placed at the point.
    expect(geocoder.place('CF10 1AA', { lng: -1.9, lat: 52.48 })).toEqual({ placed: { lng: -1.9, lat: 52.48, located: 'source' } });
  });

  it('says why a record without a usable postcode or point is not placed', () => {
    expect(geocoder.place('')).toEqual({ failed: 'no postcode' });
    expect(geocoder.place('n/a')).toEqual({ failed: '"n/a" is not a postcode' });
    expect(geocoder.place('B15 9ZZ')).toEqual({ failed: 'postcode not in Code-Point Open England' });
    expect(geocoder.place('SY21 7LN')).toEqual({ failed: 'postcode not in Code-Point Open England' });
    expect(geocoder.place('LL11 1AA')).toEqual({ outside: 'outside England (postcode in Wales)' });
  });
});

describe('GeocodingTally', () => {
  it('counts every record once: left out by reason, placed, or not placed with an example', () => {
    const tally = new GeocodingTally('library', 'libraries_ace', 'services/libraries.csv');
    tally.read = 6;
    tally.exclude('closed (year closed given)', 'Castle Green (RM9 4UN)');
    tally.exclude('closed (year closed given)', 'Woolston (SO19 9GH)');
    tally.exclude('mobile library (no fixed place: its postcode is its base)', 'Mobile 1 (B1 1AA)');
    tally.placed = 2;
    tally.fail('Kidsgrove Library', 'ST7 1BS', 'postcode not in Code-Point Open England');
    expect(tally.record()).toEqual({
      type: 'library',
      source: 'libraries_ace',
      file: 'services/libraries.csv',
      read: 6,
      kept: 3,
      placed: 2,
      failed: 1,
      failedExamples: ['Kidsgrove Library (ST7 1BS): postcode not in Code-Point Open England'],
      excluded: { 'closed (year closed given)': 2, 'mobile library (no fixed place: its postcode is its base)': 1 },
    });
    expect(tally.exclusions()).toEqual([
      { reason: 'closed (year closed given)', count: 2, examples: ['Castle Green (RM9 4UN)', 'Woolston (SO19 9GH)'] },
      { reason: 'mobile library (no fixed place: its postcode is its base)', count: 1, examples: ['Mobile 1 (B1 1AA)'] },
    ]);
  });

  it('keeps twenty examples of records not placed, and counts them all', () => {
    const tally = new GeocodingTally('school', 'schools_ks2', 'schools/ks2.csv');
    tally.read = 25;
    for (let i = 0; i < 25; i++) tally.fail(`School ${i}`, '', 'no postcode');
    const record = tally.record();
    expect(record.failed).toBe(25);
    expect(record.failedExamples).toHaveLength(MAX_FAILED_EXAMPLES);
    expect(record.failedExamples[0]).toBe('School 0: no postcode');
    expect(tally.failedList).toHaveLength(25);
  });

  it('refuses counts that do not add up (a record lost on the way)', () => {
    const tally = new GeocodingTally('foodbank', 'foodbanks', 'foodbanks.csv');
    tally.read = 3;
    tally.placed = 2;
    expect(() => tally.record()).toThrow('foodbanks.csv: 3 read, 0 left out, 2 placed and 0 not placed do not add up');
  });
});
