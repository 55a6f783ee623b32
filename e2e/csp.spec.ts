/**
 * The Content-Security-Policy of the build (src/common/csp.ts): the built index.html carries it word for
 * word before any script or stylesheet; it is in force (page.evaluate itself is not subject to the policy,
 * so enforcement is proven by injecting what it forbids: an inline script, an inline event handler, a
 * `<style>` element, a `style` attribute through HTML and eval in a `blob:` worker, each refused with a
 * violation); and every view works under it, with the meta alone (any static host) and with the header
 * docs/deploy.md sends (which also governs the workers' own scripts). The guard (e2e/fixtures.ts) fails every other test on any
 * violation; here the expected ones are taken from it, checked, and nothing else may remain.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../src/common/csp';
import { expect, openAtlas, test, waitForEngineAndWebgl, type Guard } from './fixtures';

// A cold engine start per test and four views on a shared 2-core machine under software WebGL.
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 180_000 };

/** Chromium's console error for a refused action ("... violates the following Content Security Policy ..."). */
const refusal = (e: string) => /violates the following Content Security Policy directive/.test(e);

/** Takes the guard's violations and Chromium's console errors for them, which this test expects. */
function takeExpected(guard: Guard): { csp: string[]; refused: string[] } {
  const csp = guard.csp.splice(0);
  const refused = guard.errors.filter(refusal);
  guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !refusal(e)));
  return { csp, refused };
}

test('the built index.html carries the exact policy, first in <head>, with no unsafe source for scripts', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
  expect(metas).toEqual([
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
  ]);
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; " +
      "img-src 'self' data: blob:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  );
  const scriptSrc = /script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)![1]!;
  expect(scriptSrc).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  // Before every script, stylesheet and preload: a policy applies only to what comes after it.
  const at = html.indexOf(metas[0]!);
  expect(html.slice(0, at)).not.toMatch(/<script|<link|<style/);
  expect(html, 'no inline script or style in the page').not.toMatch(
    /<script(?![^>]*\bsrc=)[^>]*>|<style|style="/,
  );

  await openAtlas(page);
  const content = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((all) => all.map((m) => m.getAttribute('content')));
  expect(content).toEqual([CONTENT_SECURITY_POLICY]);
});

test('the policy is in force: injected inline script, handler, <style>, style attribute and a blob worker eval are refused', async ({
  page,
  guard,
}) => {
  await openAtlas(page);
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__atlasInjected = true;';
    document.head.append(script);

    const host = document.createElement('div');
    host.innerHTML =
      '<img src="data:," onerror="window.__atlasHandler = true" alt="">' +
      '<p id="atlas-csp-attr" style="color: rgb(1, 2, 3)">x</p>';
    document.body.append(host);

    const style = document.createElement('style');
    style.textContent = '#atlas-csp-sheet { color: rgb(4, 5, 6); }';
    document.head.append(style);
    const sheet = document.createElement('p');
    sheet.id = 'atlas-csp-sheet';
    host.append(sheet);

    // What the policy allows: a style set through the CSSOM, as React and MapLibre do.
    const cssom = document.createElement('p');
    cssom.style.color = 'rgb(7, 8, 9)';
    host.append(cssom);

    // A blob: worker (allowed by worker-src) inherits the policy: its eval is refused. It waits for a
    // message, so that the guard's listener is in its scope before it tries.
    const worker = new Worker(
      URL.createObjectURL(
        new Blob(
          [
            'onmessage = () => { try { new Function("return 1")(); postMessage("ran"); }' +
              ' catch (e) { postMessage(e instanceof EvalError ? "refused" : String(e)); } };',
          ],
          { type: 'text/javascript' },
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const evalInWorker = await new Promise<string>((resolve) => {
      worker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
      worker.postMessage('go');
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    worker.terminate();
    const color = (el: Element) => getComputedStyle(el).color;
    const result = {
      script: w.__atlasInjected === true,
      handler: w.__atlasHandler === true,
      attr: color(document.getElementById('atlas-csp-attr')!),
      sheet: color(sheet),
      cssom: color(cssom),
      evalInWorker,
    };
    host.remove();
    script.remove();
    style.remove();
    return result;
  });
  expect(outcome.script, 'the inline script ran').toBe(false);
  expect(outcome.handler, 'the inline handler ran').toBe(false);
  expect(outcome.attr, 'the style attribute applied').not.toBe('rgb(1, 2, 3)');
  expect(outcome.sheet, 'the <style> element applied').not.toBe('rgb(4, 5, 6)');
  expect(outcome.cssom, 'a CSSOM style is allowed').toBe('rgb(7, 8, 9)');
  expect(outcome.evalInWorker, "a blob: worker's eval").toBe('refused');

  await expect.poll(() => guard.csp.length).toBeGreaterThanOrEqual(5);
  const { csp, refused } = takeExpected(guard);
  const page4 = csp.filter((v) => v.startsWith('page: ')).map((v) => /^page: (\S+) blocked/.exec(v)?.[1]);
  expect(page4.sort()).toEqual(['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
  expect(csp.filter((v) => v.startsWith('worker blob:'))).toEqual([
    expect.stringMatching(/script-src blocked eval/),
  ]);
  expect(refused.length, "Chromium's own console errors for the page's four").toBe(4);
});

/** A small workbook, for the read worker's workbook reader. */
async function workbook(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Të dhëna');
  ws.addRow(['Bashkia', 'Viti', 'Treguesi', 'Vlera']);
  ws.addRow(['Tiranë', 2025, 'dv_reports', 480]);
  ws.addRow(['Korçë', 2025, 'dv_reports', 95]);
  return {
    name: 'csp.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/**
 * Walks every view in one session, switching with the view tabs: the map, its PNG export and a workbook
 * read in the import's worker, the coverage view, the hotspots view, a planner solve and its brief.
 */
async function walkViews(page: Page): Promise<void> {
  await openAtlas(page);
  await waitForEngineAndWebgl(page);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const png = PNG.sync.read(readFileSync(await dl.path()));
  expect([png.width, png.height]).toEqual([1600, 1200]);

  await page.getByTestId('import-open').click();
  await page.getByTestId('import-files').setInputFiles([await workbook()]);
  await expect(page.getByTestId('import-report')).toContainText('Sheet read: Të dhëna', SLOW);
  await page.getByTestId('import-cancel').click();

  await page.getByTestId('view-coverage').click();
  await expect(page.getByTestId('coverage-table')).toBeVisible(SLOW);

  await page.getByTestId('view-hotspots').click();
  await expect(page.locator('[data-testid="hotspots-view"][data-state="ready"]')).toBeVisible(SLOW);

  await page.getByTestId('view-planner').click();
  await expect(page.getByTestId('planner-ranking').locator('tbody tr')).toHaveCount(61, SLOW);
  await page.getByLabel('New units', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Find the best sites' }).click();
  await expect(page.getByTestId('planner-sites').locator('tbody tr')).toHaveCount(2, SLOW);
  await page.getByRole('button', { name: 'Open printable brief' }).click();
  await expect(page.getByTestId('brief').getByTestId('brief-map').locator('path.municipality')).toHaveCount(
    61,
  );
  await page.getByTestId('brief-close').click();

  await page.getByTestId('view-map').click();
  await waitForEngineAndWebgl(page);
}

test('every view works under the policy from the meta alone: map, PNG, import, coverage, hotspots, planner, brief', async ({
  page,
}) => {
  await walkViews(page);
});

test('every view works with the policy sent as a header, which governs the workers too', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const governed: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${origin}/`)) return route.fallback();
    const response = await route.fetch();
    governed.push(new URL(url).pathname);
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY_HEADER },
    });
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await walkViews(page);
  // The DuckDB, MapLibre, read, hotspots and planner workers' scripts came through the route, with the header.
  expect(workers.length).toBeGreaterThanOrEqual(5);
  for (const w of workers) expect(governed, w).toContain(w);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
