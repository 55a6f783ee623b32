/**
 * `npm run bench -- --serve <rows> [--requests n] [--connections c] [--distinct d] [--db-connections e]
 * [--port p]` (or `npx tsx
 * bench/serve-load.ts --serve <rows>`): a bounded load test of `atlas serve` on loopback. Synthetic records
 * (`atlas cases`, seed 42, kept under /tmp, never in the repository), the server in its own process, then
 * autocannon: c concurrent clients, exactly n facet questions drawn in turn from d distinct explorer-like ones
 * (the first d answered by the engine, the rest from the server's cache, as a shared server answers many
 * people starting from the same views), every answer checked for status 200 and no count of 1..4; then
 * 100 fresh questions one at a time (the engine's own time), and the bad requests, each of which must get
 * its 4xx. Prints and writes bench/results/serve-<rows>.{json,md} (serve-<rows>-distinct-<d> for another d).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { CASE_DIMS, type CaseFacets, type CasesInfo } from '../src/engine/cases-types';
import { caseRecords } from './case-records';
import { badRequests, questionBodies } from './serve-questions';
import { memoryMb, startServeProcess } from './serve-process';
import { serveMarkdown, type ServeLoadResult } from './serve-report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DISTINCT = 500;

interface Options {
  rows: number;
  requests: number;
  connections: number;
  distinct: number;
  port: number;
  /** The server's DuckDB connections (its --connections). */
  dbConnections: number;
}

function parse(argv: readonly string[]): Options {
  const o: Options = {
    rows: 0,
    requests: 5000,
    connections: 50,
    distinct: DEFAULT_DISTINCT,
    port: 4391,
    dbConnections: 2,
  };
  const names: Record<string, keyof Options> = {
    '--serve': 'rows',
    '--requests': 'requests',
    '--connections': 'connections',
    '--distinct': 'distinct',
    '--port': 'port',
    '--db-connections': 'dbConnections',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]!];
    if (!key) throw new Error(`unknown option ${argv[i]} for the serve load test`);
    const n = Number(argv[++i]?.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${argv[i - 1]} needs a whole number`);
    o[key] = n;
  }
  if (o.rows < 1) throw new Error('--serve <rows> is required');
  return o;
}

/** Whether an answer holds a count of 1..k-1 (k = 5). */
function leaks(f: CaseFacets): boolean {
  const counts = [f.total, ...CASE_DIMS.flatMap((d) => f.facets[d].map((b) => b.count))];
  return counts.some((c) => c !== null && c >= 1 && c < 5);
}

const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

/** Runs the load test; returns the exit code (1 when any request failed or any 4xx was wrong). */
export async function runServeLoad(argv: readonly string[], log: (s: string) => void): Promise<number> {
  const o = parse(argv.filter((a) => a !== '--no-build'));
  const { dir } = await caseRecords(o.rows, log);
  log(`starting atlas serve over ${dir}`);
  const server = await startServeProcess(root, dir, o.port, [
    '--rate',
    '0',
    '--connections',
    String(o.dbConnections),
  ]);
  try {
    const afterStart = memoryMb(server.pid);
    const info = (await (await fetch(`${server.url}/api/cases/info`)).json()) as CasesInfo;
    const bodies = questionBodies(info, o.distinct + 100, 42);
    const pool = bodies.slice(0, o.distinct);
    let next = 0;
    let checked = 0;
    let leaked = 0;
    let bad = 0;
    log(
      `autocannon: ${o.connections} connections, ${o.requests} requests over ${pool.length} distinct questions`,
    );
    const before = loadavg()[0]!;
    const result = await autocannon({
      url: server.url,
      connections: o.connections,
      amount: o.requests,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/cases/facets',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: pool[next++ % pool.length]! }),
          onResponse: (status, body) => {
            checked++;
            if (status !== 200) bad++;
            else if (leaks(JSON.parse(body) as CaseFacets)) leaked++;
          },
        },
      ],
    });
    const afterLoad = memoryMb(server.pid);
    log('100 fresh questions, one at a time');
    const fresh: number[] = [];
    for (const body of bodies.slice(o.distinct)) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/cases/facets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await r.text();
      fresh.push(performance.now() - t0);
      if (r.status !== 200) bad++;
    }
    const refusals = [];
    for (const b of badRequests()) {
      const r = await fetch(`${server.url}${b.path}`, {
        method: b.method,
        ...(b.body !== undefined ? { body: b.body } : {}),
        headers: b.type ? { 'content-type': b.type } : {},
      });
      const error = ((await r.json()) as { error?: string }).error ?? '';
      refusals.push({ name: b.name, want: b.want, got: r.status, error });
    }
    const cpu = cpus();
    const out: ServeLoadResult = {
      date: new Date().toISOString(),
      machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, node ${process.versions.node}`,
      loadavg: { before, after: loadavg()[0]! },
      rows: o.rows,
      connections: o.connections,
      dbConnections: o.dbConnections,
      requests: result.requests.total,
      distinct: pool.length,
      startup: {
        serverSeconds: server.startupSeconds,
        wallSeconds: Math.round(server.wallSeconds * 10) / 10,
      },
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      throughput: Math.round((result.requests.total / result.duration) * 10) / 10,
      seconds: result.duration,
      errors: result.errors + result.timeouts + result.non2xx + bad,
      leaked,
      checked,
      freshMs: {
        p50: Math.round(percentile(fresh, 0.5)),
        p99: Math.round(percentile(fresh, 0.99)),
        n: fresh.length,
      },
      memoryMb: { afterStart, afterLoad, peak: memoryMb(server.pid)?.peak ?? null },
      refusals,
    };
    const md = serveMarkdown(out);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    // The default mix is serve-<rows>; another number of distinct questions gets its own file.
    const name = `serve-${o.rows}${o.distinct === DEFAULT_DISTINCT ? '' : `-distinct-${o.distinct}`}`;
    writeFileSync(join(root, `bench/results/${name}.json`), JSON.stringify(out, null, 2) + '\n');
    writeFileSync(join(root, `bench/results/${name}.md`), md);
    console.log(`\n${md}`);
    const wrong = refusals.filter((r) => r.got !== r.want).length;
    return out.errors > 0 || leaked > 0 || wrong > 0 ? 1 : 0;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runServeLoad(process.argv.slice(2), (s) => console.log(`[serve-load] ${s}`)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
