/**
 * The planner's siting side: the existing units (asked of the engine, ./useUnits), children at risk once the
 * ranking has rested (so a slider step costs only the re-ranking and its repaint), the siting problem and the
 * existing units' coverage gap under the catchment, and solving it for the settings on screen (HiGHS in a
 * worker, ./useSolve).
 */
import { useMemo } from 'react';
import { catchmentGeometry, parseCatchment, type MunicipalityFeature } from '../../analysis/catchment';
import { coverageGap } from '../../analysis/planning/gap';
import { siteReach, sitingInstance } from '../../analysis/planning/need-demand';
import type { Catalog } from '../../engine/schema';
import type { Boundaries } from '../../engine/static';
import type { EngineStatus } from '../useEngine';
import { atRiskOf, costedOf } from './planner-derive';
import type { PlannerSettings } from './settings';
import type { Need } from './useNeed';
import type { ValuesByIndicator } from './usePlannerValues';
import { REST_MS, useRested } from './useRested';
import { limitOf, solveKeyOf, useSolve } from './useSolve';
import { useUnits } from './useUnits';

/** Where the plan is asked for: the year, the catchment code and the suppression threshold. */
export interface SitingChoices {
  year: number;
  catchment: string;
  k: number;
}

/** The units, children at risk, problem, gap and solving state for the current settings. */
export function usePlannerSiting(
  status: EngineStatus,
  boundaries: Boundaries,
  need: Need | null,
  values: ValuesByIndicator | null,
  settings: PlannerSettings,
  { year, catchment: code, k }: SitingChoices,
  version: number,
  /** The served folder's catalog while the data on screen is still its own (its units can be read early). */
  early: Catalog | null,
) {
  const geom = useMemo(
    () => catchmentGeometry(boundaries.features as unknown as MunicipalityFeature[]),
    [boundaries],
  );
  const units = useUnits(status, year, early);
  const catchment = useMemo(() => parseCatchment(code), [code]);
  const deferredNeed = useRested(need, REST_MS);
  const atRisk = useMemo(() => atRiskOf(deferredNeed, values), [deferredNeed, values]);
  const reachable = useMemo(
    () => (units ? siteReach(geom, catchment, units) : null),
    [geom, catchment, units],
  );
  const instance = useMemo(
    () => (atRisk && reachable ? sitingInstance(atRisk.demand, reachable) : null),
    [atRisk, reachable],
  );
  const gap = useMemo(() => (instance ? coverageGap(instance) : null), [instance]);
  const gapByLau = useMemo(() => (gap ? new Map(gap.rows.map((r) => [r.id, r.uncovered])) : null), [gap]);
  const { budget } = settings;
  const costed = useMemo(() => costedOf(instance, budget), [instance, budget]);
  const key = solveKeyOf({ ...settings, catchment: code, year }, k, version);
  const solve = useSolve(instance, costed, limitOf(settings), key);
  return { geom, units, atRisk, instance, gap, gapByLau, ...solve };
}
