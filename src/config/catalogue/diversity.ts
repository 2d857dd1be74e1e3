/**
 * Ethnic diversity from Census 2021 (TS021, five broad groups) and Census
 * 2011 (KS201EW, harmonised to the same five groups) for LSOAs, wards and
 * authorities. Wards and authorities take the summed counts of
 * their LSOAs (best-fit lookup), never an average of LSOA indices.
 */
import { CENSUS_2021, groupCsvColumn, shareMeasure, simpsonMeasure } from './censusGroups.ts';
import type { LayerEntry, MeasureSpec } from './types.ts';

/** The five broad groups of TS021, in the order of the census file. */
export const ETHNIC_GROUPS = [
  { id: 'asian', label: 'Asian, Asian British or Asian Welsh', short: 'Asian' },
  { id: 'black', label: 'Black, Black British, Black Welsh, Caribbean or African', short: 'Black' },
  { id: 'mixed', label: 'Mixed or Multiple ethnic groups', short: 'Mixed' },
  { id: 'white', label: 'White', short: 'White' },
  { id: 'other', label: 'Other ethnic group', short: 'Other' },
] as const;

export const SIMPSON: MeasureSpec = simpsonMeasure(
  {
    label: { id: 'measure.simpson', defaultMessage: 'Ethnic diversity (Simpson’s index)' },
    short: { id: 'measure.simpson.short', defaultMessage: 'Diversity' },
    description: { id: 'measure.simpson.description' },
  },
  'ethnic_diversity',
);

const ethnicShare = (group: (typeof ETHNIC_GROUPS)[number]) => shareMeasure(group, 'measure.share', 'share');

export const DIVERSITY_MEASURES: MeasureSpec[] = [SIMPSON, ...ETHNIC_GROUPS.map(ethnicShare)];

const levelSpec = { measures: DIVERSITY_MEASURES, releases: ['2011', '2021'] };

export const DIVERSITY_LAYERS: LayerEntry[] = [
  {
    id: 'ethnic_diversity',
    theme: 'diversity',
    group: 'ethnicity',
    kind: 'area',
    adapter: 'census-ethnicity',
    label: { id: 'layer.ethnic_diversity.label', defaultMessage: 'Ethnic diversity' },
    short: { id: 'layer.ethnic_diversity.short', defaultMessage: 'Ethnic diversity' },
    description: { id: 'layer.ethnic_diversity.description' },
    levels: { lsoa: levelSpec, ward: levelSpec, lad: levelSpec },
    releases: [
      {
        id: '2011',
        label: { id: 'release.census2011', defaultMessage: 'Census 2011' },
        // Census 2011 counted residents of England's LSOAs of 2011.
        sourceVintage: 'LSOA 2011',
        missing: { id: 'release.census2011.missing' },
      },
      CENSUS_2021,
    ],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'ylgnbu',
    about: { id: 'layer.ethnic_diversity.about' },
    sources: ['census', 'census2011', 'lsoa11_lsoa21', 'lookup'],
    attribution: { id: 'attribution.census', defaultMessage: 'Census 2021 and 2011 © ONS' },
    csvColumn: groupCsvColumn('ethnic_diversity', 'ethnic_share'),
  },
];
