import AxeBuilder from '@axe-core/playwright';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

for (const lang of ['en', 'sq']) {
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
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.tagName.toLowerCase() ?? '';
      }),
    );
  }
  for (const id of ['lang-en', 'lang-sq', 'indicator', 'year', 'summary']) expect(reached).toContain(id);
});
