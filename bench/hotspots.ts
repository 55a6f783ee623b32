/**
 * Hotspots bench (`npm run bench -- --hotspots [--runs n] [--port p] [--no-build]`, or `npx tsx bench/hotspots.ts`):
 * in headless Chromium against the built app, Local Moran's I with 999 conditional permutations on the 1,500
 * demo school points, k = 8, run in the app's worker. Each run changes the seed (a new request, nothing cached
 * in the worker) and reads the worker's own compute time (kNN weights, global Moran, local Moran: the whole
 * `runHotspots`) and the time from the input to the redrawn result, plus main-thread long tasks meanwhile.
 * Prints median and p95 and writes bench/results/hotspots.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { build, startPreview, type Server } from './serve';
import { summarize, type Summary } from './stats';

/** The measured figures. */
export interface HotspotsBench {
  date: string;
  loadBefore: number;
  loadAfter: number;
  runs: number;
  /** `runHotspots` inside the worker (ms). */
  worker: Summary;
  /** Seed typed -> result drawn (engine query, worker, React), ms. */
  endToEnd: Summary;
  /** Main-thread long tasks (> 50 ms) during the runs, total ms. */
  longTaskMs: number;
}

const settings = (seed: number) => `m.k.999.${seed}.n.2025.s.a.y`;

async function waitReady(page: Page, seed: number): Promise<number> {
  const view = page.locator(`[data-testid="hotspots-view"][data-state="ready"][data-key*="|999|${seed}|"]`);
  await view.waitFor({ timeout: 180_000 });
  return Number(await view.getAttribute('data-ms'));
}

/** Runs the bench against a served app; `runs` timed runs after one warm-up. */
export async function benchHotspots(
  baseUrl: string,
  runs: number,
  log: (s: string) => void,
): Promise<HotspotsBench> {
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const worker: number[] = [];
  const endToEnd: number[] = [];
  let longTaskMs = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${baseUrl}/?lang=en&view=hotspots&hot=${settings(1)}`);
    log(`warm-up ${(await waitReady(page, 1)).toFixed(0)} ms in the worker`);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number };
      w.longTasks = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks += e.duration;
      }).observe({ type: 'longtask' });
    });
    const seedInput = page.getByLabel('Random seed');
    for (let run = 0; run < runs; run++) {
      const seed = 100 + run;
      await page.waitForTimeout(200);
      const start = Date.now();
      await seedInput.fill(String(seed));
      await seedInput.press('Enter');
      const ms = await waitReady(page, seed);
      const wall = Date.now() - start;
      worker.push(ms);
      endToEnd.push(wall);
      log(`  run ${run + 1}/${runs}: worker ${ms.toFixed(0)} ms, input to result ${wall} ms`);
    }
    longTaskMs = await page.evaluate(() => (window as unknown as { longTasks: number }).longTasks);
  } finally {
    await browser.close();
  }
  return {
    date: new Date().toISOString(),
    loadBefore,
    loadAfter: loadavg()[0]!,
    runs,
    worker: summarize(worker),
    endToEnd: summarize(endToEnd),
    longTaskMs,
  };
}

/** Markdown summary of the figures. */
export function hotspotsMarkdown(r: HotspotsBench): string {
  const f = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} ms`);
  return [
    `# Hotspots bench (${r.date})`,
    '',
    `Local Moran's I, 999 conditional permutations, 1,500 demo school points, k = 8, in the app's worker`,
    `(headless Chromium), ${r.runs} runs with new seeds; load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter.toFixed(1)} after.`,
    '',
    '| measure | median | p95 | goal |',
    '| --- | ---: | ---: | --- |',
    `| runHotspots in the worker | ${f(r.worker.median)} | ${f(r.worker.p95)} | ≤ 1,000 ms |`,
    `| seed typed -> result drawn | ${f(r.endToEnd.median)} | ${f(r.endToEnd.p95)} | |`,
    `| main-thread long tasks meanwhile | ${r.longTaskMs.toFixed(0)} ms total | | |`,
    '',
  ].join('\n');
}

/** Command-line entry: builds (unless --no-build), serves dist/, benches, writes the results. */
export async function runHotspotsBench(
  argv: readonly string[],
  log: (s: string) => void = console.log,
): Promise<number> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  const runs = value('runs', 20);
  const port = value('port', 4186);
  if (!argv.includes('--no-build')) build(root);
  let server: Server | undefined;
  try {
    server = await startPreview(root, port);
    const result = await benchHotspots(server.url, runs, log);
    const md = hotspotsMarkdown(result);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/hotspots.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, 'bench/results/hotspots.md'), md);
    log(md);
    return 0;
  } finally {
    server?.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runHotspotsBench(process.argv.slice(2));
}
