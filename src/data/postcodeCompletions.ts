/**
 * Completions of a postcode being typed: once the outward code is whole and
 * the sector digit typed ("B15 2", "B152", "SW1A 1A"), the postcodes of that
 * outward code's file (or its sector's file, for a split outward code) that
 * begin so. One small file, the one the whole postcode's lookup would fetch.
 */
import type { DataClient } from './client.ts';
import { nationOf } from './postcodes.ts';
import { sectorPostcodes } from './postcodeLookup.ts';

// As postcodes.ts: a district letter (A9A, AA9A) only in central London.
const OUTWARD = /^(?:[A-Z]{1,2}\d{1,2}|(?:E|N|W|EC|NW|SE|SW|WC)\d[A-Z])$/;
/** The beginning of an inward code: its sector digit, then at most one of the unit letters. */
const INWARD_START = /^\d[ABD-HJLNP-UW-Z]?$/;

export interface PartialPostcode {
  outward: string;
  /** The sector digit, and perhaps the first unit letter. */
  inwardStart: string;
}

/**
 * The ways to read text as a whole outward code and the start of an inward
 * code. With a space, the space divides them. Without one, every division
 * that gives a valid outward code, unless the whole text is itself an
 * outward code ("M11" is M11 being typed, not M1 1).
 */
export function readPartialPostcode(text: string): PartialPostcode[] {
  const upper = text.trim().toUpperCase().replace(/-/g, ' ');
  if (upper === '' || !/^[A-Z0-9 ]+$/.test(upper)) return [];
  const parts = upper.split(/\s+/);
  if (parts.length === 2) return OUTWARD.test(parts[0]) && INWARD_START.test(parts[1]) ? [{ outward: parts[0], inwardStart: parts[1] }] : [];
  if (parts.length > 2) return [];
  const compact = parts[0];
  if (OUTWARD.test(compact)) return [];
  const readings: PartialPostcode[] = [];
  for (const cut of [1, 2]) {
    const outward = compact.slice(0, -cut);
    const inwardStart = compact.slice(-cut);
    if (OUTWARD.test(outward) && INWARD_START.test(inwardStart)) readings.push({ outward, inwardStart });
  }
  return readings;
}

/** The postcodes ("B15 2AA") that complete the text, in order, at most `limit`; none for text that is not a postcode's beginning. */
export async function completePostcode(client: DataClient, text: string, limit = 6): Promise<string[]> {
  const completions: string[] = [];
  for (const { outward, inwardStart } of readPartialPostcode(text)) {
    const nation = nationOf(outward);
    if (nation !== 'england' && nation !== 'border') continue;
    const file = await sectorPostcodes(client, outward, inwardStart[0]);
    if (!file) continue;
    for (let i = 0; i < file.inward.length && completions.length < limit; i += 3) {
      const inward = file.inward.slice(i, i + 3);
      if (inward.startsWith(inwardStart)) completions.push(`${outward} ${inward}`);
    }
  }
  return completions.slice(0, limit);
}
