/**
 * Reading and checking the IoD 2025 LSOA file (the official File 7, or the
 * subset of it in the shared data folder).
 */
import { IOD_COLUMNS } from './iodColumns.ts';
import { INDICATORS, type IndicatorId } from '../../../src/config/indicators.ts';
import { CODE_PATTERNS, isOutsideEnglandCode } from '../../../src/config/geography.ts';
import { decileFromRank } from '../../../src/stats/ranking.ts';
import { type CsvTable, numberCell, requireColumnByPrefix, requireColumns } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';

export const IOD_CODE_COLUMN = 'LSOA code (2021)';
/** File 7 population denominator used as the official summary weight. */
export const POPULATION_COLUMN_PATTERN = /^Total population: mid[ -]?(\d{4})/i;

export interface IndicatorColumns {
  score: Float64Array;
  rank: Int32Array;
  decile: Uint8Array;
}

export interface IodTable {
  file: string;
  /** LSOA codes in file order. */
  codes: string[];
  lines: number[];
  indicators: Record<IndicatorId, IndicatorColumns>;
  /** "Total population: mid 2022" when the file is the full official File 7. */
  population?: { column: string; year: number; values: Float64Array };
}

/**
 * Parses File 7 and checks it against the LSOAs of the lookup, which defines
 * the geography of the build: the same codes, each once.
 */
export function parseIod(table: CsvTable, lookupCodes: ReadonlySet<string>, lookupName: string): IodTable {
  if (!table.header.includes(IOD_CODE_COLUMN) && table.header.some((h) => /^LSOA code \(2011\)/.test(h))) {
    throw new InputError({
      file: table.file,
      line: 1,
      problem: `the LSOA codes are 2011 codes ("LSOA code (2011)"), but the IoD 2025 uses LSOA 2021 codes`,
      hint: 'This looks like an IoD 2019 or 2015 file. Use the IoD 2025 File 7.',
    });
  }
  const [codeColumn] = requireColumns(table, [IOD_CODE_COLUMN]);
  const n = table.rows.length;
  const codes: string[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const code = row[codeColumn].trim();
    const where = { file: table.file, line: table.lines[i], column: IOD_CODE_COLUMN };
    if (isOutsideEnglandCode(code))
      throw new InputError({ ...where, problem: `${code} is not an English LSOA; the IoD 2025 covers England only` });
    if (!CODE_PATTERNS.lsoa.test(code))
      throw new InputError({ ...where, problem: `"${code}" is not an LSOA code (expected E01 and six digits)` });
    const earlier = seen.get(code);
    if (earlier !== undefined)
      throw new InputError({ ...where, problem: `LSOA ${code} appears twice (also on line ${earlier})` });
    seen.set(code, table.lines[i]);
    codes.push(code);
  });
  checkSameCodes(table, codes, lookupCodes, lookupName);

  const indicators = {} as Record<IndicatorId, IndicatorColumns>;
  for (const indicator of INDICATORS) {
    const scoreColumn = requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Score`);
    const rankColumn = requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Rank`);
    const decileColumn = requireColumnByPrefix(table, `${IOD_COLUMNS[indicator.id].file7Base} Decile`);
    const columns: IndicatorColumns = {
      score: new Float64Array(n),
      rank: new Int32Array(n),
      decile: new Uint8Array(n),
    };
    for (let i = 0; i < n; i++) {
      columns.score[i] = numberCell(table, i, scoreColumn);
      const { rank, decile } = rankAndDecile(table, i, rankColumn, decileColumn, n);
      columns.rank[i] = rank;
      columns.decile[i] = decile;
    }
    indicators[indicator.id] = columns;
  }

  const populationColumn = table.header.findIndex((h) => POPULATION_COLUMN_PATTERN.test(h));
  let population: IodTable['population'];
  if (populationColumn >= 0) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = numberCell(table, i, populationColumn, { min: 1 });
    const name = table.header[populationColumn];
    population = { column: name, year: Number(POPULATION_COLUMN_PATTERN.exec(name)![1]), values };
  }
  return { file: table.file, codes, lines: table.lines, indicators, population };
}

/**
 * Every LSOA of the lookup must be in the file and nothing else: names the
 * first stray or missing codes, and hints at the usual cause (a file of
 * another vintage, or a truncated file).
 */
export function checkSameCodes(
  table: CsvTable,
  codes: readonly string[],
  expected: ReadonlySet<string>,
  expectedFrom: string,
): void {
  const strayIndex = codes.findIndex((code) => !expected.has(code));
  if (strayIndex >= 0) {
    const stray = codes.filter((code) => !expected.has(code));
    throw new InputError({
      file: table.file,
      line: table.lines[strayIndex],
      problem: `${countOf(stray.length, 'code')} ${stray.length === 1 ? 'is not an LSOA 2021 code' : 'are not LSOA 2021 codes'} of ${expectedFrom}: ${listSome(stray)}`,
      hint: 'LSOA codes changed in 2021; a file keyed by LSOA 2011 codes (IoD 2019 and earlier) cannot be used here.',
    });
  }
  if (codes.length !== expected.size) {
    const present = new Set(codes);
    const missing = [...expected].filter((code) => !present.has(code));
    throw new InputError({
      file: table.file,
      problem: `has ${codes.length.toLocaleString('en-GB')} LSOA rows but ${expectedFrom} has ${expected.size.toLocaleString('en-GB')}; missing ${listSome(missing)}`,
    });
  }
}

/**
 * An LSOA's national rank and decile from an IoD file, checked against each
 * other: the decile must be ⌈rank × 10 / n⌉ (MHCLG's definition), which also
 * catches a file with rows missing or added.
 */
export function rankAndDecile(table: CsvTable, row: number, rankColumn: number, decileColumn: number, n: number): { rank: number; decile: number } {
  const rank = numberCell(table, row, rankColumn, { integer: true, min: 1, max: n });
  const decile = numberCell(table, row, decileColumn, { integer: true, min: 1, max: 10 });
  if (decile !== decileFromRank(rank, n)) {
    throw new InputError({
      file: table.file,
      line: table.lines[row],
      column: table.header[decileColumn],
      problem: `decile ${decile} does not match rank ${rank} of ${n} LSOAs (expected ${decileFromRank(rank, n)})`,
      hint: 'Deciles are ⌈rank × 10 / number of LSOAs⌉; a file with rows missing or added gives this error.',
    });
  }
  return { rank, decile };
}
