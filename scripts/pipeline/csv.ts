/**
 * Reading CSV inputs (plain or gzip-compressed) into memory with the line
 * number of every row, so that every later complaint can point at a line.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError, listSome } from './errors.ts';

export interface CsvTable {
  /** Name of the file as shown to the user. */
  file: string;
  header: string[];
  rows: string[][];
  /** Line in the file of each row (the header is line 1). */
  lines: number[];
}

/** Opens a file for reading, gunzipping it when its name ends in `.gz`. */
export function openInput(path: string): Readable {
  const stream = createReadStream(path);
  return path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

/**
 * Reads a CSV file; its first row is the header, unless `columns` names the
 * columns of a file published without one (its rows then start on line 1).
 */
export async function readCsv(path: string, file: string, options: { columns?: readonly string[] } = {}): Promise<CsvTable> {
  const parser = parse({ bom: true, skip_empty_lines: true, info: true, relax_column_count: false });
  const source = openInput(path);
  // A broken gzip stream or a missing file fails the source, not the parser.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | undefined = options.columns && [...options.columns];
  const rows: string[][] = [];
  const lines: number[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      rows.push(record);
      lines.push(info.lines);
    }
  } catch (error) {
    throw asInputError(error, file);
  }
  if (!header) throw new InputError({ file, problem: 'the file is empty (no header row)' });
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new InputError({ file, line: 1, problem: `the header has column "${name}" twice` });
    seen.add(name);
  }
  if (rows.length === 0) throw new InputError({ file, problem: 'the file has a header but no data rows' });
  return { file, header, rows, lines };
}

function asInputError(error: unknown, file: string): InputError {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const problem =
      error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? 'this row has a different number of fields from the header (a stray comma or quote?)'
        : `malformed CSV (${error.code}): ${error.message.replace(/^Invalid [^:]*: /, '')}`;
    return new InputError({ file, line, problem });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError({ file, problem: 'the file does not exist' });
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
    return new InputError({ file, problem: 'the file ends in .gz but is not valid gzip data (truncated download?)' });
  return new InputError({ file, problem: (error as Error).message });
}

/** Index of each named column; one error lists every missing column. */
export function requireColumns(table: CsvTable, names: readonly string[]): number[] {
  const missing = names.filter((name) => !table.header.includes(name));
  if (missing.length > 0) {
    throw new InputError({
      file: table.file,
      line: 1,
      problem: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      hint: `The header has: ${listSome(table.header.map((h) => `"${h}"`), 12)}`,
    });
  }
  return names.map((name) => table.header.indexOf(name));
}

/**
 * Index of the one column whose name starts with `prefix` (official headers
 * carry suffixes such as "(rate)" or are truncated).
 */
export function requireColumnByPrefix(table: CsvTable, prefix: string): number {
  const matches = table.header.flatMap((name, index) => (name.startsWith(prefix) ? [index] : []));
  if (matches.length === 1) return matches[0];
  throw new InputError({
    file: table.file,
    line: 1,
    problem:
      matches.length === 0
        ? `missing a column starting "${prefix}"`
        : `several columns start "${prefix}": ${matches.map((i) => `"${table.header[i]}"`).join(', ')}`,
  });
}

/** Reads a number from a cell, or says exactly where and why it is not one. */
export function numberCell(
  table: CsvTable,
  row: number,
  column: number,
  rule: { integer?: boolean; min?: number; max?: number } = {},
): number {
  const text = table.rows[row][column].trim();
  const value = text === '' ? Number.NaN : Number(text);
  const where = { file: table.file, line: table.lines[row], column: table.header[column] };
  if (!Number.isFinite(value)) throw new InputError({ ...where, problem: `"${text}" is not a number` });
  if (rule.integer && !Number.isInteger(value))
    throw new InputError({ ...where, problem: `"${text}" is not a whole number` });
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
    throw new InputError({ ...where, problem: `${text} is outside the allowed range ${rule.min ?? '−∞'}…${rule.max ?? '∞'}` });
  return value;
}
