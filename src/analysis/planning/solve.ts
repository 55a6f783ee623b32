/**
 * One entry point for siting, used by the browser worker and the CLI alike: the exact MIP (HiGHS) or the
 * greedy heuristic, returning a {@link PlanSolution} with its gap stated. When HiGHS stops at its time limit,
 * the better of its incumbent and the greedy answer is returned with the best bound either proves.
 */
import type { Highs } from 'highs';
import { greedySolve } from './greedy';
import { solveMclpHighs } from './mclp-highs';
import { checkLimit, compileInstance, type PlanningInstance, type SitingLimit } from './problem';
import { describeSolution, relativeGap, type PlanSolution, type SolveMethod } from './solution';

/** How to solve. */
export interface SolveOptions {
  method: SolveMethod;
  /** HiGHS time limit (s) for the exact method. */
  timeLimitSec?: number;
}

const now = () => performance.now();

/**
 * Solves an instance under a limit. `highs` is needed for 'exact' (and, when given to 'greedy', tightens the
 * greedy gap with the LP relaxation bound). Throws PlanningError on a malformed instance or limit.
 */
export function solvePlan(
  instance: PlanningInstance,
  limit: SitingLimit,
  options: SolveOptions,
  highs?: Highs,
): PlanSolution {
  const t0 = now();
  const p = compileInstance(instance);
  checkLimit(limit);
  const greedy = greedySolve(p, limit);
  if (options.method === 'greedy') {
    let bound = greedy.upperBound;
    if (highs && relativeGap(greedy.objective, bound) > 0) {
      bound = Math.min(bound, solveMclpHighs(highs, p, limit, { relax: true }).bound);
    }
    const status = relativeGap(greedy.objective, bound) <= 1e-12 ? 'optimal' : 'heuristic';
    return describeSolution(p, greedy.sites, { method: 'greedy', status, upperBound: bound, ms: now() - t0 });
  }
  if (relativeGap(greedy.objective, greedy.upperBound) === 0) {
    // The greedy plan meets its own upper bound: it is optimal, proven without the MIP (e.g. when the
    // existing units already cover everything they can). Reported as exact, since it is proven.
    return {
      ...describeSolution(p, greedy.sites, {
        method: 'exact',
        status: 'optimal',
        upperBound: 0,
        ms: now() - t0,
      }),
      note: 'proven optimal by the greedy bound; no MIP needed',
    };
  }
  if (!highs) throw new Error('the exact method needs the HiGHS solver');
  const exact = solveMclpHighs(highs, p, limit, { timeLimitSec: options.timeLimitSec });
  if (exact.status === 'optimal') {
    return describeSolution(p, exact.sites, {
      method: 'exact',
      status: 'optimal',
      // Proven optimal: the bound is the recomputed objective itself (no float noise from HiGHS's sum).
      upperBound: 0,
      ms: now() - t0,
    });
  }
  if (exact.status === 'infeasible') {
    // Cannot happen for a checked instance (opening nothing is always feasible): say so loudly.
    throw new Error('HiGHS reported the siting problem infeasible');
  }
  const bound = Math.min(exact.bound, greedy.upperBound);
  const useExact = exact.status === 'time-limit' && exact.objective >= greedy.objective;
  const solution = describeSolution(p, useExact ? exact.sites : greedy.sites, {
    method: useExact ? 'exact' : 'greedy',
    status: useExact ? 'time-limit' : 'heuristic',
    upperBound: bound,
    ms: now() - t0,
  });
  return useExact ? solution : { ...solution, fallback: 'timeout', note: 'HiGHS hit its time limit' };
}
