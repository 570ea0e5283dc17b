/**
 * Regenerates docs/screenshot.png (the README's picture): the demo's service map, from the built
 * console served by a fresh demo server. Run `npx vite build && npx tsx scripts/screenshot.ts`.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts';
import { removeDataDir, startMockServer } from '../e2e/server.ts';

const path = process.argv[2] ?? 'docs/screenshot.png';
const server = await startMockServer({ seed: 42 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(`${server.url}/map?last=${encodeURIComponent('"15m"')}`);
  await page.waitForFunction(() => window.__traceConsoleMap?.readyAt !== undefined, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1000);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
}
