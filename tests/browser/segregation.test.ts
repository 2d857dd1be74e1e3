/**
 * The segregation theme end to end on the real data: choose the groups,
 * select a ward, read D from the panel, and check it against D worked out
 * here from the census source file (LSOAs of the ward from the ONS lookup)
 * and against the ward_segregation.csv download.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { openApp, readCsv } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const COLUMNS = {
  asian: 'Ethnic group: Asian, Asian British or Asian Welsh',
  black: 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
  mixed: 'Ethnic group: Mixed or Multiple ethnic groups',
  white: 'Ethnic group: White',
  other: 'Ethnic group: Other ethnic group',
} as const;

/** D = ½ Σ |aᵢ/A − bᵢ/B| over the ward's LSOAs, from the census file, written out here. */
function sourceWardD(wardCode: string, a: keyof typeof COLUMNS, b: keyof typeof COLUMNS | 'rest'): { d: number; lsoas: number } {
  const lsoas = new Set(readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz').filter((row) => row.WD24CD === wardCode).map((row) => row.LSOA21CD));
  const rows = readCsv('census/census2021_ts021_ethnic_group_high_level_lsoa21_england.csv').filter((row) => lsoas.has(row['geography code']));
  const as = rows.map((row) => Number(row[COLUMNS[a]]));
  const bs = rows.map((row) => (b === 'rest' ? Number(row['Ethnic group: Total: All usual residents']) - Number(row[COLUMNS[a]]) : Number(row[COLUMNS[b]])));
  const A = as.reduce((s, v) => s + v, 0);
  const B = bs.reduce((s, v) => s + v, 0);
  let sum = 0;
  for (let i = 0; i < as.length; i++) sum += Math.abs(as[i] / A - bs[i] / B);
  return { d: sum / 2, lsoas: rows.length };
}

/** The row of the ward_segregation.csv download the built site serves. */
function downloadRow(wardCode: string, comparison: string): Record<string, string> {
  const rows = parse(readFileSync('dist/data/downloads/ward_segregation.csv'), { columns: true, bom: true }) as Record<string, string>[];
  const row = rows.find((r) => r.ward_code === wardCode && r.comparison === comparison);
  if (!row) throw new Error(`no row for ${wardCode} ${comparison} in ward_segregation.csv`);
  return row;
}

function trackRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

describe('segregation by ethnic group', () => {
  it('compares two chosen groups in a ward: D in the panel matches the census file and the download', async () => {
    const ward = 'E05011151'; // Ladywood, Birmingham
    const expected = sourceWardD(ward, 'asian', 'white');
    const download = downloadRow(ward, 'asian-white');

    const page = await openApp(browser, '?layer=segregation_ethnicity&level=ward');
    await waitForChoropleth(page, 'ward:segregation_ethnicity:d_lsoa:2021:white-rest');
    const requests = trackRequests(page);
    const groups = page.getByRole('group', { name: 'Groups compared' });
    await groups.getByLabel('First group').selectOption({ label: 'Asian' });
    await groups.getByLabel('compared with').selectOption({ label: 'White' });
    await waitForChoropleth(page, 'ward:segregation_ethnicity:d_lsoa:2021:asian-white');
    expect(new URL(page.url()).searchParams.get('groups')).toBe('asian-white');
    expect(requests.filter((url) => url.includes('.pmtiles'))).toEqual([]);

    const search = page.getByRole('combobox', { name: /Search/ });
    await search.fill('Ladywood');
    await page.getByRole('option', { name: new RegExp(`Ladywood.*${ward}`) }).click();
    const card = page.locator('.panel [data-scale="2021:lsoa"]');
    await expect.poll(() => card.locator('[data-figure="d"]').textContent()).toBe(expected.d.toFixed(3));
    await expect.poll(() => card.locator('.scale-card__title').textContent()).toContain(`${expected.lsoas} LSOAs`);
    // The download holds the same figure, to its stored four decimals.
    expect(Number(download.d_lsoa_2021)).toBeCloseTo(expected.d, 4);
    expect(Number(download.units_lsoa_2021)).toBe(expected.lsoas);
    // What chance alone gives, beside it, is the download's too.
    await expect.poll(() => card.locator('[data-figure="expected"]').textContent()).toBe(Number(download.d_lsoa_expected_2021).toFixed(3));
    // The bias correction arrives from its worker, with an interval.
    await expect.poll(() => card.locator('[data-figure="corrected"]').textContent(), { timeout: 30_000 }).toMatch(/^\d\.\d{3} \(95% interval \d\.\d{3} to \d\.\d{3}\)$/);
    // The 2011 Output Area figure is the download's.
    const oa = page.locator('.panel [data-scale="2011:oa"] [data-figure="d"]');
    await expect.poll(() => oa.textContent()).toBe(Number(download.d_oa_2011).toFixed(3));
    await page.close();
  });

  it('falls back to the default groups, with a notice, for groups a link gets wrong', async () => {
    const page = await openApp(browser, '?layer=segregation_ethnicity&level=ward&groups=white-martian');
    await waitForChoropleth(page, 'ward:segregation_ethnicity:d_lsoa:2021:white-rest');
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('white-martian');
    await page.close();
  });
});
