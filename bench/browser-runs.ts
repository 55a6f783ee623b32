/**
 * Cold loads of the built app in Chromium: User Timing marks of the start-up, then timed interactions.
 * Names come from src/common/perf.ts (the contract); each run gets a fresh browser context (empty cache, no
 * service worker).
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { MARKS } from '../src/common/perf';
import type { MapInteractionKind } from '../src/common/perf';
import { interact, KINDS, recordLongTasks } from './interactions';
import type { InteractionSample } from './interactions';

/** Marks the bench waits for on every load (first-choropleth comes with data-atlas-ready). */
export const REQUIRED_MARKS = [MARKS.duckdbReady, MARKS.dataLoaded, MARKS.mapInteractive] as const;
/** Every mark reported. */
export const ALL_MARKS = [MARKS.firstChoropleth, ...REQUIRED_MARKS] as const;
/** What one cold load measured. */
export interface RunResult {
  run: number;
  /** startTime (ms since navigation) of each mark; null when it never appeared. */
  marks: Record<string, number | null>;
  /** Durations (ms) of the interaction measures, per kind. */
  interactions: Record<MapInteractionKind, number[]>;
  /** Durations (ms) of the repaint after the query (the `:render` measures), per kind. */
  renders?: Record<MapInteractionKind, number[]>;
  /** Each interaction with its label and main-thread long-task time. */
  samples: InteractionSample[];
  /** UNMASKED_RENDERER_WEBGL of a WebGL context in the page (SwiftShader here). */
  webglRenderer: string | null;
  /** What went wrong; an empty list means the run completed. */
  errors: string[];
  /** Console errors and uncaught exceptions of the page (informational). */
  console: string[];
  /** Wall time (ms) of the whole run and of its phases (load = until every mark, ready = WebGL map and engine, interactions). */
  wallMs: number;
  phasesMs: Record<string, number>;
}

/** How to run the loads. */
export interface BrowserRunOptions {
  baseUrl: string;
  runs: number;
  /** Interactions of each kind per run (alternating). */
  perKind: number;
  /** Idle time before each interaction (ms). */
  gapMs: number;
  /** Idle time after the page is ready, before the first interaction (ms). */
  settleMs: number;
  /** Limit for the page to load and mark everything. */
  loadTimeoutMs: number;
  /** Limit for one interaction's measure to appear. */
  interactionTimeoutMs: number;
  log: (line: string) => void;
}

async function oneRun(browser: Browser, run: number, o: BrowserRunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const result: RunResult = {
    run,
    marks: Object.fromEntries(ALL_MARKS.map((m) => [m, null])),
    interactions: { indicator: [], year: [], class: [], level: [] },
    renders: { indicator: [], year: [], class: [], level: [] },
    samples: [],
    webglRenderer: null,
    errors: [],
    console: [],
    wallMs: 0,
    phasesMs: {},
  };
  let lap = Date.now();
  const phase = (name: string) => {
    result.phasesMs[name] = Date.now() - lap;
    lap = Date.now();
  };
  // A cold load: no service worker either (installing one would precache 45 MB in the background, during
  // the interactions); repeat visits with it are bench/repeat-visit.ts.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await recordLongTasks(page);
    page.on('console', (m) => m.type() === 'error' && result.console.push(m.text()));
    page.on('pageerror', (e) => result.console.push(`uncaught: ${e.message}`));
    try {
      await page.goto(`${o.baseUrl}/?lang=en`, { timeout: o.loadTimeoutMs });
      await page.waitForSelector('html[data-atlas-ready="true"]', {
        state: 'attached',
        timeout: o.loadTimeoutMs,
      });
      await page.waitForFunction(
        (names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0),
        [...REQUIRED_MARKS],
        { timeout: o.loadTimeoutMs, polling: 100 },
      );
    } catch (err) {
      result.errors.push(`load: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    const marks = await page.evaluate(
      (names) => names.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null),
      [...ALL_MARKS],
    );
    ALL_MARKS.forEach((m, i) => (result.marks[m] = marks[i] ?? null));
    phase('load');
    if (result.errors.length > 0) return result;

    await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: o.loadTimeoutMs });
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: o.loadTimeoutMs });
    phase('ready');
    result.webglRenderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : null;
    });
    const { samples, errors } = await interact(page, o.perKind, o.interactionTimeoutMs, o.gapMs, o.settleMs);
    result.samples = samples;
    for (const kind of KINDS) {
      const of = samples.filter((x) => x.kind === kind);
      result.interactions[kind] = of.map((x) => x.durationMs);
      result.renders![kind] = of.map((x) => x.renderMs);
    }
    result.errors.push(...errors);
    phase('interactions');
  } catch (err) {
    result.errors.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  } finally {
    await context.close();
    phase('close');
    result.wallMs = Date.now() - t0;
  }
  return result;
}

/** Launches Chromium once and does `runs` cold loads, one fresh context each. */
export async function browserRuns(o: BrowserRunOptions): Promise<{ chromium: string; runs: RunResult[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const version = browser.version();
  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= o.runs; run++) {
      const r = await oneRun(browser, run, o);
      results.push(r);
      const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(0));
      o.log(
        `  run ${run}/${o.runs} (${(r.wallMs / 1000).toFixed(1)} s: ` +
          Object.entries(r.phasesMs)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
            .join(', ') +
          '): ' +
          ALL_MARKS.map((m) => `${m.replace('atlas:', '')} ${fmt(r.marks[m] ?? null)}`).join(', ') +
          KINDS.map((k) => `, ${k} ×${r.interactions[k].length}`).join('') +
          (r.console.length ? `, ${r.console.length} console error(s)` : '') +
          (r.errors.length ? `  ERROR: ${r.errors.join('; ')}` : ''),
      );
    }
  } finally {
    await browser.close();
  }
  return { chromium: version, runs: results };
}
