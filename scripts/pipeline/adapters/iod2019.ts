/**
 * The IoD 2019 on LSOA 2011 codes, and the ONS LSOA 2011 → 2021 lookup that
 * carries it onto LSOA 2021 where an LSOA did not change.
 *
 * The 2019 file is read in either of two layouts:
 * - the shared data folder's `imd2019_lsoa11.csv.gz` (columns of the
 *   humaniverse/IMD R package: `lsoa11_code`, `IMD_rank`, `IMD_decile`, …;
 *   ranks and deciles, no scores);
 * - the official File 7 of the IoD 2019 (`LSOA code (2011)` and the official
 *   "<indicator> Score / Rank / Decile" names, as in the 2025 File 7), whose
 *   scores are then kept too.
 */
import { IOD_COLUMNS } from './iodColumns.ts';
import { INDICATORS, type IndicatorId } from '../../../src/config/indicators.ts';
import { CODE_PATTERNS, isOutsideEnglandCode } from '../../../src/config/geography.ts';
import { rankAndDecile } from './iod2025.ts';
import { type CsvTable, numberCell, requireColumnByPrefix, requireColumns } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';
import { readCsv } from '../csv.ts';
import { recordSkipped, type BuildContext } from '../model.ts';
import type { Note } from './types.ts';

/** Column stems of the 2019 file in the humaniverse/IMD layout: `<stem>_rank`, `<stem>_decile`. */
export const IOD2019_PACKAGE_STEMS: Record<IndicatorId, string> = {
  imd: 'IMD',
  income: 'Income',
  employment: 'Employment',
  education: 'Education',
  health: 'Health',
  crime: 'Crime',
  barriers: 'Housing_and_Access',
  living: 'Environment',
  cyp: 'Children_and_young_people',
  adult_skills: 'Adult_skills',
  geographical_barriers: 'Geographical_barriers',
  wider_barriers: 'Wider_barriers',
  indoors: 'Indoors',
  outdoors: 'Outdoors',
};

export const IOD2019_PACKAGE_CODE_COLUMN = 'lsoa11_code';
export const IOD2019_OFFICIAL_CODE_COLUMN = 'LSOA code (2011)';
export const CHANGE_COLUMN = 'CHGIND';
export const CHANGE_KINDS = {
  U: 'unchanged',
  S: 'split since 2011 (one 2011 LSOA became several)',
  M: 'merged since 2011 (several 2011 LSOAs became one)',
  X: 'redrawn since 2011 (an irregular change)',
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

export interface Iod2019Columns {
  /** NaN where the file has no scores. */
  score: Float64Array;
  rank: Int32Array;
  decile: Uint8Array;
}

export interface Iod2019Table {
  file: string;
  codes: string[];
  /** Whether the file has scores (the official layout). */
  hasScores: boolean;
  indicators: Record<IndicatorId, Iod2019Columns>;
  skippedOutsideEngland: string[];
}

export interface Lsoa11Lookup {
  file: string;
  /** Every English LSOA 2011 code of the lookup. */
  lsoa11: Set<string>;
  /** For each LSOA 2021 code, how it came from 2011 (U only when the 2011 and 2021 LSOA are one and the same). */
  change: Map<string, ChangeKind>;
  /** For each LSOA 2011 code, the LSOAs 2021 it went into (one for U and M, several for S, any for X). */
  children: Map<string, string[]>;
  /** For each LSOA 2011 code, how it changed (X if any of its rows is X). */
  change11: Map<string, ChangeKind>;
  skippedOutsideEngland: string[];
}

/**
 * Parses the ONS "LSOA (2011) to LSOA (2021) to LAD (2022)" exact-fit lookup
 * and checks it against the LSOAs 2021 of the build's lookup.
 */
export function parseLsoa11Lookup(table: CsvTable, lsoa21Codes: ReadonlySet<string>, lookupName: string, expectedLsoa11: number): Lsoa11Lookup {
  const [c11, c21, cChange] = requireColumns(table, ['LSOA11CD', 'LSOA21CD', CHANGE_COLUMN]);
  const pairs = new Map<string, number>();
  const rows11 = new Map<string, number[]>();
  const rows21 = new Map<string, number[]>();
  const kinds21 = new Map<string, Set<ChangeKind>>();
  const kinds11 = new Map<string, Set<ChangeKind>>();
  const children = new Map<string, string[]>();
  const unchangedRows: number[] = [];
  const skippedOutsideEngland: string[] = [];
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const code11 = row[c11].trim();
    const code21 = row[c21].trim();
    if (isOutsideEnglandCode(code11) || isOutsideEnglandCode(code21)) {
      skippedOutsideEngland.push(code21);
      return;
    }
    for (const [column, code, year] of [[c11, code11, 2011], [c21, code21, 2021]] as const) {
      if (!CODE_PATTERNS.lsoa.test(code)) {
        throw new InputError({ file: table.file, line, column: table.header[column], problem: `"${code}" is not an LSOA ${year} code (E01 and six digits)` });
      }
    }
    const kind = row[cChange].trim();
    if (!(kind in CHANGE_KINDS)) {
      throw new InputError({
        file: table.file,
        line,
        column: CHANGE_COLUMN,
        problem: `"${kind}" is not a change indicator; expected U (unchanged), S (split), M (merged) or X (irregular)`,
      });
    }
    const pair = `${code11}>${code21}`;
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      throw new InputError({ file: table.file, line, problem: `the pair ${code11} → ${code21} appears twice (also on line ${earlier})` });
    }
    pairs.set(pair, line);
    if (kind === 'U') {
      if (code11 !== code21) {
        throw new InputError({
          file: table.file,
          line,
          column: CHANGE_COLUMN,
          problem: `marked U (unchanged) but the codes differ: ${code11} (2011) → ${code21} (2021)`,
        });
      }
      unchangedRows.push(i);
    }
    (rows11.get(code11) ?? rows11.set(code11, []).get(code11)!).push(line);
    (rows21.get(code21) ?? rows21.set(code21, []).get(code21)!).push(line);
    (kinds21.get(code21) ?? kinds21.set(code21, new Set()).get(code21)!).add(kind as ChangeKind);
    (kinds11.get(code11) ?? kinds11.set(code11, new Set()).get(code11)!).add(kind as ChangeKind);
    (children.get(code11) ?? children.set(code11, []).get(code11)!).push(code21);
  });
  // An unchanged LSOA is one 2011 LSOA that is exactly one 2021 LSOA, and nothing else.
  for (const i of unchangedRows) {
    const code = table.rows[i][c11].trim();
    const other = [...rows11.get(code)!, ...rows21.get(code)!].filter((line) => line !== table.lines[i]);
    if (other.length > 0) {
      throw new InputError({
        file: table.file,
        line: table.lines[i],
        column: CHANGE_COLUMN,
        problem: `${code} is marked U (unchanged) but also appears on line ${listSome(other.map(String), 3)}; an unchanged LSOA maps one to one`,
      });
    }
  }
  const stray = [...rows21.keys()].filter((code) => !lsoa21Codes.has(code));
  if (stray.length > 0) {
    throw new InputError({
      file: table.file,
      line: rows21.get(stray[0])![0],
      column: 'LSOA21CD',
      problem: `${countOf(stray.length, 'LSOA 2021 code')} ${stray.length === 1 ? 'is' : 'are'} not in ${lookupName}: ${listSome(stray)}`,
    });
  }
  const missing = [...lsoa21Codes].filter((code) => !rows21.has(code));
  if (missing.length > 0) {
    throw new InputError({ file: table.file, problem: `has no row for ${countOf(missing.length, 'LSOA 2021')} of ${lookupName}: ${listSome(missing)}` });
  }
  if (rows11.size !== expectedLsoa11) {
    throw new InputError({
      file: table.file,
      problem: `has ${rows11.size.toLocaleString('en-GB')} English LSOAs 2011; expected ${expectedLsoa11.toLocaleString('en-GB')} (every LSOA 2011 in England)`,
    });
  }
  // An LSOA with several kinds of change (rare) is the most irregular of them.
  const mostIrregular = (kinds: Set<ChangeKind>) => (['X', 'M', 'S', 'U'] as const).find((k) => kinds.has(k))!;
  const change = new Map<string, ChangeKind>();
  for (const [code, kinds] of kinds21) change.set(code, mostIrregular(kinds));
  const change11 = new Map<string, ChangeKind>();
  for (const [code, kinds] of kinds11) change11.set(code, mostIrregular(kinds));
  return { file: table.file, lsoa11: new Set(rows11.keys()), change, children, change11, skippedOutsideEngland };
}

const lookupReads = new WeakMap<BuildContext, Promise<Lsoa11Lookup | undefined>>();

/**
 * The LSOA 2011 → 2021 lookup of the build, read and checked once however
 * many sources need it (the IoD 2019, Census 2011): undefined when the data
 * folder has none.
 */
export function readLsoa11Lookup(ctx: BuildContext, note: Note): Promise<Lsoa11Lookup | undefined> {
  let read = lookupReads.get(ctx);
  if (!read) {
    read = (async () => {
      const input = ctx.inputs.lsoa11_lsoa21;
      if (!input) return undefined;
      const lookup = parseLsoa11Lookup(await readCsv(input.path, input.name), new Set(ctx.geography.lsoa.codes), ctx.lookupName, ctx.expected.lsoa11s);
      recordSkipped(ctx, note, { file: lookup.file, what: 'rows outside England', examples: lookup.skippedOutsideEngland });
      return lookup;
    })();
    lookupReads.set(ctx, read);
  }
  return read;
}

/**
 * The rows of a file published on LSOA 2011 codes, checked against the
 * LSOAs 2011 of the 2011 → 2021 lookup: each an E01 code of the lookup (an
 * LSOA 2021 code is named as such), none twice, none missing; Welsh rows
 * skipped. `publication` names the source in the hint ("The IoD 2019").
 */
export function lsoa11Rows(
  table: CsvTable,
  codeColumn: number,
  lookup: Lsoa11Lookup,
  lsoa21Codes: ReadonlySet<string>,
  publication: string,
  check?: (row: number) => void,
): { codes: string[]; rows: number[]; skippedOutsideEngland: string[] } {
  const codes: string[] = [];
  const rows: number[] = [];
  const seen = new Map<string, number>();
  const skippedOutsideEngland: string[] = [];
  table.rows.forEach((row, i) => {
    const code = row[codeColumn].trim();
    const where = { file: table.file, line: table.lines[i], column: table.header[codeColumn] };
    if (isOutsideEnglandCode(code)) {
      skippedOutsideEngland.push(code);
      return;
    }
    if (!CODE_PATTERNS.lsoa.test(code)) throw new InputError({ ...where, problem: `"${code}" is not an LSOA code (expected E01 and six digits)` });
    const earlier = seen.get(code);
    if (earlier !== undefined) throw new InputError({ ...where, problem: `LSOA ${code} appears twice (also on line ${earlier})` });
    seen.set(code, table.lines[i]);
    if (!lookup.lsoa11.has(code)) {
      const is2021 = lsoa21Codes.has(code);
      throw new InputError({
        ...where,
        problem: `${code} is not an LSOA 2011 code of the 2011 → 2021 lookup (${lookup.file})${is2021 ? '; it is an LSOA 2021 code' : ''}`,
        hint: is2021 ? `${publication} was published on LSOA 2011 codes; this file seems to have been recoded to 2021.` : undefined,
      });
    }
    check?.(i);
    codes.push(code);
    rows.push(i);
  });
  if (codes.length !== lookup.lsoa11.size) {
    const missing = [...lookup.lsoa11].filter((code) => !seen.has(code));
    throw new InputError({
      file: table.file,
      problem: `has ${codes.length.toLocaleString('en-GB')} LSOA rows but the 2011 → 2021 lookup (${lookup.file}) has ${lookup.lsoa11.size.toLocaleString('en-GB')} LSOAs 2011; missing ${listSome(missing)}`,
    });
  }
  return { codes, rows, skippedOutsideEngland };
}

/**
 * Stops on a file of a source published on LSOAs 2011 that has LSOA 2021
 * code columns instead (a 2021 file given for a 2011 one): the build carries
 * the 2011 codes onto 2021 itself.
 */
export function refuseLsoa21Codes(table: CsvTable, columns: readonly string[], text: { problem: string; hint: string }): void {
  if (columns.some((column) => table.header.includes(column))) throw new InputError({ file: table.file, line: 1, ...text });
}

/**
 * Parses the IoD 2019 LSOA file and checks it against the LSOAs 2011 of the
 * 2011 → 2021 lookup: the same codes, each once, every rank and decile
 * consistent (decile = ⌈rank × 10 / n⌉ among the n LSOAs 2011).
 */
export function parseIod2019(table: CsvTable, lookup: Lsoa11Lookup, lsoa21Codes: ReadonlySet<string>): Iod2019Table {
  refuseLsoa21Codes(table, ['LSOA code (2021)', 'LSOA21CD'], {
    problem: 'has LSOA 2021 codes, but the IoD 2019 was published on LSOA 2011 codes',
    hint: 'Use the IoD 2019 File 7 (or imd2019_lsoa11.csv) as published; the build carries it onto LSOA 2021 itself.',
  });
  const official = table.header.includes(IOD2019_OFFICIAL_CODE_COLUMN);
  const codeName = official ? IOD2019_OFFICIAL_CODE_COLUMN : IOD2019_PACKAGE_CODE_COLUMN;
  if (!official && !table.header.includes(IOD2019_PACKAGE_CODE_COLUMN)) {
    throw new InputError({
      file: table.file,
      line: 1,
      problem: `missing column "${IOD2019_OFFICIAL_CODE_COLUMN}" (official File 7) or "${IOD2019_PACKAGE_CODE_COLUMN}"`,
      hint: `The header has: ${listSome(table.header.map((h) => `"${h}"`), 8)}`,
    });
  }
  const [codeColumn] = requireColumns(table, [codeName]);
  const { codes, rows, skippedOutsideEngland } = lsoa11Rows(table, codeColumn, lookup, lsoa21Codes, 'The IoD 2019');
  const n = codes.length;
  const indicators = {} as Record<IndicatorId, Iod2019Columns>;
  for (const indicator of INDICATORS) {
    const stem = IOD2019_PACKAGE_STEMS[indicator.id];
    const rankColumn = official ? requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Rank`) : requireColumns(table, [`${stem}_rank`])[0];
    const decileColumn = official ? requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Decile`) : requireColumns(table, [`${stem}_decile`])[0];
    const scoreColumn = official ? requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Score`) : -1;
    const columns: Iod2019Columns = { score: new Float64Array(n).fill(Number.NaN), rank: new Int32Array(n), decile: new Uint8Array(n) };
    rows.forEach((row, i) => {
      if (scoreColumn >= 0) columns.score[i] = numberCell(table, row, scoreColumn);
      const { rank, decile } = rankAndDecile(table, row, rankColumn, decileColumn, n);
      columns.rank[i] = rank;
      columns.decile[i] = decile;
    });
    indicators[indicator.id] = columns;
  }
  return { file: table.file, codes, hasScores: official, indicators, skippedOutsideEngland };
}

/** The 2019 figures of one indicator on the LSOAs 2021 (lookup order): only where unchanged since 2011. */
export function carryOnto2021(table: Iod2019Table, lookup: Lsoa11Lookup, lsoa21Codes: readonly string[], id: IndicatorId): Iod2019Columns {
  const position = new Map(table.codes.map((code, i) => [code, i]));
  const source = table.indicators[id];
  const n = lsoa21Codes.length;
  const out: Iod2019Columns = { score: new Float64Array(n).fill(Number.NaN), rank: new Int32Array(n), decile: new Uint8Array(n) };
  lsoa21Codes.forEach((code, i) => {
    if (lookup.change.get(code) !== 'U') return;
    const j = position.get(code)!;
    out.score[i] = source.score[j];
    out.rank[i] = source.rank[j];
    out.decile[i] = source.decile[j];
  });
  return out;
}
