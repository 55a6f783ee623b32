/**
 * `npm run bench -- --planner` (or `npx tsx bench/planner.ts`): how long the exact siting solve takes, k = 10
 * over the 61 municipalities, in Node and in headless Chromium inside the app's solver worker.
 *
 * The instances are built by the CLI's code from the bundled demo data (need index x children, catchment):
 * "demo" (border catchment, the units active in the default year) and "open" (25 km radius, no existing
 * units: every municipality a candidate, the harder case). The browser side is a small page
 * (bench/planner-page) built by Vite with the app's worker and HiGHS's WASM, served from a local origin;
 * any request beyond it fails the run. Each browser run is a fresh context: one cold solve (worker start,
 * WASM fetch/compile, solve), then a new client's warm() and first solve, then warm repeats and k = 1..10. Results: bench/results/planner.{json,md}.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import loadHighs from 'highs';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import type { PlanningInstance } from '../src/analysis/planning/problem';
import { solvePlan } from '../src/analysis/planning/solve';
import { parsePlanArgs, planInputs } from '../src/cli/plan';
import { openSession } from '../src/cli/session';
import type { InstanceJson, PageTimes } from './planner-page/main';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const K_MAX = 10;

/** Median and 95th percentile (nearest rank) of a sample. */
export function summary(xs: readonly number[]): { n: number; median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

function toJson(i: PlanningInstance): InstanceJson {
  return {
    demand: [...i.demand],
    sites: [...i.sites],
    coverage: [...i.coverage].map(([s, d]) => [s, [...d]]),
  };
}

async function instances(): Promise<Record<string, PlanningInstance>> {
  const session = await openSession();
  try {
    const demo = await planInputs(session, parsePlanArgs(['--k', String(K_MAX), '--contiguity']));
    const open = await planInputs(
      session,
      parsePlanArgs(['--k', String(K_MAX), '--radius-km', '25', '--existing', 'none']),
    );
    return { demo: demo.instance, open: open.instance };
  } finally {
    await session.close();
  }
}

async function nodeTimes(instance: PlanningInstance, repeats: number) {
  const t0 = performance.now();
  const highs = await loadHighs();
  const loadMs = performance.now() - t0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const perK: { k: number; ms: number }[] = [];
  let coldMs = NaN;
  for (let r = 0; r <= repeats; r++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    solvePlan(instance, { k: K_MAX }, { method: 'exact' }, highs);
    const used = process.cpuUsage(cpu);
    if (r === 0) coldMs = performance.now() - t;
    else {
      times.push(performance.now() - t);
      // CPU time of this process: what the solve costs whatever else the machine is running.
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  for (let k = 1; k <= K_MAX; k++) {
    const t = performance.now();
    solvePlan(instance, { k }, { method: 'exact' }, highs);
    perK.push({ k, ms: performance.now() - t });
  }
  const exact = solvePlan(instance, { k: K_MAX }, { method: 'exact' }, highs);
  const greedy = solvePlan(instance, { k: K_MAX }, { method: 'greedy' }, highs);
  const greedyNoLp = solvePlan(instance, { k: K_MAX }, { method: 'greedy' });
  return {
    loadMs,
    coldMs,
    warm: summary(times),
    warmCpu: summary(cpuTimes),
    perK,
    exact: { objective: exact.objective, sites: exact.sites },
    greedy: {
      objective: greedy.objective,
      sites: greedy.sites,
      gap: greedy.gap,
      gapWithoutLp: greedyNoLp.gap,
    },
  };
}

/** Runs the planner bench; returns the exit code. Options: --runs N (browser pages, default 5), --repeats N. */
export async function runPlannerBench(argv: readonly string[]): Promise<number> {
  const num = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    const n = at < 0 ? fallback : Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number >= 1`);
    return n;
  };
  const runs = num('--runs', 5);
  const repeats = num('--repeats', 10);
  const log = (s: string) => console.log(`[planner bench] ${s}`);
  log('building instances from the demo data');
  const inst = await instances();
  const out = mkdtempSync(join(tmpdir(), 'planner-bench-'));
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    kMax: K_MAX,
    runs,
    repeats,
    cpus: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    loadavgBefore: loadavg()[0],
  };
  try {
    log('vite build of bench/planner-page');
    await build({
      configFile: false,
      root: join(root, 'bench/planner-page'),
      base: './',
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true, target: 'es2022' },
      worker: { format: 'es' },
    });
    const { server, url } = await serve(out);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      for (const [name, instance] of Object.entries(inst)) {
        log(`${name}: Node`);
        const node = await nodeTimes(instance, repeats);
        const pages: PageTimes[] = [];
        const outside: string[] = [];
        for (let r = 0; r < runs; r++) {
          const context = await browser.newContext();
          await context.route('**/*', (route) => {
            const u = route.request().url();
            if (u.startsWith(url)) return route.fallback();
            outside.push(u);
            return route.abort('blockedbyclient');
          });
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          await page.goto(`${url}/`);
          await page.waitForFunction(() => typeof window.plannerBench === 'function');
          const times = await page.evaluate(([j, k, n]) => window.plannerBench(j, k, n), [
            toJson(instance),
            K_MAX,
            repeats,
          ] as const);
          pages.push(times);
          await context.close();
          if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
          log(`${name}: browser run ${r + 1}/${runs}: cold ${times.coldMs.toFixed(0)} ms`);
        }
        if (outside.length > 0) throw new Error(`requests beyond the origin: ${outside.join(', ')}`);
        const perK = Array.from({ length: K_MAX }, (_, i) => ({
          k: i + 1,
          ...summary(pages.map((p) => p.perK[i]!.ms)),
          objective: pages[0]!.perK[i]!.objective,
        }));
        result[name] = {
          demand: instance.demand.length,
          sites: instance.sites.length,
          existing: instance.sites.filter((s) => s.existing).length,
          node,
          browser: {
            cold: summary(pages.map((p) => p.coldMs)),
            start: summary(pages.map((p) => p.startMs)),
            firstAfterWarm: summary(pages.map((p) => p.firstAfterWarmMs)),
            warm: summary(pages.flatMap((p) => p.warmMs)),
            perK,
            greedy: pages[0]!.greedy,
            exactObjective: pages[0]!.exactObjective,
          },
        };
      }
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  result['loadavgAfter'] = loadavg()[0];
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'planner.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(dir, 'planner.md'), markdown(result));
  console.log(markdown(result));
  return 0;
}

function markdown(r: Record<string, unknown>): string {
  const f = (x: number) => x.toFixed(1);
  const lines = [
    `# Planner solver bench (${String(r['date'])})`,
    '',
    `Exact MCLP, k = ${K_MAX} over the 61 municipalities; browser = headless Chromium, the app's solver worker.`,
    `Browser: ${String(r['runs'])} fresh pages, ${String(r['repeats'])} warm repeats each. Times in ms.`,
    `Machine: ${String(r['cpus'])}, load average ${Number(r['loadavgBefore']).toFixed(1)} before, ${Number(r['loadavgAfter']).toFixed(1)} after.`,
    'cold = first solve on a fresh page, no warm() (worker start, WASM fetch/compile, solve);',
    'start = `warm()` on a new client (worker start, WASM load, a made-up warm-up solve); first = the first',
    'solve after `warm()`; warm = repeats after that.',
    '',
    '| instance | Node cold | Node warm median / p95 (CPU median) | browser cold median / p95 | browser start median | browser first median / p95 | browser warm median / p95 | optimum | greedy | greedy stated gap |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const name of ['demo', 'open']) {
    const x = r[name] as
      | {
          node: Awaited<ReturnType<typeof nodeTimes>>;
          browser: Record<'cold' | 'start' | 'firstAfterWarm' | 'warm', ReturnType<typeof summary>>;
        }
      | undefined;
    if (!x) continue;
    lines.push(
      `| ${name} | ${f(x.node.coldMs)} | ${f(x.node.warm.median)} / ${f(x.node.warm.p95)} (${f(x.node.warmCpu.median)}) | ${f(x.browser.cold.median)} / ${f(x.browser.cold.p95)} | ${f(x.browser.start.median)} | ${f(x.browser.firstAfterWarm.median)} / ${f(x.browser.firstAfterWarm.p95)} | ${f(x.browser.warm.median)} / ${f(x.browser.warm.p95)} | ${x.node.exact.objective.toFixed(1)} | ${x.node.greedy.objective.toFixed(1)} | ${(100 * x.node.greedy.gap).toFixed(2)}% |`,
    );
  }
  lines.push('', 'Per k (browser, warm, median ms):', '');
  for (const name of ['demo', 'open']) {
    const x = r[name] as { browser: { perK: { k: number; median: number }[] } } | undefined;
    if (x) lines.push(`- ${name}: ${x.browser.perK.map((p) => `k=${p.k} ${f(p.median)}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPlannerBench(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
