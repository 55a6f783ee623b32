import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

test('switching to Albanian translates the screen and formats numbers the Albanian way', async ({ page }) => {
  await openAtlas(page);
  await expect(page.locator('h1')).toHaveText('Safety Net Atlas');
  await page.getByTestId('lang-sq').click();
  await expect(page.locator('h1')).toHaveText('Atlasi i Rrjetit të Sigurisë');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
  await expect(page.getByText('Treguesi', { exact: true })).toBeVisible();
  await expect(page.getByTestId('synthetic-banner')).toContainText('Të dhëna demonstruese sintetike');
  await expect(page.getByTestId('indicator').locator('option:checked')).toHaveText(
    'Raste të raportuara për mbrojtjen e fëmijëve për 1.000 fëmijë',
  );
  // Albanian writes decimals with a comma.
  await expect(page.locator('.legend .legend-range').first()).toContainText(',');
  await expect(page.locator('.legend-count').first()).toContainText('bashki');

  await waitForEngineAndWebgl(page);
  await page.locator('.values-table summary').click();
  await page.getByRole('button', { name: 'Shfaq ecurinë e bashkisë Korçë' }).click();
  await expect(page.getByTestId('selection-title')).toHaveText('Korçë, qarku Korçë');
  await expect(page.getByTestId('trend-chart')).toContainText('Shqipëria');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('selection-title')).toHaveText('Korçë, Korçë county');
});

test('the language can be chosen in the address', async ({ page }) => {
  await openAtlas(page, 'lang=sq');
  await expect(page.locator('h1')).toHaveText('Atlasi i Rrjetit të Sigurisë');
});
