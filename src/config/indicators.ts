/**
 * The English Indices of Deprivation 2025: the Index of Multiple Deprivation,
 * its seven domains and six sub-domains, as published in MHCLG's File 7.
 *
 * One catalogue shared by the pipeline (to find the columns) and the app (to
 * label them), so the two can never disagree about what an indicator is.
 */

export type IndicatorKind = 'index' | 'domain' | 'subdomain';

export interface Indicator {
  /** Stable identifier used in file names, URLs and CSV column prefixes. */
  id: IndicatorId;
  /** Full official name. */
  label: string;
  /** Short label for narrow places (legend, chart rows, phone). */
  short: string;
  kind: IndicatorKind;
  /** For a sub-domain, the domain it belongs to. */
  parent?: IndicatorId;
  /**
   * The start of this indicator's File 7 column names: the pipeline matches
   * `<base> Score`, `<base> Rank` and `<base> Decile` by prefix, because the
   * official headers carry suffixes such as "(rate)" and one is truncated.
   */
  file7Base: string;
  /** Column prefix of this indicator in File 10 (local authority summaries), if published there. */
  file10Prefix?: string;
  /** What the score means, for the legend and the About page. */
  scoreNote: string;
}

export const INDICATOR_IDS = [
  'imd',
  'income',
  'employment',
  'education',
  'health',
  'crime',
  'barriers',
  'living',
  'cyp',
  'adult_skills',
  'geographical_barriers',
  'wider_barriers',
  'indoors',
  'outdoors',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'imd',
    label: 'Index of Multiple Deprivation',
    short: 'IMD',
    kind: 'index',
    file7Base: 'Index of Multiple Deprivation (IMD)',
    file10Prefix: 'imd',
    scoreNote: 'Combined score of the seven weighted domains; higher is more deprived.',
  },
  {
    id: 'income',
    label: 'Income Deprivation',
    short: 'Income',
    kind: 'domain',
    file7Base: 'Income',
    file10Prefix: 'income',
    scoreNote: 'Share of the population that is income deprived (a rate, 0.1 = 10%).',
  },
  {
    id: 'employment',
    label: 'Employment Deprivation',
    short: 'Employment',
    kind: 'domain',
    file7Base: 'Employment',
    file10Prefix: 'employment',
    scoreNote: 'Share of working-age people involuntarily out of work (a rate).',
  },
  {
    id: 'education',
    label: 'Education, Skills and Training Deprivation',
    short: 'Education',
    kind: 'domain',
    file7Base: 'Education, Skills and Training',
    file10Prefix: 'education_skills_and_training',
    scoreNote: 'Combined score of children’s attainment and adult skills; higher is more deprived.',
  },
  {
    id: 'health',
    label: 'Health Deprivation and Disability',
    short: 'Health',
    kind: 'domain',
    file7Base: 'Health Deprivation and Disability',
    file10Prefix: 'health_deprivation_and_disability',
    scoreNote: 'Standardised score of poor health and disability; higher is more deprived.',
  },
  {
    id: 'crime',
    label: 'Crime',
    short: 'Crime',
    kind: 'domain',
    file7Base: 'Crime',
    file10Prefix: 'crime',
    scoreNote: 'Standardised score of the risk of personal and material victimisation.',
  },
  {
    id: 'barriers',
    label: 'Barriers to Housing and Services',
    short: 'Housing & services',
    kind: 'domain',
    file7Base: 'Barriers to Housing and Services',
    file10Prefix: 'barriers_to_housing_and_services',
    scoreNote: 'Combined score of distance to services and housing affordability.',
  },
  {
    id: 'living',
    label: 'Living Environment Deprivation',
    short: 'Living environment',
    kind: 'domain',
    file7Base: 'Living Environment',
    file10Prefix: 'living_environment',
    scoreNote: 'Combined score of housing quality, air quality and road accidents.',
  },
  {
    id: 'cyp',
    label: 'Children and Young People Sub-domain',
    short: 'Children & young people',
    kind: 'subdomain',
    parent: 'education',
    file7Base: 'Children and Young People Sub-domain',
    scoreNote: 'Attainment and progression of children and young people.',
  },
  {
    id: 'adult_skills',
    label: 'Adult Skills Sub-domain',
    short: 'Adult skills',
    kind: 'subdomain',
    parent: 'education',
    file7Base: 'Adult Skills Sub-domain',
    scoreNote: 'Adults with no or low qualifications, or who cannot speak English well.',
  },
  {
    id: 'geographical_barriers',
    label: 'Geographical Barriers Sub-domain',
    short: 'Geographical barriers',
    kind: 'subdomain',
    parent: 'barriers',
    file7Base: 'Geographical Barriers Sub-domain',
    scoreNote: 'Road distance to a post office, primary school, GP and shop.',
  },
  {
    id: 'wider_barriers',
    label: 'Wider Barriers Sub-domain',
    short: 'Wider barriers',
    kind: 'subdomain',
    parent: 'barriers',
    file7Base: 'Wider Barriers Sub-domain',
    scoreNote: 'Overcrowding, homelessness and housing affordability.',
  },
  {
    id: 'indoors',
    label: 'Indoors Sub-domain',
    short: 'Indoors',
    kind: 'subdomain',
    parent: 'living',
    file7Base: 'Indoors Sub-domain',
    scoreNote: 'Housing in poor condition and without central heating.',
  },
  {
    id: 'outdoors',
    label: 'Outdoors Sub-domain',
    short: 'Outdoors',
    kind: 'subdomain',
    parent: 'living',
    file7Base: 'Outdoors Sub-domain',
    scoreNote: 'Air quality and road traffic accidents.',
  },
];

const byId = new Map(INDICATORS.map((indicator) => [indicator.id, indicator]));

export function isIndicatorId(value: string): value is IndicatorId {
  return byId.has(value as IndicatorId);
}

export function indicatorById(id: IndicatorId): Indicator {
  const indicator = byId.get(id);
  if (!indicator) throw new Error(`Unknown indicator ${id}`);
  return indicator;
}

/** The IMD and its seven domains: the rows of the area profile chart. */
export const HEADLINE_INDICATORS = INDICATORS.filter((i) => i.kind !== 'subdomain');
