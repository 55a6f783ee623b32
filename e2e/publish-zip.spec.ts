/**
 * "Publish these data" in the app: a user's values loaded through the import panel, the button pressed, the
 * zip taken from the download and opened in Node. It holds the app (index.html in the site's title and
 * language, its assets, sw.js, site-files.json's every file) with data/ replaced by the user's files
 * suppressed at source at k 5 even though the view's k is 3 (the scan finds no small count), and its data
 * files are byte for byte those `atlas publish` writes from the same file. Unzipped onto a static server, the
 * site draws its map in its title and, its service worker installed, reloads with no network.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { REPLACED } from '../src/engine/serve/site-data';
import { scanServed } from '../test/privacy/scan';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';
import { reloadsOffline, SLOW } from './service-worker';
import { serveSite, type SiteServer } from './site-server';

const NAME = 'dv 2025.csv';
// Vlora's 3 reports are a small count: withheld at source, with what would give it back.
const CSV =
  '\ufefflau_code;year;indicator;value\nDurres;2025;dv_reports;120\nAL224;2025;dv_reports;480\n' +
  'KORÇA;2025;dv_reports;95\nUra Vajgurore;2025;dv_reports;40\nVlore;2025;dv_reports;3\n';

/** The same file published by the CLI, in English at k 5: its folder. */
async function publishedByCli(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-zip-'));
  const file = join(dir, NAME);
  writeFileSync(file, CSV);
  const out = join(dir, 'site');
  await promisify(execFile)(
    join('node_modules', '.bin', 'tsx'),
    ['--no-cache', 'src/cli/bin.ts', 'publish', file, '--out', out, '--lang', 'en', '--k', '5'],
    { timeout: 90_000 },
  );
  return out;
}

// The second test hosts the zip the first one saved.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** The folder the first test unzipped its download into. */
let unzipped: string | undefined;

test('publishes the loaded values as a zip of the site atlas publish writes', async ({ page }) => {
  const cli = publishedByCli();
  await openAtlas(page, 'lang=en&k=3');
  await waitForEngineAndWebgl(page);
  // Only once the user's own values are loaded.
  await expect(page.getByTestId('publish-zip')).toHaveCount(0);
  await page.getByTestId('import-open').click();
  await page
    .getByTestId('import-files')
    .setInputFiles([{ name: NAME, mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') }]);
  await expect(page.getByTestId('import-report')).toContainText('indicator values');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('own-data')).toContainText(NAME);
  const button = page.getByRole('button', { name: 'Publish these data (zip)' });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  expect(download.suggestedFilename()).toBe('imported-data-site.zip');
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const dir = mkdtempSync(join(tmpdir(), 'atlas-unzipped-'));
  for (const [f, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), bytes);
  }
  unzipped = dir;
  await expect(page.getByTestId('publish-status')).toContainText('Saved imported-data-site.zip');

  // The app's own files, every one the build lists but the data files a site replaces.
  const list = JSON.parse(new TextDecoder().decode(zip['site-files.json'])) as { files: string[] };
  const kept = list.files.filter((f) => !(f.startsWith('data/') && REPLACED.test(f.slice(5))));
  expect(kept.length).toBeGreaterThan(40);
  for (const f of kept) expect(zip[f], f).toBeDefined();
  expect(Object.keys(zip).some((f) => /^assets\/index-.*\.js$/.test(f))).toBe(true);
  const html = new TextDecoder().decode(zip['index.html']);
  expect(html).toContain('<html lang="en" data-atlas-lang="en"');
  expect(html).toContain('<title>Imported data</title>');
  expect(zip['sw.js']).toBeDefined();

  // data/: the user's values alone, suppressed at source at k 5, nothing small left.
  const data = new Map(
    Object.entries(zip)
      .filter(([f]) => f.startsWith('data/'))
      .map(([f, b]) => [f.slice('data/'.length), b]),
  );
  expect([...data.keys()].filter((f) => f.endsWith('.parquet')).sort()).toEqual([
    'totals.parquet',
    'values.parquet',
  ]);
  expect(scanServed(loadParquetModuleNode(), data, 5)).toEqual([]);
  const record = JSON.parse(new TextDecoder().decode(data.get('publish.json'))) as {
    k: number;
    inputs: { file: string; sha256: string }[];
    withheld: { values: { primary: number } };
  };
  expect(record.k).toBe(5);
  expect(record.inputs).toEqual([{ file: NAME, sha256: createHash('sha256').update(CSV).digest('hex') }]);
  expect(record.withheld.values.primary).toBe(1);

  // The same bytes as the CLI's site, data and page alike (sw.js differs: the CLI recomputes MD5 revisions).
  const out = await cli;
  for (const f of [...data.keys()]) {
    expect(Buffer.from(data.get(f)!).equals(readFileSync(join(out, 'data', f))), `data/${f}`).toBe(true);
  }
  for (const f of ['index.html', 'manifest.webmanifest']) {
    expect(Buffer.from(zip[f]!).equals(readFileSync(join(out, f))), f).toBe(true);
  }
});

/** The unzipped site at its own server (the guard of ./fixtures.ts watches it). */
const hosted = test.extend<{ site: SiteServer }>({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, provide) => {
    if (unzipped === undefined) throw new Error('the zip of the test before is missing');
    const site = await serveSite(unzipped);
    await provide(site);
    await site.close();
  },
  baseURL: async ({ site }, provide) => provide(site.url),
});

hosted.describe('the unzipped site', () => {
  hosted.use({ serviceWorkers: 'allow' });

  hosted(
    'is drawn from its own folder in its title, and reloads with no network',
    async ({ page, context }) => {
      await page.goto('/');
      await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
      await expect(page).toHaveTitle('Imported data');
      await waitForEngineAndWebgl(page);
      await expect(page.getByTestId('synthetic-banner')).toHaveCount(0);
      // The service worker installs: every entry of its precache manifest is a file of the site.
      await reloadsOffline(page, context);
    },
  );
});
