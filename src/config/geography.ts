/**
 * The three geographies of the map and the shape of their GSS codes.
 * Codes are only meaningful with their vintage: LSOAs are 2021 (Census 2021
 * LSOAs, the IoD 2025 geography); the ward and authority vintage is that of
 * the best-fit lookup used by the build (2024 for the official files) and is
 * recorded in the build manifest.
 */

export const LEVELS = ['lsoa', 'ward', 'lad'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

/**
 * How the map shows each geography when it is the one mapped (or, for
 * `flyToMaxZoom`, when one of its areas is selected): the map reads this
 * rather than asking which level it has.
 */
export const LEVEL_DISPLAY: Record<Level, { wardOutlinesFromZoom: number; lsoaOutlines: boolean; wardLabelsFromZoom: number; flyToMaxZoom: number }> = {
  lsoa: { wardOutlinesFromZoom: 8.5, lsoaOutlines: true, wardLabelsFromZoom: 10.5, flyToMaxZoom: 14 },
  // Wards mapped: their outlines and names come in at lower zooms.
  ward: { wardOutlinesFromZoom: 0, lsoaOutlines: false, wardLabelsFromZoom: 9, flyToMaxZoom: 13 },
  lad: { wardOutlinesFromZoom: 8.5, lsoaOutlines: false, wardLabelsFromZoom: 10.5, flyToMaxZoom: 13 },
};

/** GSS code patterns for England: E01 LSOA, E05 ward, E06–E09 local authority district. */
export const CODE_PATTERNS: Record<Level, RegExp> = {
  lsoa: /^E01\d{6}$/,
  ward: /^E05\d{6}$/,
  lad: /^E0[6-9]\d{6}$/,
};

/** Which level a code belongs to, or undefined for anything else. */
export function levelOfCode(code: string): Level | undefined {
  return LEVELS.find((level) => CODE_PATTERNS[level].test(code));
}

/** Welsh, Scottish and Northern Irish codes start with W, S or N. */
export function isOutsideEnglandCode(code: string): boolean {
  return /^[WSN]\d{8}$/.test(code);
}
