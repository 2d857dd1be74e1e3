/**
 * Religious diversity from Census 2021 (TS030, nine categories: eight
 * answers and "Not answered") for LSOAs, wards and authorities. Wards and
 * authorities take the summed counts of their LSOAs (best-fit lookup), never
 * an average of LSOA indices.
 *
 * The religion question was voluntary and about 6% of residents did not
 * answer it. Simpson's index is worked out over the eight answered
 * categories among those who answered (treating "Not answered" as a ninth
 * religion would count non-response as diversity); every share, "Not
 * answered" included, is of all usual residents, so the non-response stays
 * visible beside the index.
 */
import { CENSUS_2021, groupCsvColumn, shareMeasure, simpsonMeasure } from './censusGroups.ts';
import type { LayerEntry, MeasureSpec } from './types.ts';

/** The nine categories of TS030, in the order of the census file; `answered` ones make up Simpson's index. */
export const RELIGION_GROUPS = [
  { id: 'no_religion', label: 'No religion', short: 'No religion', answered: true },
  { id: 'christian', label: 'Christian', short: 'Christian', answered: true },
  { id: 'buddhist', label: 'Buddhist', short: 'Buddhist', answered: true },
  { id: 'hindu', label: 'Hindu', short: 'Hindu', answered: true },
  { id: 'jewish', label: 'Jewish', short: 'Jewish', answered: true },
  { id: 'muslim', label: 'Muslim', short: 'Muslim', answered: true },
  { id: 'sikh', label: 'Sikh', short: 'Sikh', answered: true },
  { id: 'other', label: 'Other religion', short: 'Other religion', answered: true },
  { id: 'not_answered', label: 'Not answered', short: 'Not answered', answered: false },
] as const;

export const RELIGIOUS_SIMPSON: MeasureSpec = simpsonMeasure(
  {
    label: { id: 'measure.religion.simpson', defaultMessage: 'Religious diversity (Simpson’s index)' },
    short: { id: 'measure.religion.simpson.short', defaultMessage: 'Diversity' },
    description: { id: 'measure.religion.simpson.description' },
  },
  'religious_diversity',
);

const religionShare = (group: (typeof RELIGION_GROUPS)[number]) => shareMeasure(group, 'measure.religion_share', 'religion_share');

export const RELIGION_MEASURES: MeasureSpec[] = [RELIGIOUS_SIMPSON, ...RELIGION_GROUPS.map(religionShare)];

const levelSpec = { measures: RELIGION_MEASURES, releases: ['2021'] };

export const RELIGION_LAYERS: LayerEntry[] = [
  {
    id: 'religious_diversity',
    theme: 'diversity',
    group: 'religion',
    kind: 'area',
    adapter: 'census-religion',
    label: { id: 'layer.religious_diversity.label', defaultMessage: 'Religious diversity' },
    short: { id: 'layer.religious_diversity.short', defaultMessage: 'Religious diversity' },
    description: { id: 'layer.religious_diversity.description' },
    levels: { lsoa: levelSpec, ward: levelSpec, lad: levelSpec },
    releases: [CENSUS_2021],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'ylgnbu',
    about: { id: 'layer.religious_diversity.about' },
    sources: ['census_religion', 'lookup'],
    attribution: { id: 'attribution.census2021', defaultMessage: 'Census 2021 © ONS' },
    csvColumn: groupCsvColumn('religious_diversity', 'religion_share'),
  },
];
