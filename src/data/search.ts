/**
 * Search over every authority, ward and LSOA by name or code. Small enough
 * (about 41,000 entries) to scan on every keystroke; results are ordered by
 * how well they match, then authorities before wards before LSOAs.
 */
import type { Level } from '../config/geography.ts';

export interface SearchEntry {
  code: string;
  name: string;
  level: Level;
  /**
   * Name of its parent (an LSOA's ward, a ward's authority; '' for an
   * authority), to tell apart areas with the same name ("Abbey" wards). The
   * interface words around it ("Ward in …") are messages of the component.
   */
  parent: string;
  /** Normalised name for matching. */
  key: string;
}

const LEVEL_ORDER: Record<Level, number> = { lad: 0, ward: 1, lsoa: 2 };

/**
 * Lower case, no accents, no apostrophes ("King's" as "kings"), other
 * punctuation (hyphens included) as spaces, "&" as "and", and the word
 * "Saint" as "St", as most English place names write it ("St Helens",
 * "Saint Helens" and "St. Helens" are one name).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(^| )saint(?= |$)/g, '$1st')
    .trim();
}

/**
 * How well a name's key (` ${normalise(name)}`) matches a normalised query:
 * 0 the whole name, 1 its beginning, 2 the beginning of one of its words, 3
 * anywhere; undefined for no match.
 */
export function matchLevel(key: string, query: string): number | undefined {
  // One scan for the common case of no match (tens of thousands of names per keystroke).
  const at = key.indexOf(query, 1);
  if (at < 0) return undefined;
  if (at === 1) return key.length === query.length + 1 ? 0 : 1;
  return key.charCodeAt(at - 1) === 32 || key.includes(` ${query}`, at) ? 2 : 3;
}

export function searchEntry(code: string, name: string, level: Level, parent: string): SearchEntry {
  return { code, name, level, parent, key: ` ${normalise(name)}` };
}

/** Lower is better; undefined means no match. */
function score(entry: SearchEntry, query: string, codeQuery: string | undefined): number | undefined {
  if (codeQuery) {
    if (entry.code === codeQuery) return 0;
    if (entry.code.startsWith(codeQuery)) return 1;
  }
  if (query === '') return undefined;
  const level = matchLevel(entry.key, query);
  return level === undefined ? undefined : level + 2;
}

/**
 * Every area that matches, with its score (lower is better): 0 and 1 for a
 * code typed whole or begun, then 2 + matchLevel for a name; unordered.
 */
export function areaHits(entries: readonly SearchEntry[], text: string): { entry: SearchEntry; score: number }[] {
  const query = normalise(text);
  const compact = text.trim().toUpperCase();
  const codeQuery = /^[EWSN]\d{2,8}$/.test(compact) ? compact : undefined;
  if (query.length < 2 && !codeQuery) return [];
  const hits: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const s = score(entry, query, codeQuery);
    if (s !== undefined) hits.push({ entry, score: s });
  }
  return hits;
}

export function searchAreas(entries: readonly SearchEntry[], text: string, limit = 10): SearchEntry[] {
  const hits = areaHits(entries, text);
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      LEVEL_ORDER[a.entry.level] - LEVEL_ORDER[b.entry.level] ||
      a.entry.name.length - b.entry.name.length ||
      a.entry.name.localeCompare(b.entry.name, 'en-GB') ||
      a.entry.code.localeCompare(b.entry.code),
  );
  return hits.slice(0, limit).map((hit) => hit.entry);
}
