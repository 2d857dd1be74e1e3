/**
 * Paths of computed layers (catalogue entries with `computed`): the view
 * spec names their classes and values with a path like a stored file's,
 * `computed/<layer>/<level>/<comparison>/<measure>`, and the data client
 * computes them (src/data/computed/segregation.ts, loaded on first use)
 * instead of fetching them. So the map, legend, tooltip and table read a
 * computed layer exactly as a stored one.
 */
import type { Level } from '../../config/geography.ts';

export const PREFIX = 'computed/';

/** The comparison segment of a computed layer that compares no groups (its figures are of all of them). */
export const ALL_GROUPS = 'all';

export interface ComputedRef {
  layer: string;
  level: Level;
  comparison: string;
  measure: string;
}

export function computedPath(ref: ComputedRef): string {
  return `${PREFIX}${ref.layer}/${ref.level}/${ref.comparison}/${ref.measure}`;
}

export function isComputedPath(path: string): boolean {
  return path.startsWith(PREFIX);
}
