/**
 * The planner's solver client when its worker dies (test/planning/solver-client.test.ts has the rest): the
 * request running runs again, once, on a new worker and comes back exact; a second death gives the greedy
 * plan with `fallback: 'worker-lost'`; a crash loop stops starting workers.
 */
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import type { PlanningInstance } from '../../src/analysis/planning/problem';
import { createSolverClient, type WorkerLike } from '../../src/analysis/planning/solver-client';
import { createSolverHandler } from '../../src/analysis/planning/solver-handler';
import type { SolverRequest, SolverResponse } from '../../src/analysis/planning/solver-protocol';

/** Fake workers running the real handler; `dies(n, req)`: worker n dies when it is sent `req`. */
function workers(dies: (worker: number, req: SolverRequest) => boolean) {
  const handle = createSolverHandler(() => loadHighs());
  const made: { dead: boolean }[] = [];
  const make = (): WorkerLike => {
    const n = made.length;
    const state = { dead: false };
    made.push(state);
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      ondeath: null,
      postMessage(req) {
        if (state.dead) return;
        if (dies(n, req)) {
          state.dead = true;
          setTimeout(() => w.ondeath?.(), 5);
          return;
        }
        void handle(structuredClone(req)).then((res) => {
          if (!state.dead) w.onmessage?.({ data: structuredClone(res) } as MessageEvent<SolverResponse>);
        });
      },
      terminate() {
        state.dead = true;
      },
    };
    return w;
  };
  return { make, made };
}

const towns = ['t0', 't1', 't2', 't3', 't4', 't5'];
const instance: PlanningInstance = {
  demand: towns.map((id, i) => ({ id, weight: [5, 1, 8, 2, 9, 3][i]! })),
  sites: [...towns.map((id) => ({ id })), { id: 'unit:a', existing: true }],
  coverage: new Map([
    ...towns.map((id, i): [string, string[]] => [id, towns.slice(Math.max(0, i - 1), i + 2)]),
    ['unit:a', ['t0']],
  ]),
};

describe('solver client, worker deaths', { timeout: 30_000 }, () => {
  it('a solve whose worker dies runs again on a new worker, exact', async () => {
    const { make, made } = workers((n, req) => n === 0 && req.kind === 'solve');
    const client = createSolverClient(make);
    const plan = await client.solve(instance, { k: 1 });
    expect(plan).toMatchObject({ method: 'exact', status: 'optimal', sites: ['t3'] });
    expect(plan.fallback).toBeUndefined();
    expect(made.length).toBe(2);
    client.terminate();
  });

  it('a second death gives the greedy plan, saying the worker was lost', async () => {
    const { make, made } = workers((n, req) => n < 2 && req.kind === 'solve');
    const client = createSolverClient(make);
    const plan = await client.solve(instance, { k: 1 });
    expect(plan).toMatchObject({ method: 'greedy', fallback: 'worker-lost' });
    expect(plan.note).toMatch(/stopped twice/);
    // The next request is answered by a third worker, exactly.
    expect(await client.solve(instance, { k: 1 })).toMatchObject({ method: 'exact', sites: ['t3'] });
    expect(made.length).toBe(3);
    client.terminate();
  });

  it('a crash loop stops starting workers: every plan is greedy, said so', async () => {
    const { make, made } = workers(() => true);
    const client = createSolverClient(make);
    const first = await client.solve(instance, { k: 1 });
    expect(first).toMatchObject({ method: 'greedy', fallback: 'worker-lost' });
    const later = await client.solve(instance, { k: 2 });
    expect(later).toMatchObject({ method: 'greedy', fallback: 'worker-lost' });
    const started = made.length;
    expect(started).toBeLessThanOrEqual(5);
    expect((await client.solve(instance, { k: 1 })).note).toMatch(/not restarted again/);
    expect(made.length).toBe(started);
    client.terminate();
  });
});
