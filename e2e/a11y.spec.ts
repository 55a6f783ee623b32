import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

/** Serious and critical axe violations on the page as it is. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Map-view variants with their own controls, legends and tables. */
const MAP_VARIANTS = [
  'level=county&method=fisher&classes=7',
  'compare=change&year2=2015&palette=PuOr',
  'compare=side&year2=2018&measure=smoothed&method=manual&breaks=3,5',
  'level=municipality&county=AL-09&sel=AL111',
];

for (const lang of ['en', 'sq']) {
  test(`axe: no serious or critical violation on the map view's variants (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    for (const q of MAP_VARIANTS) {
      await openAtlas(page, `lang=${lang}&${q}`);
      await waitForEngineAndWebgl(page);
      await page.locator('.map-options summary').click();
      await page.locator('.values-table summary').click();
      expect(await violations(page), q).toEqual([]);
    }
  });

  test(`axe finds no serious or critical violation (${lang})`, async ({ page }) => {
    await openAtlas(page, `lang=${lang}`);
    await waitForEngineAndWebgl(page);
    await page.locator('.values-table summary').click();
    await page.locator('.values-table button.link').first().click();
    await expect(page.getByTestId('trend-chart')).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  });
}

/** Each view, and what says it has drawn (the map view at county level, with its small multiples). */
const VIEWS: [string, (page: Page) => Promise<void>][] = [
  ['view=map&level=county', (page) => waitForEngineAndWebgl(page)],
  ['view=coverage', (page) => expect(page.getByTestId('coverage-table')).toBeVisible({ timeout: 120_000 })],
  [
    'view=hotspots',
    (page) => expect(page.locator('[data-testid="hotspots-view"][data-state="ready"]')).toBeVisible(),
  ],
  ['view=planner', (page) => expect(page.getByTestId('planner-ranking').locator('tbody tr')).toHaveCount(61)],
  [
    'view=cases',
    (page) =>
      expect(page.locator('[data-testid="cases-view"][data-state="ready"]')).toBeVisible({ timeout: 90_000 }),
  ],
];

for (const lang of ['en', 'sq']) {
  test(`axe: no serious or critical violation on the case explorer, filtered, tables open (${lang})`, async ({
    page,
  }) => {
    await openAtlas(page, `lang=${lang}&view=cases&cases=tabuse.xF.p202001*202106`);
    await expect(page.locator('[data-testid="cases-view"][data-state="ready"]')).toBeVisible({
      timeout: 90_000,
    });
    for (const s of await page.locator('.cases-tables summary').all()) await s.click();
    expect(await violations(page)).toEqual([]);
  });
}

for (const lang of ['en', 'sq']) {
  // Two audits Lighthouse runs that axe leaves off by default.
  test(`every button's name contains its visible text, every <summary> is a 44 px target (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    let measured = 0;
    for (const [query, ready] of VIEWS) {
      await openAtlas(page, `lang=${lang}&${query}`);
      await ready(page);
      const names = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
      expect(
        names.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
        query,
      ).toEqual([]);
      // Stricter than axe's target-size (24 px): Lighthouse and touch screens want 44 px.
      const heights = await page
        .locator('summary')
        .evaluateAll((all) =>
          all.filter((s) => s.getClientRects().length > 0).map((s) => s.getBoundingClientRect().height),
        );
      // The planner's panels may not have opened their summaries yet: count over all views, not per view.
      measured += heights.length;
      for (const h of heights) expect(h, query).toBeGreaterThanOrEqual(44);
    }
    expect(measured, 'summaries measured on the five views').toBeGreaterThan(0);
  });
}

test('every control is reachable with the keyboard', async ({ page }) => {
  await openAtlas(page);
  const reached = new Set<string>();
  await page.locator('.map-options summary').click();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.tagName.toLowerCase() ?? '';
      }),
    );
  }
  for (const id of [
    'lang-en',
    'lang-sq',
    'view-coverage',
    'view-planner',
    'indicator',
    'year',
    'class-method',
    'class-count',
    'compare',
    'play',
    'level-municipality',
    'search',
  ])
    expect(reached).toContain(id);
});
