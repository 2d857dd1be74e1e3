/**
 * Where each IoD indicator is in MHCLG's files: the start of its File 7
 * column names (the adapters match `<base> Score`, `<base> Rank` and
 * `<base> Decile` by prefix, because the official headers carry suffixes such
 * as "(rate)" and one is truncated) and its column prefix in File 10, where
 * File 10 publishes it. The source's own names belong with its adapter, not
 * in the catalogue the app loads.
 */
import type { IndicatorId } from '../../../src/config/indicators.ts';

export const IOD_COLUMNS: Record<IndicatorId, { file7Base: string; file10Prefix?: string }> = {
  imd: { file7Base: 'Index of Multiple Deprivation (IMD)', file10Prefix: 'imd' },
  income: { file7Base: 'Income', file10Prefix: 'income' },
  employment: { file7Base: 'Employment', file10Prefix: 'employment' },
  education: { file7Base: 'Education, Skills and Training', file10Prefix: 'education_skills_and_training' },
  health: { file7Base: 'Health Deprivation and Disability', file10Prefix: 'health_deprivation_and_disability' },
  crime: { file7Base: 'Crime', file10Prefix: 'crime' },
  barriers: { file7Base: 'Barriers to Housing and Services', file10Prefix: 'barriers_to_housing_and_services' },
  living: { file7Base: 'Living Environment', file10Prefix: 'living_environment' },
  cyp: { file7Base: 'Children and Young People Sub-domain' },
  adult_skills: { file7Base: 'Adult Skills Sub-domain' },
  geographical_barriers: { file7Base: 'Geographical Barriers Sub-domain' },
  wider_barriers: { file7Base: 'Wider Barriers Sub-domain' },
  indoors: { file7Base: 'Indoors Sub-domain' },
  outdoors: { file7Base: 'Outdoors Sub-domain' },
};
