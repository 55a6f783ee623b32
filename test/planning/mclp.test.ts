/**
 * The exact MCLP solver (HiGHS) against brute-force enumeration on random instances of up to 12 sites, for
 * a count limit and a budget; the greedy answer never beats it and its stated bound never falls below it.
 */
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solveMclpHighs } from '../../src/analysis/planning/mclp-highs';
import {
  compileInstance,
  coveredDemand,
  existingSites,
  withinLimit,
} from '../../src/analysis/planning/problem';
import { solvePlan } from '../../src/analysis/planning/solve';
import { arbInstance, bruteForceBest } from './instances';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('exact MCLP', { timeout: 60_000 }, () => {
  it('matches exhaustive enumeration for k (n <= 12 sites)', () => {
    fc.assert(
      fc.property(arbInstance(), fc.integer({ min: 0, max: 6 }), (instance, k) => {
        const exact = solvePlan(instance, { k }, { method: 'exact' }, highs);
        const best = bruteForceBest(instance, { k });
        expect(exact.status).toBe('optimal');
        expect(exact.gap).toBe(0);
        expect(close(exact.objective, best)).toBe(true);
        expect(exact.sites.length).toBeLessThanOrEqual(k);
      }),
      { numRuns: 150, seed: 20151 },
    );
  });

  it('the MIP itself (without the greedy-bound shortcut) matches exhaustive enumeration', () => {
    fc.assert(
      fc.property(arbInstance(), fc.integer({ min: 0, max: 6 }), fc.boolean(), (instance, k, budget) => {
        const p = compileInstance(instance);
        const limit = budget ? { budget: k } : { k };
        const answer = solveMclpHighs(highs, p, limit);
        const best = bruteForceBest(instance, limit);
        expect(answer.status).toBe('optimal');
        expect(withinLimit(p, answer.sites, limit)).toBe(true);
        expect(close(coveredDemand(p, [...existingSites(p), ...answer.sites]), best)).toBe(true);
        expect(close(answer.objective, best)).toBe(true);
      }),
      { numRuns: 150, seed: 23 },
    );
  });

  it('matches exhaustive enumeration for a budget with costs', () => {
    fc.assert(
      fc.property(arbInstance({ costs: true }), fc.integer({ min: 0, max: 12 }), (instance, budget) => {
        const exact = solvePlan(instance, { budget }, { method: 'exact' }, highs);
        const best = bruteForceBest(instance, { budget });
        expect(close(exact.objective, best)).toBe(true);
        expect(exact.cost).toBeLessThanOrEqual(budget);
        const greedy = solvePlan(instance, { budget }, { method: 'greedy' }, highs);
        expect(greedy.objective).toBeLessThanOrEqual(best + 1e-9 * Math.max(1, best));
        expect(greedy.cost).toBeLessThanOrEqual(budget);
        expect(greedy.upperBound).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, best));
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('greedy never beats the optimum and its bound (with and without HiGHS) never falls below it', () => {
    fc.assert(
      fc.property(arbInstance(), fc.integer({ min: 1, max: 6 }), (instance, k) => {
        const best = bruteForceBest(instance, { k });
        for (const g of [
          solvePlan(instance, { k }, { method: 'greedy' }),
          solvePlan(instance, { k }, { method: 'greedy' }, highs),
        ]) {
          expect(g.objective).toBeLessThanOrEqual(best + 1e-9 * Math.max(1, best));
          expect(g.upperBound).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, best));
          expect(g.gap).toBeGreaterThanOrEqual(0);
          expect(g.objective).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best - 1e-9 * Math.max(1, best));
          if (g.status === 'optimal') expect(close(g.objective, best)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
