/**
 * Installable and offline (pwa.config.ts, src/ui/pwa/): after one visit the service worker has precached
 * the app, the engine and the data, and with the network gone a reload draws the map and every view reaches
 * its ready state; no request, the worker's included, leaves the origin; a newer sw.js shows the update
 * banner, whose "Reload" brings the new version in. The only spec that lets the service worker run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

test.use({ serviceWorkers: 'allow' });
// A cold start, precaching 45 MB, then a second start of the engine from the caches, on a shared machine.
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 120_000 };

/** Every request of the context (the page's, its workers' and the service worker's) to another origin. */
function watchOrigins(context: BrowserContext, origin: string): string[] {
  const outside: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
      outside.push(url);
  });
  return outside;
}

/** Waits until the service worker is active, has finished precaching and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
        }),
      { ...SLOW, intervals: [250] },
    )
    .toBe(true);
}

/** The URLs (path only) in Workbox's precache. */
function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    if (!name) return [];
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

/** Each view, and what says it is ready. */
const VIEWS: [string, (page: Page) => Promise<void>][] = [
  ['map', (page) => waitForEngineAndWebgl(page)],
  ['coverage', (page) => expect(page.getByTestId('coverage-table')).toBeVisible(SLOW)],
  [
    'hotspots',
    (page) => expect(page.locator('[data-testid="hotspots-view"][data-state="ready"]')).toBeVisible(SLOW),
  ],
  [
    'planner',
    (page) => expect(page.getByTestId('planner-ranking').locator('tbody tr')).toHaveCount(61, SLOW),
  ],
];

test('after one visit, the map and every view work with no network', async ({ page, context, baseURL }) => {
  const outside = watchOrigins(context, new URL(baseURL!).origin);
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await waitForServiceWorker(page);
  const cached = await precached(page);
  // The engine (eh build), parquet-wasm, HiGHS, the workers, the data; not DuckDB's mvp build.
  for (const pattern of [
    /\/assets\/duckdb-eh-[\w-]+\.wasm$/,
    /\/assets\/duckdb-browser-eh\.worker-[\w-]+\.js$/,
    /\/assets\/parquet_wasm_bg-[\w-]+\.wasm$/,
    /\/assets\/highs-[\w-]+\.wasm$/,
    /\/assets\/hotspots-worker-[\w-]+\.js$/,
    /\/assets\/solver-worker-[\w-]+\.js$/,
    /\/assets\/read-worker-[\w-]+\.js$/,
    /\/index\.html$/,
    /\/data\/values\.parquet$/,
    /\/data\/schools\.parquet$/,
    /\/data\/first-view\.json$/,
    /\/data\/municipalities\.geojson$/,
  ]) {
    expect(
      cached.some((u) => pattern.test(u)),
      String(pattern),
    ).toBe(true);
  }
  expect(cached.filter((u) => /mvp/.test(u))).toEqual([]);

  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  for (const [view, ready] of VIEWS) {
    await page.reload();
    await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
    await page.getByTestId(`view-${view}`).click();
    await ready(page);
  }
  // A view opened from its link (a navigation the service worker answers with the app shell).
  await page.goto('/?lang=sq&view=coverage');
  await expect(page.getByTestId('coverage-table')).toBeVisible(SLOW);
  expect(failed, 'requests that failed offline').toEqual([]);
  expect(outside, 'requests beyond the origin, the service worker included').toEqual([]);
});

test('a newer sw.js offers to reload; "Later" hides the offer, "Reload" brings the new version in', async ({
  page,
  context,
  request,
}) => {
  await openAtlas(page);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('update-banner')).toHaveAttribute('data-open', 'false');
  // A deploy: the same app with a changed sw.js (as a new build or a republished site writes).
  const current = await (await request.get('/sw.js')).text();
  await context.route('**/sw.js', (route) =>
    route.fulfill({ body: `${current}\n// deployed again\n`, contentType: 'text/javascript' }),
  );
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByTestId('update-banner');
  await expect(banner).toHaveAttribute('data-open', 'true', SLOW);
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('A newer version of the Atlas is available.');
  const axe = await new AxeBuilder({ page }).include('[data-testid="update-banner"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
  // Keyboard: the offer comes right after the header's language switch.
  await page.getByTestId('lang-sq').focus();
  await page.keyboard.press('Tab');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(banner.getByRole('button', { name: 'Later' })).toBeFocused();
  // The offer speaks the page's language.
  await page.getByTestId('lang-sq').click();
  await expect(banner).toContainText('Ka një version më të ri të Atlasit.');
  await page.getByTestId('lang-en').click();
  await banner.getByRole('button', { name: 'Later' }).press('Enter');
  await expect(banner).toHaveAttribute('data-open', 'false');
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null),
  ).toBe(true);

  // The next page load still finds the new version waiting, and offers it again; "Reload" applies it.
  await page.reload();
  await expect(banner).toHaveAttribute('data-open', 'true', SLOW);
  await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
  await banner.getByRole('button', { name: 'Reload' }).press('Enter');
  await page.waitForFunction(
    () => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate,
    null,
    SLOW,
  );
  await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
  const state = await page.evaluate(async () => {
    const reg = (await navigator.serviceWorker.getRegistration())!;
    return { waiting: reg.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
  });
  expect(state).toEqual({ waiting: false, controlled: true });
  await expect(banner).toHaveAttribute('data-open', 'false');
});
