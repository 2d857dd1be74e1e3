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
  description: string;
}

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  averageScore: {
    label: 'Average score',
    short: 'Avg score',
    csv: 'average_score',
    decimals: 3,
    percent: false,
    description: 'Population-weighted average of the scores of its LSOAs. Higher is more deprived.',
  },
  averageRank: {
    label: 'Average rank',
    short: 'Avg rank',
    csv: 'average_rank',
    decimals: 2,
    percent: false,
    description:
      'Population-weighted average of its LSOAs’ national ranks, counted so that the most deprived LSOA scores highest. Higher is more deprived; unlike the average score it is not pulled up by a few extreme LSOAs.',
  },
  proportionMostDeprived10: {
    label: 'LSOAs in most deprived 10%',
    short: 'In most deprived 10%',
    csv: 'proportion_most_deprived_10pct',
    decimals: 4,
    percent: true,
    description: 'Share of its LSOAs that are among the most deprived 10% in England (not population weighted).',
  },
  extent: {
    label: 'Extent',
    short: 'Extent',
    csv: 'extent',
    decimals: 4,
    percent: true,
    description:
      'Share of its population living in the most deprived 30% of LSOAs in England, counting the most deprived 10% fully and the next 20% on a sliding scale.',
  },
  localConcentration: {
    label: 'Local concentration',
    short: 'Local concentration',
    csv: 'local_concentration',
    decimals: 2,
    percent: false,
    description:
      'Population-weighted average rank of its most deprived LSOAs that hold 10% of its population: how severe its worst pockets are. Higher is more deprived.',
  },
};
