/**
 * The solver client over an in-process fake worker running the real handler (solver-handler.ts) with HiGHS
 * loaded in Node: answers in order, falls back to greedy (and says so) on a timeout, a failed load or a
 * crashed worker, and rejects a malformed instance with a PlanningError.
 */
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { PlanningError, type PlanningInstance } from '../../src/analysis/planning/problem';
import { createSolverClient, type WorkerLike } from '../../src/analysis/planning/solver-client';
import { createSolverHandler } from '../../src/analysis/planning/solver-handler';
import type { SolverRequest, SolverResponse } from '../../src/analysis/planning/solver-protocol';

/** A worker that runs the handler in this process; `delayMs` holds every answer back. */
function fakeWorker(handle: (r: SolverRequest) => Promise<SolverResponse>, delayMs = 0) {
  const made: { terminated: boolean }[] = [];
  const make = (): WorkerLike => {
    const state = { terminated: false };
    made.push(state);
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        void handle(structuredClone(req)).then((res) =>
          setTimeout(() => {
            if (!state.terminated)
              w.onmessage?.({ data: structuredClone(res) } as MessageEvent<SolverResponse>);
          }, delayMs),
        );
      },
      terminate() {
        state.terminated = true;
      },
    };
    return w;
  };
  return { make, made };
}

// A line of 6 towns; each site covers itself and its neighbours; an existing unit at t0.
const towns = ['t0', 't1', 't2', 't3', 't4', 't5'];
const instance: PlanningInstance = {
  demand: towns.map((id, i) => ({ id, weight: [5, 1, 8, 2, 9, 3][i]! })),
  sites: [...towns.map((id) => ({ id })), { id: 'unit:a', existing: true }],
  coverage: new Map([
    ...towns.map((id, i): [string, string[]] => [id, towns.slice(Math.max(0, i - 1), i + 2)]),
    ['unit:a', ['t0']],
  ]),
};

describe('solver client', { timeout: 30_000 }, () => {
  it('solves in the worker, exactly, and in order', async () => {
    const { make } = fakeWorker(createSolverHandler(() => loadHighs()));
    const client = createSolverClient(make);
    const [one, two, curve, cover] = await Promise.all([
      client.solve(instance, { k: 1 }),
      client.solve(instance, { k: 2 }),
      client.curve(instance, 3),
      client.cover(instance),
    ]);
    expect(one).toMatchObject({
      method: 'exact',
      status: 'optimal',
      sites: ['t3'],
      objective: 5 + 8 + 2 + 9,
    });
    expect(two.objective).toBe(28);
    expect(two.existing).toEqual(['unit:a']);
    expect(curve.map((p) => p.objective)).toEqual([24, 28, 28]);
    expect(cover).toMatchObject({ method: 'exact', status: 'optimal', count: 2 });
    client.terminate();
  });

  it('falls back to greedy on the page when the worker does not answer in time', async () => {
    const { make, made } = fakeWorker(
      createSolverHandler(() => loadHighs()),
      400,
    );
    const client = createSolverClient(make);
    await client.warm();
    const plan = await client.solve(instance, { k: 2 }, { timeoutMs: 50 });
    expect(plan).toMatchObject({ method: 'greedy', fallback: 'timeout' });
    expect(plan.objective).toBeGreaterThan(0);
    expect(plan.upperBound).toBeGreaterThanOrEqual(28);
    expect(made[0]!.terminated).toBe(true);
    client.terminate();
  });

  it('falls back to greedy when HiGHS cannot load, and says why', async () => {
    const { make } = fakeWorker(createSolverHandler(() => Promise.reject(new Error('no wasm here'))));
    const client = createSolverClient(make);
    const plan = await client.solve(instance, { k: 1 });
    expect(plan).toMatchObject({ method: 'greedy', fallback: 'solver-error', note: 'no wasm here' });
    const curve = await client.curve(instance, 2);
    expect(curve.every((p) => p.solution.fallback === 'solver-error')).toBe(true);
  });

  it('rejects a malformed instance with a PlanningError', async () => {
    const { make } = fakeWorker(createSolverHandler(() => loadHighs()));
    const client = createSolverClient(make);
    const bad = { ...instance, demand: [...instance.demand, { id: 't0', weight: 1 }] };
    await expect(client.solve(bad, { k: 1 })).rejects.toThrow(PlanningError);
    await expect(client.solve(instance, { k: -1 })).rejects.toThrow(/whole number/);
    // The client still works afterwards.
    expect((await client.solve(instance, { k: 1 })).sites).toEqual(['t3']);
    client.terminate();
  });
});
