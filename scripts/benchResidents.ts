/**
 * The residents' rows of `npm run bench` (issue 14, so far): the postcode
 * index's files (how many, how big, the bytes one lookup fetches), nearest
 * points by the grid index, and, in the browser, from pressing Enter on a
 * postcode to its neighbourhood shown in the panel.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { nearestPoints, pointGrid } from '../src/stats/nearest.ts';
import { waitForChoropleth } from './browser.ts';
import { type BenchRow, median } from './benchRows.ts';

const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;

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

/** Nearest points by the grid index over the LSOAs' centroids (33,755 points, standing in for services until those are built). */
export function nearestRows(site: string): BenchRow[] {
  const points = (JSON.parse(readFileSync(join(site, 'areas/lsoa-points.json'), 'utf8')) as { points: number[] }).points;
  const grid = pointGrid(points);
  const queries = Array.from({ length: 200 }, (_, i) => [points[(i * 337) % (points.length / 2) * 2] + 0.003, points[(i * 337) % (points.length / 2) * 2 + 1] - 0.002]);
  for (const [lng, lat] of queries) nearestPoints(grid, lng, lat, { limit: 10, withinMetres: 2000 });
  const times = queries.map(([lng, lat]) => {
    const started = performance.now();
    nearestPoints(grid, lng, lat, { limit: 10 });
    nearestPoints(grid, lng, lat, { withinMetres: 2000 });
    return performance.now() - started;
  });
  const time = median(times);
  return [{ metric: `Nearest points: the 10 nearest and all within 2 km of a place, ${(points.length / 2).toLocaleString('en-GB')} points`, value: `${time.toFixed(2)} ms`, target: '< 5 ms', pass: time < 5 }];
}

/** From Enter on a typed postcode to its neighbourhood's code in the panel, on a local server. */
export async function postcodeSearchRows(browser: Browser, url: string): Promise<BenchRow[]> {
  const times: number[] = [];
  const selectedAt: number[] = [];
  for (const postcode of ['b15 2tt', 'M1 1AE', 'ls1 3ad']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(url);
    await waitForChoropleth(page);
    const search = page.getByRole('combobox', { name: /Search/ });
    await search.fill(postcode);
    await page.getByRole('option', { name: /Postcode/ }).waitFor();
    // The moment the lookup selects the neighbourhood: the link changes (the store writes it at once).
    await page.evaluate(() => {
      const push = history.pushState.bind(history);
      history.pushState = (...args: Parameters<History['pushState']>) => {
        if (String(args[2]).includes('area=')) (window as unknown as { selectedAt: number }).selectedAt ??= performance.now();
        push(...args);
      };
    });
    const started = await page.evaluate(() => performance.now());
    await search.press('Enter');
    await page.locator('.panel .panel__codes code').waitFor();
    times.push((await page.evaluate(() => performance.now())) - started);
    selectedAt.push((await page.evaluate(() => (window as unknown as { selectedAt: number }).selectedAt)) - started);
    await context.close();
  }
  const time = median(times);
  const selected = median(selectedAt);
  return [
    { metric: 'Postcode: Enter → its neighbourhood selected (one file fetched, local server)', value: `${selected.toFixed(0)} ms`, target: '< 300 ms', pass: selected < 300 },
    { metric: 'Postcode: Enter → the panel drawn (the camera flying meanwhile, software WebGL)', value: `${time.toFixed(0)} ms` },
  ];
}
