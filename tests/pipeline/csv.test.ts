import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { numberCell, readCsv, requireColumnByPrefix, requireColumns } from '../../scripts/pipeline/csv.ts';
import { tempDir } from './fixtures.ts';
import { csvTable, expectInputError, expectInputErrorAsync } from './helpers.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir('iod-csv-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` to a file in the temporary folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readCsv: good files', () => {
  const TEXT = 'code,name,value\nE01000001,First,1.5\nE01000002,Second,2\n';

  it('reads a plain file: header, rows and the line of each row', async () => {
    const table = await readCsv(file('plain.csv', TEXT), 'plain.csv');
    expect(table).toEqual({
      file: 'plain.csv',
      header: ['code', 'name', 'value'],
      rows: [
        ['E01000001', 'First', '1.5'],
        ['E01000002', 'Second', '2'],
      ],
      lines: [2, 3],
    });
  });

  it('reads a gzip-compressed file ending in .gz the same way', async () => {
    const table = await readCsv(file('plain.csv.gz', gzipSync(TEXT)), 'plain.csv.gz');
    expect(table.file).toBe('plain.csv.gz');
    expect(table.header).toEqual(['code', 'name', 'value']);
    expect(table.rows).toEqual([
      ['E01000001', 'First', '1.5'],
      ['E01000002', 'Second', '2'],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('drops a UTF-8 byte order mark from the first column name', async () => {
    const table = await readCsv(file('bom.csv', `\uFEFF${TEXT}`), 'bom.csv');
    expect(table.header[0]).toBe('code');
    expect(table.rows[0][0]).toBe('E01000001');
  });

  it('keeps commas and doubled quotes inside quoted fields, in the header too', async () => {
    const text =
      'LSOA code (2021),"Education, Skills and Training Score",name\n' +
      'E01000001,12.5,"Castle, Vale & Marsh"\n' +
      'E01000002,3,"The ""Old"" Town"\n';
    const table = await readCsv(file('quoted.csv', text), 'quoted.csv');
    expect(table.header).toEqual(['LSOA code (2021)', 'Education, Skills and Training Score', 'name']);
    expect(table.rows).toEqual([
      ['E01000001', '12.5', 'Castle, Vale & Marsh'],
      ['E01000002', '3', 'The "Old" Town'],
    ]);
  });

  it('trims spaces around header names (not around cells)', async () => {
    const table = await readCsv(file('spaces.csv', ' code , name \nE01000001, x \n'), 'spaces.csv');
    expect(table.header).toEqual(['code', 'name']);
    expect(table.rows).toEqual([['E01000001', ' x ']]);
  });

  it('reads Windows line ends without leaving \\r in the last cell', async () => {
    const table = await readCsv(file('crlf.csv', 'a,b\r\n1,2\r\n3,4\r\n'), 'crlf.csv');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('skips blank lines but keeps counting them, so line numbers stay true', async () => {
    // line 1 header, line 2 "1,2", line 3 blank, line 4 "3,4"
    const table = await readCsv(file('blank.csv', 'a,b\n1,2\n\n3,4\n'), 'blank.csv');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });
});

describe('readCsv: broken files', () => {
  it('names the file and line of a row with too many fields', async () => {
    await expectInputErrorAsync(readCsv(file('long.csv', 'a,b\n1,2\n3,4,5\n6,7\n'), 'long.csv'), {
      file: 'long.csv',
      line: 3,
      message: ['different number of fields from the header'],
    });
  });

  it('names the file and line of a row with too few fields, after a blank line', async () => {
    // line 3 is blank, line 4 has one field
    await expectInputErrorAsync(readCsv(file('short.csv', 'a,b\n1,2\n\n3\n'), 'short.csv'), {
      file: 'short.csv',
      line: 4,
      message: ['different number of fields'],
    });
  });

  it('names the line of a row in a .gz file', async () => {
    await expectInputErrorAsync(readCsv(file('long.csv.gz', gzipSync('a,b\n1,2\n3,4\n5,6,7\n')), 'long.csv.gz'), {
      file: 'long.csv.gz',
      line: 4,
      message: ['different number of fields'],
    });
  });

  it('reports an unclosed quote as malformed CSV', async () => {
    await expectInputErrorAsync(readCsv(file('quote.csv', 'a,b\n1,"2\n3,4\n'), 'quote.csv'), {
      file: 'quote.csv',
      message: ['malformed CSV', 'CSV_QUOTE_NOT_CLOSED'],
    });
  });

  it('rejects an empty file', async () => {
    await expectInputErrorAsync(readCsv(file('empty.csv', ''), 'empty.csv'), {
      file: 'empty.csv',
      line: undefined,
      message: ['the file is empty (no header row)'],
    });
  });

  it('rejects a file with a header and no rows', async () => {
    await expectInputErrorAsync(readCsv(file('header.csv', 'a,b,c\n'), 'header.csv'), {
      file: 'header.csv',
      message: ['the file has a header but no data rows'],
    });
  });

  it('rejects a .gz file that is not gzip data', async () => {
    await expectInputErrorAsync(readCsv(file('fake.csv.gz', 'a,b\n1,2\n'), 'fake.csv.gz'), {
      file: 'fake.csv.gz',
      message: ['not valid gzip data'],
    });
  });

  it('rejects a truncated .gz file', async () => {
    const whole = gzipSync('a,b\n' + '1,2\n'.repeat(1000));
    await expectInputErrorAsync(readCsv(file('cut.csv.gz', whole.subarray(0, whole.length - 20)), 'cut.csv.gz'), {
      file: 'cut.csv.gz',
      message: ['not valid gzip data'],
    });
  });

  it('rejects a header with the same column twice', async () => {
    await expectInputErrorAsync(readCsv(file('twice.csv', 'code,value,code\n1,2,3\n'), 'twice.csv'), {
      file: 'twice.csv',
      line: 1,
      message: ['the header has column "code" twice'],
    });
  });

  it('says when the file does not exist', async () => {
    await expectInputErrorAsync(readCsv(join(dir, 'missing.csv'), 'missing.csv'), {
      file: 'missing.csv',
      message: ['does not exist'],
    });
  });
});

describe('requireColumns', () => {
  const table = csvTable('t.csv', ['LSOA21CD', 'LSOA21NM', 'WD24CD'], [['E01000001', 'A', 'E05000001']]);

  it('gives the index of each named column, in the order asked', () => {
    expect(requireColumns(table, ['WD24CD', 'LSOA21CD'])).toEqual([2, 0]);
  });

  it('lists every missing column in one error on line 1, with the header it found', () => {
    const error = expectInputError(() => requireColumns(table, ['LSOA21CD', 'LAD24CD', 'WD24NM', 'LAD24NM']), {
      file: 't.csv',
      line: 1,
      message: ['missing columns "LAD24CD", "WD24NM", "LAD24NM"'],
    });
    expect(error.hint).toContain('"LSOA21CD", "LSOA21NM", "WD24CD"');
  });

  it('says "column" for one missing column', () => {
    expectInputError(() => requireColumns(table, ['LAD24CD']), {
      file: 't.csv',
      line: 1,
      message: [/missing column "LAD24CD"$/m],
    });
  });
});

describe('requireColumnByPrefix', () => {
  const table = csvTable('f7.csv', ['Income Score (rate)', 'Income Rank (where 1 is most deprived)', 'Crime Score', 'Crime Score (old)'], [['1', '2', '3', '4']]);

  it('finds the one column starting with the prefix', () => {
    expect(requireColumnByPrefix(table, 'Income Score')).toBe(0);
    expect(requireColumnByPrefix(table, 'Income Rank')).toBe(1);
  });

  it('rejects a missing prefix', () => {
    expectInputError(() => requireColumnByPrefix(table, 'Health Score'), {
      file: 'f7.csv',
      line: 1,
      message: ['missing a column starting "Health Score"'],
    });
  });

  it('rejects a prefix that several columns start with', () => {
    expectInputError(() => requireColumnByPrefix(table, 'Crime Score'), {
      file: 'f7.csv',
      line: 1,
      message: ['several columns start "Crime Score": "Crime Score", "Crime Score (old)"'],
    });
  });
});

describe('numberCell', () => {
  // row 0 is on line 2, row 1 on line 3
  const table = csvTable(
    'n.csv',
    ['code', 'rank', 'score'],
    [
      ['E01000001', '12', ' -0.25 '],
      ['E01000002', '2.5', 'n/a'],
    ],
  );

  it('reads numbers, trimming spaces', () => {
    expect(numberCell(table, 0, 1, { integer: true, min: 1, max: 12 })).toBe(12);
    expect(numberCell(table, 0, 2)).toBe(-0.25);
  });

  it('says which file, line and column holds something that is not a number', () => {
    expectInputError(() => numberCell(table, 1, 2), {
      file: 'n.csv',
      line: 3,
      column: 'score',
      message: ['"n/a" is not a number'],
    });
  });

  it('treats an empty cell as not a number', () => {
    const empty = csvTable('e.csv', ['x'], [['  ']]);
    expectInputError(() => numberCell(empty, 0, 0), { file: 'e.csv', line: 2, column: 'x', message: ['"" is not a number'] });
  });

  it('rejects a fraction where a whole number is needed', () => {
    expectInputError(() => numberCell(table, 1, 1, { integer: true }), {
      file: 'n.csv',
      line: 3,
      column: 'rank',
      message: ['"2.5" is not a whole number'],
    });
  });

  it('rejects numbers out of range, above and below', () => {
    expectInputError(() => numberCell(table, 0, 1, { integer: true, min: 1, max: 11 }), {
      file: 'n.csv',
      line: 2,
      column: 'rank',
      message: ['12 is outside the allowed range 1…11'],
    });
    expectInputError(() => numberCell(table, 0, 2, { min: 0 }), {
      file: 'n.csv',
      line: 2,
      column: 'score',
      message: ['-0.25 is outside the allowed range 0…∞'],
    });
  });

  it('rejects infinity', () => {
    const infinite = csvTable('i.csv', ['x'], [['Infinity']]);
    expectInputError(() => numberCell(infinite, 0, 0), { file: 'i.csv', line: 2, column: 'x', message: ['"Infinity" is not a number'] });
  });
});
