/**
 * Residential segregation: indices of how unevenly two groups (or one group
 * and everyone else) are spread over the small units inside each ward and
 * authority, and of how far an area's own mix departs from its authority's.
 *
 * These layers are computed, not stored: the pipeline writes the census
 * counts of the small units once (segregation/<grouping>/<release>/<scale>.json)
 * and every figure, for any comparison of groups, is computed from them by
 * src/stats/segregation/areaMeasures.ts — in the app for the map, table and
 * panel, in the pipeline for ward_segregation.csv and lad_segregation.csv.
 */
import type { Level } from '../geography.ts';
import { CENSUS_2021 } from './censusGroups.ts';
import { ETHNIC_GROUPS } from './diversity.ts';
import { RELIGION_GROUPS } from './religion.ts';
import type { ComparisonGroup, LayerEntry, MeasureSpec, Msg, Release, UnitScale } from './types.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

/** A grouping of residents that segregation is measured between, and the census releases and unit scales it has. */
export interface Grouping {
  id: 'ethnicity' | 'religion';
  /** The groups, in the order of the counts in the units files. */
  groups: ComparisonGroup[];
  /** Prefix of its count columns in a selection's download (`ethnic_group_asian_2021`). */
  csvPrefix: string;
  /** The unit scales of each release (the data allow OAs only in Census 2011). */
  scales: Record<string, UnitScale[]>;
}

export const ETHNICITY: Grouping = {
  id: 'ethnicity',
  csvPrefix: 'ethnic_group',
  groups: ETHNIC_GROUPS.map((group) => ({ id: group.id, label: m(`segregation.group.ethnicity.${group.id}`, group.short) })),
  scales: { '2011': ['oa', 'lsoa'], '2021': ['lsoa'] },
};

/** The eight answers to the religion question; residents who did not answer are left out (as in religious diversity). */
export const RELIGION: Grouping = {
  id: 'religion',
  csvPrefix: 'religion',
  groups: RELIGION_GROUPS.filter((group) => group.answered).map((group) => ({ id: group.id, label: m(`segregation.group.religion.${group.id}`, group.short) })),
  scales: { '2021': ['lsoa'] },
};

export const GROUPINGS: readonly Grouping[] = [ETHNICITY, RELIGION];

const index = { style: 'decimal', decimals: 3, storedDecimals: 4 } as const;
const quotient = { style: 'decimal', decimals: 2, storedDecimals: 3 } as const;
const share = { style: 'percent', decimals: 1, storedDecimals: 4 } as const;

/**
 * A measure; `key` names its messages where one id has different texts at
 * different levels (`lq`). Descriptions: src/config/catalogue/texts/segregation.ts.
 */
const measure = (id: string, label: string, short: string, format: MeasureSpec['format'] = index, key = id): MeasureSpec => ({
  id,
  label: m(`segregation.measure.${key}`, label),
  short: m(`segregation.measure.${key}.short`, short),
  description: { id: `segregation.measure.${key}.description` },
  csv: id,
  format,
  polarity: 'neutral',
  ranked: true,
});

export const SEGREGATION_MEASURES = {
  d_lsoa: measure('d_lsoa', 'Dissimilarity (D) over LSOAs', 'D, LSOAs'),
  d_lsoa_expected: measure('d_lsoa_expected', 'D by chance alone, over LSOAs', 'D by chance, LSOAs'),
  d_lsoa_excess: measure('d_lsoa_excess', 'D beyond chance, over LSOAs', 'D beyond chance, LSOAs'),
  d_oa_excess: measure('d_oa_excess', 'D beyond chance, over Output Areas', 'D beyond chance, OAs'),
  d_ward_excess: measure('d_ward_excess', 'D beyond chance, over wards', 'D beyond chance, wards'),
  d_lsoa_change: measure('d_lsoa_change', 'Change in D over LSOAs since 2011', 'D change'),
  d_oa: measure('d_oa', 'Dissimilarity (D) over Output Areas', 'D, OAs'),
  d_oa_expected: measure('d_oa_expected', 'D by chance alone, over Output Areas', 'D by chance, OAs'),
  d_ward: measure('d_ward', 'Dissimilarity (D) over wards', 'D, wards'),
  d_ward_expected: measure('d_ward_expected', 'D by chance alone, over wards', 'D by chance, wards'),
  isolation_lsoa: measure('isolation_lsoa', 'Isolation of the first group, over LSOAs', 'Isolation', share),
  h_lsoa: measure('h_lsoa', 'Theil’s H, all groups, over LSOAs', 'Theil’s H'),
  lq_ward: measure('lq', 'Location quotient of the first group (against the authority)', 'Location quotient', quotient, 'lq_ward'),
  lq_lad: measure('lq', 'Location quotient of the first group (against England)', 'Location quotient', quotient, 'lq_lad'),
  lq_lsoa: measure('lq', 'Location quotient of the first group (against the authority)', 'Location quotient', quotient, 'lq_lsoa'),
  contribution: measure('contribution', 'The ward’s part of its authority’s D over wards', 'Part of authority D'),
  share: measure('share', 'Share of the first group (of the two groups compared)', 'Share', share),
} satisfies Record<string, MeasureSpec>;

const S = SEGREGATION_MEASURES;

/** The scale each measure is computed over, for the panel and the downloads dictionary (none: the area against its parent). */
export const MEASURE_SCALE: Record<string, UnitScale | 'ward' | null> = {
  d_lsoa: 'lsoa', d_lsoa_expected: 'lsoa', d_lsoa_excess: 'lsoa', d_lsoa_change: 'lsoa', d_oa: 'oa', d_oa_expected: 'oa', d_oa_excess: 'oa', d_ward: 'ward', d_ward_expected: 'ward', d_ward_excess: 'ward', isolation_lsoa: 'lsoa', h_lsoa: 'lsoa', lq: null, contribution: null, share: null,
};

const CENSUS_2011: Release = {
  id: '2011',
  label: m('release.census2011', 'Census 2011'),
  sourceVintage: 'OA 2011 and LSOA 2011',
  missing: { id: 'segregation.release.2011.missing' },
};

const NO_FIGURE: Release = {
  ...CENSUS_2021,
  missing: { id: 'segregation.release.2021.missing' },
};

function levels(releases: string[]): Partial<Record<Level, { measures: MeasureSpec[]; releases: string[] }>> {
  const has2011 = releases.includes('2011');
  const oa = has2011 ? [S.d_oa, S.d_oa_expected, S.d_oa_excess] : [];
  const change = has2011 ? [S.d_lsoa_change] : [];
  const wardMeasures = [S.d_lsoa, S.d_lsoa_expected, S.d_lsoa_excess, ...change, ...oa, S.isolation_lsoa, S.h_lsoa, S.lq_ward, S.contribution];
  const ladMeasures = [S.d_lsoa, S.d_lsoa_expected, S.d_lsoa_excess, S.d_ward, S.d_ward_expected, S.d_ward_excess, ...change, ...oa, S.isolation_lsoa, S.h_lsoa, S.lq_lad];
  return {
    // LSOA figures are of the build's LSOAs 2021, which Census 2011 did not count.
    lsoa: { measures: [S.lq_lsoa, S.share], releases: ['2021'] },
    ward: { measures: wardMeasures, releases },
    lad: { measures: ladMeasures, releases },
  };
}

const csvColumn: LayerEntry['csvColumn'] = (_level, spec, release, part) =>
  `${spec.csv}_${release}${{ value: '', rank: '_rank', class: '_quintile', rankWithinLad: '_rank_within_lad' }[part]}`;

const ABOUT = { id: 'layer.segregation.about' };

export const SEGREGATION_LAYERS: LayerEntry[] = [
  {
    id: 'segregation_ethnicity',
    theme: 'segregation',
    group: 'ethnicity',
    kind: 'area',
    adapter: 'segregation',
    computed: { grouping: 'ethnicity' },
    comparisons: { groups: ETHNICITY.groups, default: 'white-rest' },
    label: m('layer.segregation_ethnicity.label', 'Segregation by ethnic group'),
    short: m('layer.segregation_ethnicity.short', 'Ethnic segregation'),
    description: { id: 'layer.segregation_ethnicity.description' },
    levels: levels(['2011', '2021']),
    releases: [CENSUS_2011, NO_FIGURE],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'viridis',
    about: ABOUT,
    sources: ['census', 'census2011', 'census2011_oa', 'oa11_lookup', 'lsoa11_lsoa21', 'lookup'],
    attribution: m('attribution.census', 'Census 2021 and 2011 © ONS'),
    csvColumn,
  },
  {
    id: 'segregation_religion',
    theme: 'segregation',
    group: 'religion',
    kind: 'area',
    adapter: 'segregation',
    computed: { grouping: 'religion' },
    comparisons: { groups: RELIGION.groups, default: 'muslim-rest' },
    label: m('layer.segregation_religion.label', 'Segregation by religion'),
    short: m('layer.segregation_religion.short', 'Religious segregation'),
    description: { id: 'layer.segregation_religion.description' },
    levels: levels(['2021']),
    releases: [NO_FIGURE],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'viridis',
    about: ABOUT,
    sources: ['census_religion', 'lookup'],
    attribution: m('attribution.census2021', 'Census 2021 © ONS'),
    csvColumn,
  },
];

export function groupingOf(layer: LayerEntry): Grouping | undefined {
  return GROUPINGS.find((grouping) => grouping.id === layer.computed?.grouping);
}
