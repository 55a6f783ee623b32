/**
 * Measures a large import in the browser: a record-level case file of about 50 MB of Parquet (snappy, as
 * pandas writes it, with an anonymised case id column that does not compress), dropped into the import
 * panel of the production build. Prints the time to the report and to the loaded map, and the main-thread
 * long tasks meanwhile (a frozen page shows up as one long task), and the tab's peak JS heap.
 * `npx tsx bench/import-large.ts [--rows N] [--workbook]`: with --workbook the same records are written as an
 * .xlsx by exceljs (another writer than the reader), 500,000 rows by default.
 */
import { mkdirSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { startPreview } from './serve';
import ExcelJS from 'exceljs';

const rowsArg = process.argv.indexOf('--rows');
const WORKBOOK = process.argv.includes('--workbook');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : WORKBOOK ? 500_000 : 2_000_000;
const PARQUET = 'bench/.cache/cases-large.parquet';
const FILE = WORKBOOK ? 'bench/.cache/cases-large.xlsx' : PARQUET;

/** The same records as an .xlsx, streamed by exceljs. */
async function makeWorkbook(): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(`SELECT * EXCLUDE (case_id) FROM read_parquet($1)`, [PARQUET]);
  const rows = reader.getRowsJS();
  c.closeSync();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: FILE, useSharedStrings: true });
  const ws = wb.addWorksheet('Rastet');
  ws.addRow(['Raste të regjistruara, të anonimizuara']).commit();
  ws.addRow([]).commit();
  ws.addRow(['year', 'month', 'lau_code', 'age_band', 'sex', 'case_type', 'referral_source']).commit();
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'bigint' ? Number(v) : v))).commit();
  await ws.commit();
  await wb.commit();
}

async function makeFile(): Promise<void> {
  mkdirSync('bench/.cache', { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Deterministic: every column is a function of the row number.
  await c.run(
    `COPY (SELECT
       md5(i::VARCHAR)[1:20] AS case_id,
       2015 + (i % 11) AS year,
       1 + (i % 12) AS month,
       (['AL111','AL121','AL132','AL213','AL224','AL322','AL343','AL357'])[1 + (hash(i) % 8)::INTEGER] AS lau_code,
       (['0-5','6-11','12-14','15-17'])[1 + (hash(i + 1) % 4)::INTEGER] AS age_band,
       (['F','M'])[1 + (hash(i + 2) % 2)::INTEGER] AS sex,
       (['trafficking','abuse','violence','exploitation','neglect','other'])[1 + (hash(i + 3) % 6)::INTEGER] AS case_type,
       (['school','police','health','social_services','ngo','family','other'])[1 + (hash(i + 4) % 7)::INTEGER] AS referral_source
     FROM range(${ROWS}) t(i)) TO $1 (FORMAT parquet, COMPRESSION snappy)`,
    [PARQUET],
  );
  c.closeSync();
}

await makeFile();
if (WORKBOOK) await makeWorkbook();
const mb = statSync(FILE).size / 1024 / 1024;
console.log(
  `cases file: ${ROWS.toLocaleString('en')} rows, ${mb.toFixed(1)} MB (${WORKBOOK ? 'xlsx' : 'snappy'})`,
);

const server = await startPreview(process.cwd(), 4181);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __long: [number, number][] };
    w.__long = [];
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => w.__long.push([e.startTime, e.duration])),
    ).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(`${server.url}/?lang=en`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
    timeout: 60_000,
  });
  await page.getByTestId('import-open').click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sampler = setInterval(() => {
    void cdp
      .send('Performance.getMetrics')
      .then((m) => {
        const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, heap);
      })
      .catch(() => {});
  }, 250);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('import-files').setInputFiles(FILE);
  await page.getByTestId('import-progress').waitFor({ timeout: 60_000 });
  const progressAt = await page.evaluate(() => performance.now());
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
  const reportAt = await page.evaluate(() => performance.now());
  const report = await page.getByTestId('import-report').innerText();
  await page.getByTestId('import-load').click({ timeout: 5_000 });
  await page.getByTestId('own-data').waitFor({ timeout: 600_000 });
  const loadedAt = await page.evaluate(() => performance.now());
  const long = await page.evaluate(
    ([a, b]) =>
      (globalThis as unknown as { __long: [number, number][] }).__long
        .filter(([s]) => s >= a! && s <= b!)
        .map(([, d]) => Math.round(d)),
    [t0, loadedAt],
  );
  console.log(report.split('\n').slice(0, 4).join(' | '));
  console.log(`progress shown after ${Math.round(progressAt - t0)} ms`);
  console.log(
    `report after ${Math.round(reportAt - t0)} ms; loaded and redrawn after ${Math.round(loadedAt - t0)} ms`,
  );
  console.log(
    `main-thread long tasks meanwhile: ${long.length}, longest ${Math.max(0, ...long)} ms, total ${long.reduce((s, d) => s + d, 0)} ms`,
  );
  clearInterval(sampler);
  console.log(`peak JS heap of the page (main thread): ${(peakHeap / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await browser.close();
  server.stop();
}
