/**
 * Registers the service worker (pwa.config.ts) in production builds, once per page, never before the first
 * map is drawn: the first screen does not wait for it. On a first visit it then waits for the engine too
 * (`atlas:data-loaded`, or 20 s after the map at most): installing precaches about 45 MB, and started while
 * the page still downloads DuckDB's 34 MB wasm it would compete for the same bandwidth; afterwards the
 * hashed assets it fetches come from the HTTP cache. A page the worker already controls registers at once
 * (that is how the browser looks for a newer sw.js).
 */
import { MARKS } from '../../common/perf';

/** What a newer, waiting service worker offers: apply it (the page reloads when it has taken over). */
export type ApplyUpdate = () => Promise<void>;

const ENGINE_WAIT_MS = 20_000;

/** Resolves once a User Timing mark of this page exists. */
function marked(name: string): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, 'mark').length > 0) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark', buffered: true });
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let started = false;

/**
 * Starts the registration (once; later calls do nothing). `onUpdate` is called when a newer version is
 * installed and waiting. Registration errors are not the user's problem: the app works without the worker
 * (a browser with service workers off, or a test that blocks them), so they are ignored.
 */
export function registerServiceWorker(onUpdate: (apply: ApplyUpdate) => void): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  void (async () => {
    await marked(MARKS.firstChoropleth);
    if (!navigator.serviceWorker.controller) {
      await Promise.race([marked(MARKS.dataLoaded), delay(ENGINE_WAIT_MS)]);
    }
    const { registerSW } = await import('virtual:pwa-register');
    const apply: ApplyUpdate = registerSW({
      immediate: true,
      onNeedRefresh: () => onUpdate(() => apply()),
      onRegisterError: () => undefined,
    });
  })().catch(() => undefined);
}
