/**
 * The coverage view in the browser: figures checked against an expectation computed here from the demo
 * Parquet files (hyparquet, no DuckDB), the catchment chooser moving the map and the share the right way,
 * the CSV export, and axe in English and Albanian.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Page } from '@playwright/test';
import {
  catchmentGeometry,
  parseCatchment,
  reach,
  type MunicipalityFeature,
} from '../src/analysis/catchment';
import { expect, test } from './fixtures';

interface Facility {
  id: string;
  lau_code: string;
  lon: number;
  lat: number;
  opened: number;
  closed: number | null;
}

async function parquet<T>(name: string): Promise<T[]> {
  const bytes = readFileSync(`public/data/${name}`);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return (await parquetReadObjects({ file, compressors })) as T[];
}

const features = (
  JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as {
    features: (MunicipalityFeature & { properties: { qark_code: string } })[];
  }
).features;
const county = new Map(features.map((f) => [f.properties.lau_code, f.properties.qark_code]));
const geometry = catchmentGeometry(features);

/** Expected figures of one year and catchment, from the files alone. */
async function expected(code: string, year: number) {
  const facilities = (await parquet<Facility>('facilities.parquet')).filter(
    (f) => Number(f.opened) <= year && (f.closed === null || year < Number(f.closed)),
  );
  const children = (
    await parquet<{ lau_code: string; year: number; indicator: string; value: number }>('values.parquet')
  ).filter((r) => r.indicator === 'child_pop' && Number(r.year) === year);
  const covered = new Set(facilities.flatMap((f) => reach(geometry, parseCatchment(code), f)));
  const sum = (rows: typeof children) => rows.reduce((s, r) => s + Number(r.value), 0);
  const byCounty = new Map<string, { units: number; covered: number }>();
  for (const q of new Set(county.values())) {
    byCounty.set(q, {
      units: facilities.filter((f) => county.get(f.lau_code) === q).length,
      covered: sum(children.filter((r) => county.get(r.lau_code) === q && covered.has(r.lau_code))),
    });
  }
  return {
    share: sum(children.filter((r) => covered.has(r.lau_code))) / sum(children),
    uncovered: 61 - covered.size,
    units: facilities.length,
    byCounty,
  };
}

async function openCoverage(page: Page, query: string): Promise<void> {
  await page.goto(`/?view=coverage&${query}`);
  // The figures need the engine (DuckDB-WASM start and data load): on a busy 2-core machine that takes a while.
  await expect(page.getByTestId('coverage-table')).toBeVisible({ timeout: 120_000 });
}

// Each test opens the app cold, and software WebGL starts while it runs: leave room on a loaded machine.
test.describe.configure({ timeout: 300_000 });

const shareOnScreen = async (page: Page) =>
  Number(await page.getByTestId('national-share').getAttribute('data-value'));
const uncoveredRows = (page: Page) =>
  page.locator('[data-testid="coverage-municipalities"] tr[data-covered="false"]');

test('figures match the Parquet files, and the catchment moves the map and the share the right way', async ({
  page,
}) => {
  // No catchment in the link: the default, a unit serves its own municipality (Law 18/2017), said in words.
  await openCoverage(page, 'lang=en&year=2025');
  await expect(page.getByTestId('catchment-self')).toBeChecked();
  await expect(page.getByTestId('catchment-explain')).toHaveText(
    'Each unit serves its own municipality: Law 18/2017 makes child protection a duty of every municipality.',
  );
  await expect(page.getByRole('group', { name: 'Catchment of a unit' })).toHaveAccessibleDescription(
    /Law 18\/2017/,
  );
  const self = await expected('self', 2025);
  // Under the default the map shows gaps: municipalities with no unit of their own.
  expect(self.uncovered).toBeGreaterThan(0);
  expect(await shareOnScreen(page)).toBeCloseTo(self.share, 9);
  await expect(page.getByTestId('national-units')).toHaveText(String(self.units));
  await expect(uncoveredRows(page)).toHaveCount(self.uncovered);
  for (const [q, e] of self.byCounty) {
    const row = page.locator(`[data-testid="coverage-table"] tbody tr[data-area="${q}"]`);
    await expect(row.locator('td[data-col="units"]')).toHaveAttribute('data-value', String(e.units));
    await expect(row.locator('td[data-col="covered"]')).toHaveAttribute('data-value', String(e.covered));
  }
  // The map shows the uncovered municipalities in the highlight colour (SVG first paint or WebGL: the
  // legend counts them either way) and one point per active unit.
  await expect(page.getByTestId('legend-uncovered')).toContainText(String(self.uncovered));

  // Plus bordering municipalities: more children within reach, fewer uncovered municipalities.
  await page.getByTestId('catchment-border').check();
  await expect(page).toHaveURL(/catchment=border/);
  await expect(page.getByTestId('catchment-explain')).toContainText('sharing a border');
  const border = await expected('border', 2025);
  await expect.poll(() => shareOnScreen(page)).toBeCloseTo(border.share, 9);
  expect(border.share).toBeGreaterThan(self.share);
  await expect(uncoveredRows(page)).toHaveCount(border.uncovered);
  expect(border.uncovered).toBeLessThan(self.uncovered);

  // A radius: 10 km covers at least what the unit's own municipality does, 50 km at least what 10 km does.
  await page.getByTestId('catchment-km').fill('10');
  await page.getByTestId('catchment-radius').check();
  await expect(page).toHaveURL(/catchment=10km/);
  await expect(page.getByTestId('catchment-explain')).toContainText('within 10 km of it');
  const r10 = await expected('10km', 2025);
  await expect.poll(() => shareOnScreen(page)).toBeCloseTo(r10.share, 9);
  await page.getByTestId('catchment-km').fill('50');
  await expect(page).toHaveURL(/catchment=50km/);
  const r50 = await expected('50km', 2025);
  await expect.poll(() => shareOnScreen(page)).toBeCloseTo(r50.share, 9);
  expect(r10.share).toBeGreaterThanOrEqual(self.share);
  expect(r50.share).toBeGreaterThanOrEqual(r10.share);

  // An earlier year with the slider: fewer units, a smaller share; the year goes to the URL.
  await page.getByTestId('coverage-year').fill('2015');
  await expect(page).toHaveURL(/year=2015/);
  const y2015 = await expected('50km', 2015);
  await expect(page.getByTestId('national-units')).toHaveText(String(y2015.units));
  await expect.poll(() => shareOnScreen(page)).toBeCloseTo(y2015.share, 9);
  expect(y2015.units).toBeLessThan(r50.units);
});

test('the table downloads as CSV with the figures on screen', async ({ page }) => {
  await openCoverage(page, 'lang=en&catchment=border&year=2025');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('safety-net-atlas_coverage_border_2025.csv');
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
  const [header, ...rows] = text.trim().split('\r\n');
  expect(header!.split(',').slice(0, 6)).toEqual(['year', 'catchment', 'level', 'code', 'name', 'units']);
  expect(rows).toHaveLength(13);
  const national = rows[rows.length - 1]!.split(',');
  const cols = header!.split(',');
  expect(national[cols.indexOf('level')]).toBe('national');
  expect(Number(national[cols.indexOf('share_within_reach')])).toBeCloseTo(
    (await expected('border', 2025)).share,
    9,
  );
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toBe('safety-net-atlas_coverage_border_2025.png');
});

for (const lang of ['en', 'sq']) {
  test(`coverage view: axe finds no serious or critical violation (${lang})`, async ({ page }) => {
    await openCoverage(page, `lang=${lang}&catchment=25km&year=2020`);
    await expect(page.getByTestId('coverage-charts')).toBeVisible();
    for (const summary of await page.locator('main ~ section details > summary').all()) await summary.click();
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    await page.screenshot({ path: `test-results/coverage-${lang}.png`, fullPage: true });
  });
}
