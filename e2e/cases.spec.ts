/**
 * The case explorer (issue 15) on the demo's records: it draws and marks `atlas:cases-ready`; a click on a
 * case type filters the map, the municipalities and the other charts but not its own chart; a municipality
 * (in the ranked list or on the map) filters the charts back; the month brush and its lists; the filters in
 * the URL, restored on reload; reset; the table rows as toggles from the keyboard; the Albanian screen; no
 * shown count from 1 to k-1 anywhere.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { probePoints } from './pixels';
import { municipalityName } from './probes';

const view = (page: Page) => page.getByTestId('cases-view');

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`/?view=cases&lang=en${query}`);
  await expect(view(page)).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
}

/** Waits for the answer after an input: a new view key, drawn. */
async function settled(page: Page, before: string): Promise<string> {
  await expect(view(page)).not.toHaveAttribute('data-key', before);
  await expect(view(page)).toHaveAttribute('data-state', 'ready');
  return (await view(page).getAttribute('data-key'))!;
}

/** The shown counts of a chart's bars, by value ('' for suppressed). */
const counts = (page: Page, dim: string) =>
  page
    .locator(`[data-testid^="cases-bar-${dim}-"]`)
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [
          (e as HTMLElement).dataset.testid!.split('-').slice(3).join('-'),
          (e as HTMLElement).dataset.count,
        ]),
      ),
    );

/** Opens every table of the facets (their rows are rendered only while open). */
async function openTables(page: Page): Promise<void> {
  for (const s of await page.getByTestId('cases-tables').locator('details').all())
    if (!(await s.evaluate((d) => (d as HTMLDetailsElement).open))) await s.locator('summary').click();
}

/** The municipality facet as tabulated (every municipality, not only the ranked ones). */
const lauTable = (page: Page) =>
  page
    .getByTestId('cases-table-lau_code')
    .locator('tbody')
    .evaluate((el) => el.textContent);

const filterMeasures = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByName('atlas:cases-filter', 'measure')
      .map((m) => ((m as PerformanceMeasure).detail as { name: string }).name),
  );

test('the view draws, marks atlas:cases-ready and says the counts are perturbed and synthetic', async ({
  page,
}) => {
  await open(page);
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('atlas:cases-ready', 'mark').length))
    .toBe(1);
  await expect(page.getByTestId('cases-privacy')).toContainText('Counts are perturbed (cell-key method)');
  await expect(page.getByTestId('cases-privacy')).toContainText('docs/privacy.md');
  await expect(page.getByTestId('cases-demo')).toContainText('synthetic demo data');
  await expect(page.getByTestId('cases-perturb')).toHaveCount(0); // the demo's records stay perturbed
  await expect(page.getByTestId('cases-summary')).toContainText('cases (perturbed) match: all records');
  for (const dim of ['case_type', 'referral_source', 'age_band', 'sex', 'lau_code', 'period'])
    await expect(page.getByTestId(`cases-chart-${dim}`)).toBeVisible();
  await expect(page.getByTestId('cases-bar-case_type-abuse')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('cases-bar-case_type-abuse')).toHaveAccessibleName(/^Abuse [\d,]+$/);
});

test('cross-filter both ways: a case type filters the map and the other charts, a municipality the charts', async ({
  page,
}) => {
  await open(page);
  await openTables(page);
  let key = (await view(page).getAttribute('data-key'))!;
  const before = {
    type: await counts(page, 'case_type'),
    sex: await counts(page, 'sex'),
    age: await counts(page, 'age_band'),
    lau: await lauTable(page),
  };
  await page.getByTestId('cases-bar-case_type-trafficking').click();
  key = await settled(page, key);
  await expect(page.getByTestId('cases-bar-case_type-trafficking')).toHaveAttribute('aria-pressed', 'true');
  expect(await counts(page, 'case_type'), 'a chart is not filtered by its own filter').toEqual(before.type);
  expect(await counts(page, 'sex')).not.toEqual(before.sex);
  expect(await counts(page, 'age_band')).not.toEqual(before.age);
  expect(await lauTable(page), 'the map and the municipalities follow').not.toEqual(before.lau);
  await expect(page.getByTestId('cases-summary')).toContainText('Case type: Trafficking');

  // A municipality from the ranked list filters the charts (the case types among them).
  const types = await counts(page, 'case_type');
  const lau = page.locator('[data-testid^="cases-bar-lau_code-"]').first();
  const code = (await lau.getAttribute('data-testid'))!.replace('cases-bar-lau_code-', '');
  await lau.click();
  key = await settled(page, key);
  await expect(lau).toHaveAttribute('aria-pressed', 'true');
  expect(await counts(page, 'case_type')).not.toEqual(types);
  await expect(page.getByTestId('cases-summary')).toContainText(municipalityName(code));

  // A click on the map toggles Kukës in the same filter.
  const typesBefore = await counts(page, 'case_type');
  const [x, y] = (await probePoints(page, ['AL132']))[0]!;
  await page.mouse.click(x, y);
  await settled(page, key);
  await expect(page.getByTestId('cases-summary')).toContainText(municipalityName('AL132'));
  await expect(page.getByTestId('cases-bar-lau_code-AL132')).toHaveAttribute('aria-pressed', 'true');
  expect(await counts(page, 'case_type')).not.toEqual(typesBefore);

  await expect.poll(() => filterMeasures(page)).toEqual(expect.arrayContaining(['case_type', 'lau_code']));
});

test('the table alternative: any municipality, not only the top 15, is chosen from the keyboard', async ({
  page,
}) => {
  await open(page);
  let key = (await view(page).getAttribute('data-key'))!;
  await openTables(page);
  const ranked = await page
    .locator('[data-testid^="cases-bar-lau_code-"]')
    .evaluateAll((els) =>
      els.map((e) => (e as HTMLElement).dataset.testid!.replace('cases-bar-lau_code-', '')),
    );
  const rows = page.locator('[data-testid^="cases-row-lau_code-"]');
  await expect(rows).toHaveCount(61);
  const codes = await rows.evaluateAll((els) =>
    els.map((e) => (e as HTMLElement).dataset.testid!.replace('cases-row-lau_code-', '')),
  );
  const code = codes.find((c) => !ranked.includes(c))!;
  const row = page.getByTestId(`cases-row-lau_code-${code}`);
  await expect(row).toHaveAccessibleName(municipalityName(code));
  await expect(row).toHaveAttribute('aria-pressed', 'false');
  const types = await counts(page, 'case_type');
  await row.focus();
  await page.keyboard.press('Enter');
  key = await settled(page, key);
  await expect(row).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('cases-summary')).toContainText(municipalityName(code));
  expect(await counts(page, 'case_type')).not.toEqual(types);
  // A case type chosen from its table filters the same way; Space toggles it off again.
  const type = page.getByTestId('cases-row-case_type-neglect');
  await type.focus();
  await page.keyboard.press('Space');
  key = await settled(page, key);
  await expect(type).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('cases-bar-case_type-neglect')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await settled(page, key);
  await expect(type).toHaveAttribute('aria-pressed', 'false');
  // Months have no toggles in their table: the brush and its lists choose them.
  await expect(page.locator('[data-testid^="cases-row-period-"]')).toHaveCount(0);
});

test('the month brush and its lists filter by period; the URL carries every filter; reload; reset', async ({
  page,
}) => {
  await open(page);
  let key = (await view(page).getAttribute('data-key'))!;
  const types = await counts(page, 'case_type');
  // Drag across the first third of the months.
  await page.getByTestId('cases-time-brush').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('cases-time-brush').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  key = await settled(page, key);
  expect(await counts(page, 'case_type')).not.toEqual(types);
  await expect(page.getByTestId('cases-summary')).toContainText('Month: Jan 2015 to');
  await expect(page.getByTestId('cases-period-from')).toHaveValue(String(2015 * 12));

  // The keyboard way: the "to" list.
  await page.getByTestId('cases-period-to').selectOption(String(2016 * 12 + 5));
  key = await settled(page, key);
  await expect(page.getByTestId('cases-summary')).toContainText('Month: Jan 2015 to Jun 2016');

  await page.getByTestId('cases-bar-sex-F').click();
  key = await settled(page, key);
  await page.getByTestId('cases-bar-age_band-15-17').click();
  key = await settled(page, key);
  await page.getByTestId('cases-measure').selectOption('rate');
  key = await settled(page, key);
  const url = new URL(page.url());
  expect(url.searchParams.get('cases')).toBe('a15-17.xF.p201501*201606.r');
  await expect
    .poll(() => filterMeasures(page))
    .toEqual(expect.arrayContaining(['period', 'sex', 'age_band', 'measure']));

  const summary = await page.getByTestId('cases-summary').innerText();
  await page.reload();
  await expect(view(page)).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('cases-summary')).toHaveText(summary);
  await expect(page.getByTestId('cases-bar-sex-F')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('cases-measure')).toHaveValue('rate');

  key = (await view(page).getAttribute('data-key'))!;
  await page.getByTestId('cases-reset').click();
  await settled(page, key);
  await expect(page.getByTestId('cases-summary')).toContainText('match: all records');
  expect(new URL(page.url()).searchParams.get('cases')).toBe('r');
  await expect(page.getByTestId('cases-reset')).toBeDisabled();
});

test('no shown count from 1 to k-1 anywhere, even for narrow filters', async ({ page }) => {
  // Trafficking of girls aged 15-17 in a few months: many cells are small.
  await open(page, '&cases=ttrafficking.xF.a15-17.p202301*202303');
  await openTables(page);
  const shown = async () => {
    const bars = await page
      .locator('[data-testid^="cases-bar-"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.count ?? ''));
    const cells = await page
      .locator('.cases-table td')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const total = (await page.getByTestId('cases-total').getAttribute('data-count')) ?? '';
    return [...bars, ...cells, total]
      .filter((c) => c !== '' && !c.startsWith('–'))
      .map((c) => Number(c.replace(/,/g, '')))
      .filter((n) => Number.isInteger(n));
  };
  const values = await shown();
  expect(values.length).toBeGreaterThan(50);
  expect(values.filter((v) => v >= 1 && v <= 4)).toEqual([]);
  // Perturbed counts are never suppressed: small true counts show as 0 or as k and more (the ptable).
  expect(values.filter((v) => v === 0).length, 'small and empty cells shown as 0').toBeGreaterThan(0);
});

test('the Albanian screen: labels, categories and months in Albanian', async ({ page }) => {
  await page.goto('/?view=cases&lang=sq&cases=p202001*202012');
  await expect(view(page)).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('cases-privacy')).toContainText('Numrat janë të perturbuar');
  await expect(page.getByTestId('cases-bar-case_type-trafficking')).toContainText('Trafikim');
  await expect(page.getByTestId('cases-bar-referral_source-social_services')).toContainText(
    'Shërbimet sociale',
  );
  await expect(page.getByTestId('cases-bar-sex-F')).toContainText('Vajza');
  await expect(page.getByTestId('cases-summary')).toContainText('raste (të perturbuara) përputhen');
  await expect(page.getByTestId('cases-summary')).toContainText('Muaji: jan 2020 deri dhj 2020');
  await expect(page.getByTestId('cases-reset')).toHaveText('Hiq filtrat');
  await expect(page.getByTestId('view-cases')).toHaveText('Rastet');
});

test("a user's own case file: perturbation may be turned off, with a warning; small counts read suppressed", async ({
  page,
}) => {
  await open(page);
  await expect(page.getByTestId('cases-demo')).toBeVisible();
  const types = ['abuse', 'neglect', 'violence', 'trafficking'];
  const rows = ['year,month,lau_code,age_band,sex,case_type,referral_source'];
  // 120 records in Tiranë, 40 in Elbasan, 2 in Durrës (a small cell).
  for (let i = 0; i < 120; i++)
    rows.push(
      `2024,${(i % 12) + 1},AL224,${['0-5', '6-11', '12-14', '15-17'][i % 4]},${i % 3 ? 'F' : 'M'},${types[i % 4]},school`,
    );
  for (let i = 0; i < 40; i++) rows.push(`2024,${(i % 6) + 1},AL213,12-14,F,neglect,police`);
  rows.push('2024,3,AL121,6-11,M,abuse,health', '2024,4,AL121,6-11,M,abuse,health');
  await page.getByTestId('import-open').click();
  await page
    .getByTestId('import-files')
    .setInputFiles([
      { name: 'rastet 2024.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`, 'utf8') },
    ]);
  await expect(page.getByTestId('import-report')).toContainText('rastet 2024.csv');
  await page.getByTestId('import-load').click();

  const perturb = page.getByTestId('cases-perturb');
  await expect(perturb).toBeVisible({ timeout: 60_000 });
  await openTables(page);
  await expect(page.getByTestId('cases-demo')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(view(page)).toHaveAttribute('data-state', 'ready');
  const key = (await view(page).getAttribute('data-key'))!;
  await perturb.check();
  await settled(page, key);
  await expect(page.getByTestId('cases-perturb-warning')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('cases-perturb-warning')).toContainText('Perturbation is off');
  await expect(page.getByTestId('cases-summary')).toContainText('162 cases (not perturbed) match');
  expect(new URL(page.url()).searchParams.get('cases')).toBe('u');
  // Durrës's two records are suppressed: "–", read as "suppressed", never 2.
  const durres = page
    .getByTestId('cases-table-lau_code')
    .locator('tr', { hasText: municipalityName('AL121') });
  await expect(durres.locator('td').first()).toHaveText('–suppressed');
  await expect(page.getByTestId('cases-bar-case_type-abuse')).not.toContainText(/^Abuse\s*2$/);
  await expect(page.locator('.legend li[data-kind="suppressed"]')).toBeVisible();
});
