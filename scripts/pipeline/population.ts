/**
 * Population weights for the summary measures. MHCLG weights by "Total
 * population: mid 2022" from File 7; when that column is not in the File 7
 * given, Census 2021 usual residents (TS021 total) stand in, and every
 * output says so.
 */
import { ETHNIC_GROUP_TOTAL_COLUMN } from './adapters/censusEthnicity.ts';
import type { IodTable } from './adapters/iod2025.ts';
import type { CensusEthnicity } from './adapters/censusEthnicity.ts';

export interface PopulationWeights {
  /** Machine-readable kind, recorded in the manifest. */
  kind: 'mid-year-estimate' | 'census-2021';
  /** Human description, shown on screen and in the downloads. */
  description: string;
  file: string;
  column: string;
  /** Weight of each LSOA, in the order of the lookup's LSOA codes. */
  values: Float64Array;
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
  };
}

/** Census 2021 usual residents by LSOA (TS021 total), already checked against the lookup. */
export function weightsFromCensus(census: CensusEthnicity): PopulationWeights {
  return {
    kind: 'census-2021',
    description:
      'Census 2021 usual residents (TS021 total), standing in for the mid-2022 population of File 7, which was not supplied',
    file: census.file,
    column: ETHNIC_GROUP_TOTAL_COLUMN,
    values: census.totals,
  };
}
