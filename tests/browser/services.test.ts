/**
 * Services on the map (issue 14), on the site built from the real data: GP
 * practices turned on over a practice in Birmingham's centre, its hover card
 * and its details checked against its row of the NHS ODS epraccur file (name,
 * postcode, the file's date) and its place against the postcode's grid
 * reference in OS Code-Point Open; the `services=` link restores the toggles;
 * and the keyboard reaches the practice through "Services in view".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser.ts';
import { openApp, readCsv, sourcePostcode } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Halcyon Medical, Martineau Place, Birmingham: an active GP practice, alone at its postcode. */
const CODE = 'M85778';

function sourcePractice() {
  const rows = readCsv('services/gp_practices_epraccur_england_2025-04.csv.gz');
  const active = rows.filter((row) => row['Status Code'] === 'A' && row['Prescribing Setting'] === '4');
  const row = active.find((r) => r['Organisation Code'] === CODE);
  if (!row) throw new Error(`${CODE} is not an active GP practice in epraccur`);
  // Alone at its postcode, so drawn at the postcode's point rather than spread around it.
  expect(active.filter((r) => r.Postcode === row.Postcode)).toHaveLength(1);
  // The file's date, as the app gives it: the latest open or join date in the file.
  const latest = rows
    .flatMap((r) => [r['Open Date'], r['Join Provider/Purchaser Date']])
    .filter((date) => /^\d{8}$/.test(date))
    .sort()
    .pop()!;
  const date = new Date(Date.UTC(Number(latest.slice(0, 4)), Number(latest.slice(4, 6)) - 1, Number(latest.slice(6, 8))));
  const [lng, lat] = sourcePostcode(row.Postcode);
  return { name: row.Name, postcode: row.Postcode, lng, lat, dateText: date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) };
}

/** Where a point is on the page. */
function onScreen(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([x, y]) => {
    const map = window.__atlas!.map!;
    const point = map.project([x, y]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, [lng, lat] as const);
}

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe('services on the map', () => {
  it('show a GP practice where Code-Point puts its postcode, with the name, postcode and date of its epraccur row', async () => {
    const practice = sourcePractice();
    const page = await openApp(browser, `?services=gp_practice&map=16/${practice.lat.toFixed(5)}/${practice.lng.toFixed(5)}`);
    const { x, y } = await onScreen(page, practice.lng, practice.lat);
    // The points arrive after the map: hover until the card shows.
    await expect
      .poll(
        async () => {
          await page.mouse.move(x + 3, y + 3);
          await page.mouse.move(x, y);
          return textOf(page, '[data-testid=services-tooltip] .tooltip__name');
        },
        { timeout: 30_000 },
      )
      .toMatch(new RegExp(`^${practice.name}$`, 'i'));
    expect(await textOf(page, '[data-testid=services-tooltip]')).toContain('GP practice');

    await page.mouse.click(x, y);
    const details = page.getByTestId('service-details');
    await expect.poll(() => textOf(page, '[data-testid=service-postcode]')).toBe(practice.postcode);
    expect((await details.getByRole('heading').textContent())!.toLowerCase()).toBe(practice.name.toLowerCase());
    expect(await details.getAttribute('data-service')).toBe(`gp_practice:${CODE}`);
    expect(await textOf(page, '[data-testid=service-source-date]')).toContain(`Information of ${practice.dateText}`);
    // The dialog takes the focus; the sources' credit is in the map's attribution while services are shown.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('service-details');
    expect(await textOf(page, '.attribution')).toContain('Services: NHS England ODS');

    // "Services near here" makes the practice's point the place.
    await details.getByRole('button', { name: 'Services near here' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('near')).not.toBeNull();
    const [lat, lng] = new URL(page.url()).searchParams.get('near')!.split(',').map(Number);
    expect(Math.abs(lat - practice.lat)).toBeLessThan(3e-5);
    expect(Math.abs(lng - practice.lng)).toBeLessThan(3e-5);
    await expect.poll(() => page.getByTestId('service-details').count()).toBe(0);
    await page.close();
  });

  it('restore the chosen types from a link, and put a toggled type in the link', async () => {
    const page = await openApp(browser, '?services=gp_practice,library');
    const toggle = (label: RegExp) => page.getByRole('checkbox', { name: label });
    await expect.poll(() => toggle(/^GP practices/).isChecked()).toBe(true);
    expect(await toggle(/^Libraries/).isChecked()).toBe(true);
    expect(await toggle(/^Schools/).isChecked()).toBe(false);
    expect(await toggle(/^Food banks/).isChecked()).toBe(false);
    // The count in England is the build's: every active practice of epraccur placed, so at most their number.
    const active = readCsv('services/gp_practices_epraccur_england_2025-04.csv.gz').filter((row) => row['Status Code'] === 'A' && row['Prescribing Setting'] === '4').length;
    const count = Number((await page.locator('label:has(input[value=gp_practice]) .services-control__count').textContent())!.replace(/\D/g, ''));
    expect(count).toBeLessThanOrEqual(active);
    expect(count).toBeGreaterThan(active * 0.99);

    await toggle(/^Food banks/).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('services')).toBe('library,gp_practice,foodbank');
    await toggle(/^Libraries/).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('services')).toBe('gp_practice,foodbank');
    await page.close();
  });

  it('are reached from the keyboard: "Services in view" lists the practice first, and its details open and close', async () => {
    const practice = sourcePractice();
    const page = await openApp(browser, `?services=gp_practice&map=16/${practice.lat.toFixed(5)}/${practice.lng.toFixed(5)}`);
    const inView = page.getByRole('button', { name: /^Services in view \(\d+\)$/ });
    await expect.poll(async () => Number(/\((\d+)\)/.exec((await inView.textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThan(0);
    await inView.focus();
    await page.keyboard.press('Enter');
    expect(await inView.getAttribute('aria-expanded')).toBe('true');
    // The list is drawn once the services in view are worked out: Tab only then.
    await page.getByTestId('services-in-view').locator('button').first().waitFor();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    expect((await focused())!.toLowerCase()).toMatch(new RegExp(`^${practice.name.toLowerCase()}, gp practice, \\d+ m from the centre$`));
    await page.keyboard.press('Enter');
    const details = page.getByTestId('service-details');
    await expect.poll(() => details.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('service-details');
    await expect.poll(() => textOf(page, '[data-testid=service-postcode]')).toBe(practice.postcode);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    // The keyboard is back on the list's button.
    await expect.poll(async () => (await focused())?.toLowerCase().startsWith(practice.name.toLowerCase())).toBe(true);
    await page.close();
  });
});
