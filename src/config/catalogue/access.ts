/**
 * Access to services, for planners (issue 14): how far each LSOA's residents
 * live from the nearest service of each type, and, for wards and
 * authorities, how many residents of England's most deprived fifth of LSOAs
 * live more than 1 km from a library, a GP practice or a food bank.
 *
 * Distances are straight lines from the LSOA's population-weighted centroid
 * (ONS, December 2021) to the nearest service of the type in England, in
 * whole metres. "Most deprived fifth" is national: the LSOAs in IMD 2025
 * deciles 1 and 2, the same LSOAs for every ward and authority, so that
 * their shares compare across England (a fifth of each area's own LSOAs
 * would call the least deprived streets of Surrey "deprived"). A ward or
 * authority with none of these LSOAs has no share (the release's missing
 * text says so). Shares weight LSOAs by the build's population weights.
 *
 * The entry is small and names types by id only: the service types'
 * labels, colours and sources (catalogue/services.ts) load with the
 * services, not with the first map.
 */
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../serviceTypes.ts';
import type { LayerEntry, MeasureSpec, Msg } from './types.ts';

/** "More than 1 km" from a service: distances over this many metres (as rounded to the metre). */
export const FAR_METRES = 1000;

/** IMD 2025 national deciles that make up England's most deprived fifth of LSOAs. */
export const DEPRIVED_DECILES = [1, 2] as const;

/** The services whose distance counts in the shares of the most deprived fifth, and the measure of all of them at once. */
export const FAR_TYPES = ['library', 'gp_practice', 'foodbank'] as const satisfies readonly ServiceTypeId[];
export const FAR_FROM_ALL = 'all_three' as const;
export type FarMeasure = (typeof FAR_TYPES)[number] | typeof FAR_FROM_ALL;
export const FAR_MEASURES: readonly FarMeasure[] = [...FAR_TYPES, FAR_FROM_ALL];

/** One of a type, as in "the nearest library" and "more than 1 km from a library". */
const TYPE_NOUN: Record<ServiceTypeId, [nearest: string, one: string]> = {
  library: ['library', 'a library'],
  gp_practice: ['GP practice', 'a GP practice'],
  school: ['school', 'a school'],
  warm_space: ['warm or welcoming space', 'a warm space'],
  foodbank: ['food bank', 'a food bank'],
};

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

/** An LSOA's distance to the nearest service of a type: `library_nearest_m`. */
export const nearestMeasureId = (type: ServiceTypeId) => `${type}_nearest_m`;

/** A ward's or authority's share of the most deprived fifth's residents more than 1 km away: `far_library`. */
export const farMeasureId = (far: FarMeasure) => `far_${far}`;

export const DEPRIVED_RESIDENTS = 'deprived_residents';

function nearestMeasure(type: ServiceTypeId): MeasureSpec {
  const id = nearestMeasureId(type);
  return {
    id,
    label: m(`measure.access.${id}`, `Distance to the nearest ${TYPE_NOUN[type][0]}`),
    short: m(`measure.access.${id}.short`, `Nearest ${TYPE_NOUN[type][0]}`),
    description: { id: `measure.access.${id}.description` },
    csv: id,
    format: { style: 'unit', unit: 'meter', decimals: 0, storedDecimals: 0 },
    polarity: 'higherIsWorse',
    ranked: false,
  };
}

function farMeasure(far: FarMeasure): MeasureSpec {
  const id = farMeasureId(far);
  const from = far === FAR_FROM_ALL ? 'a library, a GP practice and a food bank' : TYPE_NOUN[far][1];
  return {
    id,
    label: m(`measure.access.${id}`, `Most deprived fifth: share of residents more than 1 km from ${from}`),
    short: m(`measure.access.${id}.short`, far === FAR_FROM_ALL ? 'Over 1 km from all three' : `Over 1 km from ${TYPE_NOUN[far][1]}`),
    description: { id: `measure.access.${id}.description` },
    csv: `deprived_fifth_over_1km_from_${far}_share`,
    format: { style: 'percent', decimals: 1, storedDecimals: 4 },
    polarity: 'higherIsWorse',
    populationWeighted: true,
    ranked: true,
  };
}

const AREA_MEASURES: MeasureSpec[] = [
  ...FAR_MEASURES.map(farMeasure),
  {
    id: DEPRIVED_RESIDENTS,
    label: m('measure.access.deprived_residents', 'Residents of LSOAs in England’s most deprived fifth'),
    short: m('measure.access.deprived_residents.short', 'Residents, most deprived fifth'),
    description: { id: 'measure.access.deprived_residents.description' },
    csv: 'deprived_fifth_residents',
    format: { style: 'integer', decimals: 0, storedDecimals: 0 },
    polarity: 'neutral',
    populationWeighted: true,
    ranked: false,
  },
];

export const ACCESS_RELEASE = '2025';

const SUFFIX = { value: '', rank: '_rank', class: '_quintile', rankWithinLad: '_rank_within_lad' } as const;

export const ACCESS_LAYERS: LayerEntry[] = [
  {
    id: 'access',
    theme: 'services',
    group: 'access',
    kind: 'area',
    adapter: 'access',
    label: m('layer.access.label', 'Access to services'),
    short: m('layer.access.short', 'Access to services'),
    description: { id: 'layer.access.description' },
    levels: {
      lsoa: { measures: SERVICE_TYPE_IDS.map(nearestMeasure), releases: [ACCESS_RELEASE] },
      ward: { measures: AREA_MEASURES, releases: [ACCESS_RELEASE] },
      lad: { measures: AREA_MEASURES, releases: [ACCESS_RELEASE] },
    },
    releases: [
      {
        id: ACCESS_RELEASE,
        label: m('release.access', 'IMD 2025, latest service lists'),
        sourceVintage: 'LSOA 2021',
        missing: { id: 'release.access.missing' },
      },
    ],
    classes: { kind: 'quantiles', count: 5 },
    palette: 'ylgnbu',
    about: { id: 'layer.access.about' },
    sources: ['lsoa_pwc', 'iod2025', 'lookup'],
    attribution: m('attribution.access', 'Services: NHS England, Arts Council England, DfE, Give Food, Open Innovations; IMD 2025 © MHCLG; centroids © ONS'),
    // One release, so no year in the names: `library_nearest_m` as the issue asks.
    csvColumn: (_level, measure, _release, part) => `${measure.csv}${SUFFIX[part]}`,
  },
];
