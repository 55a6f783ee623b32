/**
 * The memory of a Chromium tab in the bench: the page's JS heap (CDP Performance.getMetrics), the DuckDB
 * worker's JS heap (CDP Runtime.getHeapUsage on the worker target, reached through the browser session),
 * and the renderer process's resident memory now and at peak (Linux /proc: VmRSS, VmHWM), which holds both
 * heaps and DuckDB's wasm linear memory. The wasm memory alone is not readable from outside: DuckDB-WASM
 * keeps its Memory in a closure, and Runtime.queryObjects detaches the worker's inspector (tried).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** MB figures; null where the figure could not be read. */
export interface TabMemory {
  pageHeapMb: number | null;
  workerHeapMb: number | null;
  rendererRssMb: number | null;
  rendererPeakMb: number | null;
}

const mb = (bytes: number | undefined) =>
  bytes === undefined || !Number.isFinite(bytes) ? null : Math.round(bytes / 1024 / 1024);

/** Pids of Chromium renderer processes now running. */
export function rendererPids(): Set<number> {
  const out = new Set<number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')) out.add(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function status(pid: number): { rss: number; peak: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (f: string) => Number(new RegExp(`^${f}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

type Send = (method: string, params?: object) => Promise<Record<string, unknown> | null>;

/** Opens a session on the worker target whose URL matches `match`, through the browser's CDP session. */
async function workerSession(
  session: CDPSession,
  match: RegExp,
): Promise<{ send: Send; close(): Promise<void> } | null> {
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && match.test(t.url));
  if (!worker) return null;
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  let id = 0;
  const waiting = new Map<number, (r: Record<string, unknown> | null) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result ?? null);
  });
  const send: Send = (method, params = {}) =>
    new Promise((resolve) => {
      const n = ++id;
      const timer = setTimeout(() => resolve(null), 10_000);
      waiting.set(n, (r) => (clearTimeout(timer), resolve(r)));
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method, params }) })
        .catch((e: unknown) => {
          if (process.env.BENCH_DEBUG) console.error(`CDP ${method}: ${String(e)}`);
          clearTimeout(timer);
          resolve(null);
        });
    });
  return { send, close: () => session.send('Target.detachFromTarget', { sessionId }).then(() => undefined) };
}

/** The worker's JS heap. */
async function workerHeap(send: Send): Promise<number | undefined> {
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize?: number } | null;
  return usage?.usedSize;
}

/** The tab's memory now; `renderers` are the pids of this browser's renderers (new since its launch). */
export async function tabMemory(browser: Browser, page: Page, renderers: number[]): Promise<TabMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const pageHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  let worker: number | undefined;
  try {
    const session = await browser.newBrowserCDPSession();
    const w = await workerSession(session, /duckdb/i);
    if (w) {
      worker = await workerHeap(w.send);
      await w.close();
    }
    await session.detach();
  } catch {
    worker = undefined;
  }
  const procs = renderers.map(status).filter((s) => s !== null);
  const top = procs.sort((a, b) => b.rss - a.rss)[0];
  return {
    pageHeapMb: mb(pageHeap),
    workerHeapMb: mb(worker),
    rendererRssMb: mb(top?.rss),
    rendererPeakMb: mb(Math.max(...procs.map((p) => p.peak))),
  };
}
