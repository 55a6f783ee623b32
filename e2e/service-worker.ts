/** Waiting for the service worker, shared by the specs that let it run (offline, served). */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

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
