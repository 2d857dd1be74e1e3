/**
 * Dot density on the real data: switch to the dots layer, go to central
 * Birmingham at street zoom, and check the legend's counts of each group
 * against the Census 2021 file (TS021) summed over the LSOAs the legend
 * says it counted; dots are drawn in the group colours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { schemeKind } from '../../src/config/classSchemes.ts';
import { layerById } from '../../src/config/catalogue/index.ts';
import { dataDir, openApp } from './helpers.ts';

const GROUPS: Record<string, string> = {
  asian: 'Ethnic group: Asian, Asian British or Asian Welsh',
  black: 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
  mixed: 'Ethnic group: Mixed or Multiple ethnic groups',
  white: 'Ethnic group: White',
  other: 'Ethnic group: Other ethnic group',
};

function censusSums(codes: string[]): Record<string, number> {
  const wanted = new Set(codes);
  const rows = parse(readFileSync(join(dataDir(), 'census/census2021_ts021_ethnic_group_high_level_lsoa21_england.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const sums: Record<string, number> = Object.fromEntries(Object.keys(GROUPS).map((g) => [g, 0]));
  let found = 0;
  for (const row of rows) {
    if (!wanted.has(row['geography code'])) continue;
    found++;
    for (const [id, column] of Object.entries(GROUPS)) sums[id] += Number(row[column]);
  }
  expect(found).toBe(codes.length);
  return sums;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('dot density', () => {
  it('shows one dot per person in Birmingham, with legend counts of each group as the census file gives them for the LSOAs in view', async () => {
    const page = await openApp(browser, '?level=lsoa');
    await page.getByLabel('Layer').selectOption('ethnic_dots');
    await waitForChoropleth(page, 'lsoa:ethnic_dots:people:2021');
    expect(new URL(page.url()).searchParams.get('layer')).toBe('ethnic_dots');
    // Central Birmingham at street zoom.
    await page.evaluate(() => window.__atlas!.map!.jumpTo({ center: [-1.9, 52.48], zoom: 15 }));
    await expect.poll(() => page.locator('.legend__per-dot').getAttribute('data-per-dot')).toBe('1');
    await expect.poll(() => page.locator('.legend__per-dot').textContent()).toContain('1 dot = 1 person');
    await expect.poll(() => page.evaluate(() => window.__atlasDots!.view().counted.length)).toBeGreaterThan(5);
    const counted = await page.evaluate(() => window.__atlasDots!.view().counted);
    expect(counted.every((code) => /^E01\d{6}$/.test(code))).toBe(true);
    const expected = censusSums(counted);
    for (const [id, count] of Object.entries(expected)) {
      const item = page.locator(`.legend__list li[data-group="${id}"]`);
      expect(Number(await item.getAttribute('data-count'))).toBe(count);
      expect((await item.textContent())!.replace(/[^\d]/g, '')).toBe(String(count));
    }
    expect(await page.locator('.legend__counted').textContent()).toContain(`${counted.length} LSOAs`);

    // The dots are drawn: pixels of each of the two largest groups' colours on the map.
    const colours = schemeKind(layerById('ethnic_dots')!.classes).colours(layerById('ethnic_dots')!.classes, 'okabeito');
    await page.waitForFunction(() => (window.__atlasDots?.source?.timings.length ?? 0) > 0, undefined, { timeout: 60_000 });
    await expect
      .poll(async () => {
        const box = (await page.locator('.map__canvas canvas').first().boundingBox())!;
        const png = PNG.sync.read(await page.screenshot({ clip: box }));
        const hits = colours.map(() => 0);
        for (let i = 0; i < png.data.length; i += 4) {
          const k = colours.findIndex(([r, g, b]) => Math.abs(r - png.data[i]) <= 6 && Math.abs(g - png.data[i + 1]) <= 6 && Math.abs(b - png.data[i + 2]) <= 6);
          if (k >= 0) hits[k]++;
        }
        return hits[0] > 50 && hits[3] > 50;
      }, { timeout: 60_000 })
      .toBe(true);
    await page.close();
  });

  it('zoomed out, shows one dot per many people and counts all of England’s residents in view', async () => {
    const page = await openApp(browser, '?layer=ethnic_dots&level=lsoa&map=6/52.8/-1.5');
    await waitForChoropleth(page, 'lsoa:ethnic_dots:people:2021');
    await expect.poll(async () => Number(await page.locator('.legend__per-dot').getAttribute('data-per-dot'))).toBeGreaterThan(1000);
    await expect.poll(() => page.evaluate(() => window.__atlasDots!.view().counted.length)).toBeGreaterThan(20_000);
    await page.close();
  });
});
