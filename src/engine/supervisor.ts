/**
 * The engine that survives its worker: a {@link Connector} over DuckDB instances that are started again when
 * one dies (out of memory beyond repair, a crashing query, terminated), with every table loaded again, the
 * calls that were waiting run again, and the user told. Pure of the browser (instances come from `start`),
 * so it is tested in Node with fake instances (test/recovery/supervisor.test.ts).
 *
 * - A call made through {@link Supervisor.conn} that was waiting when the instance died runs once more on
 *   the next one, after its tables are loaded: its promise resolves as if nothing happened, or rejects with
 *   a WorkerLostError if the engine dies under it again (src/common/crash-policy.ts). It never hangs on a
 *   dead worker: each call races the instance's death.
 * - A {@link Supervisor.job} (an import: many statements and staging tables) starts over as a whole.
 * - A crash loop (quick deaths, see the crash policy) stops the restarts: every call then rejects.
 */
import {
  createCrashPolicy,
  retryAfterDeath,
  WorkerDiedError,
  WorkerLostError,
  type CrashPolicy,
} from '../common/crash-policy';
import type { HealthEvent } from '../common/worker-health';
import type { BoundQuery, Connector } from './connector';

/** One running engine (a worker and its database). */
export interface EngineInstance {
  conn: Connector;
  /** Resolves, with why, once this instance is found dead (it never rejects). */
  dead: Promise<string>;
  /** Declares it dead (a fatal error seen by a caller) and stops its worker. */
  kill(cause: string): void;
  /** Its tables are loaded: from now on it answers the views (a heartbeat may expect quicker answers). */
  loaded?(): void;
}

/** How to run engines. */
export interface SupervisorOptions {
  start(): Promise<EngineInstance>;
  /** Loads every table into a new instance: at boot (`restart` false) and after each death. */
  load(conn: Connector, restart: boolean): Promise<void>;
  policy?: CrashPolicy;
  now?: () => number;
  report?(event: HealthEvent): void;
  /** After a recovery: when the death was noticed and when the engine was ready again (same clock as `now`). */
  recovered?(noticed: number, ready: number): void;
}

/** The engine, whatever instance runs it. */
export interface Supervisor {
  /** Each call runs once more after a death (for statements that may run twice: reads, DDL of a job). */
  conn: Connector;
  /** Runs `job` on the live instance; if it dies meanwhile, runs it once more, from the start, on the next. */
  job<T>(job: (conn: Connector, generation: number) => Promise<T>): Promise<T>;
  /** Which instance is live (1 after boot, +1 per restart). */
  generation(): number;
  /** Resolves once the engine is up; rejects when the boot failed or restarts were given up. */
  ready(): Promise<void>;
  /** `listener` runs after each restart, before the waiting calls run again. */
  onRestart(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Errors after which a DuckDB-WASM instance cannot be used again (a trap in the WASM, an abort). */
export function isFatalEngineError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'RuntimeError') return true;
  return /RuntimeError|unreachable|memory access out of bounds|Aborted\(|program has already aborted|call stack size exceeded|duckdb is not initialized/i.test(
    err.message,
  );
}

/** The live instance: its number and its death watch. */
interface Live {
  inst: EngineInstance;
  generation: number;
  deaths: Deaths;
}

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'error'; error: unknown } | { kind: 'died' };

/** Races work against one instance's death, without leaving a reaction on its `dead` per call. */
interface Deaths {
  settle<T>(work: Promise<T>): Promise<Outcome<T>>;
}

function deathsOf(dead: Promise<string>): Deaths {
  const waiting = new Set<() => void>();
  let over = false;
  void dead.then(() => {
    over = true;
    for (const died of [...waiting]) died();
  });
  return {
    settle: <T>(work: Promise<T>) =>
      new Promise<Outcome<T>>((resolve) => {
        if (over) return resolve({ kind: 'died' });
        const died = () => resolve({ kind: 'died' });
        waiting.add(died);
        const end = (out: Outcome<T>) => {
          waiting.delete(died);
          resolve(out);
        };
        work.then(
          (value) => end({ kind: 'ok', value }),
          (error: unknown) => end({ kind: 'error', error }),
        );
      }),
  };
}

/** Starts the first instance and loads it (see {@link Supervisor.ready}). */
export function createSupervisor(options: SupervisorOptions): Supervisor {
  const policy = options.policy ?? createCrashPolicy();
  const now = options.now ?? (() => performance.now());
  const report = options.report ?? (() => {});
  const listeners = new Set<() => void>();
  let current: Live | null = null;
  let starting: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  let generation = 0;
  let closed = false;

  const giveUp = (err: Error) => {
    failure = err;
    report({ worker: 'engine', state: 'failed' });
  };

  const lost = (cur: Live) => {
    if (current !== cur || closed) return;
    current = null;
    const noticed = now();
    if (policy.died(noticed) === 'give-up') return giveUp(new WorkerLostError('engine', true));
    report({ worker: 'engine', state: 'restarting' });
    bringUp(true, noticed);
  };

  const bringUp = (restart: boolean, noticed: number) => {
    starting = (async () => {
      for (;;) {
        let inst: EngineInstance | undefined;
        let deaths: Deaths | undefined;
        try {
          inst = await options.start();
          deaths = deathsOf(inst.dead);
          const out = await deaths.settle(options.load(inst.conn, restart));
          if (out.kind === 'died') throw new WorkerDiedError('engine');
          if (out.kind === 'error') throw out.error;
        } catch (err) {
          inst?.kill('failed to start');
          // A boot that fails for a reason other than a death (a data file missing) fails as it always did.
          if (!restart && !(err instanceof WorkerDiedError) && !isFatalEngineError(err)) {
            failure = err instanceof Error ? err : new Error(String(err));
            throw failure;
          }
          if (policy.died(now(), true) === 'give-up') {
            giveUp(new WorkerLostError('engine', true));
            throw failure;
          }
          restart = true;
          continue;
        }
        if (closed) return void (await inst.conn.close());
        inst.loaded?.();
        generation += 1;
        const cur: Live = { inst, generation, deaths: deaths! };
        current = cur;
        void inst.dead.then(() => lost(cur));
        if (restart) {
          for (const listener of listeners) listener();
          const ready = now();
          options.recovered?.(noticed, ready);
          report({ worker: 'engine', state: 'recovered', ms: ready - noticed });
        }
        return;
      }
    })();
    starting.catch(() => undefined);
  };

  /** The live instance, once there is one. */
  const live = async () => {
    for (;;) {
      if (failure) throw failure;
      if (current) return current;
      await starting.catch(() => undefined);
    }
  };
  const recovered = async () => void (await live());

  const attempt = async <T>(work: (conn: Connector, generation: number) => Promise<T>): Promise<T> => {
    const cur = await live();
    const out = await cur.deaths.settle(work(cur.inst.conn, cur.generation));
    if (out.kind === 'ok') return out.value;
    if (out.kind === 'error' && !isFatalEngineError(out.error)) throw out.error;
    if (out.kind === 'error') cur.inst.kill(String(out.error));
    throw new WorkerDiedError('engine');
  };
  const job = <T>(work: (conn: Connector, generation: number) => Promise<T>): Promise<T> =>
    retryAfterDeath('engine', () => attempt(work), recovered);

  bringUp(false, now());

  return {
    conn: {
      query: <T extends object>(q: BoundQuery) => job((c) => c.query<T>(q)),
      exec: (sql) => job((c) => c.exec(sql)),
      // The bytes are handed to the worker (transferred): a second attempt needs a copy of its own.
      insertArrowIPC: (name, ipc) => {
        const kept = ipc.slice();
        return job((c) => c.insertArrowIPC(name, kept.slice()));
      },
      close: () => close(),
    },
    job,
    generation: () => generation,
    ready: recovered,
    onRestart(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close,
  };

  async function close() {
    closed = true;
    const cur = current;
    current = null;
    failure ??= new Error('the engine was closed');
    await cur?.inst.conn.close();
  }
}
