/**
 * Place names in the built app (issue 14): the search finds places and
 * neighbourhoods by the names people use, ranks Knowsley's Huyton places
 * first for "Huyton", flies to a chosen place, selects a neighbourhood's
 * LSOAs, completes a postcode being typed, and the map names neighbourhoods
 * at neighbourhood zoom. Expected values come from the source files
 * (../shared/data/names and lookups), not from the pipeline's output.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.ts';
import { dataDir, mapState, openApp, readCsv } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const lookup = () => readCsv('lookups/lsoa21_ward24_lad24_england.csv.gz');
const osPlaces = () => readCsv('names/os_open_names_populated_places_england.csv.gz');
const msoaNames = () => readCsv('names/MSOA-Names-2.2.csv');

/** The search's suggestions (the page's selects have options too). */
const options = (page: Page) => page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');

/** The search field, with text typed and the suggestions listed. */
async function search(page: Page, text: string) {
  const field = page.getByRole('combobox', { name: /Search/ });
  await field.fill(text);
  await options(page).first().waitFor();
  return field;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Suggestions as "name | context" once they have settled (the place names arrive after the areas). */
async function suggestions(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('.search__source').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return options(page).evaluateAll((listed) =>
    listed.map((option) => `${option.querySelector('.search__name')?.textContent} | ${option.querySelector('.search__context')?.textContent}`),
  );
}

describe('place names in the search', () => {
  it('lists Knowsley\'s Huyton places first for "Huyton", the place called Huyton itself at the top', async () => {
    // Every name of either source that begins with "Huyton" (not a hamlet: the index leaves those out), with its authority.
    const ladOfLsoa = new Map(lookup().map((row) => [row.LSOA21CD, row.LAD24NM]));
    const ladOfMsoaName = new Map(lookup().map((row) => [row.LSOA21NM.slice(0, -1), row.LAD24NM]));
    const expected = [
      ...osPlaces()
        .filter((row) => /^huyton/i.test(row.NAME1) && row.LOCAL_TYPE !== 'Hamlet')
        .map((row) => ladOfLsoa.get(row.LSOA21CD)),
      ...msoaNames()
        .filter((row) => /^huyton/i.test(row.msoa21hclnm) && row.msoa21cd.startsWith('E'))
        .map((row) => ladOfMsoaName.get(row.msoa21nm)),
    ];
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(new Set(expected)).toEqual(new Set(['Knowsley']));

    const page = await openApp(browser);
    await search(page, 'Huyton');
    const listed = await suggestions(page);
    expect(listed[0]).toBe('Huyton | Suburb in Knowsley');
    expect(listed.slice(0, expected.length).every((row) => row.endsWith('in Knowsley') || row.includes('in Knowsley ·'))).toBe(true);
    expect(listed).toContain('Huyton Farm | Neighbourhood in Knowsley · House of Commons Library name');
    await expect.poll(() => page.locator('.search__source').textContent()).toContain('OS data © Crown copyright 2017');
    await page.close();
  });

  it('works on a phone, with the suggestions open and no serious accessibility problem', async () => {
    const page = await openApp(browser, '', { width: 390, height: 844 });
    await search(page, 'Victoria Park');
    const listed = await suggestions(page);
    // "Victoria Park" is the name of suburbs and neighbourhoods of several authorities: each says which.
    const exact = listed.filter((row) => row.startsWith('Victoria Park |'));
    expect(exact.length).toBeGreaterThanOrEqual(4);
    expect(new Set(exact).size).toBe(exact.length);
    const box = await page.getByRole('listbox', { name: 'Suggestions' }).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('flies to a chosen town at its point (the OS Open Names point), at a town\'s zoom, and says so', async () => {
    const kirkby = osPlaces().find((row) => row.NAME1 === 'Kirkby' && row.LOCAL_TYPE === 'Town')!;
    const page = await openApp(browser);
    await search(page, 'Kirkby');
    const listed = await suggestions(page);
    expect(listed[0]).toBe('Kirkby | Town in Knowsley');
    // Two villages of the name, elsewhere, come after the town, each with its authority.
    expect(listed.filter((row) => row.startsWith('Kirkby | Village in')).length).toBe(2);
    await page.getByRole('combobox', { name: /Search/ }).press('Enter');
    await expect.poll(async () => (await mapState(page)).zoom, { timeout: 10_000 }).toBeCloseTo(12.5, 1);
    const { center } = await mapState(page);
    // The camera keeps the point clear of the panel: its centre is the point, or beside it by the panel's padding.
    expect(Math.abs(center[1] - Number(kirkby.LAT))).toBeLessThan(0.01);
    expect(Math.abs(center[0] - Number(kirkby.LONG))).toBeLessThan(0.1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kirkby, Town in Knowsley' }).count()).toBe(1);
    await page.close();
  });

  it("selects a neighbourhood's LSOAs (those named after its MSOA in the lookup) as a set named after it", async () => {
    const msoa = msoaNames().find((row) => row.msoa21hclnm === 'Washwood Heath')!;
    const lsoas = lookup()
      .filter((row) => row.LSOA21NM.slice(0, -1) === msoa.msoa21nm)
      .map((row) => row.LSOA21CD)
      .sort();
    const page = await openApp(browser);
    await search(page, 'Washwood Heath');
    await suggestions(page);
    await options(page).filter({ hasText: /Neighbourhood in Birmingham/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('areas')?.split(',').sort().join(','), { timeout: 10_000 }).toBe(lsoas.join(','));
    expect(new URL(page.url()).searchParams.get('name')).toBe('Washwood Heath');
    await page.close();
  });

  it('completes a postcode being typed from its outward file, and a completion chosen becomes the place', async () => {
    const codePoint = gunzipSync(readFileSync(join(dataDir(), 'postcodes/codepoint_open_england_2025-10.csv.gz'))).toString('utf8');
    const first = codePoint
      .split('\n')
      .map((line) => line.split(',')[0].replace(/"/g, ''))
      .filter((postcode) => postcode.startsWith('B15 2'))
      .sort()[0];
    const page = await openApp(browser, '', { width: 390, height: 844 });
    const field = page.getByRole('combobox', { name: /Search/ });
    await field.fill('b15 2');
    await expect.poll(() => options(page).first().textContent(), { timeout: 10_000 }).toContain(first);
    await field.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('postcode'), { timeout: 10_000 }).toBe(first.replace(' ', ''));
    await page.close();
  });
});

describe('neighbourhood names on the map', () => {
  it('names neighbourhoods at zoom 13 over Birmingham, crediting them, and not at zoom 11', async () => {
    const page = await openApp(browser, '?map=13/52.4862/-1.8904');
    await expect.poll(() => page.getByTestId('neighbourhood-attribution').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.attribution').textContent()).toContain('Neighbourhood names: House of Commons Library');
    await page.evaluate(() => window.__atlas!.map!.jumpTo({ zoom: 11 }));
    await expect.poll(() => page.getByTestId('neighbourhood-attribution').count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});
