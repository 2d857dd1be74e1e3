/**
 * Helpers for the browser tests: a page on the built site, the map's state,
 * pixels of the map, and expected values read straight from the source files
 * in the data folder (not from the pipeline's output).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { waitForChoropleth } from '../../scripts/browser.ts';
import { schemeKind } from '../../src/config/classSchemes.ts';

/** The colours of deciles 1–10 on the map. */
const DECILE_COLOURS = schemeKind({ kind: 'deciles' }).colours({ kind: 'deciles' }, 'viridis');

export const baseUrl = () => inject('baseUrl');
export const dataDir = () => inject('dataDir');

export interface MapState {
  readyVersion: string;
  zoom: number;
  center: [number, number];
}

export async function openApp(browser: Browser, query = '', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  await page.goto(baseUrl() + query);
  await waitForChoropleth(page);
  return page;
}

export function mapState(page: Page): Promise<MapState> {
  return page.evaluate(() => {
    const status = window.__atlas!;
    const center = status.map!.getCenter();
    return { readyVersion: status.readyVersion, zoom: status.map!.getZoom(), center: [center.lng, center.lat] as [number, number] };
  });
}

/** Counts, in a screenshot of the map, the pixels painted in each decile colour. */
export async function decilePixels(page: Page): Promise<{ counts: number[]; total: number }> {
  const box = await page.locator('.map__canvas canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  const png = PNG.sync.read(await page.screenshot({ clip: box }));
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    const decile = DECILE_COLOURS.findIndex(([cr, cg, cb]) => Math.abs(cr - r) <= 3 && Math.abs(cg - g) <= 3 && Math.abs(cb - b) <= 3);
    if (decile >= 0) counts[decile]++;
  }
  return { counts, total: png.width * png.height };
}

export function readCsv(relativePath: string): Record<string, string>[] {
  const bytes = readFileSync(join(dataDir(), relativePath));
  return parse(relativePath.endsWith('.gz') ? gunzipSync(bytes) : bytes, { columns: true, bom: true }) as Record<string, string>[];
}

export interface SourceLsoa {
  code: string;
  decile: number;
  rank: number;
  longitude: number;
  latitude: number;
}

/**
 * LSOAs as the source files give them: IMD decile and rank from the IoD 2025
 * file, and the ONS population-weighted centroid (a point inside the LSOA).
 */
export function sourceLsoas(codes: string[]): SourceLsoa[] {
  const wanted = new Set(codes);
  const iod = readCsv('iod/iod2025_lsoa21.csv.gz').filter((row) => wanted.has(row['LSOA code (2021)']));
  const centroids = new Map(readCsv('lookups/lsoa21_pwc_england.csv').filter((row) => wanted.has(row.LSOA21CD)).map((row) => [row.LSOA21CD, row]));
  return codes.map((code) => {
    const row = iod.find((r) => r['LSOA code (2021)'] === code)!;
    const centroid = centroids.get(code)!;
    return {
      code,
      decile: Number(row['Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)']),
      rank: Number(row['Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)']),
      longitude: Number(centroid.LONG),
      latitude: Number(centroid.LAT),
    };
  });
}

/** Every LSOA code of the source IoD file, in file order. */
export function sourceLsoaCodes(): string[] {
  return readCsv('iod/iod2025_lsoa21.csv.gz').map((row) => row['LSOA code (2021)']);
}

/** The IoD 2019 IMD decile and rank of LSOAs (2011 codes; ranks among 32,844), from the source file. */
export function sourceImd2019(): Map<string, { decile: number; rank: number }> {
  return new Map(readCsv('iod/imd2019_lsoa11.csv.gz').map((row) => [row.lsoa11_code, { decile: Number(row.IMD_decile), rank: Number(row.IMD_rank) }]));
}

/** The ONS change indicator of each LSOA 2021 (U unchanged, S split, M merged, X irregular), from the 2011→2021 lookup. */
export function sourceLsoaChange(): Map<string, { lsoa11: string; change: string }> {
  const out = new Map<string, { lsoa11: string; change: string }>();
  for (const row of readCsv('lookups/lsoa11_lsoa21_lad22_england.csv.gz')) out.set(row.LSOA21CD, { lsoa11: row.LSOA11CD, change: row.CHGIND });
  return out;
}

/**
 * Simpson's diversity index of a ward worked out here from the source files:
 * the Census 2021 counts of the five groups summed over the ward's LSOAs in
 * the ONS best-fit lookup, then 1 − Σ p².
 */
export function sourceWardDiversity(wardName: string, ladName: string): { code: string; simpson: number; shares: Record<string, number> } {
  const lookup = readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz').filter((row) => row.WD24NM === wardName && row.LAD24NM === ladName);
  if (lookup.length === 0) throw new Error(`no ward ${wardName} in ${ladName}`);
  const lsoas = new Set(lookup.map((row) => row.LSOA21CD));
  const groups = {
    asian: 'Ethnic group: Asian, Asian British or Asian Welsh',
    black: 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
    mixed: 'Ethnic group: Mixed or Multiple ethnic groups',
    white: 'Ethnic group: White',
    other: 'Ethnic group: Other ethnic group',
  };
  const sums: Record<string, number> = { asian: 0, black: 0, mixed: 0, white: 0, other: 0 };
  let total = 0;
  for (const row of readCsv('census/census2021_ts021_ethnic_group_high_level_lsoa21_england.csv')) {
    if (!lsoas.has(row['geography code'])) continue;
    total += Number(row['Ethnic group: Total: All usual residents']);
    for (const [id, column] of Object.entries(groups)) sums[id] += Number(row[column]);
  }
  const shares = Object.fromEntries(Object.entries(sums).map(([id, n]) => [id, n / total]));
  const simpson = 1 - Object.values(shares).reduce((sum, p) => sum + p * p, 0);
  return { code: lookup[0].WD24CD, simpson, shares };
}

/** The ONS population-weighted centroid of an LSOA 2021. */
export function sourceCentroid(code: string): { longitude: number; latitude: number } {
  const row = readCsv('lookups/lsoa21_pwc_england.csv').find((r) => r.LSOA21CD === code)!;
  return { longitude: Number(row.LONG), latitude: Number(row.LAT) };
}

/**
 * A ward's Census 2011 ethnic diversity worked out here from the source
 * files: the 2011 LSOAs that became the ward's 2021 LSOAs (ONS 2011→2021
 * lookup), their 15 groups summed into the five broad groups of 2021, then
 * 1 − Σ p². Null when one of those 2011 LSOAs also became an LSOA of another
 * ward, or changed irregularly (X): its people cannot be placed.
 */
export function sourceWardDiversity2011(wardCode: string): number | null {
  const wardOf = new Map(readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz').map((row) => [row.LSOA21CD, row.WD24CD]));
  const children = new Map<string, { lsoa21: string[]; change: string }>();
  for (const row of readCsv('lookups/lsoa11_lsoa21_lad22_england.csv.gz')) {
    const entry = children.get(row.LSOA11CD) ?? { lsoa21: [], change: row.CHGIND };
    entry.lsoa21.push(row.LSOA21CD);
    children.set(row.LSOA11CD, entry);
  }
  const inWard = [...children].filter(([, c]) => c.lsoa21.some((code) => wardOf.get(code) === wardCode));
  if (inWard.some(([, c]) => c.change === 'X' || c.lsoa21.some((code) => wardOf.get(code) !== wardCode))) return null;
  const wanted = new Set(inWard.map(([code]) => code));
  const broad: Record<string, string[]> = {
    white: ['WhiteBrit', 'Irish', 'GypsyTraveller_derived', 'OtherWhite'],
    mixed: ['Mixed'],
    asian: ['Indian', 'Pakistani', 'Bangladeshi', 'Chinese', 'OtherAsian'],
    black: ['BlkAfrican', 'BlkCaribbean', 'OtherBlk'],
    other: ['Arab', 'Other'],
  };
  const sums: Record<string, number> = { white: 0, mixed: 0, asian: 0, black: 0, other: 0 };
  let total = 0;
  for (const row of readCsv('census/census2011_ethnic_group_14cat_lsoa11_england.csv.gz')) {
    if (!wanted.has(row.LSOA11CD)) continue;
    total += Number(row.Persons);
    for (const [group, columns] of Object.entries(broad)) sums[group] += columns.reduce((sum, column) => sum + Number(row[column]), 0);
  }
  return 1 - Object.values(sums).reduce((sum, n) => sum + (n / total) ** 2, 0);
}

/**
 * Religious diversity of a ward worked out here from the source files: the
 * Census 2021 TS030 counts of the ward's LSOAs (ONS best-fit lookup) summed,
 * then 1 − Σ p² over the eight answered categories among those who answered;
 * and "Not answered" as a share of all residents.
 */
export function sourceWardReligiousDiversity(wardCode: string): { simpson: number; notAnswered: number; lsoas: number } {
  const lsoas = new Set(readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz').filter((row) => row.WD24CD === wardCode).map((row) => row.LSOA21CD));
  if (lsoas.size === 0) throw new Error(`no ward ${wardCode} in the lookup`);
  const answered = ['No religion', 'Christian', 'Buddhist', 'Hindu', 'Jewish', 'Muslim', 'Sikh', 'Other religion'].map((name) => `Religion: ${name}`);
  const sums = answered.map(() => 0);
  let total = 0;
  let notAnswered = 0;
  let found = 0;
  for (const row of readCsv('census/census2021_ts030_religion_lsoa21_england.csv')) {
    if (!lsoas.has(row['geography code'])) continue;
    found++;
    total += Number(row['Religion: Total: All usual residents']);
    notAnswered += Number(row['Religion: Not answered']);
    answered.forEach((column, i) => (sums[i] += Number(row[column])));
  }
  if (found !== lsoas.size) throw new Error(`ward ${wardCode}: ${lsoas.size} LSOAs in the lookup but ${found} in the religion file`);
  const people = sums.reduce((a, b) => a + b, 0);
  const simpson = 1 - sums.reduce((sum, n) => sum + (n / people) ** 2, 0);
  return { simpson, notAnswered: notAnswered / total, lsoas: found };
}

// EPSG:27700 with the OSGB36 → WGS84 Helmert shift (the OS's published 7 parameters).
const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

export const compactPostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

/** The Code-Point Open postcodes asked for (any spacing), in WGS84 [lng, lat], by compact postcode; those without coordinates (quality 90) left out. */
export function sourcePostcodes(wanted: Iterable<string>): Map<string, [number, number]> {
  const compactWanted = new Set([...wanted].map(compactPostcode));
  const found = new Map<string, [number, number]>();
  const text = gunzipSync(readFileSync(join(dataDir(), 'postcodes/codepoint_open_england_2025-10.csv.gz'))).toString('utf8');
  for (const line of text.split('\n').slice(1)) {
    const [quoted, quality, easting, northing] = line.split(',');
    if (!quoted) continue;
    const postcode = compactPostcode(quoted.replace(/"/g, ''));
    if (compactWanted.has(postcode) && quality !== '90') found.set(postcode, proj4(BNG, 'WGS84', [Number(easting), Number(northing)]) as [number, number]);
  }
  return found;
}

/** One postcode's place from the Code-Point Open file, in WGS84 [lng, lat]. */
export function sourcePostcode(postcode: string): [number, number] {
  const at = sourcePostcodes([postcode]).get(compactPostcode(postcode));
  if (!at) throw new Error(`${postcode} is not in the Code-Point file with coordinates`);
  return at;
}
