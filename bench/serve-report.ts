/** The serve load test's result and its Markdown report (bench/results/serve-<rows>.md). */

/** What one run of bench/serve-load.ts measured. */
export interface ServeLoadResult {
  date: string;
  machine: string;
  loadavg: { before: number; after: number };
  rows: number;
  connections: number;
  /** The server's DuckDB connections. */
  dbConnections: number;
  requests: number;
  distinct: number;
  startup: { serverSeconds: number; wallSeconds: number };
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Requests a second over the run. */
  throughput: number;
  seconds: number;
  /** Connection errors, timeouts, non-2xx answers and answers that were not 200. */
  errors: number;
  /** Answers with a count of 1..4 (must be 0). */
  leaked: number;
  checked: number;
  /** Fresh (never asked) questions one at a time: the engine's own time, HTTP included. */
  freshMs: { p50: number; p99: number; n: number };
  memoryMb: {
    afterStart: { rss: number; peak: number } | null;
    afterLoad: { rss: number; peak: number } | null;
    peak: number | null;
  };
  refusals: { name: string; want: number; got: number; error: string }[];
}

/** The report as Markdown. */
export function serveMarkdown(r: ServeLoadResult): string {
  const mem = (m: { rss: number } | null) => (m ? `${m.rss} MB` : 'n/a');
  return `# atlas serve load test, ${r.rows.toLocaleString('en')} records

${r.date}, ${r.machine}, load average ${r.loadavg.before.toFixed(2)} before, ${r.loadavg.after.toFixed(2)} after.

| figure | value |
| --- | --- |
| requests (facet questions) | ${r.requests} from ${r.connections} concurrent clients, ${r.distinct} distinct questions, ${r.dbConnections} DuckDB connection(s) |
| latency p50 / p90 / p99 / max | ${r.latencyMs.p50} / ${r.latencyMs.p90} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms |
| throughput | ${r.throughput} requests/s over ${r.seconds} s |
| errors (connection, timeout, non-2xx) | ${r.errors} |
| answers checked / with a count of 1..4 | ${r.checked} / ${r.leaked} |
| fresh question, one at a time, p50 / p99 | ${r.freshMs.p50} / ${r.freshMs.p99} ms (${r.freshMs.n} questions) |
| startup (load, check, cube) / process wall | ${r.startup.serverSeconds} s / ${r.startup.wallSeconds} s |
| server memory: after start / after the run / peak | ${mem(r.memoryMb.afterStart)} / ${mem(r.memoryMb.afterLoad)} / ${r.memoryMb.peak ?? 'n/a'} MB |

Bad requests:

| request | wanted | got | message |
| --- | --- | --- | --- |
${r.refusals.map((x) => `| ${x.name} | ${x.want} | ${x.got} | ${x.error.replace(/\|/g, '\\|').slice(0, 90)} |`).join('\n')}
`;
}
