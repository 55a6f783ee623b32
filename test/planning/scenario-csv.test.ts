/**
 * A scenario as CSV (src/ui/planner/scenario-csv.ts): with k, the k column; with a budget, the budget, cost
 * per unit, costs file and total cost on every row, and each chosen site's cost.
 */
import { describe, expect, it } from 'vitest';
import { scenarioCsv, type ScenarioRow } from '../../src/ui/planner/scenario-csv';
import { DEFAULT_BUDGET, type Scenario } from '../../src/ui/planner/settings';

const scenario: Scenario = {
  name: 'Two sites',
  weights: { a: 100 },
  norm: 'minmax',
  catchment: '25km',
  year: 2025,
  k: 3,
  budget: DEFAULT_BUDGET,
  result: {
    sites: ['AL112', 'AL111'],
    gains: [40, 10],
    covered: 80,
    baseline: 30,
    total: 100,
    status: 'optimal',
    method: 'exact',
    gap: 0,
  },
  saved: '2026-11-30',
};

const row = (lau: string, rank: number, site: number): ScenarioRow => ({
  score: { lau_code: lau, score: 1 / rank, rank, contributions: { a: 1 / rank }, missing: [] },
  name: lau,
  county: 'Berat',
  atRisk: 10,
  coveredBefore: false,
  coveredAfter: site > 0,
  site,
  gain: site > 0 ? 5 : null,
});

/** The CSV as records keyed by header. */
function parse(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
}

describe('scenario CSV', () => {
  const rows = [row('AL111', 1, 2), row('AL112', 2, 1), row('AL113', 3, 0)];

  it('with k: the k column, no budget figures', () => {
    const out = parse(scenarioCsv(scenario, rows, ['a']));
    expect(out[0]).toMatchObject({
      limit: 'k',
      k: '3',
      budget_eur_per_year: '',
      total_cost_eur_per_year: '',
    });
    expect(out.map((r) => r['new_site_cost_eur_per_year'])).toEqual(['', '', '']);
  });

  it('with a budget and a costs file: the budget settings, total cost and each site cost', () => {
    const budget = {
      ...DEFAULT_BUDGET,
      mode: 'budget' as const,
      budget: 120_000,
      costs: { AL111: 45_000 },
      costsFile: 'kosto.csv',
    };
    const out = parse(scenarioCsv({ ...scenario, budget }, rows, ['a']));
    expect(out[0]).toMatchObject({
      limit: 'budget',
      k: '',
      budget_eur_per_year: '120000',
      cost_per_unit_eur_per_year: '60000',
      costs_file: 'kosto.csv',
      total_cost_eur_per_year: '105000',
    });
    expect(out.map((r) => r['new_site_cost_eur_per_year'])).toEqual(['45000', '60000', '']);
  });
});
