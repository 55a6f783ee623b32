/**
 * Takes screenshots of the built app in Debian's headless Chromium, to look at what we build:
 * `npm run build && npx tsx scripts/screenshot.ts [outDir]` (serves dist/ itself with `vite preview`).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startPreview } from '../bench/serve';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { screenPoint } from '../e2e/probes';

const out = process.argv[2] ?? 'test-results/screens';
const port = 4199;
mkdirSync(out, { recursive: true });
const server = await startPreview(process.cwd(), port);
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const lang of ['en', 'sq']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.error(`[${lang}] console: ${m.text()}`));
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.waitForSelector('html[data-atlas-ready="true"]');
    await page.screenshot({ path: `${out}/first-paint-${lang}.png` });
    await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: 30000 });
    await page
      .locator('[data-testid="status"]')
      .filter({ hasText: lang === 'en' ? 'ready' : 'gati' })
      .waitFor();
    const box = (await page.locator('.map').boundingBox())!;
    const [kx, ky] = screenPoint('AL343', box);
    await page.mouse.click(kx, ky);
    await page.waitForSelector('[data-testid="trend-chart"]', { timeout: 15000 });
    const [tx, ty] = screenPoint('AL224', box);
    await page.mouse.move(tx, ty);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/selected-${lang}.png` });
    await page.close();
  }
  await browser.close();
} finally {
  server.stop();
}
