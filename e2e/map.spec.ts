import type { Route } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';
import { legendColours, pixelsAt, probePoints } from './pixels';
import { municipalityName, PROBES } from './probes';

test('the first map is drawn from the precomputed view, then WebGL takes over with the same colours', async ({
  page,
}) => {
  // Hold the WebGL chunk back so the SVG first paint can be checked on its own.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/assets/InteractiveMap-*.js', async (route: Route) => {
    await gate;
    await route.fallback();
  });
  await openAtlas(page);
  await expect(page.getByTestId('synthetic-banner')).toBeVisible();
  await expect(page.locator('.map')).toHaveAttribute('data-renderer', 'svg');
  const points = await probePoints(page, PROBES);
  const expected = await legendColours(page, PROBES);
  expect(new Set(expected).size, 'probes span several classes').toBeGreaterThan(2);
  expect(await pixelsAt(page, points)).toEqual(expected);

  release();
  await waitForEngineAndWebgl(page);
  await page.waitForTimeout(200); // let MapLibre finish its basemap frame
  const after = await probePoints(page, PROBES);
  expect(after, 'the map did not move when the engine became ready').toEqual(points);
  expect(await pixelsAt(page, after)).toEqual(await legendColours(page, PROBES));
  const marks = await page.evaluate(() =>
    ['atlas:first-choropleth', 'atlas:duckdb-ready', 'atlas:data-loaded', 'atlas:map-interactive'].map(
      (n) => performance.getEntriesByName(n, 'mark').length,
    ),
  );
  expect(marks).toEqual([1, 1, 1, 1]);
});

test('switching indicator and year repaints the map and the chart, and is measured', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  const points = await probePoints(page, PROBES);

  // Select Kukës by clicking it on the map.
  const [kx, ky] = points[0]!;
  await page.mouse.click(kx, ky);
  await expect(page.getByTestId('selection-title')).toContainText(municipalityName('AL132'));
  const chart = page.getByTestId('trend-chart');
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();
  const curve = async () => chart.locator('.recharts-line-curve').first().getAttribute('d');
  const before = { pixels: await pixelsAt(page, points), curve: await curve() };

  await page.getByTestId('indicator').selectOption('econ_aid_share');
  await expect(page.locator('.legend h2')).toContainText('economic aid');
  await expect.poll(curve).not.toEqual(before.curve);
  await expect.poll(() => pixelsAt(page, points)).not.toEqual(before.pixels);
  expect(await pixelsAt(page, points)).toEqual(await legendColours(page, PROBES));

  const indicatorPixels = await pixelsAt(page, points);
  await page.getByTestId('year').fill('2016');
  await expect(page.getByTestId('year-value')).toHaveText('2016');
  await expect(page.locator('.legend h2')).toContainText('2016');
  await expect.poll(() => pixelsAt(page, points)).not.toEqual(indicatorPixels);
  expect(await pixelsAt(page, points)).toEqual(await legendColours(page, PROBES));

  const count = (name: string) =>
    page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
  await expect.poll(() => count('atlas:interaction:indicator')).toBeGreaterThanOrEqual(1);
  await expect.poll(() => count('atlas:interaction:year')).toBeGreaterThanOrEqual(1);
});

test('hovering a municipality shows its name and value as text', async ({ page }) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  const [x, y] = (await probePoints(page, ['AL343']))[0]!;
  await page.mouse.move(x, y);
  const tip = page.locator('.tooltip');
  await expect(tip).toContainText('Korçë');
  await expect(tip).toContainText('Korçë county');
  const value = await page.locator('.values-table tr[data-lau="AL343"] td').last().textContent();
  await expect(tip.locator('.tooltip-value')).toHaveText(value!);
});

test('small counts are never shown: suppressed cells read "<5" in the table and take the grey class', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByTestId('indicator').selectOption('trafficking_referrals');
  await expect(page.locator('.legend li[data-kind="suppressed"]')).toBeVisible();
  const cells = await page.locator('.values-table td[data-value]').allTextContents();
  const shown = cells.filter((c) => c !== '<5').map((c) => Number(c.replace(/,/g, '')));
  expect(cells.filter((c) => c === '<5').length).toBeGreaterThan(0);
  expect(shown.every((v) => v === 0 || v >= 5)).toBe(true);
});

test('a stricter threshold hides more: with k = 10 no count from 1 to 9 is shown anywhere', async ({
  page,
}) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await page.getByTestId('indicator').selectOption('dv_reports');
  await page.getByTestId('threshold').fill('10');
  await expect(page.locator('.legend li[data-kind="suppressed"]')).toContainText('fewer than 10');
  const check = async () => {
    const cells = await page.locator('.values-table td[data-value]').allTextContents();
    const shown = cells.filter((c) => c !== '<10').map((c) => Number(c.replace(/,/g, '')));
    return {
      hidden: cells.filter((c) => c === '<10').length > 0,
      small: shown.filter((v) => v > 0 && v < 10),
    };
  };
  // Never a count from 1 to 9, not even while the new answer is on its way.
  expect((await check()).small).toEqual([]);
  await expect.poll(async () => (await check()).hidden).toBe(true);
  expect((await check()).small).toEqual([]);
});
