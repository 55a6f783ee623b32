/**
 * The solver worker's logic without the worker: answers one request with a lazily loaded HiGHS runtime.
 * Kept apart from solver-worker.ts so Node tests can run it in-process.
 */
import type { Highs } from 'highs';
import { coverageCurve } from './curve';
import { solveMclpHighs } from './mclp-highs';
import { compileInstance, PlanningError } from './problem';
import { minimumCover } from './set-cover';
import { solvePlan } from './solve';
import type { SolverRequest, SolverResponse } from './solver-protocol';

/**
 * A solve on a made-up instance the size of the real one (61 sites on a ring, each reaching two places on
 * either side, k = 10): run once after loading, so WASM compiles the solver's code paths while the user is
 * still choosing settings rather than on their first click.
 */
export function warmUp(highs: Highs): void {
  const n = 61;
  const ids = Array.from({ length: n }, (_, i) => `w${i}`);
  const p = compileInstance({
    demand: ids.map((id, i) => ({ id, weight: ((i * 37) % 101) + 1 })),
    sites: ids.map((id) => ({ id })),
    coverage: new Map(ids.map((id, i) => [id, [-2, -1, 0, 1, 2].map((d) => ids[(i + d + n) % n]!)])),
  });
  solveMclpHighs(highs, p, { k: 10 });
}

/** Returns a request handler; `load` is called once, on the first request that needs HiGHS. */
export function createSolverHandler(
  load: () => Promise<Highs>,
): (req: SolverRequest) => Promise<SolverResponse> {
  let highs: Promise<Highs> | undefined;
  let loadMs = 0;
  const runtime = () => {
    if (!highs) {
      const t0 = performance.now();
      highs = load().then((h) => {
        loadMs = performance.now() - t0;
        return h;
      });
      // A failed load is retried on the next request.
      highs.catch(() => (highs = undefined));
    }
    return highs;
  };
  return async (req) => {
    try {
      switch (req.kind) {
        case 'warm': {
          const h = await runtime();
          if (req.warmUp) warmUp(h);
          return { id: req.id, ok: true, result: { loadMs } };
        }
        case 'solve': {
          const h = req.options.method === 'exact' ? await runtime() : await runtime().catch(() => undefined);
          return { id: req.id, ok: true, result: solvePlan(req.instance, req.limit, req.options, h) };
        }
        case 'curve': {
          const h = await runtime();
          return { id: req.id, ok: true, result: coverageCurve(req.instance, req.kMax, req.options, h) };
        }
        case 'cover': {
          const h = await runtime();
          return {
            id: req.id,
            ok: true,
            result: minimumCover(req.instance, h, { timeLimitSec: req.timeLimitSec }),
          };
        }
      }
    } catch (err) {
      return {
        id: req.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        planning: err instanceof PlanningError,
      };
    }
  };
}
