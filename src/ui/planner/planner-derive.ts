/**
 * What the planner derives from the state and the engine's answers before the need map and the panels: the
 * need indicators and the settings the URL names, the places and chosen ids, children at risk and the problem
 * the solver gets under a budget. Pure: unit tested in Node; ./usePlannerView memoises each on its inputs.
 */
import { withCosts } from '../../analysis/planning/costs';
import { childrenAtRisk, type AtRisk } from '../../analysis/planning/need-demand';
import type { PlanningInstance } from '../../analysis/planning/problem';
import type { IndicatorMeta } from '../../engine/schema';
import type { MunicipalityProps } from '../../engine/static';
import type { Place } from './RankingTable';
import { decodeSettings, type BudgetSettings, type PlannerSettings } from './settings';
import type { Need } from './useNeed';
import type { ValuesByIndicator } from './usePlannerValues';
import { equalWeights } from './weights';

/** The indicator that counts children (the demand multiplier, not a need indicator). */
export const CHILDREN = 'child_pop';

/** The need indicators: every catalog indicator but the child count. */
export function needIndicatorsOf(indicators: readonly IndicatorMeta[]): IndicatorMeta[] {
  return indicators.filter((m) => m.id !== CHILDREN);
}

/** The URL's settings; weights naming indicators this dataset does not have are dropped (none left: defaults). */
export function settingsOf(
  encoded: string,
  defaults: PlannerSettings,
  needIndicators: readonly IndicatorMeta[],
): PlannerSettings {
  const s = decodeSettings(encoded, defaults);
  const known = Object.fromEntries(
    Object.entries(s.weights).filter(([id]) => needIndicators.some((m) => m.id === id)),
  );
  return Object.keys(known).length > 0 ? { ...s, weights: known } : { ...s, weights: defaults.weights };
}

/** Equal weights over the indicators chosen once `id` is switched on or off; null when none would be left. */
export function toggledWeights(
  needIndicators: readonly IndicatorMeta[],
  weights: Readonly<Record<string, number>>,
  id: string,
  on: boolean,
): Record<string, number> | null {
  const chosen = needIndicators.map((m) => m.id).filter((x) => (x === id ? on : x in weights));
  return chosen.length === 0 ? null : equalWeights(chosen);
}

/** Name and county of each municipality. */
export function placesOf(municipalities: readonly MunicipalityProps[]): Map<string, Place> {
  return new Map(municipalities.map((m) => [m.lau_code, { name: m.name, county: m.qark_name }]));
}

/** The chosen indicator ids, in slider order. */
export function chosenIds(
  needIndicators: readonly IndicatorMeta[],
  weights: Readonly<Record<string, number>>,
): string[] {
  return needIndicators.filter((m) => m.id in weights).map((m) => m.id);
}

/** Children x relative need per municipality (a suppressed child count is missing); null until both exist. */
export function atRiskOf(need: Need | null, values: ValuesByIndicator | null): AtRisk | null {
  if (!need || !values) return null;
  const children = new Map(
    [...(values.get(CHILDREN) ?? new Map())].map(([lau, v]) => [lau, v.suppressed ? null : v.value]),
  );
  return childrenAtRisk(need.result.scores, children);
}

/** The problem the solver gets: under a budget each site costs the file's cost or the cost per unit. */
export function costedOf(instance: PlanningInstance | null, budget: BudgetSettings): PlanningInstance | null {
  return instance && budget.mode === 'budget'
    ? withCosts(instance, budget.unitCost, budget.costs && new Map(Object.entries(budget.costs)))
    : instance;
}
