/**
 * Cold loads of the built app in Chromium: User Timing marks of the start-up, then timed interactions.
 * Names come from src/ui/perf.ts (the contract); each run gets a fresh browser context (empty cache).
 */
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { MARKS } from '../src/ui/perf';
import type { InteractionKind } from '../src/ui/perf';

/** Marks the bench waits for on every load (first-choropleth comes with data-atlas-ready). */
export const REQUIRED_MARKS = [MARKS.duckdbReady, MARKS.dataLoaded, MARKS.mapInteractive] as const;
/** Every mark reported. */
export const ALL_MARKS = [MARKS.firstChoropleth, ...REQUIRED_MARKS] as const;
/** The interaction kinds measured, in the order they are exercised. */
export const KINDS: readonly InteractionKind[] = ['indicator', 'year'];

/** User Timing measure name of an interaction kind. */
export const measureName = (kind: InteractionKind) => `atlas:interaction:${kind}`;

/** What one cold load measured. */
export interface RunResult {
  run: number;
  /** startTime (ms since navigation) of each mark; null when it never appeared. */
  marks: Record<string, number | null>;
  /** Durations (ms) of the interaction measures, per kind. */
  interactions: Record<InteractionKind, number[]>;
  /** What went wrong; an empty list means the run completed. */
  errors: string[];
  /** Console errors and uncaught exceptions of the page (informational). */
  console: string[];
  wallMs: number;
}

/** How to run the loads. */
export interface BrowserRunOptions {
  baseUrl: string;
  runs: number;
  /** Interactions of each kind per run. */
  perKind: number;
  /** Limit for the page to load and mark everything. */
  loadTimeoutMs: number;
  /** Limit for one interaction's measure to appear. */
  interactionTimeoutMs: number;
  log: (line: string) => void;
}

async function waitForMeasure(page: Page, name: string, before: number, timeout: number): Promise<number> {
  await page.waitForFunction(
    ([n, b]) => performance.getEntriesByName(n, 'measure').length > b,
    [name, before] as const,
    { timeout, polling: 50 },
  );
  return page.evaluate(([n, b]) => performance.getEntriesByName(n, 'measure')[b]!.duration, [name, before] as const);
}

const measureCount = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);

/** Selects the next indicators in the list, wrapping around. */
async function indicatorSwitches(page: Page, count: number, timeout: number): Promise<number[]> {
  const select = page.getByTestId('indicator');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const start = options.indexOf(await select.inputValue());
  const out: number[] = [];
  for (let i = 1; i <= count; i++) {
    const next = options[(start + i) % options.length]!;
    const before = await measureCount(page, measureName('indicator'));
    await select.selectOption(next);
    out.push(await waitForMeasure(page, measureName('indicator'), before, timeout).catch(rethrow(`indicator → ${next}`)));
  }
  return out;
}

/** Moves the year slider one step with the keyboard (down from the last year, up when at the first). */
async function yearChanges(page: Page, count: number, timeout: number): Promise<number[]> {
  const slider = page.getByTestId('year');
  const min = Number(await slider.getAttribute('min'));
  const out: number[] = [];
  await slider.focus();
  for (let i = 0; i < count; i++) {
    const year = Number(await slider.inputValue());
    const key = year > min ? 'ArrowLeft' : 'ArrowRight';
    const before = await measureCount(page, measureName('year'));
    await page.keyboard.press(key);
    const label = `year ${year} → ${key === 'ArrowLeft' ? year - 1 : year + 1}`;
    out.push(await waitForMeasure(page, measureName('year'), before, timeout).catch(rethrow(label)));
  }
  return out;
}

function rethrow(what: string): (err: unknown) => never {
  return (err: unknown) => {
    throw new Error(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  };
}

async function oneRun(browser: Browser, run: number, o: BrowserRunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const result: RunResult = {
    run,
    marks: Object.fromEntries(ALL_MARKS.map((m) => [m, null])),
    interactions: { indicator: [], year: [] },
    errors: [],
    console: [],
    wallMs: 0,
  };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && result.console.push(m.text()));
    page.on('pageerror', (e) => result.console.push(`uncaught: ${e.message}`));
    try {
      await page.goto(`${o.baseUrl}/?lang=en`, { timeout: o.loadTimeoutMs });
      await page.waitForSelector('html[data-atlas-ready="true"]', { state: 'attached', timeout: o.loadTimeoutMs });
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
    if (result.errors.length > 0) return result;

    await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: o.loadTimeoutMs });
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: o.loadTimeoutMs });
    for (const kind of KINDS) {
      try {
        result.interactions[kind] =
          kind === 'indicator'
            ? await indicatorSwitches(page, o.perKind, o.interactionTimeoutMs)
            : await yearChanges(page, o.perKind, o.interactionTimeoutMs);
      } catch (err) {
        result.errors.push(`no ${measureName(kind)} measure after ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } catch (err) {
    result.errors.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  } finally {
    await context.close();
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
        `  run ${run}/${o.runs} (${(r.wallMs / 1000).toFixed(1)} s): ` +
          ALL_MARKS.map((m) => `${m.replace('atlas:', '')} ${fmt(r.marks[m] ?? null)}`).join(', ') +
          KINDS.map((k) => `, ${k} ×${r.interactions[k].length}`).join('') +
          (r.errors.length ? `  ERROR: ${r.errors.join('; ')}` : ''),
      );
    }
  } finally {
    await browser.close();
  }
  return { chromium: version, runs: results };
}
