import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/browser';

// PW_PORT / PW_DIST let several checkouts (or people) run the suite side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.PW_DIST ?? 'dist';

// Browser tests run against the production build (`npm run build` first), in Debian's Chromium.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One worker per core, each test on its own: tests share nothing but the preview server (each page has its
  // own IndexedDB and engine), so they spread over the cores. PW_WORKERS overrides (e.g. 1 beside other work).
  fullyParallel: true,
  workers: Number(process.env.PW_WORKERS ?? availableParallelism()),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    timezoneId: 'Europe/Tirane',
    locale: 'en-GB',
    // The production build registers a service worker; page.route (the origin guard of e2e/fixtures.ts) does
    // not see what a service worker answers, and a test's files must come from the server. Only
    // e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
