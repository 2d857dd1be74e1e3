/**
 * Live selection: a lasso drawn with the mouse over central Birmingham
 * selects exactly the LSOAs whose ONS population-weighted centroid (read
 * here from the source file) lies inside the drawn outline; the set is named,
 * kept in the link and downloaded with the Census 2021 counts of the source
 * file; "within 1 km" selects the LSOAs whose centroid is within 1 km.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.ts';
import { dataDir, openApp } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Centroid {
  code: string;
  lng: number;
  lat: number;
}

let centroidCache: Centroid[] | undefined;
/** Every LSOA's population-weighted centroid, as the ONS file gives it. */
function centroids(): Centroid[] {
  centroidCache ??= (parse(readFileSync(join(dataDir(), 'lookups/lsoa21_pwc_england.csv')), { columns: true }) as Record<string, string>[]).map((row) => ({
    code: row.LSOA21CD,
    lng: Number(row.LONG),
    lat: Number(row.LAT),
  }));
  return centroidCache;
}

/**
 * Inside a polygon by its winding number (written independently of the
 * app's even-odd test; the same for an outline that does not cross itself):
 * the signed turns of the edges around the point.
 */
function windingNumber(x: number, y: number, ring: [number, number][]): number {
  let turns = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    turns += Math.atan2((x0 - x) * (y1 - y) - (y0 - y) * (x1 - x), (x0 - x) * (x1 - x) + (y0 - y) * (y1 - y));
  }
  return Math.round(turns / (2 * Math.PI));
}

/** Metres from a point to the nearest edge of a ring of [lng, lat] (flat approximation, fine over a city). */
function metresToEdge(lng: number, lat: number, ring: [number, number][]): number {
  const kx = 111_195 * Math.cos((lat * Math.PI) / 180);
  const ky = 111_195;
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = [(ring[i][0] - lng) * kx, (ring[i][1] - lat) * ky];
    const [bx, by] = [(ring[(i + 1) % ring.length][0] - lng) * kx, (ring[(i + 1) % ring.length][1] - lat) * ky];
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/** Great-circle distance in km by the spherical law of cosines (not the app's haversine), on the same mean radius. */
function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lng2 - lng1) * r);
  return 6371.0088 * Math.acos(Math.min(1, c));
}

const selectedCodes = (page: Page) => (new URL(page.url()).searchParams.get('areas') ?? '').split(',').filter(Boolean);

/** A concave outline (a five-pointed star) around the map's centre, in whole pixels relative to the map. */
function starPath(cx: number, cy: number, outer: number, inner: number): [number, number][] {
  const path: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const [r0, r1] = i % 2 ? [inner, outer] : [outer, inner];
    const a0 = (Math.PI * i) / 5 - Math.PI / 2;
    const a1 = (Math.PI * (i + 1)) / 5 - Math.PI / 2;
    // Eight steps along each edge, as a hand would move.
    for (let s = 0; s < 8; s++) {
      const t = s / 8;
      const [x0, y0] = [cx + r0 * Math.cos(a0), cy + r0 * Math.sin(a0)];
      const [x1, y1] = [cx + r1 * Math.cos(a1), cy + r1 * Math.sin(a1)];
      path.push([Math.round(x0 + t * (x1 - x0)), Math.round(y0 + t * (y1 - y0))]);
    }
  }
  return path.filter(([x, y], i) => i === 0 || x !== path[i - 1][0] || y !== path[i - 1][1]);
}

/** The census TS021 counts of some LSOAs, from the source file. */
function censusCounts(codes: Set<string>): Map<string, Record<string, number>> {
  const columns = {
    asian: 'Ethnic group: Asian, Asian British or Asian Welsh',
    black: 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
    mixed: 'Ethnic group: Mixed or Multiple ethnic groups',
    white: 'Ethnic group: White',
    other: 'Ethnic group: Other ethnic group',
  };
  const rows = parse(readFileSync(join(dataDir(), 'census/census2021_ts021_ethnic_group_high_level_lsoa21_england.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (!codes.has(row['geography code'])) continue;
    out.set(row['geography code'], Object.fromEntries(Object.entries(columns).map(([id, column]) => [id, Number(row[column])])));
  }
  return out;
}

const BIRMINGHAM = '?layer=segregation_ethnicity&level=ward&map=12.5/52.4800/-1.9000';

describe('live selection', () => {
  it('lassoes exactly the LSOAs whose centroid is inside the outline, names the set and downloads it', async () => {
    const page = await openApp(browser, BIRMINGHAM);
    const box = (await page.locator('.map__canvas').boundingBox())!;
    await page.getByRole('button', { name: /^Lasso/ }).click();
    await expect.poll(() => page.getByTestId('lasso-surface').count()).toBe(1);

    const path = starPath(Math.round(box.width / 2), Math.round(box.height / 2), Math.round(Math.min(box.width, box.height) * 0.38), Math.round(Math.min(box.width, box.height) * 0.17));
    // The outline in longitude and latitude, by the map's own projection, before anything moves.
    const ring = await page.evaluate((points) => points.map(([x, y]) => window.__atlas!.map!.unproject([x, y]).toArray() as [number, number]), path);

    await page.mouse.move(box.x + path[0][0], box.y + path[0][1]);
    await page.mouse.down();
    for (const [x, y] of path.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 1 });
    await page.mouse.up();
    await expect.poll(() => selectedCodes(page).length).toBeGreaterThan(15);

    const selected = new Set(selectedCodes(page));
    const inside = new Set(centroids().filter((c) => windingNumber(c.lng, c.lat, ring) !== 0).map((c) => c.code));
    // The app's points are the file's rounded to 5 decimals (about a metre): only a centroid that close to the outline may differ.
    const differing = [...new Set([...selected, ...inside])].filter((code) => selected.has(code) !== inside.has(code));
    for (const code of differing) {
      const c = centroids().find((each) => each.code === code)!;
      expect(metresToEdge(c.lng, c.lat, ring), code).toBeLessThan(1.5);
    }
    expect(differing.length).toBeLessThanOrEqual(1);
    // The tool closes after a lasso and gives the focus back to its button.
    await expect.poll(() => page.getByTestId('lasso-surface').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe('lasso');

    // The panel's live D (White against everyone else) is D worked out here from the census file over the lassoed LSOAs.
    const counts = censusCounts(selected);
    const white = [...selected].map((code) => counts.get(code)!.white);
    const rest = [...selected].map((code) => Object.values(counts.get(code)!).reduce((sum, n) => sum + n, 0) - counts.get(code)!.white);
    const W = white.reduce((sum, n) => sum + n, 0);
    const R = rest.reduce((sum, n) => sum + n, 0);
    const liveD = white.reduce((sum, w, i) => sum + Math.abs(w / W - rest[i] / R), 0) / 2;
    const card = page.locator('.panel [data-scale="2021:lsoa"]');
    await expect.poll(() => card.locator('[data-figure="d"]').textContent()).toBe(liveD.toFixed(3));
    await expect.poll(() => card.locator('.scale-card__title').textContent()).toContain(`${selected.size} LSOAs`);

    // Name the set: the link keeps the name.
    const name = page.getByLabel('Name of this selection');
    await name.fill('Central ring');
    await name.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('name')).toBe('Central ring');
    expect(new URL(page.url()).searchParams.get('areas')).toBeTruthy();

    // Download: the selected LSOAs, with the census counts of the source file.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download these \d+ LSOAs \(CSV\)/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('central-ring.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('# Cohesion Atlas selection: Central ring');
    expect(text).toMatch(/^# ethnicity white-rest census 2021 over LSOAs: d 0\.\d+$/m);
    const rows = parse(text, { columns: true, comment: '#' }) as Record<string, string>[];
    expect(rows.map((row) => row.lsoa_code).sort()).toEqual([...selected].sort());
    const census = censusCounts(selected);
    for (const row of rows) {
      const expected = census.get(row.lsoa_code)!;
      for (const group of ['asian', 'black', 'mixed', 'white', 'other']) expect(Number(row[`ethnic_group_${group}_2021`]), `${row.lsoa_code} ${group}`).toBe(expected[group]);
      expect(row.lad_name).toBe('Birmingham');
    }

    // Shift held: a second lasso adds to the set (the name stays).
    await page.getByRole('button', { name: /^Lasso/ }).click();
    // Lower left: clear of the toolbar and of the panel now open on the right.
    const small = starPath(Math.round(box.width * 0.22), Math.round(box.height * 0.7), 90, 45);
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + small[0][0], box.y + small[0][1]);
    await page.mouse.down();
    for (const [x, y] of small.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 1 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => selectedCodes(page).length).toBeGreaterThan(selected.size);
    expect(selectedCodes(page).slice(0, selected.size)).toEqual([...selected]);
    expect(new URL(page.url()).searchParams.get('name')).toBe('Central ring');
    await page.close();
  });

  it('selects the LSOAs within 1 km of a point, draws the circle and names the set; Escape closes the tool', async () => {
    const page = await openApp(browser, BIRMINGHAM);
    await page.getByRole('button', { name: /within a distance/ }).click();
    await page.getByRole('radio', { name: '1 km' }).check();
    // From the keyboard: the map's centre.
    await page.getByRole('button', { name: 'Use the map centre' }).click();
    await expect.poll(() => selectedCodes(page).length).toBeGreaterThan(3);
    const [lng, lat] = await page.evaluate(() => window.__atlas!.map!.getCenter().toArray() as [number, number]);
    const expected = centroids().filter((c) => distanceKm(lng, lat, c.lng, c.lat) <= 1);
    const selected = new Set(selectedCodes(page));
    const differing = centroids().filter((c) => selected.has(c.code) !== expected.some((e) => e.code === c.code));
    // Only a centroid within a metre or two of the circle may differ (the app's points have 5 decimals).
    for (const c of differing) expect(Math.abs(distanceKm(lng, lat, c.lng, c.lat) - 1), c.code).toBeLessThan(0.002);
    expect(differing.length).toBeLessThanOrEqual(1);
    expect(new URL(page.url()).searchParams.get('name')).toBe(`Within 1 km of ${lat.toFixed(4)}, ${lng.toFixed(4)}`);
    await expect.poll(() => page.locator('.selection-drawing__circle').count()).toBe(1);

    // A click on the map moves the centre (and does not select the ward under it).
    const box = (await page.locator('.map__canvas').boundingBox())!;
    // (Left of the centre: the panel of the set covers the right of the map on a desktop.)
    await page.mouse.click(box.x + box.width / 2 - 80, box.y + box.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get('name')).not.toBe(`Within 1 km of ${lat.toFixed(4)}, ${lng.toFixed(4)}`);
    expect(new URL(page.url()).searchParams.get('area')).toBeNull();
    expect(new URL(page.url()).searchParams.get('name')).toMatch(/^Within 1 km of 52\.\d{4}, -1\.\d{4}$/);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.selection-drawing__circle').count()).toBe(0);
    await page.close();
  });

  it('works from the keyboard on a phone, beside the panel, with no serious axe-core violation', async () => {
    const page = await openApp(browser, BIRMINGHAM, { width: 390, height: 844 });
    const button = page.getByRole('button', { name: /within a distance/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const radio = page.getByRole('radio', { name: '0.5 km' });
    await radio.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => radio.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Use the map centre' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => selectedCodes(page).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('name')).toMatch(/^Within 0\.5 km of 52\.\d{4}, -1\.\d{4}$/);

    // The toolbar and the tool's panel sit on the map, clear of the area panel below it.
    const panel = (await page.locator('.panel').boundingBox())!;
    for (const selector of ['.selection-toolbar', '.selection-panel']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.y + box.height, selector).toBeLessThanOrEqual(panel.y);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(390);
    }
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run(document.querySelector('.map')!, { resultTypes: ['violations'] })).violations;
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Escape closes the tool and gives the focus back to its button.
    await page.getByRole('button', { name: 'Use the map centre' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.selection-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe('radius');
    await page.close();
  });
});
