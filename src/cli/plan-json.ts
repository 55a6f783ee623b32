/** The plan command's `--json` output: the inputs' provenance, the solution and the extras, as one object. */
import { catchmentCode } from '../analysis/catchment';
import type { PlanSolution } from '../analysis/planning/solution';
import type { PlanInputs } from './plan-data';
import { round } from './plan-format';
import type { PlanOptions } from './plan-options';
import type { PlanExtras } from './plan-solve';

function solutionJson(s: PlanSolution) {
  return {
    method: s.method,
    status: s.status,
    sites: s.sites,
    marginalGains: s.marginalGains,
    objective: s.objective,
    baseline: s.baseline,
    totalDemand: s.totalDemand,
    reachableDemand: s.reachableDemand,
    upperBound: s.upperBound,
    gap: s.gap,
    cost: s.cost,
    covered: s.covered,
    ms: round(s.ms),
  };
}

/** The JSON object `plan --json` prints. */
export function planJson(inputs: PlanInputs, o: PlanOptions, s: PlanSolution, extras: PlanExtras) {
  return {
    year: inputs.year,
    catchment: catchmentCode(o.catchment),
    limit: o.limit,
    ...('k' in o.limit
      ? { k: o.limit.k }
      : {
          budget: o.limit.budget,
          costSource: inputs.costSource,
          totalCost: s.cost,
          budgetLeft: o.limit.budget - s.cost,
        }),
    demandSource: inputs.demandSource,
    weights: inputs.weights,
    existing: inputs.existing.map((u) => u.id),
    noDemand: inputs.noDemand,
    ...solutionJson(s),
    ...extras,
  };
}

/** `plan --json`'s text: the object, indented by 2. */
export function planJsonText(
  inputs: PlanInputs,
  o: PlanOptions,
  s: PlanSolution,
  extras: PlanExtras,
): string {
  return JSON.stringify(planJson(inputs, o, s, extras), null, 2);
}
