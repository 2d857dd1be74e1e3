/** Long texts of the deprivation layers (src/config/catalogue/deprivation.ts). */
import { INDICATORS, type IndicatorId } from '../../indicators.ts';
import type { Measure } from '../../measures.ts';

const SUMMARY: Record<Measure, string> = {
  averageScore:
    'Population-weighted average of the scores of its LSOAs. Higher is more deprived.',
  averageRank:
    'Population-weighted average of its LSOAs’ national ranks, counted so that the most deprived LSOA scores highest. Higher is more deprived; unlike the average score it is not pulled up by a few extreme LSOAs.',
  proportionMostDeprived10:
    'Share of its LSOAs that are among the most deprived 10% in England (not population weighted).',
  extent:
    'Share of its population living in the most deprived 30% of LSOAs in England, counting the most deprived 10% fully and the next 20% on a sliding scale.',
  localConcentration:
    'Population-weighted average rank of its most deprived LSOAs that hold 10% of its population: how severe its worst pockets are. Higher is more deprived.',
};

/** What each indicator's score means (the layer's description: legend, table, About page). */
const SCORE_NOTES: Record<IndicatorId, string> = {
  imd: 'Combined score of the seven weighted domains; higher is more deprived.',
  income: 'Share of the population that is income deprived (a rate, 0.1 = 10%).',
  employment: 'Share of working-age people involuntarily out of work (a rate).',
  education: 'Combined score of children’s attainment and adult skills; higher is more deprived.',
  health: 'Standardised score of poor health and disability; higher is more deprived.',
  crime: 'Standardised score of the risk of personal and material victimisation.',
  barriers: 'Combined score of distance to services and housing affordability.',
  living: 'Combined score of housing quality, air quality and road accidents.',
  cyp: 'Attainment and progression of children and young people.',
  adult_skills: 'Adults with no or low qualifications, or who cannot speak English well.',
  geographical_barriers: 'Road distance to a post office, primary school, GP and shop.',
  wider_barriers: 'Overcrowding, homelessness and housing affordability.',
  indoors: 'Housing in poor condition and without central heating.',
  outdoors: 'Air quality and road traffic accidents.',
};

const ABOUT =
  'Ranks and deciles are relative: decile 1 holds the 10% most deprived LSOAs of England in that release. The 2019 figures are shown only for LSOAs whose boundaries did not change between 2011 and 2021, and a 2019 rank says where an area stood in 2019, not how much deprivation changed.';

export const DEPRIVATION_TEXTS: Record<string, string> = {
  'measure.score.description': 'The official score of the LSOA; its national rank (1 = most deprived) and decile come with it.',
  ...Object.fromEntries(Object.entries(SUMMARY).map(([measure, text]) => [`measure.${measure}.description`, text])),
  ...Object.fromEntries(INDICATORS.map((indicator) => [`layer.${indicator.id}.about`, ABOUT])),
  ...Object.fromEntries(INDICATORS.map((indicator) => [`layer.${indicator.id}.description`, SCORE_NOTES[indicator.id]])),
  'release.iod2019.missing':
    'Not comparable: this LSOA changed between 2011 and 2021 (split, merged or redrawn), so it has no 2019 figure',
};
