/** Long texts of the access layer (src/config/catalogue/access.ts). */
import { DEPRIVED_RESIDENTS, FAR_FROM_ALL, FAR_TYPES, farMeasureId, nearestMeasureId } from '../access.ts';
import { SERVICE_TYPES } from '../services.ts';

const DEPRIVED_FIFTH = 'the LSOAs in England’s most deprived fifth (IMD 2025 national deciles 1 and 2)';

const singular = (id: string) => SERVICE_TYPES.find((type) => type.id === id)!.singular.defaultMessage;

export const ACCESS_TEXTS: Record<string, string> = {
  ...Object.fromEntries(
    SERVICE_TYPES.map((type) => [
      `measure.access.${nearestMeasureId(type.id)}.description`,
      `Straight-line distance, in metres, from the LSOA’s population-weighted centroid to the nearest ${type.singular.defaultMessage} in England: ${type.description.defaultMessage} Not a walking or travel distance.`,
    ]),
  ),
  ...Object.fromEntries(
    FAR_TYPES.map((type) => [
      `measure.access.${farMeasureId(type)}.description`,
      `Of the residents of ${DEPRIVED_FIFTH} in the area, the share whose LSOA’s population-weighted centroid is more than 1 km in a straight line from the nearest ${singular(type)}.`,
    ]),
  ),
  [`measure.access.${farMeasureId(FAR_FROM_ALL)}.description`]: `Of the residents of ${DEPRIVED_FIFTH} in the area, the share whose LSOA’s population-weighted centroid is more than 1 km in a straight line from every one of the three: the nearest library, GP practice and food bank.`,
  [`measure.access.${DEPRIVED_RESIDENTS}.description`]: `Residents of ${DEPRIVED_FIFTH} in the area: the base of the shares.`,
  'layer.access.description':
    'How far residents live from services: for each LSOA, the straight-line distance from its population-weighted centroid to the nearest library, GP practice, school, warm space and food bank; for wards and authorities, the share of the residents of their LSOAs in England’s most deprived fifth (IMD 2025 deciles 1 and 2) who live more than 1 km from a library, a GP practice or a food bank (or from all three). Classed in fixed bands: distances up to 500 m, 1 km, 2 km, 5 km and beyond; shares of none, up to a quarter, a half, three quarters, and more.',
  'layer.access.about':
    'Distances are straight lines from the ONS population-weighted centroid of each LSOA (December 2021), so every resident of an LSOA counts as living there; in large rural LSOAs some live much further away. A walk is longer than the straight line (rivers, railways and street layouts; typically by a third). Only services in England are counted, so near the borders with Wales and Scotland the nearest may be closer than shown. Services are placed at their postcode’s centroid or at the coordinates their source gives. Food banks are organisations, each at one address, not every place where food is handed out; warm spaces are community-collected directories that may repeat or be out of date; schools are those in the 2018/19 performance tables. “Most deprived fifth” is national, the same LSOAs for every area (IMD 2025 deciles 1 and 2), so shares compare across England; an area with none of them has no share. Residents are the population weights of the deprivation summaries.',
  'release.access.missing':
    'No figure: none of the area’s LSOAs is in England’s most deprived fifth (IMD 2025 deciles 1 and 2), or this build has no list of that service',
};
