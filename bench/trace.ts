/**
 * `npx tsx bench/trace.ts [--url <base>] [--no-build] [--port N] [--interactions N]`: records a Chromium
 * performance trace (timeline and V8 sampling profiler) of one cold load of the map view and its map
 * interactions, and writes it gzipped with its summary (bench/trace-summary.ts: long tasks, time by script
 * and function) to bench/results/trace-cold-load.{json.gz,md,json}. The traces issue 14 asks to keep.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { REQUIRED_MARKS } from './browser-runs';
import { interact } from './interactions';
import { build, startPreview } from './serve';
import { summariseTrace, traceMarkdown } from './trace-summary';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'loading',
];

async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = process.cwd();
  let url = flag('--url');
  let stop = () => {};
  if (!url) {
    if (!argv.includes('--no-build')) build(root);
    const server = await startPreview(root, Number(flag('--port') ?? 4186));
    url = server.url;
    stop = server.stop;
  }
  const perKind = Number(flag('--interactions') ?? 2);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`${url}/?lang=en`);
    await page.waitForFunction(
      (names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0),
      [...REQUIRED_MARKS],
      { timeout: 120_000, polling: 100 },
    );
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
    const { errors } = await interact(page, perKind, 30_000, 250, 1000);
    const buffer = await browser.stopTracing();
    const trace = JSON.parse(buffer.toString('utf8')) as {
      traceEvents: Parameters<typeof summariseTrace>[0];
    };
    const summary = summariseTrace(trace.traceEvents);
    const dir = join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'trace-cold-load.json.gz'), gzipSync(buffer));
    writeFileSync(join(dir, 'trace-cold-load.json'), JSON.stringify(summary, null, 2) + '\n');
    const title = `Trace of a cold load and ${perKind} map interactions of each kind (${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()})`;
    writeFileSync(join(dir, 'trace-cold-load.md'), traceMarkdown(title, summary));
    console.log(traceMarkdown(title, summary).split('\n').slice(0, 40).join('\n'));
    if (errors.length) console.error(errors.join('\n'));
    return 0;
  } finally {
    await browser.close();
    stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
