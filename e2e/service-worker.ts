/** Waiting for the service worker, shared by the specs that let it run (offline, served). */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, waitForEngineAndWebgl } from './fixtures';

/** Generous waits: a cold start precaching 45 MB on a shared machine. */
export const SLOW = { timeout: 120_000 };

/** Waits until the service worker is active, has finished precaching and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
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

/**
 * A site served from its own folder: waits for its map and engine, then for its service worker, and reloads it
 * with the network gone; the map and engine must come back from the caches.
 */
export async function reloadsOffline(page: Page, context: BrowserContext): Promise<void> {
  await waitForEngineAndWebgl(page);
  await waitForServiceWorker(page);
  try {
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
    await waitForEngineAndWebgl(page);
  } finally {
    await context.setOffline(false);
  }
}
