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
  },
  {
    id: 'income',
    label: 'Income Deprivation',
    short: 'Income',
    kind: 'domain',
  },
  {
    id: 'employment',
    label: 'Employment Deprivation',
    short: 'Employment',
    kind: 'domain',
  },
  {
    id: 'education',
    label: 'Education, Skills and Training Deprivation',
    short: 'Education',
    kind: 'domain',
  },
  {
    id: 'health',
    label: 'Health Deprivation and Disability',
    short: 'Health',
    kind: 'domain',
  },
  {
    id: 'crime',
    label: 'Crime',
    short: 'Crime',
    kind: 'domain',
  },
  {
    id: 'barriers',
    label: 'Barriers to Housing and Services',
    short: 'Housing & services',
    kind: 'domain',
  },
  {
    id: 'living',
    label: 'Living Environment Deprivation',
    short: 'Living environment',
    kind: 'domain',
  },
  {
    id: 'cyp',
    label: 'Children and Young People Sub-domain',
    short: 'Children & young people',
    kind: 'subdomain',
    parent: 'education',
  },
  {
    id: 'adult_skills',
    label: 'Adult Skills Sub-domain',
    short: 'Adult skills',
    kind: 'subdomain',
    parent: 'education',
  },
  {
    id: 'geographical_barriers',
    label: 'Geographical Barriers Sub-domain',
    short: 'Geographical barriers',
    kind: 'subdomain',
    parent: 'barriers',
  },
  {
    id: 'wider_barriers',
    label: 'Wider Barriers Sub-domain',
    short: 'Wider barriers',
    kind: 'subdomain',
    parent: 'barriers',
  },
  {
    id: 'indoors',
    label: 'Indoors Sub-domain',
    short: 'Indoors',
    kind: 'subdomain',
    parent: 'living',
  },
  {
    id: 'outdoors',
    label: 'Outdoors Sub-domain',
    short: 'Outdoors',
    kind: 'subdomain',
    parent: 'living',
  },
];

export function isIndicatorId(value: string): value is IndicatorId {
  return INDICATORS.some((indicator) => indicator.id === value);
}

export function indicatorById(id: IndicatorId): Indicator {
  const indicator = INDICATORS.find((each) => each.id === id);
  if (!indicator) throw new Error(`Unknown indicator ${id}`);
  return indicator;
}

