/**
 * Screenshots of the built site, for the README and for looking at the UI:
 *
 *   tsx scripts/screenshot.ts [--out docs/screenshot.png] [--width 1280] [--height 800] [--query "?area=E08000025"]
 */
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { startServer } from './serve.ts';
import { launchBrowser, waitForChoropleth } from './browser.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/screenshot.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    query: { type: 'string', default: '' },
    wait: { type: 'string', default: '1500' },
    dir: { type: 'string', default: 'dist' },
  },
});

const { server, url } = await startServer(values.dir!);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[browser ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(url + values.query!);
  await waitForChoropleth(page);
  await page.waitForTimeout(Number(values.wait));
  mkdirSync(dirname(values.out!), { recursive: true });
  await page.screenshot({ path: values.out! });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  server.close();
}
