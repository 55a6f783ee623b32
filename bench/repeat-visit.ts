/**
 * Repeat visits: one first visit installs the service worker (pwa.config.ts) and waits until it has
 * precached everything and controls the page; then `runs` reloads in the same browser profile, each timed
 * to `atlas:duckdb-ready` (the engine answering, since navigation), with the app, the engine and the data
 * served by the service worker. Also sizes what the worker precaches (from dist/sw.js).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { MARKS } from '../src/common/perf';
import { locatePrecache } from '../src/cli/site-precache';
import { REQUIRED_MARKS } from './browser-runs';
import { gzipSize } from './sizes';

/** What the service worker precaches. */
export interface PrecacheSize {
  files: number;
  raw: number;
  gzip: number;
}

/** What the repeat visits measured. */
export interface RepeatVisitResult {
  /** `atlas:duckdb-ready` of the first visit (no service worker yet), ms since navigation. */
  firstVisitMs: number | null;
  /** From the first visit's navigation until the worker had precached and controlled the page (ms). */
  installedMs: number | null;
  /** `atlas:duckdb-ready` of each reload, ms since navigation. */
  reloads: number[];
  /** Reloads the service worker did not control (each one makes the figure meaningless). */
  uncontrolled: number;
  errors: string[];
}

/** Files, raw bytes and gzip -9 bytes of the precache manifest in `<dist>/sw.js`. */
export function precacheSize(dist: string): PrecacheSize {
  const { entries } = locatePrecache(readFileSync(join(dist, 'sw.js'), 'utf8'));
  const files = [...new Set(entries.map((e) => e.url))];
  let raw = 0;
  let gzip = 0;
  for (const url of files) {
    const path = join(dist, url);
    raw += statSync(path).size;
    gzip += gzipSize(readFileSync(path));
  }
  return { files: files.length, raw, gzip };
}

const markTime = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);

async function waitForMarks(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    (names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0),
    [...REQUIRED_MARKS],
    { timeout, polling: 100 },
  );
}

const controlled = (page: Page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  });

/** One first visit and `runs` reloads in one context. */
export async function repeatVisits(o: {
  baseUrl: string;
  runs: number;
  loadTimeoutMs: number;
  log: (line: string) => void;
}): Promise<RepeatVisitResult> {
  const result: RepeatVisitResult = {
    firstVisitMs: null,
    installedMs: null,
    reloads: [],
    uncontrolled: 0,
    errors: [],
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${o.baseUrl}/?lang=en`, { timeout: o.loadTimeoutMs });
    await waitForMarks(page, o.loadTimeoutMs);
    result.firstVisitMs = await markTime(page, MARKS.duckdbReady);
    const deadline = Date.now() + 120_000;
    while (!(await controlled(page))) {
      if (Date.now() > deadline) throw new Error('the service worker did not take control within 120 s');
      await page.waitForTimeout(250);
    }
    result.installedMs = Date.now() - t0;
    o.log(
      `  first visit: duckdb-ready ${result.firstVisitMs?.toFixed(0)} ms, precached after ${result.installedMs} ms`,
    );
    for (let run = 1; run <= o.runs; run++) {
      // Each reload starts from an idle page: the previous one has finished loading and drawing.
      await page.waitForTimeout(500);
      await page.reload({ timeout: o.loadTimeoutMs });
      await waitForMarks(page, o.loadTimeoutMs);
      const ready = await markTime(page, MARKS.duckdbReady);
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) result.uncontrolled++;
      if (ready !== null) result.reloads.push(ready);
      o.log(`  reload ${run}/${o.runs}: duckdb-ready ${ready?.toFixed(0) ?? '—'} ms`);
    }
    await context.close();
  } catch (err) {
    result.errors.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  } finally {
    await browser.close();
  }
  return result;
}
