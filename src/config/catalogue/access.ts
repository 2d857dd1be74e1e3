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
// The layer's classes are fixed bands, a scheme kind that comes with it.
import '../bandsScheme.ts';
import type { LayerEntry, MeasureSpec, Msg, NumberFormat } from './types.ts';

/** "More than 1 km" from a service: distances over this many metres (as rounded to the metre). */
export const FAR_METRES = 1000;

/** IMD 2025 national deciles that make up England's most deprived fifth of LSOAs. */
export const DEPRIVED_DECILES = [1, 2] as const;

/** The services whose distance counts in the shares of the most deprived fifth, and the measure of all of them at once. */
export const FAR_TYPES = ['library', 'gp_practice', 'foodbank'] as const satisfies readonly ServiceTypeId[];
export const FAR_FROM_ALL = 'all_three' as const;
export type FarMeasure = (typeof FAR_TYPES)[number] | typeof FAR_FROM_ALL;
export const FAR_MEASURES: readonly FarMeasure[] = [...FAR_TYPES, FAR_FROM_ALL];

/** A type in words, as in "the nearest library" and "more than 1 km from a library". */
const NOUN: Record<ServiceTypeId, string> = { library: 'library', gp_practice: 'GP practice', school: 'school', warm_space: 'warm space', foodbank: 'food bank' };

/** An LSOA's distance to the nearest service of a type: `library_nearest_m`. */
export const nearestMeasureId = (type: ServiceTypeId) => `${type}_nearest_m`;

/** A ward's or authority's share of the most deprived fifth's residents more than 1 km away: `far_library`. */
export const farMeasureId = (far: FarMeasure) => `far_${far}`;

export const DEPRIVED_RESIDENTS = 'deprived_residents';

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

/** The class limits of each measure (the layer's 'bands' scheme), filled in as the measures are made. */
const LIMITS: Record<string, readonly number[]> = {};

/**
 * A measure of the layer, its texts' ids from its own (`measure.access.<id>`,
 * `….short`, `….description`), and its four class limits: fixed bands read
 * better than quintiles here, since a ward's share is often exactly 0 or 1.
 */
function measure(id: string, label: string, short: string, csv: string, format: NumberFormat, limits: readonly number[], more: Pick<MeasureSpec, 'ranked'> & Partial<MeasureSpec>): MeasureSpec {
  const key = `measure.access.${id}`;
  LIMITS[id] = limits;
  return { id, label: m(key, label), short: m(`${key}.short`, short), description: { id: `${key}.description` }, csv, format, polarity: 'higherIsWorse', ...more };
}

/** Straight-line metres, and "more than 1 km" among them. */
const DISTANCE_BANDS = [500, FAR_METRES, 2000, 5000];
/** None, up to a quarter, a half, three quarters, more. */
const SHARE_BANDS = [0, 0.25, 0.5, 0.75];

const nearestMeasure = (type: ServiceTypeId) =>
  measure(nearestMeasureId(type), `Distance to the nearest ${NOUN[type]}`, `Nearest ${NOUN[type]}`, nearestMeasureId(type), { style: 'unit', unit: 'meter', decimals: 0, storedDecimals: 0 }, DISTANCE_BANDS, { ranked: false });

const farMeasure = (far: FarMeasure) => {
  const one = far === FAR_FROM_ALL ? '' : `a ${NOUN[far]}`;
  const label = `Most deprived fifth: share of residents more than 1 km from ${one || 'a library, a GP practice and a food bank'}`;
  const format: NumberFormat = { style: 'percent', decimals: 1, storedDecimals: 4 };
  return measure(farMeasureId(far), label, `Over 1 km from ${one || 'all three'}`, `deprived_fifth_over_1km_from_${far}_share`, format, SHARE_BANDS, { ranked: true, populationWeighted: true });
};

const AREA_MEASURES: MeasureSpec[] = [
  ...FAR_MEASURES.map(farMeasure),
  // None, about one LSOA, a few, many (wards stop below 50,000; cities do not).
  measure(DEPRIVED_RESIDENTS, 'Residents of the most deprived fifth', 'Most deprived fifth', 'deprived_fifth_residents', { style: 'integer', decimals: 0, storedDecimals: 0 }, [0, 2000, 10000, 50000], {
    ranked: false,
    populationWeighted: true,
    polarity: 'neutral',
  }),
];

export const ACCESS_RELEASE = '2025';

const SUFFIX = { value: '', rank: '_rank', class: '_band', rankWithinLad: '_rank_within_lad' } as const;

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
    classes: { kind: 'bands', limits: LIMITS },
    palette: 'ylgnbu',
    about: { id: 'layer.access.about' },
    sources: ['lsoa_pwc', 'iod2025', 'lookup'],
    attribution: m('attribution.access', 'Services: NHS England, ACE, DfE, Give Food, Open Innovations; IMD © MHCLG; centroids © ONS'),
    // One release, so no year in the names: `library_nearest_m` as the issue asks.
    csvColumn: (_level, measure, _release, part) => `${measure.csv}${SUFFIX[part]}`,
  },
];
