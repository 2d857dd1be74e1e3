/**
 * Accessibility and the ways in that do not need a mouse: axe-core on every
 * view, the search by keyboard, the table (sort, filter, select, download),
 * and the phone layout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { mapState, openApp, sourceLsoas } from './helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('axe-core', () => {
  const views: [string, string, { width: number; height: number }?][] = [
    ['the map', ''],
    ['an LSOA panel', '?area=E01009361'],
    ['a ward panel', '?level=ward&area=E05011151'],
    ['an authority panel', '?level=lad&area=E08000025'],
    ['the table', '?view=table&lad=E08000025'],
    ['the about page', '?view=about'],
    ['the phone map with a panel', '?area=E05011151', { width: 390, height: 844 }],
  ];
  for (const [name, query, viewport] of views) {
    it(`finds no serious or critical problem on ${name}`, async () => {
      const page = await openApp(browser, query, viewport);
      if (query.includes('area=')) await page.locator('#panel-title').waitFor();
      if (query.includes('view=table')) await page.locator('.data-table tbody tr').first().waitFor();
      if (query.includes('view=about')) await page.locator('#about-title').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('without a mouse', () => {
  it('finds a ward with the keyboard and flies to it', async () => {
    const page = await openApp(browser);
    const before = await mapState(page);
    await page.getByRole('combobox', { name: /Search/ }).focus();
    await page.keyboard.type('ladywood');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: /Search/ }).getAttribute('aria-activedescendant')).toMatch(/option-0$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Ladywood');
    expect(new URL(page.url()).searchParams.get('area')).toBe('E05011151');
    await expect.poll(async () => (await mapState(page)).zoom, { timeout: 10_000 }).toBeGreaterThan(before.zoom + 3);
    await page.close();
  });

  it('selects the area at the centre of the map with Enter, and announces it', async () => {
    const [lsoa] = sourceLsoas(['E01009361']);
    const page = await openApp(browser, `?map=14/${lsoa.latitude}/${lsoa.longitude}`);
    await page.locator('.map__canvas canvas').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.panel__codes code').textContent()).toBe('E01009361');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Selected' }).textContent()).toContain('Selected Birmingham 047E');
    await page.close();
  });

  it('lists an authority’s LSOAs in the table, sorts them, selects one and downloads what it shows', async () => {
    const page = await openApp(browser, '?view=table&lad=E08000025');
    await expect.poll(() => page.locator('.table-view__count').textContent()).toContain('of 659');
    // Default order: rank, most deprived first.
    const ranks = await page.locator('.data-table tbody tr td:nth-child(5)').allTextContents();
    const numbers = ranks.map((r) => Number(r.replace(/,/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Sort by name, descending.
    await page.getByRole('button', { name: /^Name/ }).click();
    await page.getByRole('button', { name: /^Name/ }).click();
    expect(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    const names = await page.locator('.data-table tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en-GB')));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name:desc');
    // Choosing a row selects the area.
    await page.locator('.data-table tbody th button').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(await page.locator('.data-table tbody tr.selected code').textContent());
    // The download holds exactly the rows the table shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    const rows = parse(readFileSync((await download.path())!), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(659);
    expect(Object.keys(rows[0])).toEqual(['lsoa_code', 'lsoa_name', 'ward_code', 'ward_name', 'lad_code', 'lad_name', 'imd_score', 'imd_rank', 'imd_decile']);
    expect(rows.every((row) => row.lsoa_name.startsWith('Birmingham'))).toBe(true);
    await page.close();
  });
});

describe('on a phone (390 × 844)', () => {
  it('shows the map and the panel together, without sideways scrolling', async () => {
    const page = await openApp(browser, '?area=E05011151', { width: 390, height: 844 });
    await page.locator('#panel-title').waitFor();
    await waitForChoropleth(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const map = (await page.locator('.map__canvas').boundingBox())!;
    const panel = (await page.locator('.panel').boundingBox())!;
    expect(map.height).toBeGreaterThan(200);
    expect(panel.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    await page.close();
  });
});
