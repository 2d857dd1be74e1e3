/** Long texts of the ethnic diversity layer (src/config/catalogue/diversity.ts). */
import { ETHNIC_GROUPS } from '../diversity.ts';

export const DIVERSITY_TEXTS: Record<string, string> = {
  'measure.simpson.description':
    'The chance that two residents picked at random belong to different broad ethnic groups: 0 when everyone is in one group, at most 0.8 with five groups of equal size.',
  ...Object.fromEntries(
    ETHNIC_GROUPS.map((group) => [
      `measure.share.${group.id}.description`,
      `Usual residents who identified as ${group.label}, as a share of all usual residents (Census 2021; in 2011 the census categories grouped the same way).`,
    ]),
  ),
  'layer.ethnic_diversity.about':
    'Diversity is not segregation: a diverse ward can still be divided street by street, and a ward of one group can be part of a diverse town. With only the five broad groups published for LSOAs, groups within them (Indian, Pakistani and Bangladeshi residents, say) count as one, so diversity is understated where such groups live together. Census counts are perturbed slightly by ONS to protect privacy, so small areas’ shares can be off by a person or two. Census 2011 is compared only by these five broad groups: Roma became a tick box of its own under White in 2021 (in 2011 there was none), write-in answers were coded into groups differently, and the 2011 figures are shown only for LSOAs whose boundaries did not change and for wards and authorities that took in only whole LSOAs of 2011.',
  'layer.ethnic_diversity.description':
    'Simpson’s diversity index over the five broad ethnic groups of Census 2021 and of Census 2011 grouped the same way (1 − the sum of each group’s squared share), and each group’s share of residents. Classed by national quintiles of each geography and census.',
  'release.census2011.missing':
    'Not comparable: boundaries changed between 2011 and 2021 here (an LSOA split, merged or redrawn, or one split between wards or authorities), so the 2011 residents cannot be counted exactly for this area and it has no 2011 figure',
};
