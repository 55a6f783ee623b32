/**
 * The page's handle on the siting solver worker. Usage:
 *
 *   const solver = createSolverClient();          // one per view; starts the worker lazily
 *   void solver.warm();                            // recommended on mount: load and warm HiGHS's WASM
 *   const plan = await solver.solve(instance, { k: 3 }, { method: 'exact', timeoutMs: 5000 });
 *   //   plan: { sites, marginalGains, covered, objective, baseline, upperBound, gap, status, method, ms,
 *   //           fallback? } (PlanSolution, solution.ts)
 *   const points = await solver.curve(instance, 10);  // k = 1..10: [{ k, objective, share, gain, solution }]
 *   const cover = await solver.cover(instance);       // fewest new units covering all reachable demand
 *   solver.terminate();                                // when the view goes away
 *
 * `instance` is a PlanningInstance (problem.ts; need-demand.ts builds it from the need index and the
 * catchment). Requests run one at a time, in order. Each has a time limit (`timeoutMs`, default 5 s,
 * counted from when it reaches the worker, after HiGHS has loaded): HiGHS is told to stop a little earlier and
 * return its best plan so far (status 'time-limit'); if the worker still has not answered, or it fails
 * (e.g. the WASM did not load), the worker is stopped and the greedy plan is computed on the page instead
 * (a few ms for 61 municipalities), returned with `method: 'greedy'`, its gap, and `fallback: 'timeout'` or
 * `'solver-error'` so the view can say so. A malformed instance rejects with a PlanningError.
 *
 * A worker that dies (its life lock released, src/common/worker-life.ts) is replaced and the request it was
 * running runs once more on the new one; if that worker dies too, or after a crash loop (no worker is then
 * started again: src/common/crash-policy.ts), the greedy plan comes back with `fallback: 'worker-lost'`.
 */
import { createCrashPolicy, WorkerDiedError, WorkerLostError } from '../../common/crash-policy';
import { reportHealth } from '../../common/worker-health';
import { lifeName, mortal } from '../../common/worker-life';
import { coverageCurve, type CurvePoint } from './curve';
import { PlanningError, type PlanningInstance, type SitingLimit } from './problem';
import { minimumCover, type CoverSolution } from './set-cover';
import type { PlanSolution, SolveMethod } from './solution';
import { solvePlan } from './solve';
import type { SolverRequest, SolverResponse, SolverResults } from './solver-protocol';

/** Options of one request. */
export interface RequestOptions {
  /** 'exact' (default): HiGHS; 'greedy': the greedy plan with its bound. */
  method?: SolveMethod;
  /** Time limit in ms once the solver is loaded (default 5000). */
  timeoutMs?: number;
}

/** The solver, as the page sees it. */
export interface SolverClient {
  /**
   * Loads HiGHS in the worker and runs one made-up solve so the WASM's solver code is compiled; resolves
   * with the load time (ms). Call it when the view opens: the first real solve is then several times faster.
   * Without it, the first request only loads HiGHS (and pays the compilation itself).
   */
  warm(): Promise<number>;
  /** The best plan under the limit (see the file comment). */
  solve(instance: PlanningInstance, limit: SitingLimit, options?: RequestOptions): Promise<PlanSolution>;
  /** The coverage curve for k = 1..kMax (the timeout applies to the whole curve). */
  curve(instance: PlanningInstance, kMax: number, options?: RequestOptions): Promise<CurvePoint[]>;
  /** The set-covering twin: fewest new units for full coverage of reachable demand. */
  cover(instance: PlanningInstance, options?: Pick<RequestOptions, 'timeoutMs'>): Promise<CoverSolution>;
  /** Stops the worker (a later request starts a new one). */
  terminate(): void;
}

/** The smallest part of a Worker the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: SolverRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SolverResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** Set by the client: called when the worker died (fakes call it to simulate a death). */
  ondeath?: (() => void) | null;
}

/** Default time limit of a request, ms. */
export const DEFAULT_TIMEOUT_MS = 5000;
/** Time allowed for the worker to start and load HiGHS's WASM, ms. */
export const LOAD_TIMEOUT_MS = 20_000;

/** Starts the real module worker (Vite bundles it and the WASM it imports). */
export function startSolverWorker(): WorkerLike {
  const name = lifeName('siting-solver');
  const worker = new Worker(new URL('./solver-worker.ts', import.meta.url), { type: 'module', name });
  return mortal(worker, name, 'terminate-planner') as unknown as WorkerLike;
}

class Timeout extends Error {}

/** Why the greedy plan stands in for the exact one. */
type Fallback = NonNullable<PlanSolution['fallback']>;

function reasonOf(err: unknown): Fallback {
  if (err instanceof Timeout) return 'timeout';
  return err instanceof WorkerLostError ? 'worker-lost' : 'solver-error';
}

/** A client over a worker made by `makeWorker` (default: {@link startSolverWorker}). */
export function createSolverClient(makeWorker: () => WorkerLike = startSolverWorker): SolverClient {
  let worker: WorkerLike | undefined;
  let ready: Promise<number> | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: SolverResponse) => void; reject: (e: Error) => void }>();
  let queue: Promise<unknown> = Promise.resolve();
  const policy = createCrashPolicy();
  /** When the last death was noticed, until a worker is up again. */
  let noticed: number | null = null;

  const stop = (why: Error) => {
    worker?.terminate();
    worker = undefined;
    ready = undefined;
    for (const w of waiting.values()) w.reject(why);
    waiting.clear();
  };

  const send = (req: SolverRequest, timeoutMs: number): Promise<SolverResponse> => {
    if (!worker) {
      worker = makeWorker();
      worker.onmessage = (event) => {
        const w = waiting.get(event.data.id);
        waiting.delete(event.data.id);
        w?.resolve(event.data);
      };
      worker.onerror = (event) =>
        stop(new Error(`solver worker failed: ${event.message || 'unknown error'}`));
      const mine = worker;
      worker.ondeath = () => {
        if (worker !== mine) return;
        noticed = Date.now();
        const decision = policy.died(noticed);
        reportHealth({ worker: 'planner', state: decision === 'give-up' ? 'failed' : 'restarting' });
        stop(new WorkerDiedError('planner'));
        // A new worker at once, loaded (a request waiting runs on it; none waiting: the next one is quick).
        if (decision === 'restart') load(false).catch(() => undefined);
      };
    }
    const target = worker;
    return new Promise<SolverResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (worker === target) stop(new Timeout(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(req.id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      target.postMessage(req);
    });
  };

  /** Loads HiGHS once; `warmUp` (the public warm()) also compiles the solver's paths with a made-up solve. */
  const load = (warmUp: boolean): Promise<number> =>
    (ready ??= send({ id: nextId++, kind: 'warm', warmUp }, LOAD_TIMEOUT_MS).then((r) => {
      if (!r.ok) throw new Error(r.error);
      if (noticed !== null) {
        reportHealth({ worker: 'planner', state: 'recovered', ms: Date.now() - noticed });
        noticed = null;
      }
      return (r.result as SolverResults['warm']).loadMs;
    })).catch((err: unknown) => {
      ready = undefined; // the next request tries to load again
      throw err;
    });

  /** Runs one request in turn; on timeout or failure returns `fallback(reason, note)` instead. */
  const request = <K extends keyof SolverResults>(
    make: (id: number) => SolverRequest & { kind: K },
    timeoutMs: number,
    fallback: (reason: Fallback, note: string) => SolverResults[K],
  ): Promise<SolverResults[K]> => {
    const run = async (retry = false): Promise<SolverResults[K]> => {
      let response: SolverResponse;
      try {
        if (policy.gaveUp) throw new WorkerLostError('planner', true);
        await load(false);
        response = await send(make(nextId++), timeoutMs);
      } catch (err) {
        // The worker died under the request: once more on a new one.
        if (err instanceof WorkerDiedError && !retry) return run(true);
        const lost = err instanceof WorkerDiedError ? new WorkerLostError('planner') : err;
        const note = lost instanceof Error ? lost.message : String(lost);
        return fallback(reasonOf(lost), note);
      }
      if (response.ok) return response.result as SolverResults[K];
      if (response.planning) throw new PlanningError(response.error);
      return fallback('solver-error', response.error);
    };
    const result = queue.then(
      () => run(),
      () => run(),
    );
    queue = result.catch(() => undefined);
    return result;
  };

  const limitSec = (timeoutMs: number) => Math.max(0.05, (timeoutMs * 0.8) / 1000);

  return {
    warm: () => load(true),
    solve(instance, limit, options = {}) {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const method = options.method ?? 'exact';
      return request(
        (id) => ({
          id,
          kind: 'solve',
          instance,
          limit,
          options: { method, timeLimitSec: limitSec(timeoutMs) },
        }),
        timeoutMs,
        (fallback, note) => ({ ...solvePlan(instance, limit, { method: 'greedy' }), fallback, note }),
      );
    },
    curve(instance, kMax, options = {}) {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const method = options.method ?? 'exact';
      return request(
        (id) => ({
          id,
          kind: 'curve',
          instance,
          kMax,
          options: { method, timeLimitSec: limitSec(timeoutMs) / Math.max(1, kMax) },
        }),
        timeoutMs,
        (fallback, note) =>
          coverageCurve(instance, kMax, { method: 'greedy' }).map((pt) => ({
            ...pt,
            solution: { ...pt.solution, fallback, note },
          })),
      );
    },
    cover(instance, options = {}) {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      return request(
        (id) => ({ id, kind: 'cover', instance, timeLimitSec: limitSec(timeoutMs) }),
        timeoutMs,
        // Without HiGHS: the greedy cover (a malformed instance throws a PlanningError here too).
        () => minimumCover(instance),
      );
    },
    terminate() {
      stop(new Error('solver terminated'));
    },
  };
}
