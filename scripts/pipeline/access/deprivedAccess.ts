/**
 * For wards and authorities: how many residents of England's most deprived
 * fifth of LSOAs (IMD 2025 deciles 1 and 2) they hold, and the share of them
 * whose LSOA centroid is more than 1 km from a library, a GP practice, a
 * food bank, or all three (src/config/catalogue/access.ts).
 *
 * An LSOA counts as a whole: all its residents (its population weight) are
 * far or none are. Its distance is taken rounded to the metre, as stored and
 * downloaded, so the shares can be worked out again from lsoa_access.csv.
 */
import { DEPRIVED_DECILES, FAR_FROM_ALL, FAR_MEASURES, FAR_METRES, FAR_TYPES, type FarMeasure } from '../../../src/config/catalogue/access.ts';

export interface DeprivedAccessInput {
  /** IMD 2025 national decile of each LSOA (1 = most deprived 10%), lookup order. */
  imdDecile: ArrayLike<number>;
  /** Population weight of each LSOA. */
  weights: ArrayLike<number>;
  /** Metres from each LSOA's centroid to the nearest service of each type; NaN when the build has no list of the type. */
  metres: Record<(typeof FAR_TYPES)[number], ArrayLike<number>>;
  /** Area (ward or authority) of each LSOA. */
  areaOfLsoa: ArrayLike<number>;
  areaCount: number;
}

export interface FarFigures {
  /** Residents of the most deprived fifth more than 1 km away; NaN when the build has no list of a type it needs. */
  residents: Float64Array;
  /** `residents` as a share of the area's most deprived fifth; NaN where the area has none of it. */
  share: Float64Array;
}

export interface DeprivedAccess {
  /** LSOAs of each area in the most deprived fifth. */
  lsoas: Uint32Array;
  /** Their residents. */
  residents: Float64Array;
  far: Record<FarMeasure, FarFigures>;
}

export const isDeprived = (decile: number) => (DEPRIVED_DECILES as readonly number[]).includes(decile);

/** Whether the build has a list of the type: without one, every distance is NaN. */
const hasList = (metres: ArrayLike<number>) => metres.length === 0 || !Number.isNaN(metres[0]);

export function deprivedAccess(input: DeprivedAccessInput): DeprivedAccess {
  const { imdDecile, weights, metres, areaOfLsoa, areaCount } = input;
  const lsoas = new Uint32Array(areaCount);
  const residents = new Float64Array(areaCount);
  const farResidents = Object.fromEntries(FAR_MEASURES.map((measure) => [measure, new Float64Array(areaCount)])) as Record<FarMeasure, Float64Array>;
  for (let i = 0; i < imdDecile.length; i++) {
    if (!isDeprived(imdDecile[i])) continue;
    const area = areaOfLsoa[i];
    const weight = weights[i];
    lsoas[area] += 1;
    residents[area] += weight;
    let farFromAll = true;
    for (const type of FAR_TYPES) {
      const far = Math.round(metres[type][i]) > FAR_METRES;
      if (far) farResidents[type][area] += weight;
      farFromAll &&= far;
    }
    if (farFromAll) farResidents[FAR_FROM_ALL][area] += weight;
  }
  const far = {} as Record<FarMeasure, FarFigures>;
  for (const measure of FAR_MEASURES) {
    const counts = farResidents[measure];
    // Without a list of a type there is no count at all: no figure rather than a wrong one.
    const listed = measure === FAR_FROM_ALL ? FAR_TYPES.every((type) => hasList(metres[type])) : hasList(metres[measure]);
    if (!listed) counts.fill(Number.NaN);
    far[measure] = { residents: counts, share: counts.map((count, area) => (lsoas[area] === 0 ? Number.NaN : count / residents[area])) };
  }
  return { lsoas, residents, far };
}
