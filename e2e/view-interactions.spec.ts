/**
 * Every measured input of the coverage, hotspots, planner and cases views produces its User Timing measures
 * (`atlas:interaction:<kind>` and `:render`, src/common/perf.ts), starting at the input, the first of its
 * kind in the load included; the planner marks `atlas:planner-solve-ready` with Solve enabled. Presence
 * only: the timings themselves are the bench's (bench/view-interactions.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function open(page: Page, view: string): Promise<void> {
  await page.goto(`/?view=${view}&lang=en`);
  await page.waitForSelector('html[data-atlas-ready="true"]', { state: 'attached' });
  await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: 40_000 });
}

const entries = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      performance
        .getEntriesByName(n, 'measure')
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
    name,
  );

/** Does `act`, then expects one more measure of `kind` (and of its `:render`), starting after the input began. */
async function measured(page: Page, kind: string, act: () => Promise<unknown>): Promise<void> {
  const name = `atlas:interaction:${kind}`;
  const before = (await entries(page, name)).length;
  const inputAt = await page.evaluate(() => performance.now());
  await act();
  await expect.poll(async () => (await entries(page, name)).length, { message: name }).toBe(before + 1);
  const m = (await entries(page, name))[before]!;
  expect(m.start).toBeGreaterThanOrEqual(inputAt);
  expect(m.end).toBeGreaterThan(m.start);
  expect((await entries(page, `${name}:render`)).length).toBe(before + 1);
}

test('coverage: the catchment, year and "opened since" inputs are measured', async ({ page }) => {
  await open(page, 'coverage');
  await expect(page.getByTestId('coverage-status')).toContainText('Coverage in');
  await measured(page, 'coverage-catchment', () => page.getByTestId('catchment-border').check());
  await expect(page.getByTestId('coverage-status')).toContainText('Coverage in');
  await measured(page, 'coverage-catchment', () => page.getByTestId('catchment-radius').check());
  await measured(page, 'coverage-year', async () => {
    await page.getByTestId('coverage-year').focus();
    await page.keyboard.press('ArrowLeft');
  });
  const since = page.getByTestId('coverage-since');
  const options = await since
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const other = options.find((o) => o !== '2018')!;
  await measured(page, 'coverage-since', () => since.selectOption(other));
});

test('hotspots: the method, level, year and unit inputs are measured', async ({ page }) => {
  await open(page, 'hotspots');
  const view = page.getByTestId('hotspots-view');
  await expect(view).toHaveAttribute('data-state', 'ready', { timeout: 40_000 });
  await measured(page, 'hotspots-method', () => page.locator('#hs-method').selectOption('moran'));
  await measured(page, 'hotspots-level', () => page.locator('#hs-level').selectOption('basic'));
  const years = await page
    .locator('#hs-year option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const current = await page.locator('#hs-year').inputValue();
  await measured(page, 'hotspots-year', () =>
    page.locator('#hs-year').selectOption(years.find((y) => y !== current)!),
  );
  await measured(page, 'hotspots-unit', () => page.locator('#hs-unit').selectOption('schools'));
  await expect(view).toHaveAttribute('data-state', 'ready');
});

test('planner: Solve-ready is marked with Solve enabled; the weight, k and normalisation inputs are measured', async ({
  page,
}) => {
  await open(page, 'planner');
  await expect
    .poll(
      () => page.evaluate(() => performance.getEntriesByName('atlas:planner-solve-ready', 'mark').length),
      {
        timeout: 40_000,
      },
    )
    .toBe(1);
  await expect(page.getByTestId('planner-solve')).toBeEnabled();
  const slider = page.locator('[data-testid^="planner-weight-"]').first();
  await measured(page, 'planner-weights', async () => {
    await slider.focus();
    await page.keyboard.press('ArrowRight');
  });
  // k before any plan (the map does not change: measured to the committed controls) and after one.
  await measured(page, 'planner-k', () => page.getByTestId('planner-k').selectOption('4'));
  await page.getByTestId('planner-solve').click();
  await expect(page.getByTestId('planner-sites').locator('tbody tr')).toHaveCount(4, { timeout: 30_000 });
  await measured(page, 'planner-k', () => page.getByTestId('planner-k').selectOption('2'));
  await measured(page, 'planner-k', () => page.getByTestId('planner-k').selectOption('4'));
  await expect(page.getByTestId('planner-sites').locator('tbody tr')).toHaveCount(4);
  const norm = page.getByTestId('planner-norm');
  const norms = await norm
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const now = await norm.inputValue();
  await measured(page, 'planner-norm', () => norm.selectOption(norms.find((n) => n !== now)!));
});

test('cases: a case type, a month range, a municipality and an age band are measured as atlas:cases-filter', async ({
  page,
}) => {
  await page.goto('/?view=cases&lang=en');
  const view = page.getByTestId('cases-view');
  await expect(view).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  const names = () =>
    page.evaluate(() =>
      performance.getEntriesByName('atlas:cases-filter', 'measure').map((m) => ({
        name: ((m as PerformanceMeasure).detail as { name: string }).name,
        start: m.startTime,
      })),
    );
  const inputs: [string, () => Promise<unknown>][] = [
    ['case_type', () => page.getByTestId('cases-bar-case_type-neglect').click()],
    ['period', () => page.getByTestId('cases-period-from').selectOption(String(2020 * 12))],
    ['lau_code', () => page.locator('[data-testid^="cases-bar-lau_code-"]').first().click()],
    ['age_band', () => page.getByTestId('cases-bar-age_band-6-11').click()],
  ];
  for (const [name, act] of inputs) {
    const before = (await names()).length;
    const inputAt = await page.evaluate(() => performance.now());
    await act();
    await expect.poll(async () => (await names()).length, { message: name }).toBe(before + 1);
    const m = (await names())[before]!;
    expect(m.name).toBe(name);
    expect(m.start).toBeGreaterThanOrEqual(inputAt);
  }
  const parts = await page.evaluate(() =>
    ['atlas:cases-filter', 'atlas:cases-filter:render', 'atlas:cases-filter:query'].map((n) =>
      performance.getEntriesByName(n).map((m) => m.duration),
    ),
  );
  const [full, render, query] = parts as [number[], number[], number[]];
  expect(render).toHaveLength(4);
  expect(query).toHaveLength(4);
  // The engine's part and the repaint each lie within the whole, input to painted frame.
  query.forEach((q, i) => expect(q + render[i]!).toBeLessThanOrEqual(full[i]! + 0.001));
});
