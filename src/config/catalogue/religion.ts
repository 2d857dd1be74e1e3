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
    description: {
      id: 'measure.religion.simpson.description',
      defaultMessage:
        'The chance that two residents who answered the religion question, picked at random, gave different answers (counting no religion as an answer): 0 when all gave the same answer, at most 0.875 with eight answers of equal size. Residents who did not answer are left out of the index.',
    },
  },
  'religious_diversity',
);

const religionShare = (group: (typeof RELIGION_GROUPS)[number]) =>
  shareMeasure(
    group,
    'measure.religion_share',
    'religion_share',
    group.answered
      ? `Usual residents whose answer to the religion question was ${group.label}, as a share of all usual residents, those who did not answer included (Census 2021).`
      : 'Usual residents who did not answer the voluntary religion question, as a share of all usual residents (Census 2021): the part of the population the diversity index leaves out.',
  );

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
    description: {
      id: 'layer.religious_diversity.description',
      defaultMessage:
        'Simpson’s diversity index over the eight answers to the Census 2021 religion question (no religion and seven religions; 1 − the sum of each answer’s squared share among those who answered), and each category’s share of all residents, “Not answered” included. Classed by national quintiles of each geography.',
    },
    levels: { lsoa: levelSpec, ward: levelSpec, lad: levelSpec },
    releases: [CENSUS_2021],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'ylgnbu',
    about: {
      id: 'layer.religious_diversity.about',
      defaultMessage:
        'The religion question was voluntary, and about 6% of residents in England did not answer it. The index is worked out only over those who answered, so that not answering is not counted as a religion of its own; the share who did not answer is shown beside it, and where it is high the index rests on fewer people. Religions within “Other religion” count as one, so diversity is understated where several smaller religions live together. Diversity is not segregation, and census counts are perturbed slightly by ONS to protect privacy, so small areas’ shares can be off by a person or two.',
    },
    sources: ['census_religion', 'lookup'],
    attribution: { id: 'attribution.census2021', defaultMessage: 'Census 2021 © ONS' },
    csvColumn: groupCsvColumn('religious_diversity', 'religion_share'),
  },
];
