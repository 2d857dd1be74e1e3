/**
 * GP practices from epraccur (scripts/pipeline/services/gpPractices.ts):
 * active practices with prescribing setting 4, the rest counted by reason;
 * the file dated by its latest open or join date; the official headerless
 * file read by position; broken rows stop the build naming line and column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { readCsv } from '../../../scripts/pipeline/csv.ts';
import { EPRACCUR_COLUMNS, readGpPractices } from '../../../scripts/pipeline/services/gpPractices.ts';
import { Geocoder } from '../../../scripts/pipeline/services/geocode.ts';
import { expectInputErrorAsync } from '../helpers.ts';
import { csvText, EPRACCUR_HEADER, gpRow, inputFile, postcodeTable, POSTCODES } from './fixtures.ts';

const geocoder = new Geocoder(postcodeTable());
const FILE = 'services/gp_practices_epraccur_england_2025-04.csv';
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function gpFile(rows: string[][], options: { header?: readonly string[] | null; gzip?: boolean } = {}) {
  const header = options.header === undefined ? EPRACCUR_HEADER : options.header;
  const text = header ? csvText(header, rows) : rows.map((row) => row.join(',')).join('\n') + '\n';
  const input = inputFile('gp_practices', FILE, text, { gzip: options.gzip });
  folders.push(dirname(dirname(input.path)));
  return input;
}

const ROWS = [
  gpRow('A81001', 'THE DENSHAM SURGERY', 'B15 2TT', 'A', '4', '19740401', '20200401'),
  gpRow('A81002', "ST JOHN'S MEDICAL CENTRE", 'b152tu', 'A', '4', '19740401', '20250423'),
  gpRow('A81003', 'CLOSED SURGERY', 'B1 1AA', 'C', '4'),
  gpRow('A81004', 'DORMANT SURGERY', 'B1 1AA', 'D', '4'),
  gpRow('Y00613', 'HMP BIRMINGHAM', 'B1 1AA', 'A', '25'),
  gpRow('W95010', 'WELSH SURGERY', 'CF10 1AA', 'A', '4'),
  gpRow('A81005', 'MOVED SURGERY', 'B15 9ZZ', 'A', '4', '20250501'),
];

describe('readGpPractices', () => {
  it('keeps active GP practices (setting 4), places them at their postcode, and counts every other row by reason', async () => {
    const read = await readGpPractices(gpFile(ROWS, { gzip: true }), geocoder);
    expect(read.records).toEqual([
      {
        type: 'gp_practice',
        id: 'A81001',
        name: 'The Densham Surgery',
        ...POSTCODES['B15 2TT'],
        located: 'postcode',
        postcode: 'B15 2TT',
        address: 'The Health Centre, Lawson Street, Stockton On Tees',
        source: 'gp_practices',
      },
      {
        type: 'gp_practice',
        id: 'A81002',
        name: "St John's Medical Centre",
        ...POSTCODES['B15 2TU'],
        located: 'postcode',
        postcode: 'B15 2TU',
        address: 'The Health Centre, Lawson Street, Stockton On Tees',
        source: 'gp_practices',
      },
    ]);
    expect(read.tallies.map((tally) => tally.record())).toEqual([
      {
        type: 'gp_practice',
        source: 'gp_practices',
        file: `${FILE}.gz`,
        read: 7,
        kept: 3,
        placed: 2,
        failed: 1,
        failedExamples: ['Moved Surgery (B15 9ZZ): postcode not in Code-Point Open England'],
        excluded: {
          'closed (status C)': 1,
          'dormant (status D)': 1,
          'not a GP practice (prescribing setting other than 4)': 1,
          'outside England (postcode in Wales)': 1,
        },
      },
    ]);
    // Dated by the latest open or join date of any row (here a practice not placed, opened 1 May 2025).
    expect(read.sources).toHaveLength(1);
    expect(read.sources[0]).toMatchObject({ id: 'gp_practices', date: '2025-05-01', dateNote: 'the latest open or join date in the file', licence: 'Open Government Licence v3.0' });
    expect(read.tallies[0].exclusions().find((e) => e.reason.startsWith('not a GP'))!.examples).toEqual(['HMP Birmingham (Y00613, setting 25)']);
  });

  it('reads the official file without a header, by the positions of the ODS specification', async () => {
    const official = (row: string[]) => {
      const byName = Object.fromEntries(EPRACCUR_HEADER.map((name, i) => [name, row[i]]));
      return EPRACCUR_COLUMNS.map((name) => byName[name] ?? '');
    };
    const read = await readGpPractices(gpFile(ROWS.map(official), { header: null }), geocoder);
    expect(read.records.map((record) => record.id)).toEqual(['A81001', 'A81002']);
    expect(read.tallies[0].record().read).toBe(7);
  });

  it('stops on a missing column, a bad date, an unknown status or a repeated code, naming line and column', async () => {
    const without = EPRACCUR_HEADER.filter((name) => name !== 'Prescribing Setting');
    await expectInputErrorAsync(readGpPractices(gpFile(ROWS.map((row) => row.slice(0, -1)), { header: without }), geocoder), {
      file: FILE,
      line: 1,
      message: ['missing column "Prescribing Setting"'],
    });
    const badDate = [...ROWS];
    badDate[2] = gpRow('A81003', 'CLOSED SURGERY', 'B1 1AA', 'C', '4', '20251301');
    await expectInputErrorAsync(readGpPractices(gpFile(badDate), geocoder), { file: FILE, line: 4, column: 'Open Date', message: ['"20251301" is not a date YYYYMMDD'] });
    const badStatus = [...ROWS, gpRow('A81009', 'X', 'B1 1AA', 'Z', '4')];
    await expectInputErrorAsync(readGpPractices(gpFile(badStatus), geocoder), { file: FILE, line: 9, column: 'Status Code', message: ['"Z" is not a status code'] });
    const repeated = [...ROWS, gpRow('A81001', 'AGAIN', 'B1 1AA', 'A', '4')];
    await expectInputErrorAsync(readGpPractices(gpFile(repeated), geocoder), { file: FILE, line: 9, column: 'Organisation Code', message: ['A81001 is given twice (first on line 2)'] });
    const badSetting = [...ROWS, gpRow('A81010', 'X', 'B1 1AA', 'A', 'four')];
    await expectInputErrorAsync(readGpPractices(gpFile(badSetting), geocoder), { file: FILE, line: 9, column: 'Prescribing Setting', message: ['"four" is not a prescribing setting'] });
  });

  it('reads the shared copy as the CSV reader gives it (header on line 1)', async () => {
    const input = gpFile(ROWS);
    const table = await readCsv(input.path, input.name);
    expect(table.header).toEqual(EPRACCUR_HEADER);
  });
});
