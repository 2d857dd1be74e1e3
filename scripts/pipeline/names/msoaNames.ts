/**
 * House of Commons Library MSOA Names (input `msoa_names`): a recognisable
 * name for every MSOA 2021 ("Knowsley 012" → "Huyton Farm").
 *
 * The file has no LSOA codes: an LSOA 2021's name is its MSOA's ONS name plus
 * one letter ("Knowsley 012B" is in "Knowsley 012"), so each MSOA's LSOAs are
 * the lookup's LSOAs whose name, less its last character, is the MSOA's
 * `msoa21nm`. The authority is the one of those LSOAs in the lookup: the
 * file's `localauthorityname` is of before April 2023 (Cumbria, North
 * Yorkshire and Somerset have since been reorganised) and uses the ONS long
 * forms ("Bristol, City of").
 *
 * Stops the build (InputError: file, line, column): a missing column, a code
 * that is not an MSOA 2021 code, a code given twice, an empty name, an
 * English MSOA whose ONS name matches no LSOA of the lookup (a file of
 * another geography), an LSOA of the lookup in no MSOA of the file (a
 * truncated file). Welsh rows (W02) are skipped and counted. An MSOA whose
 * LSOAs the lookup puts in two authorities belongs to the one with most of
 * them (noted).
 */
import { readCsv, requireColumns, type CsvTable } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';
import type { Geography } from '../lookup.ts';
import { recordSkipped, type BuildContext } from '../model.ts';

export interface Msoa {
  code: string;
  /** The House of Commons Library name (msoa21hclnm). */
  name: string;
  /** Authority: index in the lookup's authorities, that of most of its LSOAs. */
  lad: number;
  /** Its LSOAs: indexes in the lookup's LSOAs, ascending. */
  lsoas: number[];
}

export interface MsoaNames {
  file: string;
  /** English MSOAs in code order. */
  msoas: Msoa[];
  /** Welsh MSOAs (W02…), skipped. */
  skippedWelsh: string[];
  /** MSOAs whose `localauthorityname` is not their authority in the lookup (mostly the 2023 reorganisations). */
  authorityChanged: string[];
  /**
   * MSOAs with LSOAs in more than one authority: the lookup places each LSOA
   * by its ward's best fit, which can put one LSOA of an MSOA over the
   * border (West Northamptonshire 048 has one in Cherwell).
   */
  straddling: string[];
}

/** The value most of them have (the first such, in order of first appearance, on a tie). */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0];
  for (const [value, count] of counts) if (count > counts.get(best)!) best = value;
  return best;
}

const COLUMNS = ['msoa21cd', 'msoa21nm', 'msoa21hclnm', 'localauthorityname'] as const;
const MSOA_CODE = /^[EW]02\d{6}$/;

/** "Bristol, City of" → "Bristol", to compare the file's authority names with the lookup's. */
const plainAuthorityName = (name: string) => name.replace(/, (City|County) of$/, '').toLowerCase();

/** The ONS name of an LSOA's MSOA: its name less the final letter. */
const msoaNameOfLsoa = (lsoaName: string) => lsoaName.slice(0, -1);

export function parseMsoaNames(table: CsvTable, geography: Geography, ladOfLsoa: Int32Array, lookupName: string): MsoaNames {
  const [codeColumn, onsNameColumn, nameColumn, authorityColumn] = requireColumns(table, COLUMNS);
  const lsoasByOnsName = new Map<string, number[]>();
  geography.lsoa.names.forEach((name, lsoa) => {
    const key = msoaNameOfLsoa(name);
    const list = lsoasByOnsName.get(key);
    if (list) list.push(lsoa);
    else lsoasByOnsName.set(key, [lsoa]);
  });

  const seen = new Map<string, number>();
  const rows: (Msoa & { line: number; onsName: string; fileAuthority: string })[] = [];
  const skippedWelsh: string[] = [];
  const unmatched: { code: string; onsName: string; line: number }[] = [];
  const straddling: string[] = [];
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const where = (column: number) => ({ file: table.file, line, column: table.header[column] });
    const code = row[codeColumn].trim();
    if (!MSOA_CODE.test(code)) throw new InputError({ ...where(codeColumn), problem: `"${code}" is not an MSOA 2021 code (E02 or W02 and six digits)` });
    const first = seen.get(code);
    if (first !== undefined) throw new InputError({ ...where(codeColumn), problem: `MSOA ${code} is given twice (first on line ${first})` });
    seen.set(code, line);
    if (code.startsWith('W')) {
      skippedWelsh.push(code);
      return;
    }
    const name = row[nameColumn].trim();
    if (name === '') throw new InputError({ ...where(nameColumn), problem: `MSOA ${code} has no name` });
    const onsName = row[onsNameColumn].trim();
    const lsoas = lsoasByOnsName.get(onsName);
    if (!lsoas) {
      unmatched.push({ code, onsName, line });
      return;
    }
    lsoasByOnsName.delete(onsName);
    const lad = mostCommon(lsoas.map((lsoa) => ladOfLsoa[lsoa]));
    const outside = lsoas.filter((lsoa) => ladOfLsoa[lsoa] !== lad);
    if (outside.length > 0) {
      straddling.push(`${code} "${name}" (${outside.map((lsoa) => `${geography.lsoa.codes[lsoa]} in ${geography.lad.names[ladOfLsoa[lsoa]]}`).join(', ')})`);
    }
    rows.push({ code, name, lad, lsoas, line, onsName, fileAuthority: row[authorityColumn].trim() });
  });

  if (unmatched.length > 0) {
    throw new InputError({
      file: table.file,
      line: unmatched[0].line,
      column: table.header[onsNameColumn],
      problem: `${countOf(unmatched.length, 'English MSOA')} ${unmatched.length === 1 ? 'has' : 'have'} an ONS name that no LSOA of ${lookupName} has (LSOA name less its last letter): ${listSome(unmatched.map((u) => `${u.code} "${u.onsName}" (line ${u.line})`))}`,
      hint: 'The names must be of the MSOAs 2021 (House of Commons Library MSOA Names version 2.x), as the lookup is of the LSOAs 2021.',
    });
  }
  const orphans = [...lsoasByOnsName.values()].flat().sort((a, b) => a - b);
  if (orphans.length > 0) {
    throw new InputError({
      file: table.file,
      problem: `${countOf(orphans.length, 'LSOA')} of ${lookupName} ${orphans.length === 1 ? 'is' : 'are'} in no MSOA of the file: ${listSome(orphans.map((lsoa) => `${geography.lsoa.codes[lsoa]} "${geography.lsoa.names[lsoa]}"`))}`,
      hint: 'Every English MSOA 2021 must be in the file (6,856 of them); is it truncated?',
    });
  }

  rows.sort((a, b) => (a.code < b.code ? -1 : 1));
  const authorityChanged = rows
    .filter((row) => plainAuthorityName(row.fileAuthority) !== plainAuthorityName(geography.lad.names[row.lad]))
    .map((row) => `${row.code} ${row.fileAuthority} → ${geography.lad.names[row.lad]}`);
  return { file: table.file, msoas: rows.map(({ code, name, lad, lsoas }) => ({ code, name, lad, lsoas })), skippedWelsh, authorityChanged, straddling };
}

/** Reads and checks the MSOA names, if given; undefined when they are not (no neighbourhood names then). */
export async function readMsoaNames(ctx: BuildContext, note: (message: string) => void): Promise<MsoaNames | undefined> {
  const input = ctx.inputs.msoa_names;
  if (!input) {
    note('no House of Commons Library MSOA Names (--msoa-names): no neighbourhood names, and no names/ files');
    return undefined;
  }
  const names = parseMsoaNames(await readCsv(input.path, input.name), ctx.geography, ctx.ladOfLsoa, ctx.lookupName);
  recordSkipped(ctx, note, { file: input.name, what: 'Welsh MSOAs', examples: names.skippedWelsh });
  note(`${countOf(names.msoas.length, 'MSOA name')} from ${input.name}`);
  if (names.straddling.length > 0) {
    note(`${countOf(names.straddling.length, 'MSOA')} with LSOAs in two authorities, placed in the authority of most of them: ${listSome(names.straddling, 3)}`);
  }
  if (names.authorityChanged.length > 0) {
    note(`${countOf(names.authorityChanged.length, 'MSOA')} named after a former authority in the file, placed in the lookup's (${listSome(names.authorityChanged, 3)})`);
  }
  return names;
}
