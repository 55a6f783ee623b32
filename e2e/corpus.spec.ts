import type { Page } from '@playwright/test';
import { buildCorpus } from '../test/corpus/generate';
import type { CorpusCase } from '../test/corpus/types';
import { expect, openAtlas, test, waitForEngineAndWebgl } from './fixtures';

/** One case per expected outcome (the first error code, or "ok"): a representative subset of the corpus. */
async function subset(): Promise<CorpusCase[]> {
  const seen = new Set<string>();
  const picked: CorpusCase[] = [];
  for (const c of await buildCorpus()) {
    if (c.knownIssue) continue;
    const key = c.expect === 'ok' ? `ok:${c.name.split('.').pop()}` : c.expect[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(c);
  }
  return picked.slice(0, 16);
}

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

test('a representative subset of the malformed-file corpus: each gets its specific problem, nothing changes', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const cases = await subset();
  expect(cases.length).toBeGreaterThanOrEqual(10);
  await openAtlas(page);
  await waitForEngineAndWebgl(page);
  const before = await tableValues(page);
  await page.getByTestId('import-open').click();
  for (const c of cases) {
    await page
      .getByTestId('import-files')
      .setInputFiles({ name: c.name, mimeType: 'application/octet-stream', buffer: Buffer.from(c.bytes) });
    const report = page.locator(`[data-testid="import-report"][data-file="${c.name}"]`);
    await expect(report, c.description).toBeVisible({ timeout: 30_000 });
    if (c.expect === 'ok') {
      await expect(report.locator('tr.error'), `${c.name}: no errors`).toHaveCount(0);
    } else {
      for (const code of c.expect) {
        await expect(
          report.locator(`tr.error[data-code="${code}"]`).first(),
          `${c.name}: ${code}`,
        ).toBeVisible();
      }
    }
    // Nothing is loaded from the corpus: cancel (or close) and go on with the next file.
    await page.getByTestId('import-cancel').click();
    expect(await tableValues(page), `${c.name} left the loaded data unchanged`).toEqual(before);
  }
  // Still usable: another indicator draws.
  await page.getByTestId('indicator').selectOption('econ_aid_share');
  await expect(page.locator('.legend h2')).toContainText('economic aid');
});
