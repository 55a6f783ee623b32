/**
 * Timed interactions on a loaded page: indicator switches, year steps, classification and level changes,
 * interleaved (indicator switches land away from the precomputed default year; the engine warms every
 * indicator after load, so most are answered from its cache), each awaited until the
 * app's `atlas:interaction:*` measure for it appears. Main-thread long tasks inside each measure are
 * attributed to it, to tell time spent computing/rendering on the main thread from time spent waiting.
 */
import type { Page } from '@playwright/test';
import type { InteractionKind, MapInteractionKind } from '../src/common/perf';

/** The interaction kinds measured. */
export const KINDS: readonly MapInteractionKind[] = ['indicator', 'year', 'class', 'level'];

/** User Timing measure name of an interaction kind (src/common/perf.ts). */
export const measureName = (kind: InteractionKind) => `atlas:interaction:${kind}`;

/** One interaction and what it measured. */
export interface InteractionSample {
  kind: InteractionKind;
  /** e.g. "indicator cp_cases_rate → child_pop @2024" */
  label: string;
  /** Duration of the app's measure, input to painted frame (ms). */
  durationMs: number;
  /**
   * The repaint after the query: from when the values arrived (or the input, when no query was needed) to
   * the painted frame (the `:render` measure, ms).
   */
  renderMs: number;
  /** Sum of the main-thread long tasks (>50 ms) overlapping the measure (ms). */
  longTaskMs: number;
}

type Win = typeof globalThis & { __benchLongTasks?: [number, number][] };

/** Call before navigating: records long tasks from the start of the page. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as Win;
    w.__benchLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__benchLongTasks!.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no Long Tasks API: longTaskMs stays 0
    }
  });
}

const count = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);

async function waitForCount(page: Page, name: string, above: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([n, b]) => performance.getEntriesByName(n, 'measure').length > b,
    [name, above] as const,
    { timeout, polling: 50 },
  );
}

/** The entry `index` of measure `name`, with the long tasks overlapping it. */
async function measureAt(
  page: Page,
  name: string,
  index: number,
): Promise<{ durationMs: number; renderMs: number; longTaskMs: number }> {
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

/** One input step: what it is called and how to do it. */
interface Step {
  kind: InteractionKind;
  label: string;
  act: () => Promise<void>;
}

async function nextIndicator(page: Page): Promise<Step> {
  const select = page.getByTestId('indicator');
  const options = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const current = await select.inputValue();
  const next = options[(options.indexOf(current) + 1) % options.length]!;
  const year = await page.getByTestId('year').inputValue();
  // force: the actionability checks wait for animation frames, which are slow in SwiftShader.
  return {
    kind: 'indicator',
    label: `indicator ${current} → ${next} @${year}`,
    act: () => select.selectOption(next, { force: true }).then(() => undefined),
  };
}

async function nextYear(page: Page): Promise<Step> {
  const slider = page.getByTestId('year');
  const year = Number(await slider.inputValue());
  const min = Number(await slider.getAttribute('min'));
  const key = year > min ? 'ArrowLeft' : 'ArrowRight';
  return {
    kind: 'year',
    label: `year ${year} → ${key === 'ArrowLeft' ? year - 1 : year + 1}`,
    act: async () => {
      await slider.focus();
      await page.keyboard.press(key);
    },
  };
}

/** Cycles the classification method (quantile → equal → fisher → stddev → quantile …). */
async function nextClass(page: Page): Promise<Step> {
  const select = page.getByTestId('class-method');
  const cycle = ['quantile', 'equal', 'fisher', 'stddev'];
  const current = await select.inputValue();
  const next = cycle[(cycle.indexOf(current) + 1) % cycle.length]!;
  return {
    kind: 'class',
    label: `classes ${current} → ${next}`,
    act: () => select.selectOption(next, { force: true }).then(() => undefined),
  };
}

/** Switches between municipality and county level. */
async function nextLevel(page: Page): Promise<Step> {
  const county = await page.getByTestId('level-county').isChecked();
  const target = county ? 'level-municipality' : 'level-county';
  return {
    kind: 'level',
    label: `level → ${county ? 'municipality' : 'county'}`,
    act: () => page.getByTestId(target).check({ force: true }),
  };
}

const STEPS: Record<MapInteractionKind, (page: Page) => Promise<Step>> = {
  indicator: nextIndicator,
  year: nextYear,
  class: nextClass,
  level: nextLevel,
};

/**
 * Waits `settleMs` (the page finishing what it does after it is ready: prefetching the county level,
 * warming the solver), then does `perKind` interactions of each kind, alternating, and returns the samples and, per kind that
 * stopped producing measures, what was being waited for (that kind is not tried again in this run).
 */
export async function interact(
  page: Page,
  perKind: number,
  timeoutMs: number,
  gapMs: number,
  settleMs = 0,
): Promise<{ samples: InteractionSample[]; errors: string[] }> {
  const samples: InteractionSample[] = [];
  const errors: string[] = [];
  const broken = new Set<MapInteractionKind>();
  // The classification and level controls sit in the collapsed "Map options".
  const options = page.locator('.map-options');
  if ((await options.count()) > 0 && !(await options.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await options.locator('summary').click();
  }
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  for (let i = 0; i < perKind; i++) {
    for (const kind of KINDS) {
      if (broken.has(kind)) continue;
      const step = await STEPS[kind](page);
      const name = measureName(kind);
      const before = await count(page, name);
      if (gapMs > 0) await page.waitForTimeout(gapMs);
      await step.act();
      try {
        await waitForCount(page, name, before, timeoutMs);
      } catch {
        broken.add(kind);
        errors.push(`no ${name} measure within ${timeoutMs} ms after ${step.label}`);
        continue;
      }
      samples.push({ kind, label: step.label, ...(await measureAt(page, name, before)) });
    }
  }
  return { samples, errors };
}
