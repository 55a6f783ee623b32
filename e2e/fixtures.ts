/**
 * The page fixture every browser test uses: it records every request and fails the test on any that
 * leaves the app's origin, on any console error or uncaught exception, and on any Content-Security-Policy
 * violation (a `securitypolicyviolation` event in the page or in one of its workers).
 */
import { test as base, expect, type Page, type Worker } from '@playwright/test';

export interface Guard {
  /** Requests to other origins (each one fails the test). */
  outside: string[];
  /** Console errors and page errors (each one fails the test). */
  errors: string[];
  /** CSP violations, `<directive> blocked <uri>` (each one fails the test; e2e/csp.spec.ts takes its own). */
  csp: string[];
}

/** The binding through which the page's listener reports a violation. */
const REPORT = '__atlasCspViolation';

/** Prefix of the console error a worker's listener writes for a violation (see `watchWorker`). */
const WORKER_PREFIX = 'atlas-csp-violation:';

/** One violation as the guard lists it: the directive, what it blocked and where. */
export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

function describe(v: Violation, where: string): string {
  const at = v.source === '' ? '' : ` at ${v.source}`;
  const sample = v.sample === '' ? '' : ` (${v.sample})`;
  return `${where}: ${v.directive} blocked ${v.blocked || 'inline'}${at}${sample}`;
}

/**
 * Runs in every document before its scripts (an init script is not subject to the page's CSP): reports
 * each violation to the test. Capture phase on `document`, so an element's violation is seen even if the
 * app stops its propagation.
 */
function listenInPage(report: string): void {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const send = (window as unknown as Record<string, (v: Violation) => void>)[report];
      void send?.({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile === '' ? '' : `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      });
    },
    true,
  );
}

/**
 * A worker's own violations (a `blob:` worker inherits the page's policy; a worker script served with a
 * CSP header has its own) are events on the worker's global scope, which an init script does not reach:
 * the listener is added as soon as Playwright sees the worker and reports as a console error with a prefix
 * the guard recognises. A violation before the listener is in place still fails the test through the
 * console error Chromium writes itself ("Refused to ...").
 */
function watchWorker(worker: Worker): void {
  worker
    .evaluate((prefix) => {
      self.addEventListener('securitypolicyviolation', (e) => {
        const v = {
          directive: e.effectiveDirective || e.violatedDirective,
          blocked: e.blockedURI,
          source: e.sourceFile === '' ? '' : `${e.sourceFile}:${e.lineNumber}`,
          sample: e.sample,
        };
        console.error(prefix + JSON.stringify(v));
      });
    }, WORKER_PREFIX)
    .catch(() => undefined); // the worker ended before the listener was added
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const guard: Guard = { outside: [], errors: [], csp: [] };
      await page.exposeFunction(REPORT, (v: Violation) => guard.csp.push(describe(v, 'page')));
      await page.addInitScript(listenInPage, REPORT);
      page.on('worker', watchWorker);
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
          await route.fallback();
        } else {
          guard.outside.push(url);
          await route.abort('blockedbyclient');
        }
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (text.startsWith(WORKER_PREFIX)) {
          const where = `worker ${msg.worker()?.url() ?? ''}`.trim();
          guard.csp.push(describe(JSON.parse(text.slice(WORKER_PREFIX.length)) as Violation, where));
        } else guard.errors.push(text);
      });
      page.on('pageerror', (err) => guard.errors.push(err.message));
      await use(guard);
      expect(guard.outside, 'requests beyond the app origin').toEqual([]);
      expect(guard.csp, 'Content-Security-Policy violations').toEqual([]);
      expect(guard.errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the first choropleth is drawn. */
export async function openAtlas(page: Page, query = 'lang=en'): Promise<void> {
  await page.goto(`/?${query}`);
  await page.waitForSelector('html[data-atlas-ready="true"]');
}

/** Waits for the WebGL map to take over and the engine to be ready. */
export async function waitForEngineAndWebgl(page: Page): Promise<void> {
  await page.waitForSelector('.map[data-renderer="webgl"]', { timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, {
    timeout: 30_000,
  });
}
