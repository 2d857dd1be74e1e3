/**
 * Comparisons of groups, for any layer whose entry has `comparisons`
 * (segregation now): their ids in links and downloads, the list of them, and
 * reading one back from a link. The URL and the view spec need only this,
 * not the layers that compare groups.
 */
import type { ComparisonGroup } from './types.ts';

/** The id of a comparison in links and downloads: `white-rest` (a against everyone else) or `asian-white`. */
export function comparisonId(grouping: { groups: ComparisonGroup[] }, a: number, b: number | null): string {
  return `${grouping.groups[a].id}-${b === null ? 'rest' : grouping.groups[b].id}`;
}

/** Every comparison of a grouping: each group against the rest, then every pair (in group order). */
export function comparisonsOf(grouping: { groups: ComparisonGroup[] }): { id: string; a: number; b: number | null }[] {
  const list: { id: string; a: number; b: number | null }[] = grouping.groups.map((_, a) => ({ id: comparisonId(grouping, a, null), a, b: null }));
  for (let a = 0; a < grouping.groups.length; a++) {
    for (let b = a + 1; b < grouping.groups.length; b++) list.push({ id: comparisonId(grouping, a, b), a, b });
  }
  return list;
}

/**
 * A comparison id read back, or undefined. The order is kept: D and the other
 * two-group indices are the same either way, but the figures "of the first
 * group" (isolation, location quotient, share) are of the group named first.
 */
export function parseComparison(grouping: { groups: ComparisonGroup[] }, id: string): { id: string; a: number; b: number | null } | undefined {
  const [first, second, ...rest] = id.trim().toLowerCase().split('-');
  if (rest.length > 0 || !first || !second) return undefined;
  const a = grouping.groups.findIndex((group) => group.id === first);
  const b = second === 'rest' ? null : grouping.groups.findIndex((group) => group.id === second);
  if (a < 0 || b === -1 || a === b) return undefined;
  return { id: comparisonId(grouping, a, b), a, b };
}
