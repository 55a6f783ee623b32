/**
 * Installable and offline (pwa.config.ts, src/ui/pwa/): after one visit the service worker has precached
 * the app, the engine and the data, and with the network gone a reload draws the map and every view reaches
 * its ready state; no request, the worker's included, leaves the origin; a newer sw.js shows the update
 * banner, whose "Reload" brings the new version in. The only spec that lets the service worker run.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { refreshPrecache } from '../src/cli/site-precache';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';
import { serveSite, type SiteServer } from './site-server';
import { SLOW, waitForServiceWorker } from './service-worker';

test.use({ serviceWorkers: 'allow' });
// A cold start, precaching 45 MB, then a second start of the engine from the caches, on a shared machine.
test.describe.configure({ timeout: 300_000 });

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
  [
    'cases',
    (page) => expect(page.locator('[data-testid="cases-view"][data-state="ready"]')).toBeVisible(SLOW),
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
  // Installable: the page links the manifest, which names the app, and its icons are there.
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0b5cad');
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
    const m = (await (await fetch(href)).json()) as { name: string; icons: { src: string }[] };
    const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, href))).status));
    return { name: m.name, icons };
  });
  expect(manifest).toEqual({ name: 'Safety Net Atlas', icons: [200, 200, 200] });

  await context.setOffline(true);
  const failed: string[] = [];
  // A reload cancels what the page was still fetching (net::ERR_ABORTED): only a request that found neither
  // the worker's caches nor a network fails here.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
  });
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

/**
 * The site republished: the same build with index.html re-titled and the service worker's manifest
 * refreshed (as `atlas publish` does), in a new folder (everything else linked to the build's files).
 */
async function republish(dist: string, title: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-republished-'));
  for (const name of readdirSync(dist)) {
    if (name === 'index.html' || name === 'sw.js') copyFileSync(join(dist, name), join(dir, name));
    else symlinkSync(join(dist, name), join(dir, name));
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), html.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`));
  await refreshPrecache(dir);
  return dir;
}

const DIST = resolve(process.env.PW_DIST ?? 'dist');

/** The test's page at its own server (the guard of e2e/fixtures.ts watches it as every page). */
const deployTest = test.extend<{ site: SiteServer }>({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, provide) => {
    const site = await serveSite(DIST);
    await provide(site);
    await site.close();
  },
  baseURL: async ({ site }, provide) => provide(site.url),
});

deployTest(
  'a new deploy offers to reload; "Later" hides the offer, "Reload" brings the new version in',
  async ({ page, context, site }) => {
    // Its own server: the deploy swaps the files the same origin serves.
    const outside = watchOrigins(context, site.url);
    let next: string | undefined;
    try {
      await openAtlas(page);
      await waitForEngineAndWebgl(page);
      await waitForServiceWorker(page);
      const banner = page.getByTestId('update-banner');
      await expect(banner).toHaveAttribute('data-open', 'false');
      await expect(page).toHaveTitle('Safety Net Atlas');

      next = await republish(DIST, 'Atlas of Tirana');
      site.deploy(next);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect(banner).toHaveAttribute('data-open', 'true', SLOW);
      await expect(banner).toContainText('A newer version of the Atlas is available.');
      const axe = await new AxeBuilder({ page }).include('[data-testid="update-banner"]').analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      // Keyboard: the offer comes right after the header's language switch; focus stays where it was.
      await page.getByTestId('lang-sq').focus();
      await page.keyboard.press('Tab');
      await expect(banner.getByRole('button', { name: 'Reload' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(banner.getByRole('button', { name: 'Later' })).toBeFocused();
      // In the page's language.
      await page.getByTestId('lang-sq').click();
      await expect(banner).toContainText('Ka një version më të ri të Atlasit.');
      await expect(banner.getByRole('button', { name: 'Më vonë' })).toBeVisible();
      await page.getByTestId('lang-en').click();
      await banner.getByRole('button', { name: 'Later' }).press('Enter');
      await expect(banner).toHaveAttribute('data-open', 'false');
      const waiting = () =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting);
      expect(await waiting()).not.toBeNull();

      // The next load still runs the old version (its title), finds the new one waiting and offers it again.
      await page.reload();
      await expect(page).toHaveTitle('Safety Net Atlas');
      await expect(banner).toHaveAttribute('data-open', 'true', SLOW);
      // (Pressed once the page has finished loading: a reload cancels a lazy chunk still in flight, which
      // deck.gl reports as a console error.)
      await waitForEngineAndWebgl(page);
      await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));
      await banner.getByRole('button', { name: 'Reload' }).press('Enter');
      await page.waitForFunction(() => !(window as { beforeUpdate?: boolean }).beforeUpdate, null, SLOW);
      await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
      // The new worker serves the new index.html (its precache holds the republished bytes).
      await expect(page).toHaveTitle('Atlas of Tirana');
      expect(await waiting()).toBeNull();
      await expect(banner).toHaveAttribute('data-open', 'false');
      expect(outside, 'requests beyond the origin, the service worker included').toEqual([]);
    } finally {
      if (next) rmSync(next, { recursive: true, force: true });
    }
  },
);
