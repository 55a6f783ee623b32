/**
 * The browser half of the cases bench: the production build in headless Chromium, the records file dropped
 * into the import panel (as a user loads a case file), the Cases view opened, then the plan's blocks of
 * inputs (bench/cases-plan.ts), each read from the view's own `atlas:cases-filter` measures (input to painted
 * frame; `:query`, the engine's question to its answer; `:render`, answer to painted frame) and the filters it left in the URL.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { decodeCaseSettings } from '../src/ui/cases/settings';
import type { CaseFilters } from '../src/engine/cases-types';
import { brushStart, CASE_KINDS, type CaseBlock, type CaseKind, type CasePlan } from './cases-plan';
import { rendererPids, tabMemory, type TabMemory } from './tab-memory';

/** One input as the view measured it. */
export interface CaseSample {
  dim: string;
  /** Input to the painted frame with its answer. */
  totalMs: number;
  /** The answer's arrival to that frame (the repaint alone). */
  renderMs: number;
  /** The engine's part: the question asked to its answer (the worker's round trip and DuckDB). */
  queryMs: number;
}

/** What the browser measured. */
export interface BrowserCases {
  chromium: string;
  importMs: number;
  /** Opening the view to its first charts (the cube is built meanwhile). */
  firstAnswerMs: number;
  blocks: CaseBlock[];
  samples: CaseSample[];
  memory: { afterLoad: TabMemory; afterInputs: TabMemory };
}

const measures = (page: Page) =>
  page.evaluate(() => {
    const full = performance.getEntriesByName('atlas:cases-filter') as PerformanceMeasure[];
    const render = performance.getEntriesByName('atlas:cases-filter:render') as PerformanceMeasure[];
    const query = performance.getEntriesByName('atlas:cases-filter:query') as PerformanceMeasure[];
    return full.map((m, i) => ({
      dim: String((m.detail as { name?: string } | null)?.name ?? ''),
      totalMs: m.duration,
      renderMs: render[i]?.duration ?? NaN,
      queryMs: query[i]?.duration ?? NaN,
    }));
  });

function filtersOf(page: Page): CaseFilters {
  return decodeCaseSettings(new URL(page.url()).searchParams.get('cases') ?? '').filters;
}

/** One input of `kind`, the `i`-th of the run. */
async function input(page: Page, kind: CaseKind, i: number, j: number, periods: [number, number]) {
  if (kind.dim === 'period') {
    await page.getByTestId('cases-period-from').selectOption(String(brushStart(i, periods)));
    return;
  }
  const bars = page.getByTestId(`cases-chart-${kind.dim}`).locator(`[data-testid^="cases-bar-${kind.dim}-"]`);
  const n = await bars.count();
  await bars.nth(j % n).click();
}

/** Runs the plan on `file` (`rows` records) against the build served at `baseUrl`. */
export async function browserCases(
  baseUrl: string,
  file: string,
  plan: CasePlan,
  log: (s: string) => void,
): Promise<BrowserCases> {
  const before = rendererPids();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${baseUrl}/?lang=en`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
      timeout: 120_000,
    });
    const renderers = [...rendererPids()].filter((p) => !before.has(p));
    log('importing the records file');
    const t0 = Date.now();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-files').setInputFiles(file);
    await page.getByTestId('import-report').waitFor({ timeout: 1_200_000 });
    await page.getByTestId('import-load').click({ timeout: 10_000 });
    await page.getByTestId('own-data').waitFor({ timeout: 1_200_000 });
    const importMs = Date.now() - t0;
    log(`imported in ${(importMs / 1000).toFixed(1)} s; opening the Cases view`);
    const t1 = Date.now();
    await page.getByTestId('view-cases').click();
    const view = page.getByTestId('cases-view');
    await view.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 600_000 });
    const firstAnswerMs = Date.now() - t1;
    await page.getByTestId('cases-perturb').waitFor({ timeout: 10_000 }); // the user's own records
    const afterLoad = await tabMemory(browser, page, renderers);
    const from = page.getByTestId('cases-period-from').locator('option');
    const values = (await from.evaluateAll((os) => os.map((o) => Number((o as HTMLOptionElement).value))))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const periods: [number, number] = [values[0]!, values[values.length - 1]!];

    const blocks: CaseBlock[] = [];
    let i = 0;
    for (let r = 0; r < plan.rounds; r++) {
      for (const kind of CASE_KINDS) {
        const block: CaseBlock = { kind, before: filtersOf(page), after: [] };
        await page.getByTestId(`cases-chart-${kind.dim}`).hover();
        await page.waitForTimeout(plan.settleMs);
        for (let j = 0; j < plan.inputs; j++, i++) {
          const n = (await measures(page)).length;
          await input(page, kind, i, r * plan.inputs + j, periods);
          await page.waitForFunction(
            (m) => performance.getEntriesByName('atlas:cases-filter').length > m,
            n,
            { timeout: 120_000 },
          );
          block.after.push(filtersOf(page));
          await page.waitForTimeout(plan.gapMs);
        }
        blocks.push(block);
      }
      log(`round ${r + 1} of ${plan.rounds} done`);
    }
    const samples = await measures(page);
    const afterInputs = await tabMemory(browser, page, renderers);
    return {
      chromium: browser.version(),
      importMs,
      firstAnswerMs,
      blocks,
      samples,
      memory: { afterLoad, afterInputs },
    };
  } finally {
    await browser.close();
  }
}
