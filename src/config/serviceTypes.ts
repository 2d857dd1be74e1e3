/**
 * The kinds of service a resident can look for (issue 14), by id: in links
 * (`services=library,gp_practice`), file names and download columns
 * (`library_nearest_m`). Tiny on purpose: the URL parser needs the ids at
 * boot; everything else about a type (label, colour, shape, sources) is in
 * src/config/catalogue/services.ts, loaded with the services.
 */
export const SERVICE_TYPE_IDS = ['library', 'gp_practice', 'school', 'warm_space', 'foodbank'] as const;
export type ServiceTypeId = (typeof SERVICE_TYPE_IDS)[number];

/**
 * How far "near" is: a straight-line radius, or a 20-minute walk estimated
 * as straight line × 1.3 at 4.8 km/h (src/stats/nearest.ts walkingMinutes),
 * i.e. within about 1,231 m in a straight line.
 */
export const NEAR_DISTANCES = ['1km', '2km', 'walk20'] as const;
export type NearDistance = (typeof NEAR_DISTANCES)[number];
