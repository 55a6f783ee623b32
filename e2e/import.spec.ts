import type { Page } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

/** The map's values as the table lists them, to tell whether the loaded data changed. */
async function tableValues(page: Page): Promise<string[]> {
  return page
    .locator('.values-table tr[data-lau]')
    .evaluateAll((rows) =>
      rows
        .map(
          (r) =>
            `${r.getAttribute('data-lau')}=${r.querySelector('td[data-value]')?.getAttribute('data-value')}`,
        )
        .sort(),
    );
}

async function openImport(page: Page, query?: string): Promise<void> {
  await openAtlas(page, query);
  await waitForEngineAndWebgl(page);
  await page.getByTestId('import-open').click();
}

test('a file with errors is reported by row and column, and the loaded data does not change', async ({
  page,
}) => {
  await openImport(page);
  const before = await tableValues(page);
  await page
    .getByTestId('import-files')
    .setInputFiles([
      csv(
        'bad values.csv',
        'municipality,year,indicator,value\nDibër County,2025,dv_reports,12\nElbassan,2025,dv_reports,-4\n' +
          'Korçë,1850,dv_reports,<img src=x onerror=alert(1)>\nQarku Dibër,2025,dv_reports,40\n',
      ),
    ]);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('bad values.csv');
  await expect(report.locator('tr[data-code="county-not-municipality"]')).toContainText('row 2');
  // A county subtotal row is skipped with a warning, not loaded as a municipality.
  await expect(report.locator('tr[data-code="skipped-row"]')).toContainText('row 5');
  await expect(report.locator('tr[data-code="unknown-municipality"]')).toContainText('Elbasan (AL213)');
  await expect(
    report.locator('tr[data-code="negative-count"], tr[data-code="invalid-value"]').first(),
  ).toBeVisible();
  // Labels from the file are text, never HTML: the <img> is shown as characters and never becomes an element.
  await expect(report).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('.report img').count()).toBe(0);
  await expect(page.getByTestId('import-load')).toHaveCount(0);
  await page.getByTestId('import-cancel').click();
  expect(await tableValues(page)).toEqual(before);
  await expect(page.getByTestId('synthetic-banner')).toBeVisible();
});

test('in Albanian, every problem reads in Albanian: its title, what was found, expected and how to fix it', async ({
  page,
}) => {
  await openImport(page, 'lang=sq');
  await page
    .getByTestId('import-files')
    .setInputFiles([csv('vlera.csv', 'municipality,year,indicator,value\nElbassan,2025,dv_reports,abc\n')]);
  const report = page.getByTestId('import-report');
  const place = report.locator('tr[data-code="unknown-municipality"]');
  await expect(place).toContainText('Bashki e panjohur');
  await expect(place).toContainText('rreshti 2');
  await expect(place).toContainText('një kod LAU (AL111-AL357) ose emri i njërës nga 61 bashkitë');
  await expect(place).toContainText('“Elbassan” nuk është një nga 61 bashkitë. Mos keni parasysh Elbasan?');
  const value = report.locator('tr[data-code="wrong-type"]');
  await expect(value).toContainText('Lloj i gabuar vlere');
  await expect(value).toContainText('një numër');
  await expect(report).not.toContainText('Fix the spelling');
});

test('a good file loads: the map, legend and banner follow, and only what the user chose is kept', async ({
  page,
}) => {
  await openImport(page);
  await page
    .getByTestId('import-files')
    .setInputFiles([
      csv(
        'dv 2025.csv',
        '\ufefflau_code;year;indicator;value\nDurres;2025;dv_reports;120\nAL224;2025;dv_reports;480\nKORÇA;2025;dv_reports;95\nUra Vajgurore;2025;dv_reports;40\n',
      ),
    ]);
  await expect(page.getByTestId('import-report')).toContainText('indicator values');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('own-data')).toContainText('dv 2025.csv');
  // The file's values win over the demo's; the demo's other values stay until "only my data" leaves them out
  // (e2e/own-data-wins.spec.ts), and the banner goes with them.
  await expect(page.getByTestId('synthetic-banner')).toContainText('Child population 0–17');
  await page.getByTestId('only-mine').check();
  await expect(page.getByTestId('synthetic-banner')).toHaveCount(0);
  await expect(page.getByTestId('indicator').locator('option:checked')).toHaveText(
    'Domestic-violence reports',
  );
  // The table follows once the new data's values arrive (the previous ones stay on screen meanwhile).
  await expect.poll(() => tableValues(page)).toContain('AL121=120'); // Durres
  const values = await tableValues(page);
  expect(values).toContain('AL343=95'); // KORÇA
  expect(values).toContain('AL315=40'); // Ura Vajgurore is Dimal
  await expect(page.locator('.legend li[data-kind="no-data"]')).toContainText('57');

  // Not kept unless asked: a reload brings the demo data back.
  await page.reload();
  await page.waitForSelector('html[data-atlas-ready="true"]');
  await expect(page.getByTestId('synthetic-banner')).toBeVisible();
});

test('files kept on this computer come back after a reload, until "clear all local data"', async ({
  page,
}) => {
  await openImport(page);
  await page.getByLabel('Keep loaded files on this computer').check();
  await page
    .getByTestId('import-files')
    .setInputFiles([
      csv(
        'kept.csv',
        'lau_code,year,indicator,value\nAL224,2025,dv_reports,480\nAL121,2025,dv_reports,120\n',
      ),
    ]);
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('own-data')).toContainText('kept.csv');

  await page.reload();
  await waitForEngineAndWebgl(page);
  await expect(page.getByTestId('own-data')).toContainText('Restored 1 file');
  await page.getByTestId('import-open').click();
  await page.getByRole('button', { name: 'Clear all local data' }).click();
  await expect(page.getByTestId('import-status')).toContainText('removed');
  await page.reload();
  await waitForEngineAndWebgl(page);
  await expect(page.getByTestId('synthetic-banner')).toBeVisible();
  await expect(page.getByTestId('own-data')).toHaveCount(0);
});
