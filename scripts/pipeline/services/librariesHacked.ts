/**
 * The Libraries Hacked libraries file (https://schema.librarydata.uk): every
 * library service's own file combined, UK-wide, with staffed and unstaffed
 * opening hours per day. A library is closed when `Year closed` is given.
 * Type of library, by the schema's documentation: LAL local authority
 * library, LAL- the same unstaffed, CL commissioned (run by a trust or
 * organisation for the council), CRL community-run, ICL (IL in the docs)
 * independent community library.
 */
import { readCsv, type CsvTable } from '../csv.ts';
import type { InputFile } from '../inputs.ts';
import { WEEK } from './hours.ts';
import { uprnOf, type LibraryOperation, type LibraryRow } from './libraryRow.ts';
import { cellError, columnsOf, yearCell } from './source.ts';
import { cellText, joinAddress } from './text.ts';

const TYPES: Record<string, LibraryOperation | undefined> = {
  LAL: 'council',
  'LAL-': 'councilUnstaffed',
  CL: 'commissioned',
  CRL: 'community',
  ICL: 'independent',
  IL: 'independent',
  '': undefined,
};

const STATUTORY: Record<string, boolean | undefined> = { YES: true, NO: false, '': undefined };

const STAFFED = WEEK.map((day) => `${day.name} staffed hours`);
const UNSTAFFED = WEEK.map((day) => `${day.name} unstaffed hours`);

export function parseHackedLibraries(table: CsvTable): LibraryRow[] {
  const col = columnsOf(table, [
    'Local authority', 'Library name', 'Address 1', 'Address 2', 'Address 3', 'Postcode', 'Unique property reference number',
    'Statutory', 'Type of library', 'Year closed', 'URL', ...STAFFED, ...UNSTAFFED,
  ]);
  return table.rows.map((row, r) => {
    const name = cellText(row[col['Library name']]);
    if (!name) throw cellError(table, r, col['Library name'], 'the name is blank');
    const typeText = row[col['Type of library']].trim().toUpperCase();
    if (!(typeText in TYPES)) throw cellError(table, r, col['Type of library'], `"${row[col['Type of library']]}" is not a type of library (LAL, LAL-, CL, CRL, ICL)`);
    const statutoryText = row[col.Statutory].trim().toUpperCase();
    if (!(statutoryText in STATUTORY)) throw cellError(table, r, col.Statutory, `"${row[col.Statutory]}" is not Yes or No`);
    const closedIn = yearCell(table, r, col['Year closed']);
    const address = joinAddress([row[col['Address 1']], row[col['Address 2']], row[col['Address 3']]]);
    const uprn = uprnOf(row[col['Unique property reference number']]);
    const statutory = STATUTORY[statutoryText];
    const operation = TYPES[typeText];
    const url = cellText(row[col.URL]);
    return {
      line: table.lines[r],
      name,
      authority: row[col['Local authority']].trim(),
      ...(address ? { address } : {}),
      postcode: row[col.Postcode].trim(),
      ...(uprn ? { uprn } : {}),
      ...(statutory !== undefined ? { statutory } : {}),
      ...(operation ? { operation } : {}),
      ...(closedIn !== undefined ? { closed: 'closed (year closed given)' } : {}),
      staffed: STAFFED.map((column) => row[col[column]]),
      unstaffed: UNSTAFFED.map((column) => row[col[column]]),
      ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
    };
  });
}

export async function readHackedLibraries(input: InputFile): Promise<{ file: string; rows: LibraryRow[] }> {
  return { file: input.name, rows: parseHackedLibraries(await readCsv(input.path, input.name)) };
}
