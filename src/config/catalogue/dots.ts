/**
 * Dot density (issue 13): one dot per resident of every LSOA (one per N
 * people zoomed out), coloured by broad ethnic group, Census 2021. A layer of
 * its own kind ('dots', src/map/providers/dots.tsx): its counts are the
 * segregation units file of the ethnic grouping
 * (segregation/ethnicity/2021/lsoa.json, the build's LSOAs in
 * areas/lsoa.json order, groups in ETHNIC_GROUPS order), and its dots are
 * placed in a worker inside the LSOA outlines of the tiles the map loads.
 */
import { CENSUS_2021 } from './censusGroups.ts';
import { ETHNIC_GROUPS } from './diversity.ts';
import type { LayerEntry, MeasureSpec, Msg } from './types.ts';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

/** The one measure: residents, counted once per dot (or per N at lower zooms). */
export const PEOPLE: MeasureSpec = {
  id: 'people',
  label: m('dots.measure.people', 'Residents by ethnic group'),
  short: m('dots.measure.people.short', 'Residents'),
  description: { id: 'dots.measure.people.description' },
  csv: 'ethnic_dots_residents',
  format: { style: 'integer', decimals: 0, storedDecimals: 0 },
  polarity: 'neutral',
  ranked: false,
};

export const DOTS_LAYERS: LayerEntry[] = [
  {
    id: 'ethnic_dots',
    theme: 'diversity',
    group: 'ethnicity',
    kind: 'dots',
    adapter: 'segregation',
    computed: { grouping: 'ethnicity' },
    label: m('layer.ethnic_dots.label', 'Ethnic group, one dot per person'),
    short: m('layer.ethnic_dots.short', 'Ethnic group dots'),
    description: { id: 'layer.ethnic_dots.description' },
    levels: { lsoa: { measures: [PEOPLE], releases: ['2021'] } },
    releases: [CENSUS_2021],
    classes: { kind: 'categories', categories: ETHNIC_GROUPS.map((group) => ({ id: group.id, label: m(`dots.group.${group.id}`, group.label) })) },
    palette: 'okabeito',
    about: { id: 'layer.ethnic_dots.about' },
    sources: ['census', 'lookup'],
    attribution: m('attribution.census2021', 'Census 2021 © ONS'),
    csvColumn: (_level, measure, release, part) => `${measure.csv}_${release}${{ value: '', rank: '_rank', class: '_class', rankWithinLad: '_rank_within_lad' }[part]}`,
  },
];
