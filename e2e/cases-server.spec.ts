/**
 * The case explorer pointed at `atlas serve` (issue 15, item 5): the server holds synthetic records and
 * serves the built app on its own origin; the page, knowing by the server's cookie where it came from,
 * asks the server for every count, says so, offers no switch to exact counts, and cross-filters as on
 * its own records. No record reaches the browser: only the two named questions are asked.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

const DIST = process.env['PW_DIST'] ?? 'dist';
const TSX = join('node_modules', '.bin', 'tsx');

/** `atlas serve --data <dir> --dist <DIST>` on a free port; resolves with its URL once it listens. */
function serve(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--no-cache', 'src/cli/bin.ts', 'serve', '--data', dir, '--dist', DIST, '--port', '0'];
  const child = spawn(TSX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`atlas serve exited (${code}):\n${out}`)));
  });
}

const servedTest = test.extend<{ server: { url: string } }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, provide) => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-served-cases-'));
    // No transform cache: another spec may start the CLI at the same moment (see test/corpus/harness.ts).
    await promisify(execFile)(TSX, [
      '--no-cache',
      'src/cli/bin.ts',
      'cases',
      '--rows',
      '20000',
      '--seed',
      '7',
      '--out',
      join(dir, 'cases.parquet'),
    ]);
    const { url, child } = await serve(dir);
    await provide({ url });
    child.kill('SIGTERM');
  },
  baseURL: async ({ server }, provide) => provide(server.url),
});

servedTest.describe.configure({ timeout: 180_000 });

servedTest('the explorer asks the server it came from, and cross-filters there', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) asked.push(`${r.method()} ${path}`);
  });
  await page.goto('/?view=cases&lang=en');
  const view = page.getByTestId('cases-view');
  await expect(view).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  await expect(page.getByTestId('cases-server')).toContainText('atlas serve');
  await expect(page.getByTestId('cases-demo')).toHaveCount(0);
  await expect(page.getByTestId('cases-perturb')).toHaveCount(0); // the server's counts stay perturbed
  const total = async () => Number(await page.getByTestId('cases-total').getAttribute('data-count'));
  const all = await total();
  // 20,000 records, perturbed by at most a few per cell.
  expect(all).toBeGreaterThan(19_900);
  expect(all).toBeLessThan(20_100);

  await page.getByTestId('cases-bar-case_type-trafficking').click();
  await expect(page.getByTestId('cases-bar-case_type-trafficking')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(total).toBeLessThan(all);
  const trafficking = await total();
  // The map's municipalities filter the charts, as on the tab's own records.
  const lau = page.locator('[data-testid^="cases-bar-lau_code-"]').first();
  await lau.click();
  await expect(lau).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(total).toBeLessThan(trafficking);

  expect(asked).toContain('GET /api/cases/info');
  expect(asked.filter((a) => a === 'POST /api/cases/facets').length).toBeGreaterThanOrEqual(3);
  expect(asked.every((a) => a === 'GET /api/cases/info' || a === 'POST /api/cases/facets')).toBe(true);
});
