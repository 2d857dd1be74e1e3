/**
 * The place-name rows of `npm run bench` (issue 14): the size of the search
 * index fetched on the search's first use (gzip, as served), the authority
 * files fetched when a place is chosen or the map reaches neighbourhood
 * zoom, and the time from a prefix typed to its first suggestions once the
 * index is loaded (areas and places ranked together, as the search does),
 * over a set of prefixes; the worst must be under 50 ms.
 *
 *   import { placeNameRows } from './benchNames.ts';
 *   rows.push(...placeNameRows('public/data'));
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeCodes } from '../src/data/codes.ts';
import { namesPaths, type PlaceIndexFile } from '../src/data/namesSchema.ts';
import { decodePlaceIndex, searchNames } from '../src/data/placeSearch.ts';
import { dataPaths, type AreaCodes, type GroupAreas, type LsoaDetails } from '../src/data/schema.ts';
import { searchEntry, type SearchEntry } from '../src/data/search.ts';
import { type BenchRow, median, ms } from './benchRows.ts';

const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;
const read = <T>(site: string, path: string) => JSON.parse(readFileSync(join(site, path), 'utf8')) as T;

/** Prefixes a person might type: short and long, places and areas, shared and rare beginnings. */
export const BENCH_PREFIXES = [
  'hu', 'huy', 'huyton', 'ki', 'kirk', 'kirkby', 'wa', 'washwood', 'washwood heath', 'ac', 'acton', 'vi', 'victoria p', 'victoria park',
  'st', 'st h', 'saint helens', 'b', 'bi', 'birm', 'birmingham', 'ne', 'newcastle u', 'lo', 'london', 'upper', 'east', 'green', 'e05011151', 'e01',
];

export function placeNameRows(site: string): BenchRow[] {
  const text = readFileSync(join(site, namesPaths.places));
  const gzip = gzipSync(text, { level: 9 }).byteLength;
  const authorityDir = join(site, 'names/authorities');
  const authorityGzip = readdirSync(authorityDir).map((name) => gzipSync(readFileSync(join(authorityDir, name)), { level: 9 }).byteLength);

  // The search's index, as src/ui/Search.tsx builds it.
  const lads = read<GroupAreas>(site, dataPaths.areas('lad'));
  const wards = read<GroupAreas>(site, dataPaths.areas('ward'));
  const details = read<LsoaDetails>(site, dataPaths.lsoaDetails);
  const [ladCodes, wardCodes, lsoaCodes] = [decodeCodes(lads.codes), decodeCodes(wards.codes), decodeCodes(read<AreaCodes>(site, dataPaths.areas('lsoa')).codes)];
  const areas: SearchEntry[] = [
    ...ladCodes.map((code, i) => searchEntry(code, lads.names[i], 'lad', '')),
    ...wardCodes.map((code, i) => searchEntry(code, wards.names[i], 'ward', lads.names[wards.lad![i]])),
    ...lsoaCodes.map((code, i) => searchEntry(code, details.names[i], 'lsoa', wards.names[details.ward[i]])),
  ];
  const started = performance.now();
  const places = decodePlaceIndex(JSON.parse(text.toString('utf8')) as PlaceIndexFile, { codes: ladCodes, names: lads.names });
  const decode = performance.now() - started;

  for (const prefix of BENCH_PREFIXES) searchNames(areas, places, prefix); // warm up
  const times = BENCH_PREFIXES.map((prefix) => {
    const start = performance.now();
    searchNames(areas, places, prefix);
    return performance.now() - start;
  });
  const worst = Math.max(...times);
  return [
    { metric: `Place names: search index (${places.entries.length.toLocaleString('en-GB')} names), gzip`, value: kb(gzip), target: '< 150 KB', pass: gzip < 150_000 },
    { metric: 'Place names: search index, decoded after loading', value: ms(decode) },
    { metric: `Place names: authority files (${authorityGzip.length}), median / largest gzip`, value: `${kb(median(authorityGzip))} / ${kb(Math.max(...authorityGzip))}` },
    { metric: `Search: first suggestions, median of ${BENCH_PREFIXES.length} prefixes`, value: `${median(times).toFixed(1)} ms` },
    { metric: `Search: first suggestions, slowest prefix ("${BENCH_PREFIXES[times.indexOf(worst)]}")`, value: `${worst.toFixed(1)} ms`, target: '< 50 ms', pass: worst < 50 },
  ];
}
