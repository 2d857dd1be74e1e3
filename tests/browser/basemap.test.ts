/**
 * A deployment can give a basemap style URL in config.json; the data then go
 * on top of it, and a basemap that fails to load falls back to the data alone
 * with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { baseUrl, decilePixels } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A basemap style of its own: an orange background and one (empty) label layer. */
const BASEMAP = {
  version: 8,
  name: 'test basemap',
  sources: { places: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [
    { id: 'paper', type: 'background', paint: { 'background-color': '#ff8800' } },
    { id: 'place-names', type: 'symbol', source: 'places', layout: { 'text-field': 'x' } },
  ],
};

async function withConfig(config: object, styleStatus = 200): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  await page.route('**/basemap-style.json', (route) =>
    route.fulfill({ status: styleStatus, contentType: 'application/json', body: styleStatus === 200 ? JSON.stringify(BASEMAP) : 'missing' }),
  );
  await page.goto(baseUrl());
  await waitForChoropleth(page);
  return page;
}

async function orangePixels(page: Page): Promise<number> {
  const box = (await page.locator('.map__canvas canvas').first().boundingBox())!;
  // Near the top-left corner of the map (below the selection toolbar) is sea at the national view: basemap only.
  const { PNG } = await import('pngjs');
  const png = PNG.sync.read(await page.screenshot({ clip: { x: box.x + 5, y: box.y + 70, width: 60, height: 60 } }));
  let orange = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 240 && Math.abs(png.data[i + 1] - 136) < 8 && png.data[i + 2] < 10) orange++;
  return orange;
}

describe('a basemap from config.json', () => {
  it('draws the data on top of the basemap style', async () => {
    const page = await withConfig({ basemapStyleUrl: 'basemap-style.json' });
    expect(await orangePixels(page)).toBeGreaterThan(3000);
    // The choropleth covers England (semi-transparent, so its colours are blended, not orange):
    // around Leicester, in the middle of England, nothing of the basemap shows through.
    const box = (await page.locator('.map__canvas canvas').first().boundingBox())!;
    const leicester = await page.evaluate(() => window.__atlas!.map!.project([-1.13, 52.63]));
    const { PNG } = await import('pngjs');
    const around = PNG.sync.read(await page.screenshot({ clip: { x: box.x + leicester.x - 30, y: box.y + leicester.y - 30, width: 60, height: 60 } }));
    let orange = 0;
    for (let i = 0; i < around.data.length; i += 4) if (around.data[i] > 240 && Math.abs(around.data[i + 1] - 136) < 8 && around.data[i + 2] < 10) orange++;
    expect(orange).toBe(0);
    expect(await page.evaluate(() => window.__atlas!.map!.getStyle().layers.map((l) => l.id))).toEqual(
      expect.arrayContaining(['paper', 'lad-line', 'place-names']),
    );
    const order = await page.evaluate(() => window.__atlas!.map!.getStyle().layers.map((l) => l.id));
    // Data outlines go under the basemap's labels.
    expect(order.indexOf('lad-line')).toBeLessThan(order.indexOf('place-names'));
    await page.close();
  });

  it('falls back to the data alone, with a notice, when the basemap cannot be loaded', async () => {
    const page = await withConfig({ basemapStyleUrl: 'basemap-style.json' }, 404);
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('basemap')]);
    expect(await orangePixels(page)).toBe(0);
    const { counts } = await decilePixels(page);
    expect(counts.filter((n) => n > 200).length).toBe(10);
    await page.close();
  });

  it('ignores a config.json that is not valid, with a notice', async () => {
    const page = await withConfig({ basemapStyleUrl: 42 });
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('basemapStyleUrl')]);
    expect(await orangePixels(page)).toBe(0);
    await page.close();
  });
});
