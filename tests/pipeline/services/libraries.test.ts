/**
 * Libraries (scripts/pipeline/services/libraries*.ts): the ACE 2023 file and
 * the Libraries Hacked file read with their quirks (mixed case, closed rows,
 * UK-wide rows), merged into one record per library by UPRN, postcode and
 * name, with the hours of Libraries Hacked and the source each record comes
 * from; broken rows stop the build naming line and column.
 */
import { describe, expect, it } from 'vitest';
import { Geocoder } from '../../../scripts/pipeline/services/geocode.ts';
import { BOTH_LIBRARY_FILES, matchLibraries, mergeLibraries, nameWords } from '../../../scripts/pipeline/services/libraries.ts';
import { parseAceLibraries } from '../../../scripts/pipeline/services/librariesAce.ts';
import { parseHackedLibraries } from '../../../scripts/pipeline/services/librariesHacked.ts';
import { libraryDetail, uprnOf, type LibraryRow } from '../../../scripts/pipeline/services/libraryRow.ts';
import { csvTable, expectInputError } from '../helpers.ts';
import { ACE_HEADER, aceRow, HACKED_HEADER, hackedRow, postcodeTable, POSTCODES } from './fixtures.ts';

const ACE_FILE = 'services/libraries_england_ace_2023.csv';
const HACKED_FILE = 'services/libraries_librarieshacked_2025-04.csv';
const geocoder = new Geocoder(postcodeTable());
const ace = (rows: string[][]) => csvTable(ACE_FILE, [...ACE_HEADER], rows);
const hacked = (rows: string[][]) => csvTable(HACKED_FILE, HACKED_HEADER, rows);

describe('parseAceLibraries', () => {
  it('reads mixed-case values, closed years and the kinds that are not libraries', () => {
    const rows = parseAceLibraries(
      ace([
        aceRow({ name: 'Barking Library', authority: 'Barking and Dagenham', postcode: 'B15 2TT', uprn: '00100053358', type: 'Static library', statutory_23: 'yes', operation_23: 'c' }),
        aceRow({ name: 'Castle Green', postcode: 'B1 1AA', statutory_23: 'No', operation_23: 'Closed', closed: '2013' }),
        aceRow({ name: 'Woolston Library', postcode: 'B1 1AA', closed: ' ', statutory_23: 'NO', operation_23: 'CR' }),
        aceRow({ name: 'Mobile 1', postcode: 'B1 1AA', type: 'mobile library' }),
        aceRow({ name: 'HMP Library', postcode: 'B1 1AA', type: 'Prison Library' }),
        aceRow({ name: 'Old Library', postcode: 'B1 1AA', operation_23: 'Closed' }),
        aceRow({ name: 'Paused', postcode: 'B1 1AA', statutory_23: 'Temporary Closure', operation_23: 'Temporary Closure', uprn: 'L00988' }),
      ]),
    );
    expect(rows[0]).toEqual({ line: 2, name: 'Barking Library', authority: 'Barking and Dagenham', postcode: 'B15 2TT', uprn: '100053358', statutory: true, operation: 'commissioned' });
    expect(rows[1]).toMatchObject({ statutory: false, closed: 'closed (year closed given)' });
    expect(rows[2]).toMatchObject({ statutory: false, operation: 'community' });
    expect(rows[2].closed).toBeUndefined();
    expect(rows[3].notALibrary).toBe('mobile library (no fixed place: its postcode is its base)');
    expect(rows[4].notALibrary).toBe('prison library (not open to the public)');
    expect(rows[5].closed).toBe('closed (2023 operation "Closed")');
    expect(rows[6]).toEqual({ line: 8, name: 'Paused', authority: '', postcode: 'B1 1AA' });
  });

  it('stops on a missing column, a bad year or an unknown type, naming line and column', () => {
    expectInputError(() => parseAceLibraries(csvTable(ACE_FILE, ACE_HEADER.filter((c) => c !== 'statutory_23'), [])), {
      file: ACE_FILE,
      line: 1,
      message: ['missing column "statutory_23"'],
    });
    expectInputError(() => parseAceLibraries(ace([aceRow({ name: 'A', postcode: 'B1 1AA' }), aceRow({ name: 'B', closed: 'last year' })])), {
      file: ACE_FILE,
      line: 3,
      column: 'closed',
      message: ['"last year" is not a year'],
    });
    expectInputError(() => parseAceLibraries(ace([aceRow({ name: 'A', type: 'Pop-up' })])), { file: ACE_FILE, line: 2, column: 'type', message: ['"Pop-up" is not a known type'] });
    expectInputError(() => parseAceLibraries(ace([aceRow({ name: ' ' })])), { file: ACE_FILE, line: 2, column: 'name', message: ['the name is blank'] });
  });
});

describe('parseHackedLibraries', () => {
  it('reads the schema columns, the day hours and the closing year', () => {
    const [row] = parseHackedLibraries(
      hacked([hackedRow({ 'Library name': 'Hove Library', Postcode: 'B15 2TT', 'Type of library': 'CRL', Statutory: 'No', URL: 'https://example.org/hove' }, ['10:00-17:00'], ['', '08:00-09:00'])]),
    );
    expect(row).toMatchObject({ line: 2, name: 'Hove Library', postcode: 'B15 2TT', statutory: false, operation: 'community', url: 'https://example.org/hove' });
    expect(row.staffed).toEqual(['10:00-17:00', '', '', '', '', '', '']);
    expect(row.unstaffed).toEqual(['', '08:00-09:00', '', '', '', '', '']);
    expectInputError(() => parseHackedLibraries(hacked([hackedRow({ 'Library name': 'X', 'Year closed': '20l9' })])), {
      file: HACKED_FILE,
      line: 2,
      column: 'Year closed',
      message: ['"20l9" is not a year'],
    });
    expectInputError(() => parseHackedLibraries(hacked([hackedRow({ 'Library name': 'X', Statutory: 'Maybe' })])), { file: HACKED_FILE, line: 2, column: 'Statutory', message: ['"Maybe" is not Yes or No'] });
  });
});

describe('matchLibraries', () => {
  const row = (name: string, postcode: string, extra: Partial<LibraryRow> = {}): LibraryRow => ({ line: 2, name, authority: 'X', postcode, ...extra });

  it('matches by UPRN with a word or the postcode in common, then postcode and name, district and name, postcode and a word', () => {
    const a = [
      row('Chatham Community Hub', 'B1 1AA'), // 0: by postcode and a word
      row("Bishop's Waltham", 'B15 2TT'), // 1: by postcode and name (apostrophe, case)
      row('Bingley Library', 'B15 2TT'), // 2: by district and name (moved within B15)
      row('Briercliffe', 'B1 1AA', { uprn: '10003512066' }), // 3: same UPRN, no word or postcode in common: not matched
      row('Garstang', 'DE21 6ET', { uprn: '555' }), // 4: by UPRN (a word in common)
    ];
    const h = [
      row('Chatham Library, Community Hub Chatham', 'B11AA'),
      row('Bishops Waltham', 'b15 2tt'),
      row('Bingley', 'B15 9ZZ'),
      row('Garstang Library', 'DE21 6LN', { uprn: '10003512066' }),
      row('Garstang Library', 'DE21 6ET', { uprn: '555' }),
      row('Nowhere Library', 'B1 1AA'),
    ];
    const pairs = matchLibraries(h, a);
    expect([...pairs.entries()].sort(([x], [y]) => x - y)).toEqual([
      [0, { ace: 0, rule: 'postcodeWord' }],
      [1, { ace: 1, rule: 'postcodeName' }],
      [2, { ace: 2, rule: 'districtName' }],
      [4, { ace: 4, rule: 'uprn' }],
    ]);
  });

  it('matches a name by its distinguishing words only', () => {
    expect(nameWords("St. Julian's Library & Information Centre")).toEqual(['julians']);
    expect(nameWords('The Carroll Centre (Stanmore Community Library)')).toEqual(['carroll', 'stanmore']);
    expect(uprnOf(' 000123 ')).toBe('123');
    expect(uprnOf('1.23E+10')).toBeUndefined();
    expect(uprnOf('0')).toBeUndefined();
  });
});

describe('mergeLibraries', () => {
  const aceRows = [
    aceRow({ name: 'Derwent Community Library', authority: 'Derby', postcode: 'DE21 6ET', uprn: '10010676674', statutory_23: 'Yes', operation_23: 'LA', address1: 'Revive Centre' }),
    aceRow({ name: 'Acorn Library', authority: 'Birmingham', postcode: 'B15 2TU', operation_23: 'CR', statutory_23: 'No' }),
    aceRow({ name: 'Mile Oak Library', authority: 'Birmingham', postcode: 'B1 1AA', closed: '2023', operation_23: 'Closed' }),
    aceRow({ name: 'County Mobile', authority: 'Birmingham', postcode: 'B15 2TT', type: 'Mobile Library' }),
    aceRow({ name: 'Lost Library', authority: 'Birmingham', postcode: 'B15 9ZZ' }),
  ];
  const hackedRows = [
    hackedRow(
      { 'Local authority': 'Derby City Council', 'Library name': 'Derwent Community Library (Located in the Revive Healthy Living Centre)', Postcode: 'DE21 6ET', 'Unique property reference number': '10010676674', URL: 'https://example.org/derwent' },
      ['09:00-17:00', '', '09:00-13:00,14:00-17:00'],
      ['', '', '', '', '', '10:00-12:00'],
    ),
    hackedRow({ 'Local authority': 'Birmingham City Council', 'Library name': 'Mile Oak Library', Postcode: 'B1 1AA' }, ['10:00-16:00']),
    hackedRow({ 'Local authority': 'Birmingham City Council', 'Library name': 'Central Library', Postcode: 'B15 2TT', 'Type of library': 'LAL-' }, ['', '1:00-18:00']),
    hackedRow({ 'Local authority': 'Birmingham City Council', 'Library name': 'Central Library', Postcode: 'B15 2TT' }),
    hackedRow({ 'Local authority': 'Birmingham City Council', 'Library name': 'Old Branch', Postcode: 'B15 2TU', 'Year closed': '2017' }),
    hackedRow({ 'Local authority': 'Cardiff Council', 'Library name': 'Cathays Library', Postcode: 'CF24 4QJ' }),
    hackedRow({ 'Local authority': 'Powys County Council', 'Library name': 'Knighton Library', Postcode: 'LD7 1DR' }),
    hackedRow({ 'Local authority': 'Birmingham City Council', 'Library name': 'Shard End Library', Postcode: 'B34 7AQ' }),
  ];
  const merged = () =>
    mergeLibraries(
      { ace: { file: ACE_FILE, rows: parseAceLibraries(ace(aceRows)) }, hacked: { file: HACKED_FILE, rows: parseHackedLibraries(hacked(hackedRows)) } },
      geocoder,
    );

  it('makes one record per library, hours from Libraries Hacked, and names the source of each', () => {
    const { records } = merged();
    expect(records).toEqual([
      {
        type: 'library',
        id: 'derwent-community-library-located-in-the-revive-healthy-living-centre-de216et',
        name: 'Derwent Community Library (Located in the Revive Healthy Living Centre)',
        ...POSTCODES['DE21 6ET'],
        located: 'postcode',
        postcode: 'DE21 6ET',
        address: 'Revive Centre',
        detail: 'Council-run library (statutory)',
        openingHours: 'Mo 09:00-17:00; We 09:00-13:00,14:00-17:00',
        hoursText: 'Unstaffed hours: Sa 10:00-12:00',
        url: 'https://example.org/derwent',
        source: BOTH_LIBRARY_FILES,
      },
      {
        type: 'library',
        id: 'central-library-b152tt',
        name: 'Central Library',
        ...POSTCODES['B15 2TT'],
        located: 'postcode',
        postcode: 'B15 2TT',
        detail: 'Council library, unstaffed (statutory)',
        hoursText: 'Tuesday 1:00-18:00',
        source: 'libraries_hacked',
      },
      {
        type: 'library',
        id: 'acorn-library-b152tu',
        name: 'Acorn Library',
        ...POSTCODES['B15 2TU'],
        located: 'postcode',
        postcode: 'B15 2TU',
        detail: 'Community-run library (not statutory)',
        source: 'libraries_ace',
      },
    ]);
  });

  it('counts, for each file, the rows left out by reason, placed, not placed and merged', () => {
    const { tallies, notes, listed, sources } = merged();
    const [h, a] = tallies.map((tally) => tally.record());
    expect(h).toEqual({
      type: 'library',
      source: 'libraries_hacked',
      file: HACKED_FILE,
      read: 8,
      kept: 3,
      placed: 2,
      failed: 1,
      failedExamples: ['Shard End Library (B34 7AQ): postcode not in Code-Point Open England'],
      excluded: {
        'outside England (postcode in Wales)': 1,
        'outside England (an authority with no library in England)': 1,
        'listed twice in the file (same name and postcode)': 1,
        'closed (per the Arts Council England file)': 1,
        'closed (year closed given)': 1,
      },
      merged: 1,
    });
    expect(a).toEqual({
      type: 'library',
      source: 'libraries_ace',
      file: ACE_FILE,
      read: 5,
      kept: 3,
      placed: 2,
      failed: 1,
      failedExamples: ['Lost Library (B15 9ZZ): postcode not in Code-Point Open England'],
      excluded: { 'mobile library (no fixed place: its postcode is its base)': 1, 'closed (year closed given)': 1 },
      merged: 1,
    });
    expect(notes[0]).toBe(
      'libraries: 2 in both files (by UPRN 1, postcode and name 1, postcode district and name 0, postcode and a word of the name 0), 3 only in Libraries Hacked (England), 2 only in the ACE file; 1 closed in one file but not the other (left out)',
    );
    expect(listed[0].examples).toEqual(['Central Library: staffed hours, Tuesday: "1:00-18:00" is not a time range HH:MM-HH:MM']);
    expect(sources.map((source) => source.id)).toEqual(['libraries_ace', 'libraries_hacked', BOTH_LIBRARY_FILES]);
    expect(sources[2]).toMatchObject({ date: '2025-04-28' });
    expect(sources[0]).toMatchObject({ date: '2023', licence: 'Open Government Licence v3.0' });
  });

  it('works with either file alone', () => {
    const onlyAce = mergeLibraries({ ace: { file: ACE_FILE, rows: parseAceLibraries(ace(aceRows)) } }, geocoder);
    expect(onlyAce.records.map((record) => [record.name, record.source])).toEqual([
      ['Derwent Community Library', 'libraries_ace'],
      ['Acorn Library', 'libraries_ace'],
    ]);
    expect(onlyAce.sources.map((source) => source.id)).toEqual(['libraries_ace']);
    const onlyHacked = mergeLibraries({ hacked: { file: HACKED_FILE, rows: parseHackedLibraries(hacked(hackedRows)) } }, geocoder);
    // Mile Oak is open as far as Libraries Hacked knows.
    expect(onlyHacked.records.map((record) => record.name)).toEqual(['Derwent Community Library (Located in the Revive Healthy Living Centre)', 'Mile Oak Library', 'Central Library']);
  });

  it('says what kind of library each is', () => {
    expect(libraryDetail('independent', false)).toBe('Independent community library (not statutory)');
    expect(libraryDetail(undefined, true)).toBe('Statutory library');
    expect(libraryDetail(undefined, undefined)).toBeUndefined();
  });
});
