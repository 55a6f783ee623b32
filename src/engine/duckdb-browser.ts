/**
 * DuckDB-WASM in a Web Worker, from bundles served by the app itself (no CDN). Loaded lazily: the first map
 * never waits for this 34 MB engine. Each start is one {@link EngineInstance} whose death is noticed at
 * once: the worker's life lock is released (terminated, closed, crashed: src/common/worker-life.ts), its
 * `error` event fires, or, in a browser without Web Locks, its heartbeat goes unanswered (heartbeat.ts).
 * The supervisor (supervisor.ts) starts the next one.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { WorkerDiedError } from '../common/crash-policy';
import { onDiagnostic } from '../common/diagnostic';
import { mortal } from '../common/worker-life';
import { startEngineWorker, takeBootedWorker, wasmExceptions } from './duckdb-boot';
import { SAFE_SETTINGS, arrowToRows, type BoundQuery, type Connector } from './connector';
import { startHeartbeat, type Heartbeat } from './heartbeat';
import type { EngineInstance } from './supervisor';

/** The heartbeats' cost on this page (for the diagnostic `engine-heartbeat`): ended ones, and running. */
const ended = { beats: 0, ms: 0 };
const beating = new Set<Heartbeat>();
onDiagnostic('engine-heartbeat', () => {
  const all = [...beating].map((h) => h.stats());
  const detail = {
    beats: all.reduce((sum, s) => sum + s.beats, ended.beats),
    ms: all.reduce((sum, s) => sum + s.ms, ended.ms),
    running: beating.size,
  };
  performance.mark('atlas:engine-heartbeat', { detail });
});

/** Stops a heartbeat, keeping its cost. */
function stopBeating(h: Heartbeat | undefined): void {
  if (!h || !beating.delete(h)) return;
  h.stop();
  const s = h.stats();
  ended.beats += s.beats;
  ended.ms += s.ms;
}

/** How long a worker may take to start DuckDB (compiling 34 MB of WASM on a slow, busy machine). */
const START_TIMEOUT_MS = 90_000;

/** The WASM module a first worker compiled: later workers (restarts) only instantiate it. */
let compiled: WebAssembly.Module | null = null;

/** The engine cannot run in this browser (no WebAssembly exceptions); the views say so and keep their first view. */
export class EngineUnsupportedError extends Error {
  constructor() {
    super('this browser does not run WebAssembly exceptions (Chrome, Edge 95+, Firefox 100+, Safari 15.2+)');
    this.name = 'EngineUnsupportedError';
  }
}

/** Starts DuckDB-WASM in a worker of its own (the one the entry booted, the first time) and returns the instance. */
export async function startBrowserInstance(): Promise<EngineInstance> {
  if (!wasmExceptions()) throw new EngineUnsupportedError();
  const module = compiled;
  const { worker: started, name } = (!module && takeBootedWorker()) || startEngineWorker(module !== null);
  const worker = mortal(started, name, 'terminate-engine');
  // Before DuckDB-WASM's first message (duckdb-worker.ts): the compiled module, or a way to send it back.
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<WebAssembly.Module>) => {
    compiled = event.data;
    channel.port1.close();
  };
  worker.postMessage({ atlasModule: module, port: channel.port2 }, [channel.port2]);
  let declare: (cause: string) => void = () => {};
  const dead = new Promise<string>((resolve) => (declare = resolve));
  let over = false;
  let heartbeat: Heartbeat | undefined;
  /** The calls out, each rejected if the worker dies first (a dead worker answers nothing). */
  const out = new Set<(err: Error) => void>();
  const die = (cause: string) => {
    if (over) return;
    over = true;
    stopBeating(heartbeat);
    worker.terminate();
    for (const fail of [...out]) fail(new WorkerDiedError('engine'));
    declare(cause);
  };
  worker.ondeath = () => die('the worker is gone');
  // Before DuckDB-WASM's own listener, which would only log the error and forget the waiting calls.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    die(`worker error: ${event.message}`);
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // Calls that may keep the worker busy for seconds (loading, staging, committing a large file): while one
  // is out, the heartbeat allows a long silence. A read query is expected back within the heartbeat's timeout.
  let long = 0;
  let loading = true;
  /** Runs `work` unless the instance is dead already (a death rejects it). */
  const counted = <T>(work: () => Promise<T>, slow = false): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (over) return reject(new WorkerDiedError('engine'));
      if (slow) long += 1;
      const end = () => {
        if (out.delete(fail) && slow) long -= 1;
      };
      const fail = (err: Error) => (end(), reject(err));
      out.add(fail);
      work().then(
        (value) => (end(), resolve(value)),
        (err: unknown) => (end(), reject(err)),
      );
    });
  // A worker that never answers its start (its script failed to load) is as good as dead.
  const stalled = setTimeout(() => die('no answer while starting'), START_TIMEOUT_MS);
  const conn = await counted(async () => {
    await db.instantiate(new URL(ehWasm, location.href).href);
    const c = await db.connect();
    for (const s of SAFE_SETTINGS) await c.query(s);
    return c;
  }, true).finally(() => clearTimeout(stalled));
  // Without Web Locks nothing tells a terminated worker's death: it is noticed by its silence.
  if (!worker.watched && !over) {
    heartbeat = startHeartbeat({
      ping: () => db.ping(),
      busy: () => loading || long > 0,
      onDead: () => die('no heartbeat'),
    });
    beating.add(heartbeat);
  }
  const connector: Connector = {
    query: <T extends object>(q: BoundQuery) =>
      counted(async () => {
        const stmt = await conn.prepare(q.sql);
        try {
          return arrowToRows<T>(await stmt.query(...q.params));
        } finally {
          await stmt.close();
        }
      }),
    exec: (sql) => counted(async () => void (await conn.query(sql)), true),
    insertArrowIPC: (table, ipc) =>
      counted(
        async () => void (await conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
        true,
      ),
    async close() {
      over = true;
      stopBeating(heartbeat);
      await conn.close().catch(() => undefined);
      await db.terminate();
    },
  };
  return { conn: connector, dead, kill: die, loaded: () => void (loading = false) };
}
