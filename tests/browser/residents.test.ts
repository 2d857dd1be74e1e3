/**
 * "Near me" on the built app with the real data (issue 14): a postcode typed
 * in the search opens the resident panel; its nearest GP practice and the
 * distance to it are checked against a computation from the source files
 * alone (the postcodes' grid references in OS Code-Point Open, converted to
 * WGS84 with proj4; the active GP practices of NHS England's epraccur,
 * prescribing setting 4; great-circle distance by the haversine formula);
 * the neighbourhood card against the IoD 2025 file and the ONS lookup. Then
 * the same on a phone with axe-core clean, and the link restoring the panel.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.ts';
import { compactPostcode, openApp, readCsv, sourceLsoas, sourcePostcodes } from './helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Great-circle metres on the sphere of mean radius 6371.0088 km. */
function haversineMetres([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

interface SourcePractice {
  code: string;
  name: string;
  metres: number;
}

/** The active GP practices (status A, prescribing setting 4) nearest to a postcode, by their postcodes' points: all those at the least distance. */
function nearestSourcePractices(postcode: string): { nearest: SourcePractice[]; metres: number } {
  const active = readCsv('services/gp_practices_epraccur_england_2025-04.csv.gz').filter((row) => row['Status Code'] === 'A' && row['Prescribing Setting'] === '4');
  const points = sourcePostcodes(new Set([compactPostcode(postcode), ...active.map((row) => compactPostcode(row.Postcode))]));
  const from = points.get(compactPostcode(postcode))!;
  const practices = active
    .flatMap((row) => {
      const at = points.get(compactPostcode(row.Postcode));
      return at ? [{ code: row['Organisation Code'], name: row.Name, metres: haversineMetres(from, at) }] : [];
    });
  expect(practices.length).toBeGreaterThan(6000);
  const metres = Math.min(...practices.map((p) => p.metres));
  return { nearest: practices.filter((p) => p.metres - metres < 1), metres };
}

/** A distance as the panel writes it, worked out here: to 10 m under a kilometre, to 0.1 km from there; and the walk, × 1.3 at 80 m a minute. */
function shownDistance(metres: number): string[] {
  const texts = (m: number) => {
    const tens = Math.round(m / 10) * 10;
    const distance = tens < 1000 ? `${tens} m` : `${(Math.round(m / 100) / 10).toFixed(1)} km`;
    return `${distance} · about ${Math.max(1, Math.round((m * 1.3) / 80))} min walk`;
  };
  // The app's points are rounded to 5 decimals (about a metre): either side of a rounding edge is right.
  return [...new Set([texts(metres - 2), texts(metres), texts(metres + 2)])];
}

const normalName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

async function typePostcodeAndEnter(page: Page, text: string): Promise<number> {
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill(text);
  await page.getByRole('option', { name: /Postcode/ }).first().waitFor();
  const started = await page.evaluate(() => performance.now());
  await search.press('Enter');
  await page.locator('.resident-panel[data-list="shown"]').waitFor({ timeout: 30_000 });
  const listed = await page.evaluate(() => performance.getEntriesByName('atlas:near-me-list').pop()?.startTime ?? NaN);
  return listed - started;
}

/** The nearest GP practice in the panel: its ODS code, name, exact metres (data attribute) and the text shown. */
async function panelNearestPractice(page: Page) {
  const item = page.locator('.near-group[data-service-type="gp_practice"] .near-item').first();
  await item.waitFor();
  return {
    code: await item.getAttribute('data-service-id'),
    name: await item.locator('.near-item__name').textContent(),
    metres: Number(await item.locator('.near-item__distance').getAttribute('data-metres')),
    shown: await item.locator('.near-item__distance').textContent(),
    spoken: await item.locator('.visually-hidden').textContent(),
  };
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('near me, from a postcode typed in the search', () => {
  it('lists the nearest GP practice and its distance as the source files give them', async () => {
    const expected = nearestSourcePractices('B15 2TT');
    const page = await openApp(browser);
    const elapsed = await typePostcodeAndEnter(page, 'b15 2tt');
    console.log(`B15 2TT: Enter → list in the page ${elapsed.toFixed(0)} ms`);
    await expect.poll(() => page.locator('#resident-title').textContent()).toBe('Near B15 2TT');
    // Keyboard and screen reader users land on the panel.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resident-title');

    const shown = await panelNearestPractice(page);
    expect(expected.nearest.map((p) => p.code)).toContain(shown.code);
    const source = expected.nearest.find((p) => p.code === shown.code)!;
    expect(normalName(shown.name!)).toBe(normalName(source.name));
    expect(Math.abs(shown.metres - expected.metres)).toBeLessThanOrEqual(3);
    expect(shownDistance(expected.metres)).toContain(shown.shown);
    expect(shown.spoken).toMatch(/^\d+ metres away, about \d+ minutes? on foot$|^[\d.]+ kilometres away, about \d+ minutes on foot$/);
    await page.close();
  });

  it('shows the neighbourhood’s decile, ward and authority as the IoD file and the ONS lookup give them', async () => {
    const page = await openApp(browser);
    await typePostcodeAndEnter(page, 'B15 2TT');
    // The card loads beside the list, not before it.
    await page.locator('.near-card__areas dd').first().waitFor();
    const areas = await page.locator('.near-card__areas dd').allTextContents();
    const lsoa = /E01\d{6}/.exec(areas[0])![0];
    const [iod] = sourceLsoas([lsoa]);
    const lookup = readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz').find((row) => row.LSOA21CD === lsoa)!;
    expect(areas[1]).toBe(`${lookup.WD24NM} · Ward 2024 ${lookup.WD24CD}`);
    expect(areas[2]).toBe(`${lookup.LAD24NM} · Authority 2024 ${lookup.LAD24CD}`);
    expect(await page.locator('.near-card__decile-chip').textContent()).toBe(String(iod.decile));
    const words = await page.locator('.near-card__decile').textContent();
    expect(words).toContain(iod.decile <= 4 ? `the ${iod.decile * 10}% most deprived` : iod.decile >= 7 ? `the ${(11 - iod.decile) * 10}% least deprived` : 'than the average neighbourhood');
    await page.close();
  });
});

describe('near me on a phone (390 × 844)', () => {
  it('works the same, with axe-core finding no serious problem and targets a thumb can press', async () => {
    const expected = nearestSourcePractices('B15 2TT');
    const page = await openApp(browser, '', { width: 390, height: 844 });
    await typePostcodeAndEnter(page, 'b15 2tt');
    const shown = await panelNearestPractice(page);
    expect(expected.nearest.map((p) => p.code)).toContain(shown.code);
    expect(shownDistance(expected.metres)).toContain(shown.shown);
    // Nothing wider than the screen; the controls are 44 px or more.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const heights = await page.locator('.near-distance .segmented__option span, .near-type, .near-close, .near-print').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(10);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
    // The panel is a sheet under the map, the map still in view above it.
    const [map, panel] = await Promise.all([page.locator('.map').boundingBox(), page.locator('.resident-panel').boundingBox()]);
    expect(map!.height).toBeGreaterThan(150);
    expect(panel!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('says plainly that a Welsh postcode in a link is in Wales', async () => {
    const page = await openApp(browser, '?postcode=CF101AA', { width: 390, height: 844 });
    await expect.poll(() => page.locator('.resident-panel [role="alert"]').textContent()).toBe('CF10 1AA is a postcode in Wales. This map covers England only, as the English Indices of Deprivation do.');
    expect(await page.locator('.near-services').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a link', () => {
  it('restores the place, the types and the distance', async () => {
    const expected = nearestSourcePractices('B15 2TT');
    const page = await openApp(browser, '?postcode=B152TT&services=gp_practice,library&within=walk20');
    await page.locator('.resident-panel[data-list="shown"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#resident-title').textContent()).toBe('Near B15 2TT');
    expect(await page.locator('#near-list-title').textContent()).toBe('Services within a 20-minute walk');
    expect(await page.locator('.near-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-service-type')))).toEqual(['library', 'gp_practice']);
    const panel = page.locator('.resident-panel');
    expect(await panel.getByRole('radio', { name: '20-minute walk' }).isChecked()).toBe(true);
    expect(await panel.getByRole('checkbox', { name: 'Schools', exact: true }).isChecked()).toBe(false);
    expect(await panel.getByRole('checkbox', { name: 'GP practices', exact: true }).isChecked()).toBe(true);
    // The nearest practice is within a 20-minute walk (about 1,231 m in a straight line), so it is listed first.
    expect(expected.metres).toBeLessThan(1231);
    expect(expected.nearest.map((p) => p.code)).toContain((await panelNearestPractice(page)).code);
    // And the link keeps what the panel shows.
    const params = new URL(page.url()).searchParams;
    expect([params.get('postcode'), params.get('services'), params.get('within')]).toEqual(['B152TT', 'library,gp_practice', 'walk20']);
    await page.close();
  });
});
