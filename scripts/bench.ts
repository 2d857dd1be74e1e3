/**
 * `npm run bench`: the speed and size targets, measured on this machine and
 * printed as one table.
 *
 * - the data build: wall time and peak memory (a fresh build into a
 *   temporary folder, so public/data is not touched);
 * - bytes: tiles, indicator files, first-load JavaScript (gzip, as served);
 * - in headless Chromium (software WebGL), against the built site on a
 *   local server: time to the first choropleth of England with its requests
 *   and bytes, and time to switch indicator with its requests.
 *
 * Browser timings are medians over several fresh page loads in one run, so
 * that they compare with each other on a noisy machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { startServer, type ServedResponse } from './serve.ts';
import { launchBrowser, waitForChoropleth } from './browser.ts';
import { DATA_FORMAT_VERSION } from '../src/data/schema.ts';
import { findInputs, SOURCE_IDS } from './pipeline/inputs.ts';
import { dotFrameRows, dotGenerationRows } from './benchDots.ts';
import { mb, median, ms, type BenchRow } from './benchRows.ts';
import { liveSelectionRows, segregationSwitchRows } from './benchSegregation.ts';
import { nearestServiceRows, postcodeIndexRows, postcodeSearchRows, residentBuildRows } from './benchResidents.ts';
import { placeNameRows } from './benchNames.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'skip-pipeline': { type: 'boolean', default: false },
    // A site built by another commit (with its data in DIR/data): the first choropleth of both is timed in turns.
    baseline: { type: 'string' },
  },
});
const dataDir = resolve(values.data ?? process.env.DATA_DIR ?? '../shared/data');
const runs = Number(values.runs);

const rows: BenchRow[] = [];
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(0)} KB`;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}
const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 6 }).length;

// 1. The data build.
if (!values['skip-pipeline']) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const stats = join(out, 'stats.json');
  console.log(`Building the data from ${dataDir} (into a temporary folder)…`);
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=1536', '--import', 'tsx', 'scripts/pipeline/cli.ts', '--data', dataDir, '--out', join(out, 'data'), '--stats', stats],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error('the data build failed; run npm run data to see why');
  const { seconds, peakMemoryMb } = JSON.parse(readFileSync(stats, 'utf8')) as { seconds: number; peakMemoryMb: number };
  rows.push({ metric: 'Data build: wall time', value: `${seconds.toFixed(1)} s`, target: '< 180 s', pass: seconds < 180 });
  rows.push({ metric: 'Data build: peak memory', value: `${peakMemoryMb.toFixed(0)} MB`, target: '< 2048 MB', pass: peakMemoryMb < 2048 });
  rows.push(...residentBuildRows(child.stdout));
  rmSync(out, { recursive: true, force: true });
}

// 2. Sizes of the built data and site.
const manifestPath = 'public/data/manifest.json';
if (!existsSync(manifestPath) || JSON.parse(readFileSync(manifestPath, 'utf8')).formatVersion !== DATA_FORMAT_VERSION) {
  console.log('Building public/data …');
  execFileSync(process.execPath, ['--max-old-space-size=1536', '--import', 'tsx', 'scripts/pipeline/cli.ts', '--data', dataDir], { stdio: 'ignore' });
}
console.log('Building the site …');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const tileFiles = filesUnder('dist/data/tiles');
rows.push({ metric: 'Tiles: all three archives (z4–12)', value: mb(tileFiles.reduce((s, f) => s + statSync(f).size, 0)) });
const classFiles = filesUnder('dist/data/classes');
rows.push({
  metric: 'Indicator files: one LSOA colour file (IMD, 2019 and 2025, gzip)',
  value: kb(gzipBytes('dist/data/classes/imd/lsoa/score.json')),
});
rows.push({ metric: 'Indicator files: all colour files (gzip)', value: mb(classFiles.reduce((s, f) => s + gzipBytes(f), 0)) });
rows.push({ metric: 'Indicator files: all tables and profiles (gzip)', value: mb([...filesUnder('dist/data/values'), ...filesUnder('dist/data/profiles')].reduce((s, f) => s + gzipBytes(f), 0)) });
const jsFiles = filesUnder('dist/assets').filter((f) => /\.m?js$/.test(f));
rows.push({ metric: 'JavaScript: whole site (gzip)', value: kb(jsFiles.reduce((s, f) => s + gzipBytes(f), 0)) });

// 2b. Segregation (issue 13): a live selection's figures as the panel computes them, and the bias correction in a worker (scripts/benchSegregation.ts).
if (existsSync('dist/data/segregation/ethnicity/2021/lsoa.json')) rows.push(...(await liveSelectionRows('dist/data')));


// 2d. Segregation tables (issue 13): the segregation part of the data build alone, on the real files
// (reading the Output Area file and its lookup, then the stage: unit tables, every index, the two downloads).
async function segregationBuildRows(): Promise<BenchRow[]> {
  const { timeSegregation } = await import('./pipeline/segregation/timing.ts');
  const { readSeconds, stageSeconds } = await timeSegregation(dataDir);
  const total = readSeconds + stageSeconds;
  return [{ metric: `Segregation tables: build time (OA read ${readSeconds.toFixed(1)} s + stage ${stageSeconds.toFixed(1)} s)`, value: `${total.toFixed(1)} s`, target: '< 15 s', pass: total < 15 }];
}
rows.push(...(await segregationBuildRows()));

// 2c. Dot density (issue 13): Birmingham's dots at one per person, by the worker's engine in Node (scripts/benchDots.ts).
rows.push(...(await dotGenerationRows('dist/data', findInputs(dataDir, {}, SOURCE_IDS.filter((id) => id !== 'census')).census?.path)));

// 2d. Residents (issue 14): the postcode index, the place-name index and its search, nearest services (scripts/benchResidents.ts, benchNames.ts).
if (existsSync('dist/data/postcodes/index.json')) rows.push(...postcodeIndexRows('dist/data'));
if (existsSync('dist/data/names/places.json')) rows.push(...placeNameRows('dist/data'));
if (existsSync('dist/data/services/index.json')) rows.push(...nearestServiceRows('dist/data'));

// 3. In the browser.
// The server counts what it sends: every request of the page and of its workers.
// Each response with the wall-clock time it was sent, to tell what came before the first choropleth from what came after.
let served: (ServedResponse & { at: number })[] = [];
const { server, url } = await startServer('dist', 0, (response) => served.push({ ...response, at: Date.now() }));
const browser = await launchBrowser();
try {
  interface Load {
    firstChoropleth: number;
    requests: number;
    jsBytes: number;
    tileBytes: number;
    dataBytes: number;
    switchFirst: number;
    switchCached: number;
    switchRequests: number;
    switchTileRequests: number;
    diversity: number;
    diversityRequests: number;
    diversityTileRequests: number;
    release: number;
    releaseRequests: number;
    releaseTileRequests: number;
  }
  const loads: Load[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a __name helper, which the page does not have.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    served = [];
    await page.goto(url);
    await waitForChoropleth(page, 'lsoa:imd:score:2025');
    const { firstReadyAt, readyWallClock } = await page.evaluate(() => ({
      firstReadyAt: window.__atlas!.firstReadyAt!,
      readyWallClock: performance.timeOrigin + window.__atlas!.firstReadyAt!,
    }));
    // The first load is what was sent before the first choropleth was drawn (the search, say, loads after it).
    const beforeReady = served.filter((r) => r.at <= readyWallClock);
    const sum = (filter: (path: string) => boolean) => beforeReady.filter((r) => filter(r.path)).reduce((s, r) => s + r.bytes, 0);
    const first = {
      firstChoropleth: firstReadyAt,
      requests: beforeReady.length,
      jsBytes: sum((p) => /\.m?js$/.test(p)),
      tileBytes: sum((p) => p.endsWith('.pmtiles')),
      dataBytes: sum((p) => p.includes('/data/') && !p.endsWith('.pmtiles')),
    };
    // A change of view (layer or release) timed from the input to the frame drawn with the new colours.
    const change = async (input: { select?: string; radio?: string }, version: string) => {
      served = [];
      const result = await page.evaluate(
        async ({ input, version }) => {
          const started = performance.now();
          if (input.select) {
            const select = document.querySelector('select') as HTMLSelectElement;
            select.value = input.select;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          } else (document.querySelector(`input[value="${input.radio}"]`) as HTMLInputElement).click();
          await new Promise<void>((done) => {
            const check = () => (window.__atlas!.readyVersion === version ? done() : requestAnimationFrame(check));
            check();
          });
          return window.__atlas!.readyAt[version] - started;
        },
        { input, version },
      );
      return { ms: result, requests: served.length, tileRequests: served.filter((r) => r.path.endsWith('.pmtiles')).length };
    };
    // Switch layer: first time (its colour file is fetched), then back and again (cached).
    const firstSwitch = await change({ select: 'health' }, 'lsoa:health:score:2025');
    await change({ select: 'imd' }, 'lsoa:imd:score:2025');
    const cachedSwitch = await change({ select: 'health' }, 'lsoa:health:score:2025');
    const diversity = await change({ select: 'ethnic_diversity' }, 'lsoa:ethnic_diversity:simpson:2021');
    await change({ select: 'imd' }, 'lsoa:imd:score:2025');
    const release = await change({ radio: '2019' }, 'lsoa:imd:score:2019');
    loads.push({
      ...first,
      switchFirst: firstSwitch.ms,
      switchCached: cachedSwitch.ms,
      switchRequests: firstSwitch.requests,
      switchTileRequests: firstSwitch.tileRequests + cachedSwitch.tileRequests,
      diversity: diversity.ms,
      diversityRequests: diversity.requests,
      diversityTileRequests: diversity.tileRequests,
      release: release.ms,
      releaseRequests: release.requests,
      releaseTileRequests: release.tileRequests,
    });
    await context.close();
  }
  const m = (key: keyof Load) => median(loads.map((l) => l[key]));
  rows.push({ metric: `First choropleth of England (median of ${runs})`, value: ms(m('firstChoropleth')), target: '< 2000 ms', pass: m('firstChoropleth') < 2000 });
  rows.push({ metric: 'First choropleth: requests', value: String(m('requests')) });
  rows.push({ metric: 'First load: JavaScript (gzip, as served)', value: kb(m('jsBytes')), target: '≤ 668 KB (foundation)', pass: m('jsBytes') <= 668_000 });
  rows.push({ metric: 'First load: geometry for the national view', value: mb(m('tileBytes')), target: '< 3 MB', pass: m('tileBytes') < 3_000_000 });
  rows.push({ metric: 'First load: data files (gzip)', value: kb(m('dataBytes')) });
  rows.push({ metric: 'Switch indicator, first time (fetches colours)', value: ms(m('switchFirst')), target: '< 100 ms', pass: m('switchFirst') < 100 });
  rows.push({ metric: 'Switch indicator, colours cached', value: ms(m('switchCached')), target: '< 100 ms', pass: m('switchCached') < 100 });
  rows.push({ metric: 'Switch indicator: requests (first time)', value: String(m('switchRequests')) });
  rows.push({ metric: 'Switch indicator: geometry requests', value: String(Math.max(...loads.map((l) => l.switchTileRequests))), target: '0', pass: loads.every((l) => l.switchTileRequests === 0) });
  rows.push({ metric: 'Switch to ethnic diversity (fetches colours)', value: ms(m('diversity')), target: '< 100 ms', pass: m('diversity') < 100 });
  rows.push({ metric: 'Switch to ethnic diversity: requests', value: String(m('diversityRequests')) });
  rows.push({ metric: 'Switch to ethnic diversity: geometry requests', value: String(Math.max(...loads.map((l) => l.diversityTileRequests))), target: '0', pass: loads.every((l) => l.diversityTileRequests === 0) });
  rows.push({ metric: 'Switch release (IMD 2025 → 2019)', value: ms(m('release')), target: '< 100 ms', pass: m('release') < 100 });
  rows.push({ metric: 'Switch release: requests (same colour file)', value: String(m('releaseRequests')), target: '0', pass: m('releaseRequests') === 0 });
  rows.push({ metric: 'Switch release: geometry requests', value: String(Math.max(...loads.map((l) => l.releaseTileRequests))), target: '0', pass: loads.every((l) => l.releaseTileRequests === 0) });

  // Segregation: the ward map's indices computed in the browser, on switching layer and groups.
  if (existsSync('dist/data/segregation/ethnicity/2021/lsoa.json')) {
    rows.push(...(await segregationSwitchRows(browser, url, () => served, () => (served = []))));
  }

  // A postcode typed in the search: Enter to the services near it listed, the map moving.
  if (existsSync('dist/data/postcodes/index.json')) rows.push(...(await postcodeSearchRows(browser, url)));

  // Dot density: frame times while panning over Birmingham at street zoom (needs the units file of the build).
  if (existsSync('dist/data/segregation/ethnicity/2021/lsoa.json')) rows.push(...(await dotFrameRows(browser, url)));

  if (values.baseline) {
    // On a noisy machine only a comparison made in turns, in one run, says whether the first map got slower.
    const base = await startServer(resolve(values.baseline), 0);
    const firstMap = async (at: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const page = await context.newPage();
      await page.goto(at);
      await waitForChoropleth(page);
      const time = await page.evaluate(() => window.__atlas!.firstReadyAt!);
      await context.close();
      return time;
    };
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < Math.max(runs, 7); run++) {
      ours.push(await firstMap(url));
      theirs.push(await firstMap(base.url));
    }
    base.server.close();
    const ratio = median(ours) / median(theirs);
    rows.push({ metric: `First choropleth, this build (in turns with the baseline)`, value: ms(median(ours)) });
    rows.push({ metric: `First choropleth, baseline ${values.baseline}`, value: ms(median(theirs)) });
    rows.push({ metric: 'First choropleth: this build / baseline', value: ratio.toFixed(2), target: '≤ 1.05', pass: ratio <= 1.05 });
  }
} finally {
  await browser.close();
  server.close();
}

const widths = [Math.max(...rows.map((r) => r.metric.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(6, ...rows.map((r) => (r.target ?? '').length))];
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 4)).join(' | ')} |`;
console.log('');
console.log(line(['metric', 'value', 'target', 'ok']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|------|`);
for (const row of rows) console.log(line([row.metric, row.value, row.target ?? '', row.pass === undefined ? '' : row.pass ? 'yes' : 'NO']));
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version}, headless Chromium with software WebGL`);
