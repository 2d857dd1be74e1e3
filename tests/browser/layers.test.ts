/**
 * The layers added through the catalogue, end to end on the real data:
 * ethnic diversity (Census 2021) and the IMD 2019 as a second release. Values
 * are checked against the source files, not against the pipeline's output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForChoropleth } from '../../scripts/browser.ts';
import { baseUrl, decilePixels, openApp, sourceCentroid, sourceImd2019, sourceLsoaChange, sourceWardDiversity, sourceWardDiversity2011 } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function trackRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

async function clickMapCentre(page: Page): Promise<void> {
  const box = (await page.locator('.map__canvas canvas').first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('ethnic diversity, Census 2021', () => {
  it('switches from the IMD without fetching geometry, and a ward’s value matches the census file', async () => {
    const ward = sourceWardDiversity('Ladywood', 'Birmingham');
    const page = await openApp(browser, '?level=ward');
    const requests = trackRequests(page);
    await page.getByLabel('Layer').selectOption('ethnic_diversity');
    await waitForChoropleth(page, 'ward:ethnic_diversity:simpson:2021');
    expect(requests.filter((url) => url.includes('.pmtiles'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('layer')).toBe('ethnic_diversity');
    // The legend is the quintiles of the value, with their ranges.
    await expect.poll(() => page.locator('.legend__list li').count()).toBe(5);

    const search = page.getByRole('combobox', { name: /Search/ });
    await search.fill('Ladywood');
    await page.getByRole('option', { name: new RegExp(`Ladywood.*${ward.code}`) }).click();
    const panel = page.locator('.panel');
    await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(ward.code);
    await expect.poll(() => panel.locator('.headline').textContent()).toContain(ward.simpson.toFixed(3));
    // The measures table has every group's share, as the census gives it.
    const table = await panel.locator('table.measures').textContent();
    expect(table).toContain(`${(ward.shares.asian * 100).toFixed(1)}%`);
    expect(table).toContain(`${(ward.shares.white * 100).toFixed(1)}%`);
    await page.close();
  });
});

describe('Census 2011 as a release of ethnic diversity', () => {
  // Two Birmingham wards: Ladywood, and the first of its neighbours whose 2011 figure can be placed.
  for (const code of ['E05011151', 'E05011126']) {
    const expected = sourceWardDiversity2011(code);
    it(`shows ward ${code}’s 2011 diversity as worked out from the 2011 census file${expected === null ? ' (none: an LSOA of 2011 was split across wards)' : ''}`, async () => {
      const page = await openApp(browser, `?layer=ethnic_diversity&level=ward&release=2011&area=${code}`);
      await waitForChoropleth(page, 'ward:ethnic_diversity:simpson:2011');
      const panel = page.locator('.panel');
      await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(code);
      if (expected === null) await expect.poll(() => panel.locator('.headline__value').textContent()).toMatch(/boundar|2011/i);
      else await expect.poll(() => panel.locator('.headline').textContent()).toContain(expected.toFixed(3));
      await page.close();
    });
  }
});

describe('the IMD 2019 as a second release', () => {
  const change = sourceLsoaChange();
  const imd2019 = sourceImd2019();
  // An unchanged LSOA (same code in 2011 and 2021) and a split one, in Birmingham.
  const unchanged = [...change].find(([code, c]) => c.change === 'U' && code >= 'E01009000' && code < 'E01009100' && imd2019.has(c.lsoa11))![0];
  const split = [...change].find(([code, c]) => c.change === 'S' && code.startsWith('E0103'))![0];

  it(`switches release without fetching geometry, and shows ${unchanged}’s 2019 decile and rank (of 32,844) from the source file`, async () => {
    const centre = sourceCentroid(unchanged);
    const page = await openApp(browser, `?map=14/${centre.latitude}/${centre.longitude}`);
    const requests = trackRequests(page);
    const before = await decilePixels(page);
    await page.getByRole('radio', { name: 'IoD 2019' }).check();
    await waitForChoropleth(page, 'lsoa:imd:score:2019');
    expect(requests.filter((url) => url.includes('.pmtiles'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('release')).toBe('2019');
    await clickMapCentre(page);
    const panel = page.locator('.panel');
    await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(unchanged);
    const source = imd2019.get(unchanged)!;
    await expect.poll(() => panel.locator('.headline__value').textContent()).toBe(`Decile ${source.decile}`);
    // 2019 ranked the 32,844 LSOAs of 2011.
    await expect.poll(() => panel.locator('.headline').textContent()).toContain(`rank ${source.rank.toLocaleString('en-GB')} of 32,844`);
    const after = await decilePixels(page);
    expect(after.counts).not.toEqual(before.counts);
    await page.close();
  });

  it(`says that ${split}, split since 2011, has no comparable 2019 figure`, async () => {
    const centre = sourceCentroid(split);
    const page = await openApp(browser, `?release=2019&map=14/${centre.latitude}/${centre.longitude}`);
    await waitForChoropleth(page, 'lsoa:imd:score:2019');
    await clickMapCentre(page);
    const panel = page.locator('.panel');
    await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(split);
    await expect.poll(() => panel.locator('.headline__value').textContent()).toMatch(/Not comparable/);
    await page.close();
  });

  it('falls back to the newest release where 2019 is not mapped (wards), with a notice', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}?level=ward&release=2019`);
    await waitForChoropleth(page, 'ward:imd:averageScore:2025');
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('2019')]);
    await page.close();
  });
});

describe('links that are long or repeat a setting', () => {
  it('cuts a very long bad value short in its notice and keeps the notice closable', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl()}?layer=${'x'.repeat(20_000)}`);
    await waitForChoropleth(page, 'lsoa:imd:score:2025');
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect((await notice.textContent())!.length).toBeLessThan(300);
    await notice.getByRole('button').click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.close();
  });

  it('takes the last valid value of a repeated setting and says so', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl()}?level=bogus&level=ward`);
    await waitForChoropleth(page, 'ward:imd:averageScore:2025');
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('2 times')]);
    await page.close();
  });
});

describe('religious diversity, Census 2021', () => {
  it('switches to it at ward level without fetching geometry, and Ladywood’s index matches the census file', async () => {
    // Imported here so that this block only appends to the file.
    const { sourceWardReligiousDiversity } = await import('./helpers.ts');
    const code = 'E05011151';
    const expected = sourceWardReligiousDiversity(code);
    expect(expected.lsoas).toBeGreaterThan(1);

    const page = await openApp(browser, '?level=ward');
    const requests = trackRequests(page);
    await page.getByLabel('Layer').selectOption('religious_diversity');
    await waitForChoropleth(page, 'ward:religious_diversity:simpson:2021');
    expect(requests.filter((url) => url.includes('.pmtiles'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('layer')).toBe('religious_diversity');
    await expect.poll(() => page.locator('.legend__list li').count()).toBe(5);
    await page.close();

    const linked = await openApp(browser, `?layer=religious_diversity&level=ward&area=${code}`);
    await waitForChoropleth(linked, 'ward:religious_diversity:simpson:2021');
    const panel = linked.locator('.panel');
    await expect.poll(() => panel.locator('.panel__codes code').textContent()).toBe(code);
    await expect.poll(() => panel.locator('.headline').textContent()).toContain(expected.simpson.toFixed(3));
    // "Not answered" is in the measures table, as a share of all residents.
    await expect.poll(() => panel.locator('table.measures').textContent()).toContain(`${(expected.notAnswered * 100).toFixed(1)}%`);
    await linked.close();
  });
});
