/**
 * Coverage against the number of new units, k = 1..kMax: the best plan for each k (solved afresh, so the
 * sites for k + 1 need not contain those for k), the covered demand and share, and what the k-th unit adds.
 */
import type { Highs } from 'highs';
import type { PlanningInstance } from './problem';
import { PlanningError } from './problem';
import type { PlanSolution } from './solution';
import { solvePlan, type SolveOptions } from './solve';

/** One point of the curve. */
export interface CurvePoint {
  k: number;
  /** Covered demand (existing units + k new). */
  objective: number;
  /** objective / total demand (0 when there is no demand). */
  share: number;
  /** What going from k - 1 to k new units adds (from the existing units alone for k = 1). */
  gain: number;
  solution: PlanSolution;
}

/** The coverage curve for k = 1..kMax; `solve` defaults to {@link solvePlan}. */
export function coverageCurve(
  instance: PlanningInstance,
  kMax: number,
  options: SolveOptions,
  highs?: Highs,
  solve: typeof solvePlan = solvePlan,
): CurvePoint[] {
  if (!Number.isInteger(kMax) || kMax < 1 || kMax > 1000) {
    throw new PlanningError(`the curve needs kMax between 1 and 1000, got ${kMax}`);
  }
  const points: CurvePoint[] = [];
  let previous: number | undefined;
  for (let k = 1; k <= kMax; k++) {
    const solution = solve(instance, { k }, options, highs);
    const before = previous ?? solution.baseline;
    points.push({
      k,
      objective: solution.objective,
      share: solution.totalDemand > 0 ? solution.objective / solution.totalDemand : 0,
      gain: solution.objective - before,
      solution,
    });
    previous = solution.objective;
  }
  return points;
}
