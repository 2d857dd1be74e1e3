/** Long texts of the segregation layers (src/config/catalogue/segregation.ts): measure descriptions by key, and the layers' About text. */
const UNEVEN = 'How unevenly the two groups are spread';
const BEYOND =
  'D minus the D that chance alone gives on the same units: the part of D that the residents’ pattern adds. Where a group is small, D can be high by chance alone; this is the fairer figure to rank areas by.';

const MEASURES: Record<string, string> = {
  'd_lsoa': `${UNEVEN} over the area’s LSOAs: the share of either group that would have to move to another LSOA for both to be spread alike (0 = spread alike, 1 = never in the same LSOA).`,
  'd_lsoa_expected': 'The D that the same residents would give if they were dealt to the same LSOAs at random: the part of D that small units produce by chance alone. Read D against it.',
  'd_lsoa_excess': BEYOND,
  'd_oa_excess': BEYOND,
  'd_ward_excess': BEYOND,
  'd_lsoa_change': 'D over LSOAs in Census 2021 minus D over LSOAs in Census 2011 (five broad groups in both; 2011 on LSOAs 2011): above 0, the groups are more unevenly spread than in 2011.',
  'd_oa': `${UNEVEN} over the area’s Output Areas (about 300 residents each; Census 2011 only). Smaller units give larger D.`,
  'd_oa_expected': 'The D the same residents would give if dealt to the same Output Areas at random (Census 2011 only). Output Areas are small, so chance alone gives a large D.',
  'd_ward': `${UNEVEN} over the authority’s wards.`,
  'd_ward_expected': 'The D the same residents would give if dealt to the same wards at random.',
  'isolation_lsoa': 'The share of the first group among the residents of the LSOA where a member of that group lives, on average: high when the group lives mostly among itself.',
  'h_lsoa': 'How far the LSOAs’ mixes of all the groups differ from the area’s own (0 = every LSOA like the area, 1 = every LSOA holds one group). The same for every choice of groups.',
  'lq_ward': 'The first group’s share of the ward’s residents divided by its share of the authority’s: 1 = as in the authority, 2 = twice as concentrated.',
  'lq_lad': 'The first group’s share of the authority’s residents divided by its share of England’s: 1 = as in England, 2 = twice as concentrated.',
  'lq_lsoa': 'The first group’s share of the LSOA’s residents divided by its share of the authority’s: 1 = as in the authority, 2 = twice as concentrated.',
  'contribution': 'The ward’s term ½ |a/A − b/B| in its authority’s D over wards: the terms of all the authority’s wards add up to that D, so the wards whose mix departs most from the authority’s have the largest parts.',
  'share': 'The first group’s share of the residents of the two groups compared (of all residents, against the rest).',
};

export const SEGREGATION_TEXTS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(MEASURES).map(([key, text]) => [`segregation.measure.${key}.description`, text])),
  'layer.segregation.about':
    'Every figure names its unit (Output Areas, LSOAs or wards) and the number of units, and comes with the D that chance alone gives on the same units; see “What the index of dissimilarity measures” above.',
  'layer.segregation_ethnicity.description':
    'How unevenly two broad ethnic groups (or one group and everyone else) live across the small areas inside each ward and authority, Census 2021 and 2011, with what chance alone would give. Classed by national quintiles.',
  'layer.segregation_religion.description':
    'How unevenly residents of two answers to the religion question (or one and everyone else who answered) live across the LSOAs inside each ward and authority, Census 2021, with what chance alone would give. Classed by national quintiles.',
  'segregation.release.2011.missing':
    'No 2011 figure: an LSOA of 2011 here was split between wards or authorities by 2021, so its residents cannot be placed without guessing',
  'segregation.release.2021.missing':
    'No figure: fewer than two units, too few residents of one of the two groups, or (Output Areas) not in Census 2021 small-area data',
};
