/**
 * A workbook as a ministry has it, through the import panel: the sheet that holds the table is chosen and
 * the others listed; a table with one column per year and no word on its indicator is mapped (the indicator
 * picked, or defined in the app), previewed, loaded, and the map's table shows the file's values. In English
 * and in Albanian, on a desktop and at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

/** Two sheets: notes first (not a table), then municipalities with one column per year. */
async function workbook(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Shënime');
  notes.addRow(['Të dhënat janë në fletën e dytë.']);
  notes.addRow(['Burimi: bashkitë, 2026']);
  const ws = wb.addWorksheet('Të dhëna');
  ws.addRow(['Bashkia', 'Qarku', '2024', '2025']);
  ws.addRow(['Tiranë', 'Tiranë', 470, 480]);
  ws.addRow(['Durrës', 'Durrës', 110, 120]);
  ws.addRow(['Korçë', 'Korçë', 90, 95]);
  const hidden = wb.addWorksheet('Llogaritje');
  hidden.state = 'hidden';
  hidden.addRow(['Bashkia', 'Viti', 'Treguesi', 'Vlera']);
  return {
    name: 'vite.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** The map's values as the table lists them ("AL224=480"). */
async function tableValues(page: Page): Promise<string[]> {
  return page
    .locator('.values-table tr[data-lau]')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.getAttribute('data-lau')}=${r.querySelector('td[data-value]')?.getAttribute('data-value')}`,
      ),
    );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.import').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function dropWorkbook(page: Page, lang: 'en' | 'sq'): Promise<void> {
  await openAtlas(page, `lang=${lang}`);
  await waitForEngineAndWebgl(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-files').setInputFiles([await workbook()]);
  await expect(page.getByTestId('import-report')).toContainText('vite.xlsx');
}

test('a workbook: the sheet with the table is read, the years table mapped, previewed and loaded', async ({
  page,
}, testInfo) => {
  await dropWorkbook(page, 'en');
  const sheet = page.getByLabel('Sheet of the workbook');
  await expect(sheet).toHaveValue('2');
  await expect(sheet.locator('option[value="1"]')).toHaveText('1. Shënime (no table recognised)');
  await expect(sheet.locator('option[value="3"]')).toHaveText('3. Llogaritje (hidden)');
  await expect(sheet.locator('option[value="3"]')).toBeDisabled();
  await expect(page.getByTestId('import-report')).toContainText('Sheet read: Të dhëna');
  await expect(page.getByTestId('import-load')).toHaveCount(0); // the indicator is missing: an error

  await page.locator('.reports').screenshot({ path: testInfo.outputPath('report-desktop-en.png') });
  await page.getByRole('button', { name: 'Map columns' }).click();
  const panel = page.getByTestId('mapping-panel');
  await expect(panel.getByTestId('mapping-head').locator('tr.header-row')).toContainText('Bashkia');
  await expect(panel.getByLabel('Column C: 2024')).toHaveValue('years');
  await expect(panel.getByLabel('Column A: Bashkia')).toHaveValue('municipality');
  await panel.getByLabel('Indicator of the values').selectOption({ label: 'Domestic-violence reports' });
  await expect(panel).toContainText('Press Preview');
  await panel.getByRole('button', { name: 'Preview' }).click();
  const preview = panel.getByTestId('mapping-preview');
  await expect(preview.locator('tr[data-lau="AL224"]')).toHaveCount(2);
  await expect(preview.locator('tr[data-lau="AL224"]').last()).toContainText('Domestic-violence reports');
  await expect(preview.locator('tr[data-lau="AL224"] td[data-value="480"]')).toHaveCount(1);
  await expect(panel).not.toContainText('Press Preview');
  expect(await seriousViolations(page)).toEqual([]);
  await panel.screenshot({ path: testInfo.outputPath('mapping-desktop-en.png') });

  // The mapping downloads as the JSON the CLI's --mapping reads.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download mapping' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('vite.xlsx.mapping.json');

  await panel.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('own-data')).toContainText('vite.xlsx');
  await page.getByTestId('indicator').selectOption('dv_reports');
  await expect.poll(() => tableValues(page)).toContain('AL224=480');
  expect(await tableValues(page)).toContain('AL343=95'); // Korçë

  // The same columns again: the mapping used for them is applied, and the file loads as it is.
  await page.getByTestId('import-files').setInputFiles([await workbook()]);
  await expect(page.getByTestId('import-report')).toContainText('A column mapping used before');
  await expect(page.getByTestId('import-load')).toBeEnabled();
  await page.getByTestId('import-cancel').click();
});

test('in Albanian at phone width: a new indicator defined in the app, loaded and shown on the map', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await dropWorkbook(page, 'sq');
  await expect(page.getByLabel('Fleta e librit të punës')).toHaveValue('2');
  await page.getByRole('button', { name: 'Caktoni kolonat' }).click();
  const panel = page.getByTestId('mapping-panel');
  await expect(panel.getByRole('heading', { name: /Caktimi i kolonave/ })).toBeVisible();
  await expect(panel.getByLabel('Kolona D: 2025')).toHaveValue('years');
  await expect(panel.getByLabel('Rreshti i titujve', { exact: true })).toHaveValue('1');
  await panel.getByLabel('Treguesi i vlerave').selectOption({ label: 'Përcaktoni një tregues të ri…' });

  const form = panel.getByTestId('mapping-new');
  await form.getByRole('button', { name: 'Shtoni treguesin' }).click();
  await expect(form).toContainText('Identifikuesi mund të ketë vetëm');
  await form.getByLabel('Identifikuesi').fill('pune_femijeve');
  await form.getByLabel('Emri në anglisht').fill('Child labour');
  await form.getByLabel('Emri në shqip').fill('Punë e fëmijëve');
  await form.getByLabel('Njësia në shqip').fill('fëmijë');
  await expect(form.getByLabel('Një numër: mblidhet')).toBeChecked();
  await expect(form.getByLabel(/I ndezur si parazgjedhje/)).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await form.screenshot({ path: testInfo.outputPath('new-indicator-phone-sq.png') });
  await form.getByRole('button', { name: 'Shtoni treguesin' }).click();
  await expect(panel.getByTestId('mapping-new')).toHaveCount(0);
  await expect(panel.getByLabel('Treguesi i vlerave')).toHaveValue('pune_femijeve');
  // The county column is not data: ignored, so it gives no warning either.
  await panel.getByLabel('Kolona B: Qarku').selectOption({ label: 'Shpërfilleni këtë kolonë' });

  await panel.getByRole('button', { name: 'Parashikoni' }).click();
  const preview = panel.getByTestId('mapping-preview');
  await expect(preview.locator('tr[data-lau="AL224"]').first()).toContainText('Punë e fëmijëve');
  await expect(panel).toContainText('Asnjë problem');
  // Nothing wider than the phone: the file's rows and the preview scroll in their own boxes.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await panel.screenshot({ path: testInfo.outputPath('mapping-phone-sq.png') });

  await panel.getByRole('button', { name: 'Ngarkoni' }).click();
  await expect(page.getByTestId('own-data')).toContainText('vite.xlsx');
  await expect(page.getByTestId('indicator').locator('option:checked')).toHaveText('Punë e fëmijëve');
  await expect.poll(() => tableValues(page)).toContain('AL224=480');
});
