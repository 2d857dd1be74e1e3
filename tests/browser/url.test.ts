/**
 * The URL is the shareable view: a copied link restores it exactly, back and
 * forward step through choices, and a malformed link falls back with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { baseUrl, mapState, openApp } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function visibleState(page: Page) {
  return {
    indicator: await page.getByLabel('Layer').inputValue(),
    level: await page.locator('input[name=level]:checked').inputValue(),
    measure: (await page.getByLabel('Measure').count()) ? await page.getByLabel('Measure').inputValue() : null,
    panelTitle: (await page.locator('#panel-title').count()) ? await page.locator('#panel-title').textContent() : null,
    map: await mapState(page),
  };
}

describe('a shared link', () => {
  it('restores exactly the view it was copied from', async () => {
    const page = await openApp(browser);
    await page.getByLabel('Layer').selectOption('education');
    await page.getByRole('radio', { name: 'Wards' }).check();
    await page.getByLabel('Measure').selectOption('localConcentration');
    await waitForChoropleth(page, 'ward:education:localConcentration:2025');
    const search = page.getByRole('combobox', { name: /Search/ });
    await search.fill('Ladywood');
    await page.getByRole('option', { name: /Ladywood.*E05011151/ }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Ladywood');
    // Wait for the fly-to to end and the URL to take the new position.
    await expect.poll(() => new URL(page.url()).searchParams.get('map'), { timeout: 10_000 }).toMatch(/^1[0-3]\./);
    await page.waitForTimeout(1500);
    const link = page.url();
    const original = await visibleState(page);

    const copy = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await copy.goto(link);
    await waitForChoropleth(copy, 'ward:education:localConcentration:2025');
    await expect.poll(() => copy.locator('#panel-title').textContent()).toBe('Ladywood');
    const restored = await visibleState(copy);
    expect(restored.indicator).toBe('education');
    expect(restored.level).toBe('ward');
    expect(restored.measure).toBe('localConcentration');
    expect(restored.panelTitle).toBe(original.panelTitle);
    expect(restored.map.readyVersion).toBe(original.map.readyVersion);
    expect(restored.map.zoom).toBeCloseTo(original.map.zoom, 2);
    expect(restored.map.center[0]).toBeCloseTo(original.map.center[0], 4);
    expect(restored.map.center[1]).toBeCloseTo(original.map.center[1], 4);
    expect(copy.url()).toBe(link);
    await page.close();
    await copy.close();
  });

  it('steps back and forward through choices', async () => {
    const page = await openApp(browser);
    await page.getByLabel('Layer').selectOption('income');
    await waitForChoropleth(page, 'lsoa:income:score:2025');
    await page.getByLabel('Layer').selectOption('crime');
    await waitForChoropleth(page, 'lsoa:crime:score:2025');
    await page.goBack();
    await waitForChoropleth(page, 'lsoa:income:score:2025');
    expect(await page.getByLabel('Layer').inputValue()).toBe('income');
    await page.goForward();
    await waitForChoropleth(page, 'lsoa:crime:score:2025');
    expect(await page.getByLabel('Layer').inputValue()).toBe('crime');
    await page.close();
  });
});

describe('a malformed link', () => {
  it('shows the default view and says what it could not follow', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}?level=postcode&indicator=wellbeing&map=abc&area=XYZ&colour=red`);
    await waitForChoropleth(page, 'lsoa:imd:score:2025');
    const notices = page.getByTestId('notice');
    await expect.poll(() => notices.count()).toBe(5);
    const text = (await notices.allTextContents()).join('\n');
    for (const bad of ['postcode', 'wellbeing', 'abc', 'XYZ', 'colour']) expect(text).toContain(bad);
    expect(await page.getByLabel('Layer').inputValue()).toBe('imd');
    expect(await page.locator('#panel-title').count()).toBe(0);
    // The address bar is rewritten to the view actually shown.
    const params = new URL(page.url()).searchParams;
    expect(params.get('level')).toBeNull();
    expect(params.get('colour')).toBeNull();
    await page.close();
  });

  it('drops a well-formed code that is not in the data, with a notice', async () => {
    const page = await openApp(browser, '?area=E01999999');
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('E01999999 is not an LSOA 2021')]);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBeNull();
    await page.close();
  });
});
