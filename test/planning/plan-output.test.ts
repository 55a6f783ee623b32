/** `atlas plan`'s text and JSON output, on a hand-made plan (no engine, no solver). */
import { describe, expect, it } from 'vitest';
import type { PlanSolution } from '../../src/analysis/planning/solution';
import { parsePlanArgs } from '../../src/cli/plan-args';
import type { PlanInputs } from '../../src/cli/plan-data';
import { pct, round } from '../../src/cli/plan-format';
import { planJson, planJsonText } from '../../src/cli/plan-json';
import type { PlanExtras } from '../../src/cli/plan-solve';
import { planText } from '../../src/cli/plan-text';

const inputs: PlanInputs = {
  instance: { demand: [], sites: [], coverage: new Map() },
  year: 2025,
  demandSource: 'file d.csv (column demand)',
  weights: null,
  noDemand: ['AL999'],
  existing: [{ id: 'CPU-AL111', lau_code: 'AL111', lon: 19.8, lat: 41.3 }],
  costSource: null,
};

const solution: PlanSolution = {
  method: 'exact',
  status: 'optimal',
  sites: ['AL122', 'AL131'],
  existing: ['AL111'],
  marginalGains: [
    { site: 'AL122', gain: 50, unique: 50, cost: 1 },
    { site: 'AL131', gain: 7.12345, unique: 7.12345, cost: 1 },
  ],
  covered: ['AL111', 'AL122', 'AL131'],
  objective: 157.12345,
  baseline: 100,
  totalDemand: 200,
  reachableDemand: 180,
  upperBound: 157.12345,
  gap: 0,
  cost: 2,
  ms: 1.23456,
};

describe('atlas plan output', () => {
  it('rounds and shows shares', () => {
    expect(round(1.23456)).toBe(1.235);
    expect(round(1.23456, 1)).toBe(1.2);
    expect(pct(50, 200)).toBe('25.0%');
    expect(pct(1, 0)).toBe('n/a');
  });

  it('prints the header, the new sites with their gains and the municipalities without demand', () => {
    const o = parsePlanArgs(['--k', '2']);
    expect(planText(inputs, o, solution, {}).split('\n')).toEqual([
      'Year 2025, catchment self, k = 2, method exact',
      'Demand: file d.csv (column demand)',
      'Existing units: 1 (CPU-AL111)',
      'Status: optimal; solved in 1.2 ms; gap 0.00% (bound 157.123)',
      'Covered demand: 157.123 of 200 (78.6%); existing units alone 100 (50.0%)',
      'New sites (marginal gain, demand only it covers):',
      '  1. AL122  +50  (unique 50)',
      '  2. AL131  +7.123  (unique 7.123)',
      'No demand computed for: AL999',
    ]);
  });

  it('with a budget: the costs line and each site cost; no site: says so', () => {
    const o = parsePlanArgs(['--budget', '100', '--cost', '60', '--contiguity']);
    const none = { ...solution, sites: [], marginalGains: [], cost: 0, objective: 100 };
    const text = planText({ ...inputs, costSource: '60 per site', noDemand: [] }, o, none, {});
    expect(text).toMatch(/^Year 2025, catchment border, budget 100, method exact\n/);
    expect(text).toContain('Costs: 60 per site; total cost of the new sites 0, budget left 100');
    expect(text.endsWith('  (none adds coverage)')).toBe(true);
  });

  it('prints the extras: curve, cover, gap and the coverage sets', () => {
    const extras: PlanExtras = {
      curve: [
        { k: 1, objective: 150, share: 0.75, gain: 50, sites: ['AL122'], status: 'optimal', gap: 0, ms: 2 },
      ],
      cover: {
        method: 'exact',
        status: 'optimal',
        sites: ['AL122'],
        count: 1,
        cost: 1,
        lowerBound: 1,
        unreachable: ['AL999'],
        alreadyCovered: 1,
        ms: 1,
      },
      coverageGap: {
        rows: [
          { id: 'AL122', demand: 50, covered: false, uncovered: 50, reachedBy: [] },
          { id: 'AL111', demand: 100, covered: true, uncovered: 0, reachedBy: ['AL111'] },
        ],
        totalDemand: 150,
        coveredDemand: 100,
        uncoveredDemand: 50,
        uncoveredShare: 1 / 3,
      },
      demand: { AL111: 100 },
      coverage: { AL111: ['AL111'] },
    };
    const lines = planText(inputs, parsePlanArgs(['--k', '2']), solution, extras).split('\n');
    expect(lines.slice(-7)).toEqual([
      'Coverage curve (k: covered, share, gain, sites, status, ms):',
      '  1: 150  75.0%  +50  AL122  optimal  2.0',
      'Full coverage of reachable demand: 1 new unit(s) (exact, optimal): AL122; unreachable: AL999',
      'Coverage gap of the existing units: 50 of 150 (33.3%) not within reach:',
      '  AL122  50',
      'Demand: {"AL111":100}',
      'Coverage sets: {"AL111":["AL111"]}',
    ]);
    const json = planJson(inputs, parsePlanArgs(['--k', '2']), solution, extras);
    expect(Object.keys(json).slice(-5)).toEqual(['curve', 'cover', 'coverageGap', 'demand', 'coverage']);
  });

  it('JSON: the limit, provenance and solution; the budget fields only with a budget', () => {
    const byK = JSON.parse(
      planJsonText(inputs, parsePlanArgs(['--k', '2', '--radius-km', '25']), solution, {}),
    );
    expect(byK).toMatchObject({
      year: 2025,
      catchment: '25km',
      limit: { k: 2 },
      k: 2,
      existing: ['CPU-AL111'],
      noDemand: ['AL999'],
      sites: ['AL122', 'AL131'],
      objective: 157.12345,
      ms: 1.235,
    });
    expect(byK).not.toHaveProperty('budgetLeft');
    const o = parsePlanArgs(['--budget', '150', '--cost', '60']);
    const byBudget = planJson({ ...inputs, costSource: '60 per site' }, o, { ...solution, cost: 120 }, {});
    expect(byBudget).toMatchObject({
      catchment: 'self',
      limit: { budget: 150 },
      budget: 150,
      costSource: '60 per site',
      totalCost: 120,
      budgetLeft: 30,
    });
    expect(byBudget).not.toHaveProperty('k');
  });
});
