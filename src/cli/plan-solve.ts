/** Solves the plan on its instance with HiGHS, and the extras the options ask for (curve, cover, gap, sets). */
import type { Highs } from 'highs';
import { coverageCurve } from '../analysis/planning/curve';
import { coverageGap, type CoverageGap } from '../analysis/planning/gap';
import type { PlanningInstance } from '../analysis/planning/problem';
import { minimumCover, type CoverSolution } from '../analysis/planning/set-cover';
import type { PlanSolution } from '../analysis/planning/solution';
import { solvePlan } from '../analysis/planning/solve';
import { round } from './plan-format';
import type { PlanOptions } from './plan-options';

/** One point of the printed coverage curve. */
export interface CurveRow {
  k: number;
  objective: number;
  share: number;
  gain: number;
  sites: string[];
  status: string;
  gap: number;
  ms: number;
}

/** What --curve, --cover, --gap and --emit-coverage add, in the order the JSON prints them. */
export interface PlanExtras {
  curve?: CurveRow[];
  cover?: CoverSolution;
  coverageGap?: CoverageGap;
  demand?: Record<string, number>;
  coverage?: Record<string, readonly string[]>;
}

/** The plan under the options' limit and method, and its extras. */
export function solveWithExtras(
  instance: PlanningInstance,
  o: PlanOptions,
  highs: Highs,
): { solution: PlanSolution; extras: PlanExtras } {
  const solution = solvePlan(instance, o.limit, { method: o.method }, highs);
  const extras: PlanExtras = {};
  if (o.curve !== undefined) {
    extras.curve = coverageCurve(instance, o.curve, { method: o.method }, highs).map((p): CurveRow => ({
      k: p.k,
      objective: p.objective,
      share: p.share,
      gain: p.gain,
      sites: p.solution.sites,
      status: p.solution.status,
      gap: p.solution.gap,
      ms: round(p.solution.ms),
    }));
  }
  if (o.cover) extras.cover = minimumCover(instance, highs);
  if (o.gap) extras.coverageGap = coverageGap(instance);
  if (o.emitCoverage) {
    extras.demand = Object.fromEntries(instance.demand.map((d) => [d.id, d.weight]));
    extras.coverage = Object.fromEntries(instance.coverage);
  }
  return { solution, extras };
}
