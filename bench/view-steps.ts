/**
 * The inputs the bench makes in the coverage, hotspots and planner views: each step reads the control's
 * current value and moves it to the next one (cycling), as a person would. Names of the kinds come from
 * src/common/perf.ts (the contract).
 */
import type { Page } from '@playwright/test';
import type { InteractionKind } from '../src/common/perf';

/** The views measured here, as `?view=` names them. */
export type BenchView = 'coverage' | 'hotspots' | 'planner';

/** One input: what it is called and how to do it. */
export interface ViewStep {
  label: string;
  act: () => Promise<void>;
}

/** The kinds measured in each view, in the order they are interleaved. */
export const VIEW_KINDS: Record<BenchView, readonly InteractionKind[]> = {
  coverage: ['coverage-catchment', 'coverage-year', 'coverage-since'],
  hotspots: ['hotspots-method', 'hotspots-level', 'hotspots-year', 'hotspots-unit'],
  planner: ['planner-weights', 'planner-k', 'planner-norm'],
};

const values = (page: Page, selector: string) =>
  page
    .locator(selector)
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

/** The next option of a select (cycling); `force`: actionability checks wait for frames (slow in SwiftShader). */
async function nextOption(page: Page, selector: string, name: string): Promise<ViewStep> {
  const select = page.locator(selector);
  const options = await values(page, selector);
  const current = await select.inputValue();
  const next = options[(options.indexOf(current) + 1) % options.length]!;
  return {
    label: `${name} ${current} → ${next}`,
    act: () => select.selectOption(next, { force: true }).then(() => undefined),
  };
}

/** One step of a range input by keyboard, down unless at its minimum. */
async function sliderStep(page: Page, selector: string, name: string): Promise<ViewStep> {
  const slider = page.locator(selector).first();
  const value = Number(await slider.inputValue());
  const min = Number((await slider.getAttribute('min')) ?? 0);
  const key = value > min ? 'ArrowLeft' : 'ArrowRight';
  return {
    label: `${name} ${value} → ${key === 'ArrowLeft' ? value - 1 : value + 1}`,
    act: async () => {
      await slider.focus();
      await page.keyboard.press(key);
    },
  };
}

/** self → border → radius (25 km) → self … */
async function nextCatchment(page: Page): Promise<ViewStep> {
  const cycle = ['self', 'border', 'radius'];
  const checked = await Promise.all(cycle.map((c) => page.getByTestId(`catchment-${c}`).isChecked()));
  const current = cycle[Math.max(0, checked.indexOf(true))]!;
  const next = cycle[(cycle.indexOf(current) + 1) % cycle.length]!;
  return {
    label: `catchment ${current} → ${next}`,
    act: () => page.getByTestId(`catchment-${next}`).check({ force: true }),
  };
}

/** How to make the next input of each kind. */
export const VIEW_STEPS: Partial<Record<InteractionKind, (page: Page) => Promise<ViewStep>>> = {
  'coverage-catchment': nextCatchment,
  'coverage-year': (page) => sliderStep(page, '[data-testid="coverage-year"]', 'year'),
  'coverage-since': (page) => nextOption(page, '[data-testid="coverage-since"]', 'opened since'),
  'hotspots-method': (page) => nextOption(page, '#hs-method', 'method'),
  'hotspots-level': (page) => nextOption(page, '#hs-level', 'level'),
  'hotspots-year': (page) => nextOption(page, '#hs-year', 'year'),
  'hotspots-unit': (page) => nextOption(page, '#hs-unit', 'unit'),
  'planner-weights': (page) => sliderStep(page, '[data-testid^="planner-weight-"]', 'first weight'),
  'planner-k': (page) => nextOption(page, '[data-testid="planner-k"]', 'k'),
  'planner-norm': (page) => nextOption(page, '[data-testid="planner-norm"]', 'normalisation'),
};

/**
 * What "ready to be used" means for each view before its interactions start (beyond the WebGL map): the
 * view's own answer on screen, and the engine up with its tables loaded (`atlas:data-loaded`), as the map's
 * bench waits for it, so every load's inputs meet the same state (inputs made while the engine still loads
 * its tables meet its main-thread work: the planner's Solve is usable before that).
 */
export async function waitForView(page: Page, view: BenchView, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('atlas:data-loaded', 'mark').length > 0,
    undefined,
    { timeout, polling: 100 },
  );
  if (view === 'coverage') {
    await page.getByTestId('coverage-status').filter({ hasText: 'Coverage in' }).waitFor({ timeout });
  } else if (view === 'hotspots') {
    await page.locator('[data-testid="hotspots-view"][data-state="ready"]').waitFor({ timeout });
  } else {
    await page.waitForFunction(
      () => performance.getEntriesByName('atlas:planner-solve-ready', 'mark').length > 0,
      undefined,
      { timeout, polling: 100 },
    );
  }
}
