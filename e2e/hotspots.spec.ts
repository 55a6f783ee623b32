/**
 * The hotspots view in the browser: the worker's results equal the golden results computed by runHotspots in
 * Node (test/hotspots.test.ts) for municipalities (Gi*, queen) and 1,500 school points (local Moran, k = 8);
 * the legend names the correction and says when Bonferroni cannot reach significance; settings land in the
 * URL; persistence and the cluster trend; axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The engine start and 999 permutations on 1,500 points under SwiftShader on a shared 2-core machine: allow
// for a loaded machine (a load average of 20 made a cold start take 40 s).
test.describe.configure({ timeout: 240_000 });
const SLOW = { timeout: 180_000 };

type GoldenRow = [string, number, number, number, number, string];
const golden = JSON.parse(readFileSync('test/fixtures/hotspots/golden.json', 'utf8')) as Record<
  string,
  GoldenRow[]
>;

async function openHotspots(page: Page, hot: string, lang = 'en'): Promise<void> {
  await page.goto(`/?lang=${lang}&view=hotspots${hot ? `&hot=${hot}` : ''}`);
  await page.waitForSelector('[data-testid="hotspots-view"][data-state="ready"]', SLOW);
}

/** The table's rows: id, class and the numeric cells as the page shows them. */
async function tableRows(page: Page): Promise<{ id: string; cls: string; cells: string[] }[]> {
  return page.locator('[data-testid="hotspots-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      id: (r as HTMLElement).dataset['id'] ?? '',
      cls: (r as HTMLElement).dataset['class'] ?? '',
      cells: [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
    })),
  );
}

test('municipal Gi* in the worker equals the Node golden result: every p, z and class', async ({ page }) => {
  const name = 'g.q.999.12345.n.2025.m.a.y';
  await openHotspots(page, name);
  const all = await tableRows(page);
  const expected = golden[name]!;
  // A municipality whose rate is hidden is not tested: its row names the class alone, with no statistic.
  const rows = all.filter((r) => r.cls !== 'hidden');
  const hidden = all.filter((r) => r.cls === 'hidden');
  expect(rows.length).toBe(expected.length);
  expect(hidden.length).toBe(61 - expected.length);
  for (const row of hidden) expect(row.cells.slice(1, 6)).toEqual(['<5', '–', '–', '–', '–']);
  const byId = new Map(expected.map((r) => [r[0], r]));
  for (const row of rows) {
    const g = byId.get(row.id)!;
    expect(row.cls, row.id).toBe(g[5]);
    expect(Number(row.cells[4]), `p of ${row.id}`).toBe(Math.round(g[3] * 1000) / 1000);
    expect(Math.abs(Number(row.cells[3]) - g[2]), `z of ${row.id}`).toBeLessThanOrEqual(0.005 + 1e-9);
  }
});

test('local Moran on 1,500 schools (k = 8) in the worker equals the Node golden result', async ({ page }) => {
  const name = 'm.k.999.2026.f.2025.s.a.y';
  await openHotspots(page, name);
  const rows = await tableRows(page);
  const significant = golden[name]!.filter((r) => r[5] !== 'ns');
  expect(significant.length).toBeGreaterThan(0);
  expect(rows.map((r) => r.id).sort()).toEqual(significant.map((r) => r[0]).sort());
  const byId = new Map(significant.map((r) => [r[0], r]));
  for (const row of rows) {
    const g = byId.get(row.id)!;
    expect(row.cls).toBe(g[5]);
    expect(Number(row.cells[4])).toBe(Math.round(g[3] * 1000) / 1000);
    expect(Number(row.cells[5])).toBe(Math.round(g[4] * 1000) / 1000);
  }
  await expect(page.locator('.map')).toHaveAttribute('data-renderer', 'webgl', SLOW);
});

test('the legend names the correction; Bonferroni with 999 permutations says it cannot reach 95 %', async ({
  page,
}) => {
  await openHotspots(page, '');
  await expect(page.getByTestId('hotspots-correction')).toContainText('Benjamini-Hochberg FDR');
  await expect(page.getByTestId('hotspots-unreachable')).toHaveCount(0);
  await page.getByLabel('Multiple-testing correction').selectOption('bonferroni');
  await expect(page.getByTestId('hotspots-correction')).toContainText('Bonferroni');
  // Bonferroni over the municipalities tested (those whose rate is shown): n / 1000.
  const tested = golden['g.q.999.12345.n.2025.m.a.y']!.length;
  await expect(page.getByTestId('hotspots-unreachable')).toContainText((tested / 1000).toFixed(3), SLOW);
  expect(new URL(page.url()).searchParams.get('hot')).toBe('g.q.999.12345.b.0.m.a.y');
  await expect(
    page.locator('[data-testid="hotspots-legend"] li[data-class="hot95"] .legend-count'),
  ).toHaveText('0');
  // More permutations lift the floor below 0.05: the warning goes.
  await page.getByLabel('Permutations').fill('9999');
  await page.getByLabel('Permutations').press('Enter');
  await expect(page.getByTestId('hotspots-unreachable')).toHaveCount(0, SLOW);
});

test('persistence over the years and the cluster trend against Albania', async ({ page }) => {
  await openHotspots(page, 'g.q.199.1.n.2025.m.a.p');
  await expect(page.locator('[data-testid="hotspots-table"] tr[data-id="AL152"]')).toHaveAttribute(
    'data-class',
    'historical',
    SLOW,
  );
  const kukes = page.locator('[data-testid="hotspots-table"] tr[data-id="AL132"]');
  expect(['persistent', 'intensifying', 'diminishing']).toContain(await kukes.getAttribute('data-class'));
  await page.getByLabel('Map shows').selectOption('year');
  await page.locator('[data-testid="hotspots-table"] tr[data-id="AL132"] button').click();
  await expect(page.getByTestId('cluster-trend')).toBeVisible(SLOW);
  await expect(page.getByTestId('cluster-trend').locator('tbody tr')).toHaveCount(11);
});

for (const lang of ['en', 'sq']) {
  test(`axe finds no serious or critical violation in the hotspots view (${lang})`, async ({ page }) => {
    await openHotspots(page, '', lang);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  });
}
