/**
 * The residents' rows of `npm run bench` (issue 14): stage times of the
 * build, the postcode index's files (how many, how big, the bytes one lookup
 * fetches), nearest services by the grid index, and, in the browser, from
 * pressing Enter on a postcode to the services near it listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { nearestPoints, pointGrid } from '../src/stats/nearest.ts';
import { decodeDeltas } from '../src/data/postcodeSchema.ts';
import { waitForChoropleth } from './browser.ts';
import { type BenchRow, median } from './benchRows.ts';

const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;

/**
 * Stage times of the residents' parts of a data build, read off its progress
 * output ("[k/N] <title> …" … "done in X s"; the services are placed within
 * the sources step and say their own time).
 */
export function residentBuildRows(log: string): BenchRow[] {
  const stepSeconds = (title: string) => {
    const at = log.indexOf(`] ${title}`);
    const done = at < 0 ? null : /done in ([\d.]+) s/.exec(log.slice(at));
    return done ? Number(done[1]) : undefined;
  };
  const rows: BenchRow[] = [];
  const postcodes = stepSeconds('Postcode index');
  if (postcodes !== undefined) rows.push({ metric: 'Postcode index: build time (the LSOA of every postcode, the files)', value: `${postcodes.toFixed(1)} s` });
  const services = /services placed: .*\(([\d.]+) s\)/.exec(log);
  if (services) rows.push({ metric: 'Services: build time (read, placed, hours checked)', value: `${Number(services[1]).toFixed(1)} s` });
  const names = stepSeconds('Place names');
  if (names !== undefined) rows.push({ metric: 'Place names: build time (search index, authority files)', value: `${names.toFixed(1)} s` });
  return rows;
}

/** The postcode index of a built site: its files, and the gzip bytes of the file a lookup fetches, for the median postcode. */
export function postcodeIndexRows(site: string): BenchRow[] {
  const dir = join(site, 'postcodes');
  const files: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  const outward = files.filter((file) => !file.endsWith('index.json'));
  const sizes = outward.map((file) => statSync(file).size);
  const gzip = outward.map((file) => gzipSync(readFileSync(file), { level: 6 }).length);
  // Weighted by postcodes: what a lookup of a postcode picked at random fetches.
  const perPostcode: number[] = [];
  outward.forEach((file, i) => {
    const count = (JSON.parse(readFileSync(file, 'utf8')) as { inward: string }).inward.length / 3;
    for (let k = 0; k < count; k += 50) perPostcode.push(gzip[i]);
  });
  const largest = Math.max(...sizes);
  const lookup = median(perPostcode);
  const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return [
    { metric: `Postcode index: files (outward codes and the index)`, value: String(files.length) },
    { metric: 'Postcode index: total size', value: `${(total / 1e6).toFixed(1)} MB` },
    { metric: 'Postcode index: largest file', value: kb(largest), target: '< 50 KB', pass: largest < 50_000 },
    { metric: 'Postcode lookup: bytes fetched, median postcode (gzip)', value: kb(lookup), target: '< 15 KB', pass: lookup < 15_000 },
  ];
}

/**
 * From Enter on a typed postcode to the services near it listed in the
 * resident panel, on a local server, with the map moving when Enter is
 * pressed: a 3-second pan of half a degree at the same zoom (the tiles in
 * view stay loaded), and, for comparison, a pan with a zoom in that loads
 * the next zoom's tiles meanwhile (in this machine's software WebGL each new
 * tile's polygons are tessellated on the main thread, so input waits behind
 * them). As in the app, the search fetches a whole postcode's files while it
 * is typed; the bench types it, waits for the suggestion and for the
 * network to settle (as a person's typing gives it time to), starts the pan
 * and presses Enter. Choosing the postcode stops the pan (the camera then flies
 * to the place once the list is drawn).
 */
export async function postcodeSearchRows(browser: Browser, url: string): Promise<BenchRow[]> {
  const pans = {
    still: '',
    same: 'map.easeTo({ center: [map.getCenter().lng + 0.5, map.getCenter().lat + 0.3], duration: 3000 })',
    zoomIn: 'map.easeTo({ center: [map.getCenter().lng + 2, map.getCenter().lat + 1], zoom: map.getZoom() + 1, duration: 3000 })',
  };
  type Pan = keyof typeof pans;
  const times: Record<Pan, { shown: number; key: number }[]> = { still: [], same: [], zoomIn: [] };
  for (const postcode of ['b15 2tt', 'M1 1AE', 'ls1 3ad', 'L36 0SA', 'bs1 5tr']) {
    for (const pan of Object.keys(pans) as Pan[]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const page = await context.newPage();
      await page.goto(url);
      await waitForChoropleth(page);
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill(postcode);
      await page.getByRole('option', { name: /Postcode/ }).waitFor();
      await page.waitForLoadState('networkidle');
      const started = await page.evaluate((move) => {
        const w = window as unknown as { keyAt?: number };
        // When the page itself gets the key: it waits behind the frame being drawn.
        document.addEventListener('keydown', () => (w.keyAt ??= performance.now()), { capture: true });
        if (move) new Function('map', move)(window.__atlas!.map!);
        return performance.now();
      }, pans[pan]);
      await search.press('Enter');
      await page.locator('.resident-panel[data-list="shown"]').waitFor();
      const { shownAt, keyAt } = await page.evaluate(() => ({
        shownAt: performance.getEntriesByName('atlas:near-me-list').at(-1)?.startTime ?? performance.now(),
        keyAt: (window as unknown as { keyAt: number }).keyAt,
      }));
      times[pan].push({ shown: shownAt - started, key: keyAt - started });
      await context.close();
    }
  }
  const shown = (pan: Pan) => median(times[pan].map((t) => t.shown));
  const key = (pan: Pan) => median(times[pan].map((t) => t.key));
  return [
    { metric: 'Postcode: Enter → the services near it listed, the map still (5 postcodes, local server)', value: `${shown('still').toFixed(0)} ms`, target: '< 300 ms', pass: shown('still') < 300 },
    { metric: 'Postcode: the same with the map panning when Enter is pressed', value: `${shown('same').toFixed(0)} ms`, target: '< 300 ms', pass: shown('same') < 300 },
    { metric: '… of which the page waits for the key behind the pan’s frames (software WebGL)', value: `${key('same').toFixed(0)} ms` },
    { metric: 'Postcode: the same with the map panning and zooming in (loading tiles) meanwhile', value: `${shown('zoomIn').toFixed(0)} ms (key after ${key('zoomIn').toFixed(0)} ms)` },
  ];
}

/** Nearest services of one point over all of them (the access layer's query; "near me" reads cells instead). */
export function nearestServiceRows(site: string): BenchRow[] {
  const index = JSON.parse(readFileSync(join(site, 'services/index.json'), 'utf8')) as { types: Record<string, { count: number }> };
  const points: number[] = [];
  for (const type of Object.keys(index.types)) {
    const file = JSON.parse(readFileSync(join(site, `services/points/${type}.json`), 'utf8')) as { lng: number[]; lat: number[] };
    const lng = decodeDeltas(file.lng);
    const lat = decodeDeltas(file.lat);
    for (let i = 0; i < lng.length; i++) points.push(lng[i], lat[i]);
  }
  const grid = pointGrid(points);
  const lsoa = (JSON.parse(readFileSync(join(site, 'areas/lsoa-points.json'), 'utf8')) as { points: number[] }).points;
  const queries = Array.from({ length: 300 }, (_, i) => [lsoa[((i * 337) % (lsoa.length / 2)) * 2], lsoa[((i * 337) % (lsoa.length / 2)) * 2 + 1]]);
  for (const [lng, lat] of queries) nearestPoints(grid, lng, lat, { withinMetres: 2000 });
  const times = queries.map(([lng, lat]) => {
    const started = performance.now();
    nearestPoints(grid, lng, lat, { limit: 1 });
    nearestPoints(grid, lng, lat, { withinMetres: 2000 });
    return performance.now() - started;
  });
  const time = Math.max(median(times), 0);
  const slowest = Math.max(...times);
  return [
    { metric: `Nearest services: the nearest and all within 2 km of an LSOA centroid, over all ${(points.length / 2).toLocaleString('en-GB')} services (median)`, value: `${time.toFixed(2)} ms`, target: '< 5 ms', pass: time < 5 },
    { metric: 'Nearest services: the same, slowest of 300 places', value: `${slowest.toFixed(2)} ms` },
  ];
}
