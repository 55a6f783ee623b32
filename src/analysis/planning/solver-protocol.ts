/**
 * Messages between the page and the solver worker (solver-worker.ts). Every request carries an id; the
 * worker answers each with the same id, a result or an error. All payloads are structured-cloneable.
 */
import type { CurvePoint } from './curve';
import type { PlanningInstance, SitingLimit } from './problem';
import type { CoverSolution } from './set-cover';
import type { PlanSolution } from './solution';
import type { SolveOptions } from './solve';

/** What the page asks the worker. */
export type SolverRequest = { id: number } &
  /** Load HiGHS; with `warmUp`, also run one solve on a made-up instance (see solver-handler.ts). */
  (
    | { kind: 'warm'; warmUp: boolean }
    | { kind: 'solve'; instance: PlanningInstance; limit: SitingLimit; options: SolveOptions }
    | { kind: 'curve'; instance: PlanningInstance; kMax: number; options: SolveOptions }
    | { kind: 'cover'; instance: PlanningInstance; timeLimitSec?: number }
  );

/** The result type of each request kind. */
export interface SolverResults {
  warm: { loadMs: number };
  solve: PlanSolution;
  curve: CurvePoint[];
  cover: CoverSolution;
}

/** The worker's answer. `planning` marks a problem with the instance itself (a PlanningError). */
export type SolverResponse =
  | { id: number; ok: true; result: SolverResults[keyof SolverResults] }
  | { id: number; ok: false; error: string; planning: boolean };
