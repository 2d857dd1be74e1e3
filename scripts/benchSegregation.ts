/**
 * The segregation rows of `npm run bench` (issue 13), on the build's own
 * units files (dist/data/segregation/…):
 *
 * - live figures of a selection of 5,000 LSOAs as the panel computes them
 *   (src/ui/segregation/figures.ts): for every comparison of the five ethnic
 *   groups (15), D, D expected by chance (exact), isolation, exposure, and
 *   Theil's H and the multigroup D;
 * - the bias-corrected D of that selection with its interval, run in a
 *   worker thread as the app runs it in a Web Worker, with the longest stall
 *   of the main thread's event loop meanwhile (it should stay free);
 * - in the browser: switching the ward map to ethnic segregation (the units
 *   file is fetched and every ward's D computed) and switching the groups
 *   compared (computed again, no request).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { ETHNICITY } from '../src/config/catalogue/segregation.ts';
import { comparisonsOf } from '../src/config/catalogue/comparisons.ts';
import { decodeCodes } from '../src/data/codes.ts';
import type { SegregationUnits } from '../src/data/schema.ts';
import { pairColumns, type GroupCounts } from '../src/stats/segregation/areaFigures.ts';
import type { ReleaseUnits } from '../src/stats/segregation/areaMeasures.ts';
import { setRows } from '../src/ui/segregation/figures.ts';
import { waitForChoropleth } from './browser.ts';
import { type BenchRow, median, ms } from './benchRows.ts';


function readUnits(site: string): ReleaseUnits & { table: GroupCounts } {
  const file = JSON.parse(readFileSync(`${site}/segregation/ethnicity/2021/lsoa.json`, 'utf8')) as SegregationUnits;
  const table = { groups: file.groups.length, counts: file.counts, ward: file.ward, lad: file.lad, incomplete: file.incomplete };
  const wards = decodeCodes(JSON.parse(readFileSync(`${site}/areas/ward.json`, 'utf8')).codes);
  const lads = JSON.parse(readFileSync(`${site}/areas/lad.json`, 'utf8'));
  const wardLad = JSON.parse(readFileSync(`${site}/areas/ward.json`, 'utf8')).lad as number[];
  return { scales: { lsoa: table }, wardLad, wardCount: wards.length, ladCount: decodeCodes(lads.codes).length, table };
}

/** Live figures and the bias correction for a selection of 5,000 LSOAs (the first 5,000 of the build). */
export async function liveSelectionRows(site: string): Promise<BenchRow[]> {
  const units = readUnits(site);
  const members = Array.from({ length: 5000 }, (_, i) => i);
  const comparisons = comparisonsOf(ETHNICITY);
  const timed = (run: () => void) => {
    run();
    return median(
      Array.from({ length: 11 }, () => {
        const started = performance.now();
        run();
        return performance.now() - started;
      }),
    );
  };
  // What the panel computes for the groups compared (White against the rest), and for every comparison in turn.
  const one = timed(() => setRows({ id: '2021', units }, members, { a: 3, b: null }));
  const all = timed(() => {
    for (const comparison of comparisons) setRows({ id: '2021', units }, members, comparison);
  });

  // The bias correction of White against the rest, in a worker thread.
  const { a, b } = pairColumns(units.table, members, { a: 3, b: null });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  // tsx's loader, registered inside the thread, so that the worker can be TypeScript.
  const script = new URL('./benchBiasWorker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`, { eval: true });
  const ask = () =>
    new Promise<number>((done, fail) => {
      worker.once('message', (message: { ms: number }) => done(message.ms));
      worker.once('error', fail);
      worker.postMessage({ a, b });
    });
  await ask(); // warm-up (compilation)
  delay.enable();
  const started = performance.now();
  const inWorker: number[] = [];
  for (let i = 0; i < 5; i++) inWorker.push(await ask());
  const roundTrip = (performance.now() - started) / 5;
  delay.disable();
  await worker.terminate();
  const stall = delay.max / 1e6;
  const corrected = median(inWorker);
  return [
    { metric: 'Live figures of a 5,000-LSOA selection (panel): D, D by chance (exact), isolation, exposure, Theil’s H, multigroup D', value: `${one.toFixed(1)} ms`, target: '< 10 ms', pass: one < 10 },
    { metric: `The same for all ${comparisons.length} comparisons of the five groups, one after another`, value: ms(all) },
    { metric: 'Bias-corrected D with 95% interval, 5,000 LSOAs, 500 replicates, in a worker thread', value: `${ms(corrected)} (round trip ${ms(roundTrip)})`, target: '< 300 ms', pass: corrected < 300 },
    { metric: 'Main thread meanwhile: longest event-loop stall', value: ms(stall), target: 'free (< 50 ms)', pass: stall < 50 },
  ];
}

/** Switching the ward map to ethnic segregation, then the groups compared: time, requests, geometry requests. */
export async function segregationSwitchRows(browser: Browser, url: string, served: () => { path: string }[], reset: () => void): Promise<BenchRow[]> {
  const results: { layer: number; layerRequests: number; layerTiles: number; groups: number; groupsRequests: number; groupsTiles: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(`${url}?level=ward`);
    await waitForChoropleth(page, 'ward:imd:averageScore:2025');
    // What loads after the first map (the search, the services control, …) is not the switch's.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const change = async (selector: string, value: string, version: string) => {
      reset();
      const time = await page.evaluate(
        async ({ selector, value, version }) => {
          const started = performance.now();
          const select = document.querySelector(selector) as HTMLSelectElement;
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise<void>((done) => {
            const check = () => (window.__atlas!.readyVersion === version ? done() : requestAnimationFrame(check));
            check();
          });
          return window.__atlas!.readyAt[version] - started;
        },
        { selector, value, version },
      );
      const requests = served();
      if (process.env.BENCH_VERBOSE) console.log(version, requests.map((r) => r.path).join(' '));
      return { time, requests: requests.length, tiles: requests.filter((r) => r.path.endsWith('.pmtiles')).length };
    };
    const layer = await change('select', 'segregation_ethnicity', 'ward:segregation_ethnicity:d_lsoa:2021:white-rest');
    // Asian (group 0) against the rest.
    const groups = await change('.comparison select', '0', 'ward:segregation_ethnicity:d_lsoa:2021:asian-rest');
    results.push({ layer: layer.time, layerRequests: layer.requests, layerTiles: layer.tiles, groups: groups.time, groupsRequests: groups.requests, groupsTiles: groups.tiles });
    await context.close();
  }
  const m = (key: keyof (typeof results)[number]) => median(results.map((r) => r[key]));
  return [
    { metric: 'Switch wards to ethnic segregation (fetch units, compute every ward’s D)', value: ms(m('layer')), target: '< 500 ms', pass: m('layer') < 500 },
    { metric: 'Switch to ethnic segregation: requests (geometry)', value: `${m('layerRequests')} (${m('layerTiles')})`, target: '(0)', pass: results.every((r) => r.layerTiles === 0) },
    { metric: 'Switch groups compared (every ward’s D again, in the browser)', value: ms(m('groups')), target: '< 100 ms', pass: m('groups') < 100 },
    { metric: 'Switch groups compared: requests', value: String(m('groupsRequests')), target: '0', pass: results.every((r) => r.groupsRequests === 0) },
  ];
}
