/**
 * The indicator map as an analyst's instrument: classification from the same code as the CLI, county level
 * and drill-down, search, sorting, comparisons, and every view as a link (fresh context, back button).
 */
import type { Page } from '@playwright/test';
import { classBreaks } from '../src/analysis/classify';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';
import { legendColours, pixelsAt, probePoints } from './pixels';
import { PROBES } from './probes';

/** Shown values of the table (suppressed and missing cells left out). */
async function tableValues(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.values-table td[data-value]')]
      .map((td) => td.dataset.value ?? '')
      .filter((v) => v !== '')
      .map(Number),
  );
}

/** Everything on screen that a link must restore. */
async function snapshot(page: Page) {
  return page.evaluate(() => ({
    legendTitle: document.querySelector('.legend h2')?.textContent,
    legend: [...document.querySelectorAll<HTMLElement>('.legend li')].map((li) => ({ ...li.dataset })),
    method: document.querySelector('[data-testid="legend-method"]')?.textContent,
    selects: [...document.querySelectorAll<HTMLSelectElement>('select')].map((s) => s.value),
    checks: [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')].map(
      (i) => i.checked,
    ),
    year: document.querySelector('[data-testid="year-value"]')?.textContent,
    selection: document.querySelector('[data-testid="selection-title"]')?.textContent ?? null,
    table: [...document.querySelectorAll<HTMLElement>('.values-table tr[data-lau]')].map(
      (tr) => `${tr.dataset.lau}:${tr.querySelector<HTMLElement>('td[data-value]')?.dataset.value}`,
    ),
    lang: document.documentElement.lang,
  }));
}

const legendRows = (page: Page) => page.locator('.legend li[data-from]');

test('natural breaks on the map are exactly the Fisher-Jenks optimum of the shown values, and the pixels follow', async ({
  page,
}) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('class-method').selectOption('fisher');
  await page.getByTestId('class-count').selectOption('4');
  await expect(legendRows(page)).toHaveCount(4);
  await expect(page.getByTestId('legend-method')).toContainText('Fisher-Jenks');
  const values = await tableValues(page);
  const expected = classBreaks(values, 'fisher', 4);
  const shown = await legendRows(page).evaluateAll((lis) =>
    lis.slice(0, -1).map((li) => Number(li.dataset.to)),
  );
  expect(shown).toEqual(expected);
  // Probe points are taken afresh each time: clicking a control scrolls the page.
  const pixels = async () => pixelsAt(page, await probePoints(page, PROBES));
  await expect.poll(pixels).toEqual(await legendColours(page, PROBES));

  // Same classes for every year: the breaks no longer move with the year.
  await page.getByTestId('class-fixed').check();
  const fixed = await legendRows(page).evaluateAll((lis) => lis.map((li) => li.dataset.to));
  await page.getByTestId('year').fill('2017');
  await expect(page.getByTestId('year-value')).toHaveText('2017');
  await expect
    .poll(() => legendRows(page).evaluateAll((lis) => lis.map((li) => li.dataset.to)))
    .toEqual(fixed);
  await expect.poll(pixels).toEqual(await legendColours(page, PROBES));
});

test('manual breaks that do not fit fall back to quantiles and say so', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('class-method').selectOption('manual');
  await page.getByTestId('class-breaks').fill('8, 4');
  await page.getByTestId('class-breaks').press('Enter');
  await expect(page.getByTestId('class-problem')).toBeVisible();
  await page.getByTestId('class-breaks').fill('3, 4.5, 6');
  await page.getByTestId('class-breaks').press('Enter');
  await expect(page.getByTestId('class-problem')).toHaveCount(0);
  await expect(legendRows(page)).toHaveCount(4);
  expect(
    await legendRows(page).evaluateAll((lis) => lis.slice(0, -1).map((li) => Number(li.dataset.to))),
  ).toEqual(classBreaks([], 'manual', 5, { manual: [3, 4.5, 6] }));
});

test('a link restores the view exactly in a fresh browser context', async ({ page, browser }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('indicator').selectOption('econ_aid_share');
  await page.getByTestId('year').fill('2019');
  await page.getByTestId('class-method').selectOption('equal');
  await page.getByTestId('class-count').selectOption('6');
  await page.getByTestId('class-palette').selectOption('viridis');
  await page.getByTestId('measure').selectOption('smoothed');
  await page.locator('.values-table summary').click();
  await page.locator('.values-table tr[data-lau="AL111"] button').click();
  await page.getByTestId('lang-sq').click();
  await expect(page.getByTestId('selection-title')).toContainText('Bulqizë');
  await expect(legendRows(page)).toHaveCount(6);
  const link = page.url();
  const before = await snapshot(page);

  const fresh = await browser.newContext({ viewport: page.viewportSize()! });
  const other = await fresh.newPage();
  await other.goto(link);
  await waitForEngineAndWebgl(other);
  await other.locator('.values-table summary').click();
  await expect(other.getByTestId('selection-title')).toContainText('Bulqizë');
  await expect.poll(() => snapshot(other)).toEqual(before);
  await expect
    .poll(async () => pixelsAt(other, await probePoints(other, PROBES)))
    .toEqual(await legendColours(other, PROBES));
  await fresh.close();
});

test('the back button walks back through the views', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('indicator').selectOption('child_pop');
  await page.waitForTimeout(800); // apart from the next change: a separate history entry
  await page.getByTestId('level-county').check();
  await expect(page.locator('.values-table tr[data-lau]')).toHaveCount(12);
  await page.waitForTimeout(800);
  await page.getByTestId('view-coverage').click();
  await expect(page).toHaveURL(/view=coverage/);

  await page.goBack();
  await expect(page).toHaveURL(/view=map/);
  await expect(page.getByTestId('level-county')).toBeChecked();
  await page.goBack();
  await expect(page.getByTestId('level-municipality')).toBeChecked();
  await expect(page.getByTestId('indicator')).toHaveValue('child_pop');
  await page.goBack();
  await expect(page.getByTestId('indicator')).toHaveValue('cp_cases_rate');
});

test('county level, drill-down into a county, search and a sortable table', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('level-county').check();
  const rows = page.locator('.values-table tr[data-lau]');
  await expect(rows).toHaveCount(12);
  const counts = await page
    .locator('.legend li')
    .evaluateAll((lis) =>
      lis.map((li) => Number(/\d+/.exec(li.querySelector('.legend-count')?.textContent ?? '')?.[0] ?? 0)),
    );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(12);

  // Choosing a county drills into its municipalities.
  await page.locator('.values-table summary').click();
  await page.locator('.values-table tr[data-lau="AL-09"] button').click();
  await expect(page.getByTestId('drilled')).toContainText('Dibër');
  await expect(page.getByTestId('level-municipality')).toBeChecked();
  await expect(rows).toHaveCount(4);
  await page.getByTestId('drill-up').click();
  await expect(rows).toHaveCount(12);

  // Search ignores diacritics and finds inflected forms.
  await page.getByTestId('level-municipality').check();
  await page.getByTestId('search').fill('korca');
  await expect(page.getByTestId('search-hits')).toContainText('Korçë');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('selection-title')).toContainText('Korçë');

  // Sort by name, then by value.
  await page.getByTestId('sort-name').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  const names = await page.locator('.values-table tbody th').allTextContents();
  // The browser's own collation (Debian's Chromium has no Albanian rules, where "Gj" follows "G").
  const sorted = await page.evaluate((n) => [...n].sort((a, b) => a.localeCompare(b, 'sq')), names);
  expect(names).toEqual(sorted);
  await page.getByTestId('sort-value').click();
  const values = (await tableValues(page)).slice(0, 10);
  expect(values).toEqual([...values].sort((a, b) => b - a));
});

test('a change map is diverging and names both years; side by side shows two maps on one scale', async ({
  page,
}) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('compare').selectOption('change');
  await page.getByTestId('year2').selectOption('2015');
  await expect(page.locator('.legend h2')).toContainText('2015 → 2025');
  await expect(page.getByTestId('class-palette').locator('option[value="RdBu"]')).toHaveCount(1);
  await page.getByTestId('compare').selectOption('side');
  await expect(page.locator('.map')).toHaveCount(2);
  await expect(page.locator('.legend h2')).toContainText('2015');
  await page.getByTestId('compare').selectOption('none');
  await expect(page.locator('.map')).toHaveCount(1);
});

test('playback steps through the years', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.locator('.map-options summary').click();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('year-value')).toHaveText('2015', { timeout: 5000 });
  await expect(page.getByTestId('year-value')).toHaveText('2016', { timeout: 5000 });
  await page.getByTestId('play').click();
  const stopped = await page.getByTestId('year-value').textContent();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('year-value')).toHaveText(stopped!);
});
