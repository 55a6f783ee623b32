/**
 * The expansion planner (issue 5): an explainable need index with weights the planner sets, rank intervals
 * under perturbed weights, the need map and ranking, the coverage gap of the existing units, optimal siting
 * of new units (HiGHS in a worker, greedy fallback), saved and compared scenarios in the URL, CSV export and
 * a printable brief. Cut as a client: hooks that ask the engine and the solver (./usePlannerView and the
 * hooks it composes), a pure props builder (./planner-props) and a layout (./PlannerLayout).
 */
import type { ViewContext } from '../views';
import { PlannerLayout } from './PlannerLayout';
import { usePlannerView } from './usePlannerView';
import './planner.css';

/** The planner view. */
export default function PlannerView(ctx: ViewContext) {
  return <PlannerLayout {...usePlannerView(ctx)} />;
}
