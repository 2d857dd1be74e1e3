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
    description: {
      id: 'measure.simpson.description',
      defaultMessage:
        'The chance that two residents picked at random belong to different broad ethnic groups: 0 when everyone is in one group, at most 0.8 with five groups of equal size.',
    },
  },
  'ethnic_diversity',
);

const ethnicShare = (group: (typeof ETHNIC_GROUPS)[number]) =>
  shareMeasure(
    group,
    'measure.share',
    'share',
    `Usual residents who identified as ${group.label}, as a share of all usual residents (Census 2021; in 2011 the census categories grouped the same way).`,
  );

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
    description: {
      id: 'layer.ethnic_diversity.description',
      defaultMessage:
        'Simpson’s diversity index over the five broad ethnic groups of Census 2021 and of Census 2011 grouped the same way (1 − the sum of each group’s squared share), and each group’s share of residents. Classed by national quintiles of each geography and census.',
    },
    levels: { lsoa: levelSpec, ward: levelSpec, lad: levelSpec },
    releases: [
      {
        id: '2011',
        label: { id: 'release.census2011', defaultMessage: 'Census 2011' },
        // Census 2011 counted residents of England's LSOAs of 2011.
        sourceVintage: 'LSOA 2011',
        missing: {
          id: 'release.census2011.missing',
          defaultMessage:
            'Not comparable: boundaries changed between 2011 and 2021 here (an LSOA split, merged or redrawn, or one split between wards or authorities), so the 2011 residents cannot be counted exactly for this area and it has no 2011 figure',
        },
      },
      CENSUS_2021,
    ],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'ylgnbu',
    about: {
      id: 'layer.ethnic_diversity.about',
      defaultMessage:
        'Diversity is not segregation: a diverse ward can still be divided street by street, and a ward of one group can be part of a diverse town. With only the five broad groups published for LSOAs, groups within them (Indian, Pakistani and Bangladeshi residents, say) count as one, so diversity is understated where such groups live together. Census counts are perturbed slightly by ONS to protect privacy, so small areas’ shares can be off by a person or two. Census 2011 is compared only by these five broad groups: Roma became a tick box of its own under White in 2021 (in 2011 there was none), write-in answers were coded into groups differently, and the 2011 figures are shown only for LSOAs whose boundaries did not change and for wards and authorities that took in only whole LSOAs of 2011.',
    },
    sources: ['census', 'census2011', 'lsoa11_lsoa21', 'lookup'],
    attribution: { id: 'attribution.census', defaultMessage: 'Census 2021 and 2011 © ONS' },
    csvColumn: groupCsvColumn('ethnic_diversity', 'ethnic_share'),
  },
];
