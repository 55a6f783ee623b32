/**
 * A scenario as CSV: one row per municipality with its rank, score, each indicator's contribution, children
 * at risk, whether it is covered before and after the plan, and whether it is a chosen site (with its gain,
 * and its cost under a budget). The settings (k, or the budget, cost per unit, costs file and total cost of
 * the plan) are repeated on every row so the file explains itself. Written by src/export/csv.ts (quoting,
 * formula-injection guard); no count below the small-count threshold is in it (indicator values are not
 * exported, only contributions of values the policy let through).
 */
import type { NeedScore } from '../../analysis/planning/need-index';
import { toCsv, type CsvColumn } from '../../export/csv';
import { planCost } from './budget';
import { siteCost, type Scenario } from './settings';

/** What one row needs. */
export interface ScenarioRow {
  score: NeedScore;
  name: string;
  county: string;
  atRisk: number | null;
  coveredBefore: boolean;
  coveredAfter: boolean;
  /** 1-based order among the chosen sites, or 0 when not chosen. */
  site: number;
  gain: number | null;
}

/** The CSV text of a scenario (with BOM, for Excel). */
export function scenarioCsv(
  scenario: Scenario,
  rows: readonly ScenarioRow[],
  ids: readonly string[],
): string {
  const b = scenario.budget;
  const byBudget = b.mode === 'budget';
  const total = scenario.result ? planCost(b, scenario.result.sites) : null;
  const fixed: CsvColumn<ScenarioRow>[] = [
    { header: 'scenario', value: () => scenario.name },
    { header: 'year', value: () => scenario.year },
    { header: 'normalisation', value: () => scenario.norm },
    { header: 'catchment', value: () => scenario.catchment },
    { header: 'limit', value: () => (byBudget ? 'budget' : 'k') },
    { header: 'k', value: () => (byBudget ? null : scenario.k) },
    { header: 'budget_eur_per_year', value: () => (byBudget ? b.budget : null) },
    { header: 'cost_per_unit_eur_per_year', value: () => (byBudget ? b.unitCost : null) },
    { header: 'costs_file', value: () => (byBudget && b.costs ? (b.costsFile ?? '') : null) },
    { header: 'total_cost_eur_per_year', value: () => (byBudget && total !== null ? total : null) },
    { header: 'lau_code', value: (r) => r.score.lau_code },
    { header: 'municipality', value: (r) => r.name },
    { header: 'county', value: (r) => r.county },
    { header: 'rank', value: (r) => r.score.rank },
    { header: 'score', value: (r) => r.score.score },
  ];
  const contributions: CsvColumn<ScenarioRow>[] = ids.map((id) => ({
    header: `contribution_${id} (weight ${scenario.weights[id] ?? 0}%)`,
    value: (r) => r.score.contributions[id] ?? 0,
  }));
  const rest: CsvColumn<ScenarioRow>[] = [
    { header: 'missing_or_suppressed', value: (r) => r.score.missing.join(' ') },
    { header: 'children_at_risk', value: (r) => (r.atRisk === null ? null : Math.round(r.atRisk * 10) / 10) },
    { header: 'covered_by_existing_units', value: (r) => (r.coveredBefore ? 1 : 0) },
    { header: 'covered_with_new_sites', value: (r) => (r.coveredAfter ? 1 : 0) },
    { header: 'new_site_order', value: (r) => (r.site > 0 ? r.site : null) },
    {
      header: 'new_site_marginal_gain',
      value: (r) => (r.gain === null ? null : Math.round(r.gain * 10) / 10),
    },
    {
      header: 'new_site_cost_eur_per_year',
      value: (r) => (byBudget && r.site > 0 ? siteCost(b, r.score.lau_code) : null),
    },
  ];
  return toCsv(rows, [...fixed, ...contributions, ...rest], { bom: true });
}
