/**
 * Public libraries from two files, one record per library: the Arts Council
 * England basic dataset (2023, England, official) and the Libraries Hacked
 * file (April 2025, UK-wide, with opening hours).
 *
 * England: a Libraries Hacked row is English when its postcode is in
 * Code-Point Open England, or, when it is not (a postcode not current or
 * mistyped), when its postcode's area is not wholly Scottish, Welsh or
 * Northern Irish and its authority has a library whose postcode is.
 *
 * The same library in both files is found, in this order (each row matched
 * at most once; mobile and prison libraries and archives of the ACE file take
 * no part, as they share buildings and UPRNs with libraries):
 *   1. the same UPRN, with the same postcode or a word of the name in common
 *      (a UPRN alone has joined unrelated libraries in Lancashire);
 *   2. the same postcode and the same name, normalised (case, punctuation,
 *      "&", and the words library, community, hub, centre… dropped);
 *   3. the same postcode district and the same normalised name (a library
 *      that moved, or a postcode corrected);
 *   4. the same postcode and a word of the name in common, when only one
 *      library there has one ("Chatham Community Hub" and "Chatham Library,
 *      Community Hub Chatham").
 * A merged record takes what Libraries Hacked says (the newer file) and,
 * where it says nothing, what the ACE file says; its postcode is the first
 * of the two found in Code-Point Open. It is closed when either file says so
 * (the ACE file records some 2022–2024 closures Libraries Hacked does not).
 * Each record names its source: one file or both.
 */
import type { ServiceRecord, ServiceSource } from '../../../src/data/servicesSchema.ts';
import type { InputFile } from '../inputs.ts';
import { compactPostcode, GeocodingTally, type Geocoder } from './geocode.ts';
import { libraryHours } from './hours.ts';
import { readAceLibraries } from './librariesAce.ts';
import { readHackedLibraries } from './librariesHacked.ts';
import { libraryDetail, type LibraryRow } from './libraryRow.ts';
import { combinedSource, serviceSource, type Listed, type SourceRead } from './source.ts';
import { slug } from './text.ts';

export const BOTH_LIBRARY_FILES = 'libraries_hacked+libraries_ace';

/** Words that say what a library is, not which one. */
const GENERIC_WORDS = new Set([
  'library', 'libraries', 'the', 'community', 'and', 'hub', 'centre', 'center', 'branch', 'of', 'at', 'in', 'local',
  'neighbourhood', 'customer', 'service', 'services', 'information', 'st', 'public',
]);

/** The words of a name that tell libraries apart: lower case, apostrophes dropped ("Bishop's" = "Bishops"), generic words left out. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word));
}

const normalisedName = (name: string) => nameWords(name).join(' ');
const shareAWord = (a: LibraryRow, b: LibraryRow) => {
  const words = new Set(nameWords(a.name));
  return nameWords(b.name).some((word) => words.has(word));
};
const postcodeKey = (row: LibraryRow) => compactPostcode(row.postcode);
const districtKey = (row: LibraryRow) => postcodeKey(row).slice(0, -3);

export type MatchRule = 'uprn' | 'postcodeName' | 'districtName' | 'postcodeWord';
export const MATCH_RULES: Record<MatchRule, string> = {
  uprn: 'UPRN',
  postcodeName: 'postcode and name',
  districtName: 'postcode district and name',
  postcodeWord: 'postcode and a word of the name',
};

/** Pairs of the same library: index in `hacked` → index in `ace`, and the rule that matched them. */
export function matchLibraries(hacked: readonly LibraryRow[], ace: readonly LibraryRow[]): Map<number, { ace: number; rule: MatchRule }> {
  const pairs = new Map<number, { ace: number; rule: MatchRule }>();
  const used = new Set<number>();
  const groupBy = (key: (row: LibraryRow) => string | undefined) => {
    const groups = new Map<string, number[]>();
    ace.forEach((row, i) => {
      const k = key(row);
      if (k === undefined || k === '') return;
      const group = groups.get(k);
      if (group) group.push(i);
      else groups.set(k, [i]);
    });
    return groups;
  };
  const byUprn = groupBy((row) => row.uprn);
  const byPostcode = groupBy(postcodeKey);
  const byPostcodeName = groupBy((row) => `${postcodeKey(row)}|${normalisedName(row.name)}`);
  const byDistrictName = groupBy((row) => `${districtKey(row)}|${normalisedName(row.name)}`);
  const rules: [MatchRule, (row: LibraryRow) => number[], boolean][] = [
    ['uprn', (row) => (row.uprn ? (byUprn.get(row.uprn) ?? []).filter((i) => postcodeKey(ace[i]) === postcodeKey(row) || shareAWord(ace[i], row)) : []), false],
    ['postcodeName', (row) => byPostcodeName.get(`${postcodeKey(row)}|${normalisedName(row.name)}`) ?? [], false],
    ['districtName', (row) => byDistrictName.get(`${districtKey(row)}|${normalisedName(row.name)}`) ?? [], false],
    ['postcodeWord', (row) => (byPostcode.get(postcodeKey(row)) ?? []).filter((i) => shareAWord(ace[i], row)), true],
  ];
  for (const [rule, candidates, onlyIfUnique] of rules) {
    hacked.forEach((row, h) => {
      if (pairs.has(h)) return;
      const free = candidates(row).filter((i) => !used.has(i));
      if (free.length === 0 || (onlyIfUnique && free.length > 1)) return;
      used.add(free[0]);
      pairs.set(h, { ace: free[0], rule });
    });
  }
  return pairs;
}

/** Rows of a file that repeat an earlier row's name and postcode: left out, counted. */
function dropRepeats(rows: readonly LibraryRow[], tally: GeocodingTally): LibraryRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${postcodeKey(row)}|${normalisedName(row.name)}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    tally.exclude('listed twice in the file (same name and postcode)', `${row.name} (line ${row.line})`);
    return false;
  });
}

export interface LibraryFiles {
  ace?: { file: string; rows: LibraryRow[] };
  hacked?: { file: string; rows: LibraryRow[] };
}

export function mergeLibraries(files: LibraryFiles, geocoder: Geocoder): SourceRead {
  const aceTally = files.ace && new GeocodingTally('library', 'libraries_ace', files.ace.file);
  const hackedTally = files.hacked && new GeocodingTally('library', 'libraries_hacked', files.hacked.file);
  const example = (row: LibraryRow) => `${row.name} (${row.postcode || 'no postcode'})`;

  // Libraries Hacked: England only.
  let hacked: LibraryRow[] = [];
  if (files.hacked && hackedTally) {
    hackedTally.read = files.hacked.rows.length;
    const outcomes = files.hacked.rows.map((row) => geocoder.postcode(row.postcode));
    const englishAuthorities = new Set(files.hacked.rows.filter((_, i) => 'found' in outcomes[i]).map((row) => row.authority));
    hacked = files.hacked.rows.filter((row, i) => {
      const outcome = outcomes[i];
      if ('found' in outcome) return true;
      if ('outside' in outcome) hackedTally.exclude(outcome.outside, example(row));
      else if (!englishAuthorities.has(row.authority)) hackedTally.exclude('outside England (an authority with no library in England)', example(row));
      else return true;
      return false;
    });
    hacked = dropRepeats(hacked, hackedTally);
  }
  // ACE: libraries a resident can walk into.
  let ace: LibraryRow[] = [];
  if (files.ace && aceTally) {
    aceTally.read = files.ace.rows.length;
    ace = files.ace.rows.filter((row) => {
      if (row.notALibrary) aceTally.exclude(row.notALibrary, example(row));
      return !row.notALibrary;
    });
    ace = dropRepeats(ace, aceTally);
  }

  const pairs = matchLibraries(hacked, ace);
  const aceMatched = new Set([...pairs.values()].map((pair) => pair.ace));
  const byRule = new Map<MatchRule, number>();
  for (const { rule } of pairs.values()) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);

  const records: ServiceRecord[] = [];
  const ids = new Map<string, number>();
  const hoursProblems: string[] = [];
  let withHours = 0;
  let closedInOneOnly = 0;
  const place = (h: LibraryRow | undefined, a: LibraryRow | undefined) => {
    const tallies = [h && hackedTally, a && aceTally].filter((t): t is GeocodingTally => t !== undefined);
    const first = (h ?? a)!;
    const closed = h?.closed ?? a?.closed;
    if (closed) {
      if (h && a && !(h.closed && a.closed)) closedInOneOnly++;
      if (h && hackedTally) hackedTally.exclude(h.closed ?? 'closed (per the Arts Council England file)', example(h));
      if (a && aceTally) aceTally.exclude(a.closed ?? 'closed (per the Libraries Hacked file)', example(a));
      return;
    }
    // The first postcode of the two found in Code-Point Open, else the first given.
    const candidates = [h, a].filter((row): row is LibraryRow => row !== undefined);
    const located = candidates.find((row) => 'found' in geocoder.postcode(row.postcode)) ?? candidates.find((row) => row.postcode.trim() !== '') ?? first;
    const placement = geocoder.place(located.postcode);
    if (h && a && !('outside' in placement)) for (const tally of tallies) tally.merged++;
    const at = tallies.map((tally) => tally.settle(placement, first.name, located.postcode, example(located)))[0];
    if (!at) return;
    const hours = h?.staffed && h.unstaffed ? libraryHours(h.staffed, h.unstaffed) : { problems: [] };
    if (hours.openingHours) withHours++;
    for (const problem of hours.problems) hoursProblems.push(`${first.name}: ${problem}`);
    const name = first.name;
    const baseId = `${slug(name)}-${(at.postcode ?? '').replace(' ', '').toLowerCase()}`.replace(/-$/, '');
    const n = (ids.get(baseId) ?? 0) + 1;
    ids.set(baseId, n);
    const detail = libraryDetail(h?.operation ?? a?.operation, h?.statutory ?? a?.statutory);
    const address = h?.address ?? a?.address;
    const url = h?.url;
    records.push({
      type: 'library',
      id: n === 1 ? baseId : `${baseId}-${n}`,
      name,
      ...at,
      ...(address ? { address } : {}),
      ...(detail ? { detail } : {}),
      ...(hours.openingHours ? { openingHours: hours.openingHours } : {}),
      ...(hours.hoursText ? { hoursText: hours.hoursText } : {}),
      ...(url ? { url } : {}),
      source: h && a ? BOTH_LIBRARY_FILES : h ? 'libraries_hacked' : 'libraries_ace',
    });
  };
  hacked.forEach((row, i) => {
    const pair = pairs.get(i);
    place(row, pair ? ace[pair.ace] : undefined);
  });
  ace.forEach((row, i) => {
    if (!aceMatched.has(i)) place(undefined, row);
  });

  const sources: ServiceSource[] = [];
  if (files.ace) sources.push(serviceSource('libraries_ace'));
  if (files.hacked) sources.push(serviceSource('libraries_hacked'));
  if (files.ace && files.hacked) {
    sources.push(combinedSource(BOTH_LIBRARY_FILES, serviceSource('libraries_hacked'), serviceSource('libraries_ace'), 'Libraries Hacked export, matched with the Arts Council England 2023 dataset'));
  }
  const notes: string[] = [];
  if (files.ace && files.hacked) {
    const rules = (Object.keys(MATCH_RULES) as MatchRule[]).map((rule) => `${MATCH_RULES[rule]} ${byRule.get(rule) ?? 0}`).join(', ');
    notes.push(
      `libraries: ${pairs.size} in both files (by ${rules}), ${hacked.length - pairs.size} only in Libraries Hacked (England), ${ace.length - aceMatched.size} only in the ACE file; ${closedInOneOnly} closed in one file but not the other (left out)`,
    );
  }
  if (files.hacked) notes.push(`libraries: opening hours of ${withHours} from Libraries Hacked, ${hoursProblems.length} kept as text only`);
  const listed: Listed[] = files.hacked ? [{ file: files.hacked.file, what: 'library opening hours not in OSM syntax or refused by the opening_hours library (kept as text)', examples: hoursProblems }] : [];
  return { records, tallies: [hackedTally, aceTally].filter((t): t is GeocodingTally => t !== undefined), sources, notes, listed };
}

export async function readLibraries(inputs: { ace?: InputFile; hacked?: InputFile }, geocoder: Geocoder): Promise<SourceRead> {
  return mergeLibraries({ ace: inputs.ace && (await readAceLibraries(inputs.ace)), hacked: inputs.hacked && (await readHackedLibraries(inputs.hacked)) }, geocoder);
}
