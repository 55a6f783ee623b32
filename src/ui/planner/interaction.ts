/**
 * The planner's measured interactions (common/perf): the key an input's result is drawn under. A change the
 * need map shows (new weights, a plan appearing or going) is measured to the map's frame; one it does not (k
 * before any plan is solved, say) to the frame after React commits the new settings.
 */
import { plannerMapKey } from './planner-map-props';
import type { PlannerSettings } from './settings';
import { solveKeyOf } from './useSolve';

/** The key of the settings on screen, committed once `state.planner` holds them. */
export const settingsKey = (encoded: string): string => `planner-settings:${encoded}`;

/** What the planner holds when an input arrives. */
export interface PlannerNow {
  /** The need index is on screen (the map draws). */
  ready: boolean;
  valuesKey: string;
  /** The key the map draws now (null before the need index). */
  mapKey: string | null;
  /** The key of the last plan solved, if any (it shows again when the settings return to it). */
  solvedKey: string | null;
  catchment: string;
  year: number;
  suppressionK: number;
  version: number;
}

/** The key to measure an input to: the map's next key if it changes, else the committed settings'. */
export function plannerInteractionKey(next: PlannerSettings, encoded: string, now: PlannerNow): string {
  const solveKey = solveKeyOf(
    { ...next, catchment: now.catchment, year: now.year },
    now.suppressionK,
    now.version,
  );
  const mapKey = plannerMapKey(
    now.ready,
    now.valuesKey,
    next,
    now.solvedKey === solveKey ? solveKey : undefined,
  );
  return mapKey !== null && mapKey !== now.mapKey ? mapKey : settingsKey(encoded);
}
