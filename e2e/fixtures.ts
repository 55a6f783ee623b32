/**
 * The page fixture every browser test uses: it records every request and fails the test on any that
 * leaves the app's origin, and on any console error or uncaught exception.
 */
import { test as base, expect, type Page } from '@playwright/test';

interface Guard {
  /** Requests to other origins (each one fails the test). */
  outside: string[];
  /** Console errors and page errors (each one fails the test). */
  errors: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const guard: Guard = { outside: [], errors: [] };
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
          await route.fallback();
        } else {
          guard.outside.push(url);
          await route.abort('blockedbyclient');
        }
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') guard.errors.push(msg.text());
      });
      page.on('pageerror', (err) => guard.errors.push(err.message));
      await use(guard);
      expect(guard.outside, 'requests beyond the app origin').toEqual([]);
      expect(guard.errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the first choropleth is drawn. */
export async function openAtlas(page: Page, query = 'lang=en'): Promise<void> {
  await page.goto(`/?${query}`);
  await page.waitForSelector('html[data-atlas-ready="true"]');
}

/** Waits for the WebGL map to take over and the engine to be ready. */
export async function waitForEngineAndWebgl(page: Page): Promise<void> {
  await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
    timeout: 30_000,
  });
}
