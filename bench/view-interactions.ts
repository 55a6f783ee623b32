/**
 * Cold loads of the coverage, hotspots and planner views (`?view=…`), each in a fresh browser context as
 * bench/browser-runs.ts does for the map, then `perKind` inputs of each of the view's kinds (bench/view-steps.ts),
 * interleaved, the first of each kind in the load included, each awaited until the app's
 * `atlas:interaction:<kind>` measure for it appears (src/common/perf.ts). The planner's load also records
 * `atlas:planner-solve-ready` since navigation.
 */
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { MARKS } from '../src/common/perf';
import { measureName, recordLongTasks, type InteractionSample } from './interactions';
import { VIEW_KINDS, VIEW_STEPS, waitForView, type BenchView } from './view-steps';

/** What one cold load of a view measured. */
export interface ViewRunResult {
  view: BenchView;
  run: number;
  /** startTime (ms since navigation) of the marks; null when one never appeared. */
  marks: Record<string, number | null>;
  samples: InteractionSample[];
  errors: string[];
  console: string[];
  wallMs: number;
}

/** How to run the loads. */
export interface ViewRunOptions {
  baseUrl: string;
  /** Cold loads per view. */
  runs: number;
  perKind: number;
  gapMs: number;
  settleMs: number;
  loadTimeoutMs: number;
  interactionTimeoutMs: number;
  log: (line: string) => void;
}

/** The marks recorded on each view's loads. */
export const VIEW_MARKS = [
  MARKS.firstChoropleth,
  MARKS.mapInteractive,
  MARKS.duckdbReady,
  MARKS.dataLoaded,
  MARKS.plannerSolveReady,
] as const;

const count = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);

type Win = typeof globalThis & { __benchLongTasks?: [number, number][] };

/** The measure `name` at `index`, its `:render` twin and the long tasks inside it. */
function sampleAt(page: Page, name: string, index: number) {
  return page.evaluate(
    ([n, i]) => {
      const m = performance.getEntriesByName(n, 'measure')[i]!;
      const r = performance.getEntriesByName(`${n}:render`, 'measure')[i];
      const end = m.startTime + m.duration;
      const tasks = (globalThis as Win).__benchLongTasks ?? [];
      const longTaskMs = tasks.reduce(
        (sum, [s, d]) => sum + Math.max(0, Math.min(end, s + d) - Math.max(m.startTime, s)),
        0,
      );
      return { durationMs: m.duration, renderMs: r?.duration ?? m.duration, longTaskMs };
    },
    [name, index] as const,
  );
}

async function interactions(page: Page, view: BenchView, o: ViewRunOptions, r: ViewRunResult) {
  const broken = new Set<string>();
  if (o.settleMs > 0) await page.waitForTimeout(o.settleMs);
  for (let i = 0; i < o.perKind; i++) {
    for (const kind of VIEW_KINDS[view]) {
      const make = VIEW_STEPS[kind];
      if (!make || broken.has(kind)) continue;
      const step = await make(page);
      const name = measureName(kind);
      const before = await count(page, name);
      if (o.gapMs > 0) await page.waitForTimeout(o.gapMs);
      await step.act();
      try {
        await page.waitForFunction(
          ([n, b]) => performance.getEntriesByName(n, 'measure').length > b,
          [name, before] as const,
          { timeout: o.interactionTimeoutMs, polling: 50 },
        );
      } catch {
        broken.add(kind);
        r.errors.push(`no ${name} measure within ${o.interactionTimeoutMs} ms after ${step.label}`);
        continue;
      }
      r.samples.push({ kind, label: step.label, ...(await sampleAt(page, name, before)) });
    }
  }
}

async function oneRun(browser: Browser, view: BenchView, run: number, o: ViewRunOptions) {
  const t0 = Date.now();
  const r: ViewRunResult = {
    view,
    run,
    marks: Object.fromEntries(VIEW_MARKS.map((m) => [m, null])),
    samples: [],
    errors: [],
    console: [],
    wallMs: 0,
  };
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await recordLongTasks(page);
    page.on('console', (m) => m.type() === 'error' && r.console.push(m.text()));
    page.on('pageerror', (e) => r.console.push(`uncaught: ${e.message}`));
    try {
      await page.goto(`${o.baseUrl}/?view=${view}&lang=en`, { timeout: o.loadTimeoutMs });
      await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: o.loadTimeoutMs });
      await waitForView(page, view, o.loadTimeoutMs);
    } catch (err) {
      r.errors.push(`load: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    const marks = await page.evaluate(
      (names) => names.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null),
      [...VIEW_MARKS],
    );
    VIEW_MARKS.forEach((m, i) => (r.marks[m] = marks[i] ?? null));
    if (r.errors.length === 0) await interactions(page, view, o, r);
  } catch (err) {
    r.errors.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  } finally {
    await context.close();
    r.wallMs = Date.now() - t0;
  }
  return r;
}

/** Launches Chromium once and does `runs` cold loads of each view, one fresh context each. */
export async function viewRuns(o: ViewRunOptions): Promise<{ chromium: string; runs: ViewRunResult[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const version = browser.version();
  const out: ViewRunResult[] = [];
  const fmt = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(0));
  try {
    for (const view of Object.keys(VIEW_KINDS) as BenchView[]) {
      for (let run = 1; run <= o.runs; run++) {
        const r = await oneRun(browser, view, run, o);
        out.push(r);
        const byKind = VIEW_KINDS[view].map(
          (k) =>
            `${k} ${r.samples
              .filter((s) => s.kind === k)
              .map((s) => fmt(s.durationMs))
              .join('/')}`,
        );
        o.log(
          `  ${view} ${run}/${o.runs} (${(r.wallMs / 1000).toFixed(1)} s): ` +
            VIEW_MARKS.map((m) => `${m.replace('atlas:', '')} ${fmt(r.marks[m])}`).join(', ') +
            `; ${byKind.join(', ')}` +
            (r.console.length ? `, ${r.console.length} console error(s)` : '') +
            (r.errors.length ? `  ERROR: ${r.errors.join('; ')}` : ''),
        );
      }
    }
  } finally {
    await browser.close();
  }
  return { chromium: version, runs: out };
}
