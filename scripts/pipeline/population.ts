/**
 * Population weights for the summary measures. MHCLG weights by "Total
 * population: mid 2022" from File 7; when that column is not in the File 7
 * given, Census 2021 usual residents (TS021 total) stand in, and every
 * output says so.
 */
import { CODE_PATTERNS, isOutsideEnglandCode } from '../../src/config/geography.ts';
import { type CsvTable, numberCell, requireColumns } from './csv.ts';
import { InputError } from './errors.ts';
import { checkSameCodes, type IodTable } from './iod.ts';

export const CENSUS_CODE_COLUMN = 'geography code';
export const CENSUS_TOTAL_COLUMN = 'Ethnic group: Total: All usual residents';

export interface PopulationWeights {
  /** Machine-readable kind, recorded in the manifest. */
  kind: 'mid-year-estimate' | 'census-2021';
  /** Human description, shown on screen and in the downloads. */
  description: string;
  file: string;
  column: string;
  /** Weight of each LSOA, in the order of the lookup's LSOA codes. */
  values: Float64Array;
  skippedOutsideEngland: number;
}

/** Takes the weights from File 7's own population column. */
export function weightsFromIod(iod: IodTable, lsoaCodes: readonly string[]): PopulationWeights | undefined {
  if (!iod.population) return undefined;
  const position = new Map(iod.codes.map((code, i) => [code, i]));
  return {
    kind: 'mid-year-estimate',
    description: `official File 7 “${iod.population.column}” (ONS mid-${iod.population.year} estimates), as MHCLG uses for File 10`,
    file: iod.file,
    column: iod.population.column,
    values: Float64Array.from(lsoaCodes, (code) => iod.population!.values[position.get(code)!]),
    skippedOutsideEngland: 0,
  };
}

/** Census 2021 usual residents by LSOA (TS021 total), checked against the lookup. */
export function weightsFromCensus(
  table: CsvTable,
  lsoaCodes: readonly string[],
  lookupName: string,
): PopulationWeights {
  const [codeColumn, totalColumn] = requireColumns(table, [CENSUS_CODE_COLUMN, CENSUS_TOTAL_COLUMN]);
  const byCode = new Map<string, number>();
  const codes: string[] = [];
  const lines: number[] = [];
  let skippedOutsideEngland = 0;
  table.rows.forEach((row, i) => {
    const code = row[codeColumn].trim();
    const where = { file: table.file, line: table.lines[i], column: CENSUS_CODE_COLUMN };
    if (isOutsideEnglandCode(code)) {
      skippedOutsideEngland++;
      return;
    }
    if (!CODE_PATTERNS.lsoa.test(code)) {
      throw new InputError({
        ...where,
        problem: `"${code}" is not an LSOA code; use the LSOA file of the bulk download (census2021-ts021-lsoa.csv)`,
      });
    }
    if (byCode.has(code)) throw new InputError({ ...where, problem: `LSOA ${code} appears twice` });
    byCode.set(code, numberCell(table, i, totalColumn, { integer: true, min: 1 }));
    codes.push(code);
    lines.push(table.lines[i]);
  });
  checkSameCodes({ ...table, lines }, codes, new Set(lsoaCodes), lookupName);
  return {
    kind: 'census-2021',
    description:
      'Census 2021 usual residents (TS021 total), standing in for the mid-2022 population of File 7, which was not supplied',
    file: table.file,
    column: CENSUS_TOTAL_COLUMN,
    values: Float64Array.from(lsoaCodes, (code) => byCode.get(code)!),
    skippedOutsideEngland,
  };
}
