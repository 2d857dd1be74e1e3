/**
 * The English Indices of Deprivation as layers: the IMD, its seven domains
 * and six sub-domains (src/config/indicators.ts says where each is in the
 * official files). At LSOA level each has the official score, rank and
 * decile of every release that the data carries onto LSOA 2021; at ward and
 * authority level, MHCLG's five summary measures (src/stats/summaries.ts),
 * classed by deciles of the national rank.
 */
import { INDICATORS, type Indicator } from '../indicators.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../measures.ts';
import type { Level } from '../geography.ts';
import type { LayerEntry, MeasureSpec, Release } from './types.ts';

export const IOD_RELEASES: Release[] = [
  {
    id: '2019',
    label: { id: 'release.iod2019', defaultMessage: 'IoD 2019' },
    sourceVintage: 'LSOA 2011',
    // The IoD 2019 ranked England's LSOAs of 2011.
    rankedAmong: { lsoa: 32_844 },
    missing: { id: 'release.iod2019.missing' },
  },
  { id: '2025', label: { id: 'release.iod2025', defaultMessage: 'IoD 2025' }, sourceVintage: 'LSOA 2021' },
];

/** The measure of an LSOA: its official score (rank and decile come with it). */
export const LSOA_SCORE: MeasureSpec = {
  id: 'score',
  label: { id: 'measure.score', defaultMessage: 'Score' },
  short: { id: 'measure.score.short', defaultMessage: 'Score' },
  description: { id: 'measure.score.description' },
  csv: 'score',
  format: { style: 'decimal', decimals: 3, storedDecimals: 3 },
  polarity: 'higherIsWorse',
  ranked: true,
};

function summaryMeasure(measure: Measure): MeasureSpec {
  const info = MEASURE_INFO[measure];
  return {
    id: measure,
    label: { id: `measure.${measure}`, defaultMessage: info.label },
    short: { id: `measure.${measure}.short`, defaultMessage: info.short },
    description: { id: `measure.${measure}.description` },
    csv: info.csv,
    format: info.percent
      ? { style: 'percent', decimals: 1, storedDecimals: info.decimals }
      : { style: 'decimal', decimals: Math.min(info.decimals, 2), storedDecimals: info.decimals },
    polarity: 'higherIsWorse',
    ranked: true,
    // Every summary measure but the share of LSOAs in the most deprived 10% weights LSOAs by population.
    populationWeighted: measure !== 'proportionMostDeprived10',
  };
}

export const SUMMARY_MEASURES: MeasureSpec[] = MEASURES.map(summaryMeasure);

/** Download columns as published since the foundation: `imd_score`, `imd_2019_decile`, `imd_rank_of_extent_within_lad`. */
function iodCsvColumn(indicator: Indicator) {
  return (level: Level, measure: MeasureSpec, release: string, part: 'value' | 'rank' | 'class' | 'rankWithinLad'): string => {
    const prefix = release === '2025' ? indicator.id : `${indicator.id}_${release}`;
    if (level === 'lsoa') return `${prefix}_${{ value: 'score', rank: 'rank', class: 'decile', rankWithinLad: 'rank_within_lad' }[part]}`;
    if (part === 'value') return `${prefix}_${measure.csv}`;
    if (part === 'rank') return `${prefix}_rank_of_${measure.csv}`;
    if (part === 'rankWithinLad') return `${prefix}_rank_of_${measure.csv}_within_lad`;
    return `${prefix}_decile_of_${measure.csv}`;
  };
}

const GROUP: Record<Indicator['kind'], string> = { index: 'index', domain: 'domains', subdomain: 'subdomains' };

function iodLayer(indicator: Indicator): LayerEntry {
  return {
    id: indicator.id,
    theme: 'deprivation',
    group: GROUP[indicator.kind],
    kind: 'area',
    adapter: 'iod',
    label: { id: `layer.${indicator.id}.label`, defaultMessage: indicator.label },
    short: { id: `layer.${indicator.id}.short`, defaultMessage: indicator.short },
    description: { id: `layer.${indicator.id}.description` },
    levels: {
      lsoa: { measures: [LSOA_SCORE], releases: ['2019', '2025'] },
      ward: { measures: SUMMARY_MEASURES, releases: ['2025'] },
      lad: { measures: SUMMARY_MEASURES, releases: ['2025'] },
    },
    releases: IOD_RELEASES,
    classes: { kind: 'deciles' },
    palette: 'viridis',
    about: { id: `layer.${indicator.id}.about` },
    sources: indicator.id === 'imd' || indicator.kind === 'domain' ? ['iod2025', 'iod2019', 'lsoa11_lsoa21', 'file10', 'lookup'] : ['iod2025', 'iod2019', 'lsoa11_lsoa21', 'lookup'],
    attribution: { id: 'attribution.iod', defaultMessage: 'IoD 2025 and 2019 © MHCLG' },
    csvColumn: iodCsvColumn(indicator),
  };
}

export const DEPRIVATION_LAYERS: LayerEntry[] = INDICATORS.map(iodLayer);
