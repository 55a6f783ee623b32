/**
 * Exports of the indicator map, in English and Albanian: the PNG download is 1600 x 1200 and the pixel at
 * the interior of ten municipalities equals the legend colour for its value (the image's map box and view
 * come from src/export/png-layout.ts); the CSV download has a BOM, the header, 61 rows whose values equal the
 * on-screen table's, keeps ë and ç, and with a stricter threshold k its suppressed rows are empty with
 * status "suppressed" and no count below k appears. The buttons work from the keyboard and pass axe.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { scanCsv, type FieldSink } from '../src/import/csv-parse';
import { pngLayout } from '../src/export/png-layout';
import { projector } from '../src/map/viewport';
import { expect, openAtlas, test } from './fixtures';
import { legendColours } from './pixels';
import { deepestPoint, PROBES } from './probes';

const HEADER = ['lau_code', 'municipality', 'county', 'year', 'indicator', 'value', 'status'];

/** RFC 4180 records of UTF-8 CSV bytes, with the import's own scanner. */
function parseCsv(bytes: Uint8Array): string[][] {
  const dec = new TextDecoder();
  const records: string[][] = [];
  let fields: string[] = [];
  let parts: string[] = [];
  const sink: FieldSink = {
    part: (_c, src, s, e) => void parts.push(dec.decode(src.subarray(s, e))),
    field: () => {
      fields.push(parts.join(''));
      parts = [];
    },
    record: () => {
      records.push(fields);
      fields = [];
      return true;
    },
  };
  scanCsv(bytes, 0, 0x2c, sink);
  return records;
}

/** Waits until the engine has loaded the data (the exports do not need the WebGL map). */
async function waitForEngine(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
    timeout: 90_000,
  });
}

/** Presses a button (clicked, or with the keyboard) and returns the downloaded file's name and bytes. */
async function download(
  page: Page,
  testId: string,
  keyboard = false,
): Promise<{ name: string; bytes: Buffer }> {
  const button = page.getByTestId(testId);
  const press = keyboard ? button.focus().then(() => page.keyboard.press('Enter')) : button.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), press]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** The on-screen table: lau -> [data-value, cell text]. */
async function screenTable(page: Page): Promise<Map<string, [string, string]>> {
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.values-table tr[data-lau]')].map((tr) => {
      const td = tr.querySelector<HTMLElement>('td[data-value]');
      return [tr.dataset.lau!, td?.dataset.value ?? '', td?.textContent ?? ''] as const;
    }),
  );
  return new Map(rows.map(([lau, v, text]) => [lau, [v, text]]));
}

/** Downloads the CSV and checks it against the screen; returns its data rows. */
async function checkCsv(page: Page, indicator: string, year: string, keyboard = false): Promise<string[][]> {
  const { name, bytes } = await download(page, 'export-csv', keyboard);
  expect(name).toBe(`safety-net-atlas_${indicator}_${year}.csv`);
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(bytes.subarray(3));
  expect(header).toEqual(HEADER);
  expect(rows).toHaveLength(61);
  const screen = await screenTable(page);
  expect(screen.size).toBe(61);
  for (const [lau, , , y, ind, value, status] of rows) {
    const [shown, cellText] = screen.get(lau!)!;
    expect([y, ind]).toEqual([year, indicator]);
    if (shown === '') {
      expect(value, lau).toBe('');
      expect(status, lau).toBe(cellText.startsWith('<') ? 'suppressed' : 'no data');
    } else {
      expect(Number(value), lau).toBe(Number(shown));
      expect(status).toBe('shown');
    }
  }
  return rows;
}

for (const lang of ['en', 'sq'] as const) {
  test(`the map downloads as a PNG with the legend's colours and the table as CSV (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openAtlas(page, `lang=${lang}`);
    await waitForEngine(page);
    const indicator = await page.getByTestId('indicator').inputValue();
    const year = await page.getByTestId('year').inputValue();

    const axe = await new AxeBuilder({ page }).include('.export-buttons').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const png = await download(page, 'export-png');
    expect(png.name).toBe(`safety-net-atlas_${indicator}_${year}.png`);
    const image = PNG.sync.read(png.bytes);
    expect([image.width, image.height]).toEqual([1600, 1200]);
    const layout = pngLayout();
    const project = projector(layout.view, layout.map.width, layout.map.height);
    const pixel = (x: number, y: number) => {
      const i = (Math.round(y) * image.width + Math.round(x)) * 4;
      return `rgb(${image.data[i]}, ${image.data[i + 1]}, ${image.data[i + 2]})`;
    };
    const colours = PROBES.map((lau) => {
      const [x, y] = project(...deepestPoint(lau));
      return pixel(layout.map.x + x, layout.map.y + y);
    });
    const expected = await legendColours(page, PROBES);
    expect(new Set(expected).size, 'probes span several classes').toBeGreaterThan(2);
    expect(colours).toEqual(expected);
    expect(pixel(5, 5), 'white background').toBe('rgb(255, 255, 255)');
    await expect(page.getByTestId('export-status')).toContainText(png.name);

    const rows = await checkCsv(page, indicator, year);
    const names = rows.map((r) => r[1]).join(' ');
    expect(names).toContain('Korçë');
    expect(names).toContain('Dibër');
  });

  test(`with a stricter threshold the CSV leaves hidden counts empty and says so (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openAtlas(page, `lang=${lang}`);
    await waitForEngine(page);
    await page.getByTestId('indicator').selectOption('dv_reports');
    await page.getByTestId('threshold').fill('10');
    await expect(page.locator('.legend li[data-kind="suppressed"]')).toBeVisible();
    await expect
      .poll(async () => [...(await screenTable(page)).values()].filter(([, t]) => t === '<10').length)
      .toBeGreaterThan(0);
    const year = await page.getByTestId('year').inputValue();
    // The table and the CSV are compared once both show the new threshold (secondary suppression settles last).
    let rows: string[][] = [];
    await expect(async () => {
      rows = await checkCsv(page, 'dv_reports', year, true);
    }).toPass({ timeout: 30_000 });
    const suppressed = rows.filter((r) => r[6] === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((r) => r[5] === '')).toBe(true);
    const shown = rows.filter((r) => r[6] === 'shown').map((r) => Number(r[5]));
    expect(shown.filter((v) => v > 0 && v < 10)).toEqual([]);
  });
}
