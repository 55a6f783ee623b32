/**
 * The page bench/planner.ts loads in Chromium: the app's own solver client and worker (Vite-bundled with
 * HiGHS's WASM, as in the app), driven through `window.plannerBench`. Times are measured here, around each
 * `await`, so they include posting the instance to the worker and cloning the answer back.
 */
import type { PlanningInstance } from '../../src/analysis/planning/problem';
import { createSolverClient } from '../../src/analysis/planning/solver-client';

/** An instance as JSON (coverage as entries). */
export interface InstanceJson {
  demand: PlanningInstance['demand'];
  sites: PlanningInstance['sites'];
  coverage: [string, string[]][];
}

/** What one page measured. */
export interface PageTimes {
  /** First k = kMax solve on a fresh page: worker start, WASM fetch and compile, solve (no warm-up). */
  coldMs: number;
  /** On a second fresh client: `warm()` (worker start, WASM load, warm-up solve), then the first solve. */
  startMs: number;
  firstAfterWarmMs: number;
  /** The same solve repeated (the worker and WASM warm). */
  warmMs: number[];
  /** k = 1..kMax, one solve each, warm. */
  perK: { k: number; ms: number; objective: number; method: string; status: string }[];
  /** The greedy answer's objective and stated gap for kMax (in the worker). */
  greedy: { objective: number; gap: number; ms: number };
  exactObjective: number;
}

declare global {
  interface Window {
    plannerBench: (json: InstanceJson, kMax: number, repeats: number) => Promise<PageTimes>;
  }
}

window.plannerBench = async (json, kMax, repeats) => {
  const instance: PlanningInstance = { ...json, coverage: new Map(json.coverage) };
  const client = createSolverClient();
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await f();
    return [r, performance.now() - t0];
  };
  try {
    const [first, coldMs] = await timed(() => client.solve(instance, { k: kMax }, { timeoutMs: 30_000 }));
    if (first.method !== 'exact' || first.status !== 'optimal') {
      throw new Error(`cold solve: ${first.method} ${first.status} ${first.note ?? ''}`);
    }
    client.terminate();
    const [, startMs] = await timed(() => client.warm());
    const [, firstAfterWarmMs] = await timed(() =>
      client.solve(instance, { k: kMax }, { timeoutMs: 30_000 }),
    );
    const warmMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      warmMs.push((await timed(() => client.solve(instance, { k: kMax }, { timeoutMs: 30_000 })))[1]);
    }
    const perK: PageTimes['perK'] = [];
    for (let k = 1; k <= kMax; k++) {
      const [s, ms] = await timed(() => client.solve(instance, { k }, { timeoutMs: 30_000 }));
      perK.push({ k, ms, objective: s.objective, method: s.method, status: s.status });
    }
    const [g, gms] = await timed(() => client.solve(instance, { k: kMax }, { method: 'greedy' }));
    return {
      coldMs,
      startMs,
      firstAfterWarmMs,
      warmMs,
      perK,
      greedy: { objective: g.objective, gap: g.gap, ms: gms },
      exactObjective: first.objective,
    };
  } finally {
    client.terminate();
  }
};
