/**
 * Headless Chromium for the tests, the benchmark and screenshots: Debian's
 * /usr/bin/chromium driven by playwright-core (no browser download), with
 * the flags that keep it off the network.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Resolves when the map has drawn a choropleth (window.__atlas.readyVersion is set). */
export async function waitForChoropleth(page: Page, version?: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const status = (window as unknown as { __atlas?: { readyVersion: string } }).__atlas;
      return Boolean(status?.readyVersion) && (!wanted || status!.readyVersion === wanted);
    },
    version,
    { timeout, polling: 50 },
  );
}
