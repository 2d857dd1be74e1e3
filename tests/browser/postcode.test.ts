/**
 * A resident's postcode in the search (issue 14): typed as people type it,
 * it becomes the place of the resident panel, whose card names its
 * neighbourhood; the LSOA is checked against
 * the source files (the postcode's grid reference in OS Code-Point Open,
 * converted to WGS84, inside the LSOA's polygon of the ONS boundary file).
 * Postcodes of other nations and unknown ones are said to be so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.ts';
import { dataDir, openApp, sourcePostcode } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Even-odd point in one ring ([lng, lat] positions). */
function inRing(x: number, y: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The LSOA of the ONS boundary file whose polygon holds the point. */
function sourceLsoaAt([x, y]: [number, number]): string {
  const geojson = JSON.parse(gunzipSync(readFileSync(join(dataDir(), 'boundaries/lsoa21_bgc_england.geojson.gz'))).toString('utf8'));
  for (const feature of geojson.features) {
    const polygons: number[][][][] = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    // Rings of a polygon by the even-odd rule: inside its outer ring and in no hole.
    if (polygons.some((rings) => rings.reduce((inside, ring) => (inRing(x, y, ring) ? !inside : inside), false))) return feature.properties.LSOA21CD;
  }
  throw new Error(`no LSOA holds ${x}, ${y}`);
}

async function typePostcode(page: Awaited<ReturnType<typeof openApp>>, text: string) {
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill(text);
  return search;
}

describe('a postcode in the search', () => {
  it('shows the neighbourhood the postcode lies in, however it is typed', async () => {
    const expected = sourceLsoaAt(sourcePostcode('B15 2TT'));
    const page = await openApp(browser);
    const search = await typePostcode(page, 'b152tt');
    await expect.poll(() => page.getByRole('option', { name: /Postcode B15 2TT/ }).count()).toBe(1);
    await search.press('Enter');
    await expect.poll(() => page.locator('.resident-panel .near-card').textContent()).toContain(expected);
    expect(new URL(page.url()).searchParams.get('postcode')).toBe('B152TT');
    await expect.poll(() => page.locator('.resident-panel').textContent()).toContain('Edgbaston');
    await page.close();
  });

  it('says which nation a postcode outside England is in, and when a postcode is not known', async () => {
    const page = await openApp(browser, '', { width: 390, height: 844 });
    const status = page.getByTestId('search-status');
    const search = await typePostcode(page, 'CF10 1AA');
    await search.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/CF10 1AA is a postcode in Wales\. This map covers England only/);
    await typePostcode(page, 'eh1 1yz');
    await search.press('Enter');
    await expect.poll(() => status.textContent()).toContain('EH1 1YZ is a postcode in Scotland');
    await typePostcode(page, 'B15 9ZZ');
    await search.press('Enter');
    await expect.poll(() => status.textContent()).toContain('B15 9ZZ is not in the list of English postcodes');
    expect(new URL(page.url()).searchParams.get('postcode')).toBeNull();
    await page.close();
  });
});
