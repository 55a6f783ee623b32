/**
 * `npm run bench`: builds, serves dist/, measures cold loads and interactions in Chromium, then repeat visits
 * with the service worker, sizes the build and its precache, compares Parquet readers, and records it all in
 * bench/results/latest.{json,md}. A measurement, not a gate: exits 1 only when a load fails outright (or, with
 * --strict, when a goal is missed). Options: bench/args.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args';
import { browserRuns } from './browser-runs';
import { compareParquetReaders } from './parquet-readers';
import { precacheSize, repeatVisits, type RepeatVisitResult } from './repeat-visit';
import { markdownReport, textReport } from './report';
import { analyse } from './result';
import type { BenchResult, Environment } from './result';
import { build, startPreview } from './serve';
import type { Server } from './serve';
import { lighthouseRuns, type LighthouseResult } from './lighthouse';
import { distSizes, requestedGzip } from './sizes';
import { speedGoals } from './speed-goals';
import { viewRuns } from './view-interactions';
import { analyseViews, type ViewsResult } from './view-report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  // `npm run bench -- --hotspots [--runs n] [--no-build]`: the hotspot statistics bench (bench/hotspots.ts).
  if (process.argv.includes('--hotspots')) {
    const { runHotspotsBench } = await import('./hotspots');
    return runHotspotsBench(process.argv.slice(2), log);
  }
  // `npm run bench -- --planner [--runs n] [--repeats n]`: the siting solver bench (bench/planner.ts).
  if (process.argv.includes('--planner')) {
    const { runPlannerBench } = await import('./planner');
    return runPlannerBench(process.argv.slice(2));
  }
  // `npm run bench -- --cases <rows> [--json]`: the case explorer, WASM in Chromium against native DuckDB
  // (bench/cases.ts); opt-in, never part of the default bench.
  if (process.argv.includes('--cases')) {
    const { runCasesBench } = await import('./cases');
    return runCasesBench(process.argv.slice(2), log);
  }
  // `npm run bench -- --serve <rows> [--requests n] [--connections c] [--distinct d]`: the load test of
  // `atlas serve` over that many records (bench/serve-load.ts); opt-in, never part of the default bench.
  if (process.argv.includes('--serve')) {
    const { runServeLoad } = await import('./serve-load');
    return runServeLoad(process.argv.slice(2), log);
  }
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    log('vite build');
    build(root);
  }
  log('sizing dist/');
  const sizes = distSizes(join(root, 'dist'));

  let server: Server | undefined;
  const stop = () => server?.stop();
  process.once('SIGINT', () => (stop(), process.exit(130)));
  process.once('SIGTERM', () => (stop(), process.exit(143)));
  const before = loadavg()[0]!;
  let browser: Awaited<ReturnType<typeof browserRuns>>;
  let repeat: RepeatVisitResult | null = null;
  let views: ViewsResult | null = null;
  let lighthouse: LighthouseResult | null = null;
  try {
    log(`vite preview on 127.0.0.1:${options.port}`);
    server = await startPreview(root, options.port);
    if (options.viewsOnly) browser = { chromium: '', runs: [] };
    else {
      log(`${options.runs} cold loads`);
      browser = await browserRuns({
        baseUrl: server.url,
        runs: options.runs,
        perKind: options.interactions,
        gapMs: options.gapMs,
        settleMs: options.settleMs,
        loadTimeoutMs: 60_000,
        interactionTimeoutMs: 10_000,
        log,
      });
    }
    if (options.viewRuns > 0) {
      log(`${options.viewRuns} cold loads of each of the coverage, hotspots and planner views`);
      const v = await viewRuns({
        baseUrl: server.url,
        runs: options.viewRuns,
        perKind: options.viewInteractions,
        gapMs: options.gapMs,
        settleMs: options.settleMs,
        loadTimeoutMs: 60_000,
        interactionTimeoutMs: 15_000,
        log,
      });
      views = analyseViews(v.runs);
      browser.chromium ||= v.chromium;
    }
    if (options.repeatVisits > 0 && !options.viewsOnly) {
      log(`repeat visits: 1 first visit + ${options.repeatVisits} reloads with the service worker`);
      repeat = await repeatVisits({
        baseUrl: server.url,
        runs: options.repeatVisits,
        loadTimeoutMs: 60_000,
        log,
      });
    }
    if (options.lighthouse > 0 && !options.viewsOnly) {
      log(`Lighthouse: ${options.lighthouse} run(s) each of the desktop and mobile presets`);
      lighthouse = await lighthouseRuns(`${server.url}/?lang=en`, options.lighthouse, log);
    }
  } finally {
    stop();
  }
  const after = loadavg()[0]!;

  let parquet = null;
  if (options.parquet && !options.viewsOnly) {
    log('Parquet readers');
    parquet = await compareParquetReaders(root, options.parquetRuns, log);
  }

  const cpu = cpus();
  const environment: Environment = {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    node: process.versions.node,
    chromium: browser.chromium,
    webgl: browser.runs.find((r) => r.webglRenderer)?.webglRenderer ?? null,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    loadavg: { before, after },
  };
  const analysed = analyse(browser.runs, sizes, repeat);
  const precache = precacheSize(join(root, 'dist'));
  const loaded = browser.runs.find((r) => r.requested && r.errors.length === 0);
  const firstLoad = loaded?.requested ? requestedGzip(join(root, 'dist'), loaded.requested) : null;
  const speed = speedGoals({
    marks: analysed.marks,
    interactions: analysed.interactions,
    distRaw: sizes.distRaw,
    firstLoadGzip: firstLoad?.gzip ?? null,
    precacheGzip: precache.gzip,
    lighthouse,
  });
  const result: BenchResult = {
    environment,
    options,
    runs: browser.runs,
    ...analysed,
    goals: [...analysed.goals, ...speed, ...(views?.goals ?? [])],
    views,
    sizes,
    precache,
    firstLoad,
    lighthouse,
    parquet,
  };
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  // A --views-only run has no map figures: it writes views.{json,md} and leaves latest.* as they are.
  const name = options.viewsOnly ? 'views' : 'latest';
  writeFileSync(join(out, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(out, `${name}.md`), markdownReport(result));

  console.log('\n' + textReport(result) + '\n');
  log(`done; wrote bench/results/${name}.json and ${name}.md`);
  const failedRuns =
    browser.runs.filter((r) => r.errors.length > 0).length +
    (repeat && repeat.errors.length > 0 ? 1 : 0) +
    (views?.runs.filter((r) => r.errors.length > 0).length ?? 0);
  const missed = result.goals.filter((g) => g.pass === false).length;
  if (failedRuns > 0)
    console.error(`${failedRuns} of ${browser.runs.length} loads failed (see FAILURES above)`);
  if (options.strict && missed > 0) console.error(`--strict: ${missed} goal(s) missed`);
  return failedRuns > 0 || (options.strict && missed > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
