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
