/** What the plan command line asks for, and the error a mistake on it raises. */
import type { Catchment } from '../analysis/catchment';
import type { SitingLimit } from '../analysis/planning/problem';
import type { SolveMethod } from '../analysis/planning/solution';

/** The plan command's options. */
export interface PlanOptions {
  /** At most k new units, or a budget for their summed cost. */
  limit: SitingLimit;
  /** Cost of a new unit wherever the costs file gives none (budget only). */
  cost?: number;
  /** The costs file (budget only). */
  costs?: string;
  catchment: Catchment;
  year?: number;
  existing?: string[];
  weights?: Record<string, number>;
  demand?: string;
  method: SolveMethod;
  curve?: number;
  cover: boolean;
  gap: boolean;
  emitCoverage: boolean;
  json: boolean;
}

/** A mistake on the plan command line (exit code 2). */
export class PlanUsageError extends Error {}
