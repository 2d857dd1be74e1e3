/**
 * Schools (scripts/pipeline/services/schools.ts): the KS4 and KS2 files of
 * 2018/19, one record per URN (all-through when in both), special schools
 * from RECTYPE 2, summary rows left out, unplaceable schools counted.
 */
import { describe, expect, it } from 'vitest';
import { Geocoder } from '../../../scripts/pipeline/services/geocode.ts';
import { BOTH_SCHOOL_FILES, mergeSchools } from '../../../scripts/pipeline/services/schools.ts';
import { csvTable, expectInputError } from '../helpers.ts';
import { postcodeTable, POSTCODES, SCHOOLS_KS2_HEADER, SCHOOLS_KS4_HEADER, schoolRow } from './fixtures.ts';

const KS4 = 'schools/england_ks4final_2018-19_subset.csv';
const KS2 = 'schools/england_ks2final_2018-19_subset.csv';
const geocoder = new Geocoder(postcodeTable());
const ks4 = (rows: string[][]) => csvTable(KS4, SCHOOLS_KS4_HEADER, rows);
const ks2 = (rows: string[][]) => csvTable(KS2, SCHOOLS_KS2_HEADER, rows);

describe('mergeSchools', () => {
  const k4 = [
    schoolRow(SCHOOLS_KS4_HEADER, '1', '137044', 'King Edward VI Camp Hill School for Girls', 'B15 2TT'),
    schoolRow(SCHOOLS_KS4_HEADER, '1', '140000', 'Park Academy', 'B15 2TU'),
    schoolRow(SCHOOLS_KS4_HEADER, '2', '103600', 'Hallmoor School', 'B1 1AA'),
    schoolRow(SCHOOLS_KS4_HEADER, '4', '', '', ''),
    schoolRow(SCHOOLS_KS4_HEADER, '1', '150001', 'Gone School', 'B15 9ZZ'),
  ];
  const k2 = [
    schoolRow(SCHOOLS_KS2_HEADER, '1', '140000', 'Park Academy', 'B15 2TU'),
    schoolRow(SCHOOLS_KS2_HEADER, '1', '100000', "Sir John Cass's Foundation Primary School", 'b1 1aa', 'London'),
    schoolRow(SCHOOLS_KS2_HEADER, '2', '103600', 'Hallmoor School', 'B1 1AA'),
    schoolRow(SCHOOLS_KS2_HEADER, '1', '150002', 'Welsh School', 'CF10 1AA'),
  ];

  it('makes one record per school, all-through when in both files, special from RECTYPE 2', () => {
    const { records, sources, notes } = mergeSchools({ ks4: ks4(k4), ks2: ks2(k2) }, geocoder);
    const at = (postcode: keyof typeof POSTCODES) => ({ ...POSTCODES[postcode], located: 'postcode', postcode });
    expect(records).toEqual([
      { type: 'school', id: '137044', name: 'King Edward VI Camp Hill School for Girls', ...at('B15 2TT'), address: 'Birmingham', detail: 'Secondary school', source: 'schools_ks4' },
      { type: 'school', id: '140000', name: 'Park Academy', ...at('B15 2TU'), address: 'Birmingham', detail: 'All-through school (primary and secondary)', source: BOTH_SCHOOL_FILES },
      { type: 'school', id: '103600', name: 'Hallmoor School', ...at('B1 1AA'), address: 'Birmingham', detail: 'Special school', source: BOTH_SCHOOL_FILES },
      { type: 'school', id: '100000', name: "Sir John Cass's Foundation Primary School", ...at('B1 1AA'), address: 'London', detail: 'Primary school', source: 'schools_ks2' },
    ]);
    expect(sources.map((source) => [source.id, source.date])).toEqual([
      ['schools_ks4', '2019'],
      ['schools_ks2', '2019'],
      [BOTH_SCHOOL_FILES, '2019'],
    ]);
    expect(notes).toEqual(['schools: 2 in both the KS4 and KS2 files (one record each)']);
  });

  it('counts each file: summary rows left out, schools placed, not placed and merged', () => {
    const { tallies } = mergeSchools({ ks4: ks4(k4), ks2: ks2(k2) }, geocoder);
    expect(tallies.map((tally) => tally.record())).toEqual([
      {
        type: 'school',
        source: 'schools_ks4',
        file: KS4,
        read: 5,
        kept: 4,
        placed: 3,
        failed: 1,
        failedExamples: ['Gone School (B15 9ZZ): postcode not in Code-Point Open England'],
        excluded: { 'a summary row, not a school (RECTYPE 4)': 1 },
        merged: 2,
      },
      {
        type: 'school',
        source: 'schools_ks2',
        file: KS2,
        read: 4,
        kept: 3,
        placed: 3,
        failed: 0,
        failedExamples: [],
        excluded: { 'outside England (postcode in Wales)': 1 },
        merged: 2,
      },
    ]);
  });

  it('reads either file alone', () => {
    const { records, sources } = mergeSchools({ ks2: ks2(k2) }, geocoder);
    expect(records.map((record) => [record.id, record.detail, record.source])).toEqual([
      ['140000', 'Primary school', 'schools_ks2'],
      ['100000', 'Primary school', 'schools_ks2'],
      ['103600', 'Special school', 'schools_ks2'],
    ]);
    expect(sources.map((source) => source.id)).toEqual(['schools_ks2']);
  });

  it('stops on a repeated URN, a bad RECTYPE or a missing column, naming line and column', () => {
    expectInputError(() => mergeSchools({ ks4: ks4([...k4, schoolRow(SCHOOLS_KS4_HEADER, '1', '137044', 'Again', 'B1 1AA')]) }, geocoder), {
      file: KS4,
      line: 7,
      column: 'URN',
      message: ['URN 137044 is given twice (first on line 2)'],
    });
    expectInputError(() => mergeSchools({ ks2: ks2([schoolRow(SCHOOLS_KS2_HEADER, 'x', '100000', 'A', 'B1 1AA')]) }, geocoder), {
      file: KS2,
      line: 2,
      column: 'RECTYPE',
      message: ['"x" is not a record type'],
    });
    expectInputError(() => mergeSchools({ ks2: csvTable(KS2, ['RECTYPE', 'URN', 'SCHNAME', 'TOWN'], [['1', '100000', 'A', 'London']]) }, geocoder), {
      file: KS2,
      line: 1,
      message: ['missing column "PCODE"'],
    });
  });
});
