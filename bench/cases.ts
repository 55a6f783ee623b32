/**
 * `npm run bench -- --cases <rows> [--json] [--rounds n] [--inputs n] [--settle-ms n] [--gap-ms n]
 * [--no-build] [--port p]`: the case explorer at `rows` records. Synthetic records (`atlas cases`, seed 42,
 * under /tmp), loaded through the import of the production build in headless Chromium, the four interactions
 * of bench/cases-plan.ts measured by the view's `atlas:cases-filter` (input to painted frame), then the same
 * filter states answered by the same engine module on native DuckDB in this process. Prints the table (or,
 * with --json, only the JSON) and writes bench/results/cases-<rows>.{json,md}.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseRecords } from './case-records';
import { browserCases } from './cases-browser';
import { nativeCases } from './cases-native';
import { CASE_KINDS, type CasePlan } from './cases-plan';
import { casesMarkdown, casesResult } from './cases-report';
import { build, startPreview } from './serve';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options extends CasePlan {
  rows: number;
  json: boolean;
  build: boolean;
  port: number;
}

function parse(argv: readonly string[]): Options {
  const o: Options = {
    rows: 0,
    json: false,
    build: true,
    port: 4182,
    rounds: 5,
    inputs: 6,
    settleMs: -1,
    gapMs: 250,
  };
  const numbers: Record<string, 'rows' | 'rounds' | 'inputs' | 'settleMs' | 'gapMs' | 'port'> = {
    '--cases': 'rows',
    '--rounds': 'rounds',
    '--inputs': 'inputs',
    '--settle-ms': 'settleMs',
    '--gap-ms': 'gapMs',
    '--port': 'port',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--no-build') o.build = false;
    else if (numbers[a]) {
      const n = Number(argv[++i]?.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a whole number, got ${argv[i]}`);
      o[numbers[a]] = n;
    } else throw new Error(`unknown option ${a} for the cases bench`);
  }
  if (o.rows < 1) throw new Error('--cases <rows> is required (e.g. --cases 1000000)');
  // The engine builds the pointed chart's index while the person looks: longer with more records.
  if (o.settleMs < 0) o.settleMs = Math.max(1500, Math.round(o.rows / 2000));
  return o;
}

/** Runs the cases bench; returns the exit code. */
export async function runCasesBench(argv: readonly string[], log: (s: string) => void): Promise<number> {
  const o = parse(argv);
  const say = o.json ? (s: string) => console.error(s) : log;
  const { file } = await caseRecords(o.rows, say);
  if (o.build) {
    say('vite build');
    build(root);
  }
  const before = loadavg()[0]!;
  const server = await startPreview(root, o.port);
  let browser;
  try {
    say(`Chromium: ${o.rounds} rounds of ${CASE_KINDS.length} x ${o.inputs} inputs over ${o.rows} records`);
    browser = await browserCases(server.url, file, o, say);
  } finally {
    server.stop();
  }
  say('native DuckDB: the same filter states');
  const native = await nativeCases(file, browser.blocks);
  const cpu = cpus();
  const result = casesResult({
    rows: o.rows,
    fileMb: Math.round(statSync(file).size / 1024 / 1024),
    plan: o,
    browser,
    native,
    environment: {
      date: new Date().toISOString(),
      machine: `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
      chromium: browser.chromium,
      loadavg: { before, after: loadavg()[0]! },
    },
  });
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `cases-${o.rows}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = casesMarkdown(result);
  writeFileSync(join(out, `cases-${o.rows}.md`), md);
  if (o.json) console.log(JSON.stringify(result, null, 2));
  else console.log('\n' + md);
  say(`wrote bench/results/cases-${o.rows}.{json,md}`);
  const missing = result.interactions.filter((x) => x.n === 0).length;
  return missing > 0 ? 1 : 0;
}
