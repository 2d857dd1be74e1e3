/**
 * What every service source module gives back, and the pieces they share:
 * a source's description (data/sources.json) as the app shows it, and the
 * columns of a CSV by name.
 */
import type { ServiceRecord, ServiceSource } from '../../../src/data/servicesSchema.ts';
import { requireColumns, type CsvTable } from '../csv.ts';
import { InputError } from '../errors.ts';
import { SOURCES, type SourceId } from '../inputs.ts';
import type { GeocodingTally } from './geocode.ts';

/** Something a source module repaired or noticed, listed in the build log and the manifest's `skipped`. */
export interface Listed {
  file: string;
  what: string;
  examples: string[];
  count?: number;
}

export interface SourceRead {
  records: ServiceRecord[];
  /** One per input file. */
  tallies: GeocodingTally[];
  sources: ServiceSource[];
  /** Lines for the build log (matches, conversions). */
  notes: string[];
  listed: Listed[];
}

/** A source as ServicesIndex.sources holds it, from its description in data/sources.json; `date` from there unless given. */
export function serviceSource(id: SourceId, date?: { date: string; dateNote: string }): ServiceSource {
  const source = SOURCES[id];
  const when = date ?? (source.date && source.dateNote ? { date: source.date, dateNote: source.dateNote } : undefined);
  if (!when) throw new Error(`data/sources.json: ${id} has no date and dateNote, and its reader does not work them out`);
  return {
    id,
    title: source.title,
    publisher: source.publisher,
    ...when,
    url: source.url ?? source.page,
    licence: source.licence,
    attribution: source.attribution,
  };
}

/** One source made of two (the same libraries or schools in two files): both named, the newer date. */
export function combinedSource(id: string, newer: ServiceSource, older: ServiceSource, dateNote: string): ServiceSource {
  return {
    id,
    title: `${newer.title}; ${older.title}`,
    publisher: newer.publisher === older.publisher ? newer.publisher : `${newer.publisher}; ${older.publisher}`,
    date: newer.date,
    dateNote,
    url: newer.url,
    licence: newer.licence === older.licence ? newer.licence : `${newer.licence}; ${older.licence}`,
    attribution: newer.attribution === older.attribution ? newer.attribution : `${newer.attribution} ${older.attribution}`,
  };
}

/** The index of each named column (one error lists every missing one). */
export function columnsOf<const K extends string>(table: CsvTable, names: readonly K[]): Record<K, number> {
  const at = requireColumns(table, names);
  return Object.fromEntries(names.map((name, i) => [name, at[i]])) as Record<K, number>;
}

/** An InputError at a cell of a table. */
export function cellError(table: CsvTable, row: number, column: number, problem: string, hint?: string): InputError {
  return new InputError({ file: table.file, line: table.lines[row], column: table.header[column], problem, ...(hint ? { hint } : {}) });
}

/** A four-digit year, or undefined for a blank cell; anything else stops the build. */
export function yearCell(table: CsvTable, row: number, column: number): number | undefined {
  const text = table.rows[row][column].trim();
  if (text === '') return undefined;
  if (!/^\d{4}$/.test(text)) throw cellError(table, row, column, `"${text}" is not a year (e.g. 2019)`);
  return Number(text);
}
