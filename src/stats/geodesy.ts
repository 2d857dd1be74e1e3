/** Distances on the Earth, shared by the map's selection tools, the services near a point and the access layer. */

/**
 * Mean radius of the Earth, km (IUGG, R₁ = (2a + b) / 3 of WGS84): the
 * usual radius for great-circle distances on a sphere; against the WGS84
 * ellipsoid the error is under 0.5% in England.
 */
export const EARTH_RADIUS_KM = 6371.0088;

/** Degrees to radians. */
export const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two points given in degrees, by the
 * haversine formula (well conditioned for short distances):
 * d = 2R·asin(√(sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2))).
 * Reference: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 159 (1984).
 */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dPhi = (lat2 - lat1) * RAD;
  const dLambda = (lng2 - lng1) * RAD;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
