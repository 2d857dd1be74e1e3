/**
 * The map, in headless Chromium, on the site built from the real data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { decilePixels, mapState, openApp, sourceLsoaCodes, sourceLsoas } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the national map', () => {
  it('draws England’s LSOAs in all ten decile colours', async () => {
    const page = await openApp(browser);
    expect((await mapState(page)).readyVersion).toBe('lsoa:imd:score:2025');
    const { counts, total } = await decilePixels(page);
    const coloured = counts.reduce((a, b) => a + b, 0);
    // England covers roughly a third of the map at the national view; most of it is choropleth.
    expect(coloured / total).toBeGreaterThan(0.15);
    for (const [decile, count] of counts.entries()) expect(count, `pixels of decile ${decile + 1}`).toBeGreaterThan(200);
    await page.close();
  });

  it('recolours on a new layer without fetching any geometry', async () => {
    const page = await openApp(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const before = await decilePixels(page);
    await page.getByLabel('Layer').selectOption('health');
    await waitForChoropleth(page, 'lsoa:health:score:2025');
    await page.waitForTimeout(300);
    expect(requests.filter((url) => url.includes('.pmtiles'))).toEqual([]);
    const after = await decilePixels(page);
    // Same areas, other colours: the decile mix changes.
    expect(after.counts).not.toEqual(before.counts);
    expect(new URL(page.url()).searchParams.get('layer')).toBe('health');
    await page.close();
  });

  it('draws wards and authorities at their own level', async () => {
    const page = await openApp(browser, '?level=ward&measure=extent');
    expect((await mapState(page)).readyVersion).toBe('ward:imd:extent:2025');
    await page.getByRole('radio', { name: 'Authorities' }).check();
    await waitForChoropleth(page, 'lad:imd:extent:2025');
    const { counts } = await decilePixels(page);
    expect(counts.filter((n) => n > 100).length).toBeGreaterThanOrEqual(8);
    await page.close();
  });
});

describe('clicking an LSOA', () => {
  // Three LSOAs spread through the file: first, middle and last.
  const codes = sourceLsoaCodes();
  const picks = sourceLsoas([codes[0], codes[Math.floor(codes.length / 2)], codes[codes.length - 1]]);

  for (const lsoa of picks) {
    it(`shows the decile and rank of ${lsoa.code} as in the IoD 2025 file`, async () => {
      // Centre the map on the ONS population-weighted centroid, which lies inside the LSOA.
      const page = await openApp(browser, `?map=14/${lsoa.latitude}/${lsoa.longitude}`);
      const canvas = page.locator('.map__canvas canvas').first();
      const box = (await canvas.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const panel = page.getByRole('complementary', { name: /./ });
      await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(lsoa.code);
      await expect.poll(() => panel.locator('.headline__value').textContent()).toBe(`Decile ${lsoa.decile}`);
      await expect.poll(() => panel.locator('.headline').textContent()).toContain(`rank ${lsoa.rank.toLocaleString('en-GB')} of 33,755`);
      expect(new URL(page.url()).searchParams.get('area')).toBe(lsoa.code);
      await page.close();
    });
  }
});
