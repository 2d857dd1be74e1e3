/**
 * The official IoD 2025 local authority summaries (File 10), as one CSV row
 * per authority with the column names of the humaniverse/IMD R package
 * (the official workbook's sheets joined on the authority code and cleaned
 * with janitor::clean_names()).
 */
import { IOD_COLUMNS } from './iodColumns.ts';
import { INDICATORS, type IndicatorId } from '../../../src/config/indicators.ts';
import type { Measure } from '../../../src/config/measures.ts';
import { CODE_PATTERNS } from '../../../src/config/geography.ts';
import { type CsvTable, numberCell, requireColumns } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';

/** One published figure and its published rank among authorities. */
export interface PublishedMeasure {
  values: Float64Array;
  ranks: Float64Array;
  /** The value as printed in the file, to compare at published precision. */
  text: string[];
}

export interface File10 {
  file: string;
  /** Authority codes in the order of the geography's authorities. */
  codes: string[];
  measures: Partial<Record<IndicatorId, Partial<Record<Measure, PublishedMeasure>>>>;
}

/** File 10 column names of a measure of the indicator with this prefix. */
export function file10Columns(prefix: string, measure: Measure): { value: string; rank: string } | undefined {
  switch (measure) {
    case 'averageScore':
      return { value: `${prefix}_average_score`, rank: `${prefix}_rank_of_average_score` };
    case 'averageRank':
      return { value: `${prefix}_average_rank`, rank: `${prefix}_rank_of_average_rank` };
    case 'proportionMostDeprived10':
      return {
        value: `${prefix}_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
        rank: `${prefix}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
      };
    // Extent and local concentration are published for the IMD only.
    case 'extent':
      return prefix === 'imd' ? { value: 'imd25_extent', rank: 'imd25_rank_of_extent' } : undefined;
    case 'localConcentration':
      return prefix === 'imd'
        ? { value: 'imd25_local_concentration', rank: 'imd25_rank_of_local_concentration' }
        : undefined;
  }
}

const MEASURE_RANGES: Record<Measure, (lsoaCount: number) => { min: number; max: number }> = {
  averageScore: () => ({ min: -Infinity, max: Infinity }),
  averageRank: (n) => ({ min: 1, max: n }),
  proportionMostDeprived10: () => ({ min: 0, max: 1 }),
  extent: () => ({ min: 0, max: 1 }),
  localConcentration: (n) => ({ min: 1, max: n }),
};

export function parseFile10(table: CsvTable, ladCodes: readonly string[], lookupName: string, lsoaCount: number): File10 {
  const codeColumnName = table.header.find((h) => /^(ltla|lad)\d\d_code$/.test(h));
  if (!codeColumnName) {
    throw new InputError({
      file: table.file,
      line: 1,
      problem: 'no authority code column (expected ltla24_code)',
      hint: `The header has: ${listSome(table.header, 8)}`,
    });
  }
  const [codeColumn] = requireColumns(table, [codeColumnName]);
  const position = new Map(ladCodes.map((code, i) => [code, i]));
  const rowOf = new Int32Array(ladCodes.length).fill(-1);
  table.rows.forEach((row, i) => {
    const code = row[codeColumn].trim();
    const where = { file: table.file, line: table.lines[i], column: codeColumnName };
    if (!CODE_PATTERNS.lad.test(code)) throw new InputError({ ...where, problem: `"${code}" is not an English local authority code` });
    const index = position.get(code);
    if (index === undefined) {
      throw new InputError({
        ...where,
        problem: `authority ${code} is not in ${lookupName}`,
        hint: 'Authority codes change (e.g. Cumbria 2023, North Yorkshire 2023); File 10 and the lookup must use the same vintage (2024).',
      });
    }
    if (rowOf[index] >= 0) throw new InputError({ ...where, problem: `authority ${code} appears twice (also on line ${table.lines[rowOf[index]]})` });
    rowOf[index] = i;
  });
  const missing = ladCodes.filter((_, index) => rowOf[index] < 0);
  if (missing.length > 0) {
    throw new InputError({
      file: table.file,
      problem: `has ${countOf(table.rows.length, 'authority', 'authorities')} but ${lookupName} has ${ladCodes.length}; missing ${listSome(missing)}`,
    });
  }

  const measures: File10['measures'] = {};
  const ladCount = ladCodes.length;
  for (const indicator of INDICATORS) {
    const prefix = IOD_COLUMNS[indicator.id].file10Prefix;
    if (!prefix) continue;
    const published: Partial<Record<Measure, PublishedMeasure>> = {};
    for (const measure of Object.keys(MEASURE_RANGES) as Measure[]) {
      const columns = file10Columns(prefix, measure);
      if (!columns) continue;
      const [valueColumn, rankColumn] = requireColumns(table, [columns.value, columns.rank]);
      const range = MEASURE_RANGES[measure](lsoaCount);
      const values = new Float64Array(ladCount);
      const ranks = new Float64Array(ladCount);
      const text: string[] = [];
      for (let index = 0; index < ladCount; index++) {
        const row = rowOf[index];
        values[index] = numberCell(table, row, valueColumn, range);
        ranks[index] = numberCell(table, row, rankColumn, { integer: true, min: 1, max: ladCount });
        text.push(table.rows[row][valueColumn].trim());
      }
      published[measure] = { values, ranks, text };
    }
    measures[indicator.id] = published;
  }
  return { file: table.file, codes: [...ladCodes], measures };
}
