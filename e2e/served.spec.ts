/**
 * What a site serves, read from outside (issue 12): every file the default build serves is fetched from the
 * preview server as an onlooker would, Parquet and JSON decoded, and none holds a count of 1 to k-1 or the
 * value of a withheld cell; a site published from a user's workbook is served from its own folder, drawn,
 * scanned the same way, and reloaded with no network.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import { buildDemo } from '../data/demo/build';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { scanServed } from '../test/privacy/scan';
import { expect, test, waitForEngineAndWebgl } from './fixtures';
import { reloadsOffline, SLOW } from './service-worker';
import { serveSite, type SiteServer } from './site-server';

const DIST = process.env['PW_DIST'] ?? 'dist';

/** Every file of a built folder, as paths of its site. */
function files(dir: string, under = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, under) : [relative(under, path)];
  });
}

/** Fetches every file of `dir` from `base` (over HTTP, as a browser would) and returns data/'s by name. */
async function fetchAll(request: APIRequestContext, base: string, dir: string) {
  const data = new Map<string, Uint8Array>();
  let fetched = 0;
  for (const path of files(dir)) {
    const res = await request.get(`${base}/${path}`);
    expect(res.ok(), path).toBe(true);
    fetched++;
    if (path.startsWith('data/')) data.set(path.slice('data/'.length), new Uint8Array(await res.body()));
  }
  return { data, fetched };
}

test('the default build serves no small count and no withheld value', async ({ request, baseURL }) => {
  const { data, fetched } = await fetchAll(request, baseURL!, DIST);
  expect(fetched).toBeGreaterThan(20);
  const parquet = loadParquetModuleNode();
  expect(scanServed(parquet, data, 5)).toEqual([]);
  // The digits of each withheld rate (the full data's, from the generator) appear in no data file's text, and
  // the served row of its key has no figure.
  const { values } = buildDemo();
  const { tableFromIPC } = await import('apache-arrow');
  const served = tableFromIPC(parquet.readParquet(data.get('values.parquet')!).intoIPCStream())
    .toArray()
    .map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
  const withheld = new Set(
    served.filter((r) => r.status === 'c').map((r) => `${r.lau_code}|${r.year}|${r.indicator}`),
  );
  expect(withheld.size).toBe(820);
  const texts = [...data]
    .filter(([f]) => /\.(json|geojson)$/.test(f))
    .map(([, b]) => new TextDecoder().decode(b));
  const hidden = values.filter((v) => withheld.has(`${v.lau_code}|${v.year}|${v.indicator}`));
  for (const v of hidden) {
    const row = served.find(
      (r) => `${r.lau_code}|${r.year}|${r.indicator}` === `${v.lau_code}|${v.year}|${v.indicator}`,
    )!;
    expect([row.value, row.numerator, row.denominator]).toEqual([null, null, null]);
    // Rates of several digits only: a small whole count or a short rate is in many files by chance.
    if (v.value !== null && String(v.value).replace(/\D/g, '').length >= 4)
      for (const t of texts) expect(t.includes(`"${v.lau_code}","${v.indicator}",${v.value}`)).toBe(false);
  }
});

/** A site published from a user's workbook, at its own server (the guard of ./fixtures.ts watches it). */
const publishedTest = test.extend<{ site: SiteServer & { dir: string } }>({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, provide) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'atlas-site-')), 'site');
    await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      [
        // No transform cache: another spec may start the CLI at the same moment (see test/corpus/harness.ts).
        '--no-cache',
        'src/cli/bin.ts',
        'publish',
        'test/fixtures/own-files/indicators-as-columns-exceljs.xlsx',
        '--out',
        dir,
        '--title',
        'Bashkia Test',
        '--lang',
        'sq',
      ],
      { timeout: 120_000 },
    );
    const site = await serveSite(dir);
    await provide({ ...site, dir });
    await site.close();
  },
  baseURL: async ({ site }, provide) => provide(site.url),
});

publishedTest.describe('a published site', () => {
  publishedTest.use({ serviceWorkers: 'allow' });
  publishedTest.describe.configure({ timeout: 300_000 });

  publishedTest(
    'is drawn from its own folder, serves no small count, and reloads with no network',
    async ({ page, context, request, site }) => {
      const { data } = await fetchAll(request, site.url, site.dir);
      expect(scanServed(loadParquetModuleNode(), data, 5)).toEqual([]);
      expect([...data.keys()].filter((f) => f.endsWith('.parquet')).sort()).toEqual([
        'totals.parquet',
        'values.parquet',
      ]);
      await page.goto('/');
      await page.waitForSelector('html[data-atlas-ready="true"]', SLOW);
      await expect(page).toHaveTitle(/Bashkia Test/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
      await waitForEngineAndWebgl(page);
      // The user's data alone: no synthetic-data banner.
      await expect(page.getByTestId('synthetic-banner')).toHaveCount(0);
      await reloadsOffline(page, context);
    },
  );
});
