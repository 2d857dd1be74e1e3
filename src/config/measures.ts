/**
 * The IoD summary measures of a ward or local authority (see
 * src/stats/summaries.ts for the formulas). Shared by the pipeline (column
 * names, precision) and the app (labels, explanations).
 */

export const MEASURES = [
  'averageScore',
  'averageRank',
  'proportionMostDeprived10',
  'extent',
  'localConcentration',
] as const;

export type Measure = (typeof MEASURES)[number];

export function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value);
}

export interface MeasureInfo {
  label: string;
  short: string;
  /** Column stem in the CSV downloads (`imd_<csv>`, `imd_rank_of_<csv>`). */
  csv: string;
  /** Decimals kept in the outputs: the precision of the official File 10. */
  decimals: number;
  /** Shown as a percentage on screen. */
  percent: boolean;
}

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  averageScore: {
    label: 'Average score',
    short: 'Avg score',
    csv: 'average_score',
    decimals: 3,
    percent: false,
  },
  averageRank: {
    label: 'Average rank',
    short: 'Avg rank',
    csv: 'average_rank',
    decimals: 2,
    percent: false,
  },
  proportionMostDeprived10: {
    label: 'LSOAs in most deprived 10%',
    short: 'In most deprived 10%',
    csv: 'proportion_most_deprived_10pct',
    decimals: 4,
    percent: true,
  },
  extent: {
    label: 'Extent',
    short: 'Extent',
    csv: 'extent',
    decimals: 4,
    percent: true,
  },
  localConcentration: {
    label: 'Local concentration',
    short: 'Local concentration',
    csv: 'local_concentration',
    decimals: 2,
    percent: false,
  },
};
