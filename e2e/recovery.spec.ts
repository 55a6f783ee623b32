/**
 * Engine crash recovery in the browser: the DuckDB worker, the hotspots worker and the planner's solver are
 * terminated mid-session through the diagnostic hook (src/common/diagnostic.ts: `Worker.terminate()` on our
 * own worker, unannounced, so the page must notice the death itself); each is restarted, the user's
 * imported file is loaded again, the map stays drawn, and later interactions are answered. A crash loop
 * stops with a message. The recovery time is the User Timing measure `atlas:engine-recovered`.
 */
import type { Page } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 120_000 };

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

/** The map's values as the table lists them. */
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

/** Kills one of our workers as a crash would; returns the page's clock at that moment. */
async function kill(page: Page, what: 'engine' | 'hotspots' | 'planner'): Promise<number> {
  return page.evaluate((detail) => {
    const at = performance.now();
    window.dispatchEvent(new CustomEvent('atlas:diagnostic', { detail }));
    return at;
  }, `terminate-${what}`);
}

/** The recoveries measured so far: start (death noticed) and duration, ms. */
async function recoveries(page: Page): Promise<{ start: number; ms: number }[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByName('atlas:engine-recovered', 'measure')
      .map((m) => ({ start: m.startTime, ms: m.duration })),
  );
}

async function importOwnFile(page: Page): Promise<void> {
  await page.getByTestId('import-open').click();
  await page
    .getByTestId('import-files')
    .setInputFiles([
      csv(
        'dv 2025.csv',
        'lau_code,year,indicator,value\nAL121,2025,dv_reports,120\nAL224,2025,dv_reports,480\n',
      ),
    ]);
  await expect(page.getByTestId('import-report')).toContainText('indicator values');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('own-data')).toContainText('dv 2025.csv');
  await expect.poll(() => tableValues(page), SLOW).toContain('AL121=120');
}

async function expectMapDrawn(page: Page): Promise<void> {
  await expect(page.locator('.map[data-renderer="webgl"] canvas').first()).toBeVisible();
  await expect(page.locator('.view-error')).toHaveCount(0);
}

test('the DuckDB worker dies mid-session: restarted, the imported file loaded again, the map kept', async ({
  page,
}) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  await importOwnFile(page);
  const legend = await page.locator('.legend').textContent();
  await page.locator('.values-table > summary').click();

  // Killed with a query on its way: the trend of a municipality not asked for before.
  const at = await kill(page, 'engine');
  await page.locator('.values-table tr[data-lau="AL224"] button').first().click();
  await expectMapDrawn(page);
  const health = page.getByTestId('worker-health');
  await expect(health).toHaveAttribute('data-state', 'recovered', SLOW);
  await expect(health).toHaveText(
    'The analysis engine stopped and was restarted; your data is loaded again.',
  );
  await expect(health).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('selection-title')).toContainText('Tiran', SLOW);
  const [recovery] = await recoveries(page);
  expect(recovery).toBeDefined();
  // Noticed within 1 s of the death (the life lock is released at once).
  expect(recovery!.start - at).toBeLessThan(1000);
  console.log(
    `engine: noticed after ${Math.round(recovery!.start - at)} ms, recovered in ${Math.round(recovery!.ms)} ms`,
  );
  await expectMapDrawn(page);
  expect(await page.locator('.legend').textContent()).toBe(legend);

  // The user's data is in the new engine: only my data (new queries) still shows the file's values.
  await page.getByTestId('only-mine').check();
  await expect.poll(() => tableValues(page), SLOW).toContain('AL224=480');
  // A later interaction is answered by the new engine: another indicator, and back.
  await page.getByTestId('only-mine').uncheck();
  await page.getByTestId('indicator').selectOption('dropout_rate');
  await expect(page.getByTestId('indicator').locator('option:checked')).toHaveText(/dropout/i);
  await expect.poll(async () => (await tableValues(page)).length, SLOW).toBe(61);
  await page.getByTestId('indicator').selectOption('dv_reports');
  await expect.poll(() => tableValues(page), SLOW).toContain('AL121=120');
  await expectMapDrawn(page);
});

test('recovery time over several deaths, each noticed within 1 s; a crash loop stops with a message', async ({
  page,
}) => {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  const health = page.getByTestId('worker-health');
  const deaths: number[] = [];
  // Deaths more than 10 s apart are not a loop: the engine comes back each time.
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.waitForTimeout(10_500);
    deaths.push(await kill(page, 'engine'));
    await expect.poll(async () => (await recoveries(page)).length, SLOW).toBe(i + 1);
  }
  const runs = await recoveries(page);
  runs.forEach((r, i) => expect(r.start - deaths[i]!).toBeLessThan(1000));
  const ms = runs.map((r) => r.ms);
  const median = [...ms].sort((a, b) => a - b)[1]!;
  console.log(`engine recovery ms, in order: ${ms.map(Math.round).join(', ')}; median ${Math.round(median)}`);
  await expect(health).toHaveAttribute('data-state', 'recovered');
  await expectMapDrawn(page);

  // Now a loop: it dies again right after each restart. Three times, and it is not restarted again.
  for (let i = 0; i < 3; i++) {
    await kill(page, 'engine');
    if (i < 2) await expect.poll(async () => (await recoveries(page)).length, SLOW).toBe(4 + i);
  }
  await expect(health).toHaveAttribute('data-state', 'failed', SLOW);
  await expect(health).toContainText('was not restarted again');
  await page.waitForTimeout(1500);
  expect((await recoveries(page)).length).toBe(5);
  // The map stays as it was.
  await expectMapDrawn(page);
  expect((await tableValues(page)).length).toBe(61);
});

test('without Web Locks the heartbeat notices the death within 1 s', async ({ page }) => {
  // The page forgets Web Locks (the workers still have them): the engine falls back to its heartbeat.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  const at = await kill(page, 'engine');
  await expect.poll(async () => (await recoveries(page)).length, SLOW).toBe(1);
  const [r] = await recoveries(page);
  expect(r!.start - at).toBeLessThan(1000);
  const cost = await page.evaluate(() => {
    window.dispatchEvent(new CustomEvent('atlas:diagnostic', { detail: 'engine-heartbeat' }));
    const mark = performance.getEntriesByName('atlas:engine-heartbeat', 'mark').at(-1) as PerformanceMark;
    return mark.detail as { beats: number; ms: number };
  });
  console.log(
    `heartbeat: noticed after ${Math.round(r!.start - at)} ms; ${cost.beats} beats cost ${cost.ms.toFixed(2)} ms ` +
      `(${((cost.ms / Math.max(1, cost.beats)) * 1000).toFixed(1)} µs each)`,
  );
  expect(cost.beats).toBeGreaterThan(0);
  await expect(page.getByTestId('worker-health')).toHaveAttribute('data-state', 'recovered');
  await page.getByTestId('indicator').selectOption('dropout_rate');
  await expect.poll(async () => (await tableValues(page)).length, SLOW).toBe(61);
});

test('the hotspots worker dies during an analysis: replaced, the analysis runs again and completes', async ({
  page,
}) => {
  await page.goto('/?lang=en&view=hotspots');
  await page.waitForSelector('[data-testid="hotspots-view"][data-state="ready"]', SLOW);
  await page.getByLabel('Statistic', { exact: true }).selectOption('moran');
  await kill(page, 'hotspots');
  const health = page.getByTestId('worker-health');
  await expect(health).toHaveAttribute('data-worker', 'hotspots', SLOW);
  await expect(health).toHaveAttribute('data-state', 'recovered');
  await expect(health).toContainText('The hotspot analysis stopped and was restarted');
  await expect(page.getByTestId('hotspots-status')).toHaveText('', SLOW);
  await expect(page.getByTestId('hotspots-correction')).toBeVisible();
  await expect(page.locator('[data-testid="hotspots-table"] tbody tr').first()).toBeVisible();
  // Later: another setting, answered by the new worker.
  await page.getByLabel('Statistic', { exact: true }).selectOption('gistar');
  await expect(page.getByTestId('hotspots-status')).toHaveText('', SLOW);
  await expect(page.locator('.view-error')).toHaveCount(0);
});

test('the planner worker dies during a solve: replaced, the solve runs again, exact', async ({ page }) => {
  await page.goto('/?view=planner&lang=en');
  await page.waitForSelector('html[data-atlas-ready="true"]');
  await expect(page.getByTestId('planner-ranking').locator('tbody tr')).toHaveCount(61, SLOW);
  await page.getByLabel('New units', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Find the best sites' }).click();
  await kill(page, 'planner');
  const health = page.getByTestId('worker-health');
  await expect(health).toHaveAttribute('data-worker', 'planner', SLOW);
  await expect(page.getByTestId('planner-sites').locator('tbody tr')).toHaveCount(3, SLOW);
  await expect(health).toHaveAttribute('data-state', 'recovered', SLOW);
  await expect(page.getByTestId('planner-status')).toContainText(/Exact optimum|at most/);
  await expect(page.getByTestId('planner-status')).not.toContainText('greedy');
  // A later solve, on the new worker.
  await page.getByLabel('New units', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Find the best sites' }).click();
  await expect(page.getByTestId('planner-sites').locator('tbody tr')).toHaveCount(2, SLOW);
});
