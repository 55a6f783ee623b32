/**
 * `npm run atlas -- serve --data <dir>`: loads the case files into native DuckDB, makes the explorer's
 * questions over them (src/engine/engine-cases.ts, record keys fixed by the files' order and a salt kept
 * beside them) and answers them over HTTP until stopped (Ctrl-C).
 */
import type { AddressInfo } from 'node:net';
import type { CaseQuestions } from '../../engine/cases-types';
import type { Connector } from '../../engine/connector';
import { DataError } from '../../engine/errors';
import { loadCaseFiles, type LoadedCases } from '../../engine/node/cases-files';
import { createNativeConnector } from '../../engine/node/duckdb-native';
import { UsageError } from '../args';
import type { Io } from '../io';
import { casesService, type CasesService } from './cases-service';
import { MAX_K, MAX_VALUES } from './facets-request';
import { dropRecords, lockDown, serverQuestions } from './questions';
import { createCasesServer } from './server';
import { parseServeArgs, SERVE_USAGE, type ServeArgs } from './serve-args';

/** A running server. */
export interface RunningServer {
  url: string;
  loaded: LoadedCases;
  service: CasesService;
  /** Seconds from start to listening. */
  startup: number;
  close(): Promise<void>;
}

/** Loads the data and starts listening; `questions` makes the engine (the real one by default). */
export async function startServe(
  args: ServeArgs,
  questions: (conn: Connector, args: ServeArgs) => Promise<CaseQuestions> = serverQuestions,
  log: (line: string) => void = () => {},
): Promise<RunningServer> {
  const started = performance.now();
  const conn = await createNativeConnector({ threads: args.threads, connections: args.connections });
  try {
    const loaded = await loadCaseFiles(conn, args.data);
    const q = await questions(conn, args);
    const service = casesService(q, {
      k: args.k,
      maxK: MAX_K,
      maxValues: MAX_VALUES,
      concurrency: args.connections,
    });
    // The first question counts the records into the engine's cube; then they go, and the files are shut.
    await service.info();
    await dropRecords(conn);
    await lockDown(conn);
    const server = createCasesServer({
      service,
      k: args.k,
      ...(args.token !== undefined ? { token: args.token } : {}),
      ...(args.dist !== undefined ? { dist: args.dist } : {}),
      perMinute: args.rate,
      burst: Math.min(200, args.rate),
      log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(args.port, args.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = args.host.includes(':') ? `[${args.host}]` : args.host;
    return {
      url: `http://${host}:${port}`,
      loaded,
      service,
      startup: (performance.now() - started) / 1000,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await conn.close();
      },
    };
  } catch (err) {
    await conn.close();
    throw err;
  }
}

/** Runs `serve` until SIGINT or SIGTERM; returns the exit code (2 usage, 1 failure, 0 stopped). */
export async function serveCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv, process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`atlas serve: ${err.message}\n${SERVE_USAGE}`);
    return 2;
  }
  let running: RunningServer;
  try {
    running = await startServe(args, serverQuestions, (line) => io.err(`atlas serve: ${line}`));
  } catch (err) {
    if (err instanceof DataError) {
      io.err(`atlas serve: ${err.file}: ${err.found}\n  expected: ${err.expected}\n  fix: ${err.fix}`);
    } else io.err(`atlas serve: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const { loaded, url, startup } = running;
  io.out(
    `Serving ${loaded.rows.toLocaleString('en')} case records from ${loaded.files.length} file(s) on ${url}` +
      ` (k = ${args.k}, perturbed${args.token ? ', token required' : ', loopback only'}) after ${startup.toFixed(1)} s.` +
      ` Questions: GET ${url}/api/cases/info, POST ${url}/api/cases/facets. Ctrl-C stops.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return 0;
}
