/**
 * The user's data wins (issue 11, item 8): a loaded value replaces the demo's for its municipality, year and
 * indicator and the rest of the demo stays; the app says whose each indicator is; "only my data" drops the
 * demo's values and the synthetic banner then goes, in English and in Albanian.
 */
import type { Page } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

/** The map's values as the table lists them: lau_code -> data-value ('' when hidden or missing). */
async function tableValues(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator('.values-table tr[data-lau]')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-lau') ?? '',
        r.querySelector('td[data-value]')?.getAttribute('data-value') ?? '',
      ]),
    );
  return new Map(pairs as [string, string][]);
}

async function loadMine(page: Page, query: string): Promise<void> {
  await openAtlas(page, query);
  await waitForEngineAndWebgl(page);
  await page.getByTestId('indicator').selectOption('dv_reports');
  await expect.poll(async () => (await tableValues(page)).get('AL121')).not.toBe('');
  expect((await tableValues(page)).get('AL121')).not.toBe('999');
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-files').setInputFiles([
    {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('lau_code,year,indicator,value\nAL121,2025,dv_reports,999\n', 'utf8'),
    },
  ]);
  await expect(page.getByTestId('import-report')).toContainText('mine.csv');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('own-data')).toContainText('mine.csv');
}

test('a value from my file replaces the demo’s; "only my data" leaves the demo out and the banner goes', async ({
  page,
}) => {
  await loadMine(page, 'lang=en&year=2025');
  // The file's value on the map's table; the other municipalities keep the demo's values.
  await expect.poll(async () => (await tableValues(page)).get('AL121')).toBe('999');
  const shown = [...(await tableValues(page)).values()].filter((v) => v !== '');
  expect(shown.length).toBeGreaterThan(50);
  // Whose the indicators are: the picker's groups, the import panel's line and the banner.
  const select = page.getByTestId('indicator');
  await expect(select.locator('optgroup[data-source="mixed"] option')).toHaveText([
    'Domestic-violence reports',
  ]);
  await expect(select.locator('optgroup[data-source="demo"] option')).toContainText([
    'Child population 0–17',
  ]);
  await expect(page.getByTestId('import-sources')).toContainText(
    'Indicators from your files: Domestic-violence reports (where your files give no value)',
  );
  const banner = page.getByTestId('synthetic-banner');
  await expect(banner).toContainText('Synthetic demo data still on this screen');
  await expect(banner).toContainText('Child population 0–17');
  await expect(banner).toContainText('Domestic-violence reports (where your files give no value)');

  await page.getByTestId('only-mine').check();
  await expect(page).toHaveURL(/[?&]own=1/);
  await expect(banner).toHaveCount(0);
  await expect(select.locator('option')).toHaveText(['Domestic-violence reports']);
  await expect
    .poll(async () => [...(await tableValues(page)).values()].filter((v) => v !== ''))
    .toEqual(['999']);
  await expect(page.locator('.legend li[data-kind="no-data"]')).toContainText('60');

  // Untick: the demo's values and the banner come back.
  await page.getByTestId('only-mine').uncheck();
  await expect(banner).toContainText('Child population 0–17');
  await expect
    .poll(async () => [...(await tableValues(page)).values()].filter((v) => v !== '').length)
    .toBeGreaterThan(50);
});

test('the same in Albanian', async ({ page }) => {
  await loadMine(page, 'lang=sq&year=2025');
  await expect.poll(async () => (await tableValues(page)).get('AL121')).toBe('999');
  const banner = page.getByTestId('synthetic-banner');
  await expect(banner).toContainText('Të dhëna demonstruese sintetike ende në këtë ekran');
  await expect(banner).toContainText('Popullsia e fëmijëve 0–17');
  await expect(page.getByTestId('import-sources')).toContainText('Tregues nga skedarët tuaj');
  await expect(page.getByTestId('indicator').locator('optgroup[data-source="demo"]')).toHaveAttribute(
    'label',
    'Të dhëna demonstruese (sintetike)',
  );
  await page.getByLabel('Vetëm të dhënat e mia').check();
  await expect(banner).toHaveCount(0);
  await expect
    .poll(async () => [...(await tableValues(page)).values()].filter((v) => v !== ''))
    .toEqual(['999']);
  // The language button keeps the choice: in English, still only my data and no banner.
  await page.getByTestId('lang-en').click();
  await expect(page.getByLabel('Only my data')).toBeChecked();
  await expect(banner).toHaveCount(0);
});
