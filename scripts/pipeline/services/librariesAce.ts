/**
 * Arts Council England's public libraries basic dataset (2023): one row per
 * library service point, closed ones included. A library is closed when the
 * `closed` column gives a year, or its 2023 operation is "Closed"; mobile and
 * prison libraries and archives are not libraries a resident can walk into
 * (a mobile library's postcode is its depot). The `type`, `statutory_23` and
 * `operation_23` values come in mixed case ("Static library", "yes"); a value
 * outside the known ones stops the build rather than being guessed at.
 */
import { readCsv, type CsvTable } from '../csv.ts';
import type { InputFile } from '../inputs.ts';
import { uprnOf, type LibraryOperation, type LibraryRow } from './libraryRow.ts';
import { cellError, columnsOf, yearCell } from './source.ts';
import { cellText, joinAddress } from './text.ts';

/** `type`, lower case: undefined for a library kept, else why it is left out. */
const TYPES: Record<string, string | undefined> = {
  'static library': undefined,
  'static local history library': undefined,
  'mobile library': 'mobile library (no fixed place: its postcode is its base)',
  'prison library': 'prison library (not open to the public)',
  archive: 'archive (not a library)',
  'static archive': 'archive (not a library)',
};

/** `operation_23`, upper case. */
const OPERATIONS: Record<string, LibraryOperation | 'closed' | undefined> = {
  LA: 'council',
  LAU: 'councilUnstaffed',
  C: 'commissioned',
  CR: 'community',
  ICL: 'independent',
  CLOSED: 'closed',
  'TEMPORARY CLOSURE': undefined,
  '[UNKNOWN]': undefined,
  '': undefined,
};

/** `statutory_23`, lower case ("Temporary Closure" says nothing about it). */
const STATUTORY: Record<string, boolean | undefined> = { yes: true, no: false, 'temporary closure': undefined, '': undefined };

export function parseAceLibraries(table: CsvTable): LibraryRow[] {
  const col = columnsOf(table, ['name', 'address1', 'address2', 'address3', 'authority', 'postcode', 'uprn', 'type', 'statutory_23', 'operation_23', 'closed']);
  return table.rows.map((row, r) => {
    const name = cellText(row[col.name]);
    if (!name) throw cellError(table, r, col.name, 'the name is blank');
    const type = row[col.type].trim().toLowerCase();
    if (!(type in TYPES)) throw cellError(table, r, col.type, `"${row[col.type]}" is not a known type (${Object.keys(TYPES).join(', ')}; any case)`);
    const statutoryText = row[col.statutory_23].trim().toLowerCase();
    if (!(statutoryText in STATUTORY)) throw cellError(table, r, col.statutory_23, `"${row[col.statutory_23]}" is not Yes, No or Temporary Closure`);
    const operationText = row[col.operation_23].trim().toUpperCase();
    if (!(operationText in OPERATIONS)) {
      throw cellError(table, r, col.operation_23, `"${row[col.operation_23]}" is not an operation code (${Object.keys(OPERATIONS).filter(Boolean).join(', ')}; any case)`);
    }
    const operation = OPERATIONS[operationText];
    const closedIn = yearCell(table, r, col.closed);
    const closed = closedIn !== undefined ? 'closed (year closed given)' : operation === 'closed' ? 'closed (2023 operation "Closed")' : undefined;
    const address = joinAddress([row[col.address1], row[col.address2], row[col.address3]]);
    const uprn = uprnOf(row[col.uprn]);
    const statutory = STATUTORY[statutoryText];
    const notALibrary = TYPES[type];
    return {
      line: table.lines[r],
      name,
      authority: row[col.authority].trim(),
      ...(address ? { address } : {}),
      postcode: row[col.postcode].trim(),
      ...(uprn ? { uprn } : {}),
      ...(statutory !== undefined ? { statutory } : {}),
      ...(operation && operation !== 'closed' ? { operation } : {}),
      ...(closed ? { closed } : {}),
      ...(notALibrary ? { notALibrary } : {}),
    };
  });
}

export async function readAceLibraries(input: InputFile): Promise<{ file: string; rows: LibraryRow[] }> {
  return { file: input.name, rows: parseAceLibraries(await readCsv(input.path, input.name)) };
}
