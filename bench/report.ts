/** The bench result as terminal text and as the markdown summary in bench/results/latest.md. */
import type { ParquetReport } from './parquet-readers';
import type { BenchResult } from './result';
import type { FileSize } from './sizes';
import type { Summary } from './stats';
import { markdownTable, textTable } from './table';
import { viewsMarkdownReport, viewsTextReport } from './view-report';
import type { Table } from './table';

const num = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (pass: boolean | null) => (pass === null ? 'NO DATA' : pass ? 'PASS' : 'FAIL');

function timingTable(r: BenchResult): Table {
  const row = (name: string, s: Summary) => [
    name,
    String(s.n),
    num(s.median),
    num(s.p95),
    num(s.min),
    num(s.max),
  ];
  return {
    head: ['metric (ms)', 'n', 'median', 'p95', 'min', 'max'],
    rows: [
      ...Object.entries(r.marks).map(([m, s]) => row(`${m} (since navigation)`, s)),
      ...(r.repeatVisit
        ? [row('atlas:duckdb-ready, repeat visit (since navigation, service worker)', r.repeatVisit.summary)]
        : []),
      ...Object.entries(r.interactions).flatMap(([m, s]) => [
        row(m, s),
        ...(r.longTasks[m] ? [row('↳ of which main-thread long tasks', r.longTasks[m])] : []),
      ]),
    ],
    right: [1, 2, 3, 4, 5],
  };
}

function goalTable(r: BenchResult): Table {
  return {
    head: ['goal', 'measured', 'limit', ''],
    rows: r.goals.map((g) => [g.name, g.measured, g.limit, verdict(g.pass)]),
  };
}

function sizeTable(r: BenchResult): Table {
  const s = r.sizes;
  const rows = (group: string, files: FileSize[]) => files.map((f) => [group, f.file, kB(f.raw), kB(f.gzip)]);
  return {
    head: ['group', 'file', 'raw', 'gzip -9'],
    rows: [
      ...rows('initial JS', s.initialJs),
      ['initial JS', '(total)', kB(s.initialJs.reduce((a, f) => a + f.raw, 0)), kB(s.initialJsGzip)],
      ...rows('CSS', s.css),
      ...rows('lazy JS', s.lazyJs),
      ...rows('worker', s.workers),
      ...rows('wasm', s.wasm),
      ['all', '(dist/assets)', kB(s.totalRaw), kB(s.totalGzip)],
      ...(r.precache
        ? [['precached', `(${r.precache.files} files in sw.js)`, kB(r.precache.raw), kB(r.precache.gzip)]]
        : []),
    ],
    right: [2, 3],
  };
}

function parquetTables(p: ParquetReport): { timings: Table; bytes: Table } {
  return {
    timings: {
      head: ['file', 'reader', 'median ms', 'min', 'max', 'rows', 'sum(value)', 'IPC bytes'],
      rows: p.timings.map((t) => [
        `${t.file} (${kB(t.fileBytes)})`,
        t.reader,
        num(t.summary.median, 1),
        num(t.summary.min, 1),
        num(t.summary.max, 1),
        String(t.rows),
        num(t.valueSum, 2),
        String(t.ipcBytes),
      ]),
      right: [2, 3, 4, 5, 6, 7],
    },
    bytes: {
      head: ['reader', 'shipped to the browser', 'raw', 'gzip -9'],
      rows: p.bytes.map((b) => [b.reader, b.how, kB(b.raw), kB(b.gzip)]),
      right: [2, 3],
    },
  };
}

function header(r: BenchResult): string[] {
  const e = r.environment;
  const failed = r.runs.filter((x) => x.errors.length > 0).length;
  return [
    `${e.date} · commit ${e.commit}${e.dirty ? ' (uncommitted changes)' : ''} · Node ${e.node} · Chromium ${e.chromium}`,
    `WebGL: ${e.webgl ?? 'n/a'}`,
    `${e.cpus} · load average ${e.loadavg.before.toFixed(2)} before, ${e.loadavg.after.toFixed(2)} after the browser runs`,
    `${r.runs.length - failed}/${r.runs.length} cold loads completed (fresh context each, 1400×900, ?lang=en); ` +
      `${r.options.interactions} each of indicator switches, year steps, classification changes and level changes per load, interleaved, ${r.options.gapMs} ms idle before each, from ${r.options.settleMs ?? 0} ms after the page is ready`,
    ...(r.repeatVisit
      ? [
          `repeat visits: one first visit installs the service worker (duckdb-ready ${num(r.repeatVisit.firstVisitMs)} ms, ` +
            `precached and in control ${num(r.repeatVisit.installedMs)} ms after navigation), then ${r.repeatVisit.reloads.length} reloads in the same profile` +
            (r.repeatVisit.uncontrolled ? `, ${r.repeatVisit.uncontrolled} NOT controlled by it` : ''),
        ]
      : []),
  ];
}

function failures(r: BenchResult): string[] {
  return [
    ...(r.repeatVisit?.errors ?? []).map((e) => `repeat visits: ${e}`),
    ...r.runs.flatMap((x) => x.errors.map((e) => `run ${x.run}: ${e}`)),
    ...r.runs.flatMap((x) => x.console.map((e) => `run ${x.run}: console (not counted as a failure): ${e}`)),
  ];
}

/** The Parquet reader comparison as terminal text. */
export function parquetTextReport(p: ParquetReport): string {
  const t = parquetTables(p);
  return [
    `Parquet → Arrow IPC in Node (median of ${p.runs} after 1 warm-up; parquet-wasm init ${num(p.parquetWasmInitMs)} ms once)`,
    textTable(t.timings),
    '',
    textTable(t.bytes),
  ].join('\n');
}

/** What `npm run bench` prints at the end. */
export function textReport(r: BenchResult): string {
  const out = [
    ...header(r),
    '',
    textTable(timingTable(r)),
    ...(r.views ? ['', viewsTextReport(r.views)] : []),
    '',
    textTable(goalTable(r)),
    '',
    'Production sizes',
    textTable(sizeTable(r)),
  ];
  if (r.parquet) out.push('', parquetTextReport(r.parquet));
  const f = failures(r);
  if (f.length) out.push('', 'FAILURES AND CONSOLE ERRORS', ...f.map((x) => `  ${x}`));
  return out.join('\n');
}

/** bench/results/latest.md. */
export function markdownReport(r: BenchResult): string {
  const out = [
    '# Benchmark results',
    '',
    'Recorded by `npm run bench` (bench/run.ts); raw figures in `latest.json`.',
    '',
    ...header(r).map((l) => `${l}  `),
    '',
    '## Start-up marks and interactions',
    '',
    markdownTable(timingTable(r)),
    '',
    "Marks are `startTime` since navigation; interactions are the app's own measures (input to the next painted " +
      'frame showing the result; `:render` = from the moment the values arrived, i.e. the repaint after the ' +
      'query, the same as the whole measure when no query was needed). "of which main-thread long tasks": the part of each measure during which the ' +
      "page's main thread ran tasks over 50 ms (Long Tasks API).",
    ...(r.views ? ['', viewsMarkdownReport(r.views)] : []),
    '',
    '## Goals',
    '',
    markdownTable(goalTable(r)),
    '',
    '## Production sizes',
    '',
    'Initial JS = the scripts `dist/index.html` loads (entry script and modulepreload links); gzip at level 9.',
    '',
    markdownTable(sizeTable(r)),
  ];
  if (r.parquet) {
    const p = parquetTables(r.parquet);
    out.push(
      '',
      '## Parquet readers (Node)',
      '',
      `Whole file → Arrow IPC stream; median of ${r.parquet.runs} runs after one warm-up. parquet-wasm's one-off ` +
        `WebAssembly compile and instantiate took ${num(r.parquet.parquetWasmInitMs)} ms. hyparquet output is turned ` +
        'into Arrow with typed arrays and one UTF-8 encoding per distinct string (bench/arrow-columns.ts), not ' +
        "apache-arrow's per-value builders.",
      '',
      markdownTable(p.timings),
      '',
      markdownTable(p.bytes),
    );
  }
  const f = failures(r);
  if (f.length) out.push('', '## Failures and console errors', '', ...f.map((x) => `- ${x}`));
  return out.join('\n') + '\n';
}
