/**
 * Malformed and degenerate siting inputs: clear errors for what cannot be solved, sensible answers for
 * what is merely empty (no demand, no candidates, k = 0, a budget nothing fits, demand no site reaches).
 */
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageCurve } from '../../src/analysis/planning/curve';
import { PlanningError, type PlanningInstance } from '../../src/analysis/planning/problem';
import { minimumCover } from '../../src/analysis/planning/set-cover';
import { solvePlan } from '../../src/analysis/planning/solve';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const base: PlanningInstance = {
  demand: [
    { id: 'a', weight: 10 },
    { id: 'b', weight: 5 },
    { id: 'c', weight: 7 },
  ],
  sites: [
    { id: 'A', cost: 3 },
    { id: 'B', cost: 1 },
    { id: 'C', cost: 2 },
    { id: 'U', existing: true },
  ],
  coverage: new Map([
    ['A', ['a', 'b']],
    ['B', ['b']],
    ['C', ['c']],
    ['U', ['b']],
  ]),
};

const solve = (i: PlanningInstance, limit: { k: number } | { budget: number }) =>
  solvePlan(i, limit, { method: 'exact' }, highs);

describe('siting inputs', { timeout: 30_000 }, () => {
  it.each([
    [
      'a duplicate demand id',
      { ...base, demand: [...base.demand, { id: 'a', weight: 1 }] },
      /"a" appears twice/,
    ],
    ['a duplicate site id', { ...base, sites: [...base.sites, { id: 'A' }] }, /site id "A" appears twice/],
    ['a negative demand', { ...base, demand: [{ id: 'a', weight: -1 }] }, /finite number >= 0/],
    ['a NaN demand', { ...base, demand: [{ id: 'a', weight: NaN }] }, /finite number >= 0/],
    ['a negative cost', { ...base, sites: [{ id: 'A', cost: -2 }] }, /cost of site "A"/],
    ['coverage of an unknown site', { ...base, coverage: new Map([['Z', ['a']]]) }, /unknown site "Z"/],
    [
      'coverage of an unknown demand point',
      { ...base, coverage: new Map([['A', ['zz']]]) },
      /unknown demand point "zz"/,
    ],
    ['an empty id', { ...base, demand: [{ id: '', weight: 1 }] }, /has no id/],
  ])('rejects %s', (_, instance, message) => {
    expect(() => solve(instance as PlanningInstance, { k: 1 })).toThrow(PlanningError);
    expect(() => solve(instance as PlanningInstance, { k: 1 })).toThrow(message);
  });

  it.each([[{ k: -1 }], [{ k: 1.5 }], [{ k: NaN }], [{ budget: -1 }], [{ budget: Infinity }]])(
    'rejects the limit %j',
    (limit) => {
      expect(() => solve(base, limit as never)).toThrow(PlanningError);
    },
  );

  it('rejects a curve without points', () => {
    expect(() => coverageCurve(base, 0, { method: 'greedy' })).toThrow(/kMax/);
  });

  it('k = 0 keeps only the existing units', () => {
    const s = solve(base, { k: 0 });
    expect(s).toMatchObject({
      sites: [],
      existing: ['U'],
      objective: 5,
      baseline: 5,
      status: 'optimal',
      gap: 0,
    });
  });

  it('a k larger than the candidates opens only the sites that add something', () => {
    const s = solve(base, { k: 10 });
    expect(s.objective).toBe(22);
    expect([...s.sites].sort()).toEqual(['A', 'C']);
  });

  it('the budget variant keeps to the budget', () => {
    expect(solve(base, { budget: 2 })).toMatchObject({ sites: ['C'], objective: 12, cost: 2 });
    expect(solve(base, { budget: 3 })).toMatchObject({ sites: ['A'], objective: 15, cost: 3 });
    expect(solve(base, { budget: 5 }).objective).toBe(22);
    expect(solve(base, { budget: 0.5 })).toMatchObject({ sites: [], objective: 5 });
  });

  it('handles no demand, no candidates and demand no site reaches', () => {
    const none = solve({ demand: [], sites: [], coverage: new Map() }, { k: 3 });
    expect(none).toMatchObject({ sites: [], objective: 0, totalDemand: 0, gap: 0 });
    const zero = solve({ ...base, demand: base.demand.map((d) => ({ ...d, weight: 0 })) }, { k: 2 });
    expect(zero).toMatchObject({ sites: [], objective: 0 });
    const far = { ...base, demand: [...base.demand, { id: 'd', weight: 100 }] };
    const s = solve(far, { k: 3 });
    expect(s.reachableDemand).toBe(22);
    expect(s.totalDemand).toBe(122);
    expect(minimumCover(far, highs)).toMatchObject({ unreachable: ['d'], count: 2, status: 'optimal' });
  });

  it('says that greedy is optimal only when its bound proves it', () => {
    const s = solvePlan(base, { k: 1 }, { method: 'greedy' }, highs);
    expect(s.method).toBe('greedy');
    expect(s.objective).toBe(15);
    expect(s.status === 'optimal').toBe(s.gap === 0);
  });
});
