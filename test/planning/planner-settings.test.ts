import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetMax,
  decodeSettings,
  DEFAULT_BUDGET,
  defaultSettings,
  encodeSettings,
  type BudgetSettings,
  type PlannerSettings,
} from '../../src/ui/planner/settings';
import { equalWeights, rebalance, toPercent } from '../../src/ui/planner/weights';

const defaults = defaultSettings({ a: 50, b: 50 });
const enc = (o: unknown) =>
  btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const budget120: BudgetSettings = {
  mode: 'budget',
  budget: 120_000,
  unitCost: 60_000,
  costs: { AL111: 45_000.5, AL122: 0 },
  costsFile: 'kosto – Korçë.csv',
};

/** Budget settings as a planner sets them (the budget within BUDGET_FACTOR x the dearest cost). */
const arbBudget = fc
  .record({
    mode: fc.constantFrom('k' as const, 'budget' as const),
    unitCost: fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    costs: fc.option(
      fc.dictionary(
        fc.stringMatching(/^AL\d{3}$/),
        fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }),
        { minKeys: 1, maxKeys: 61 },
      ),
    ),
    costsFile: fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((x) => [...x].every((ch) => ch.charCodeAt(0) >= 32)),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ mode, unitCost, costs, costsFile, share }): BudgetSettings => {
    // -0 is not a cost anyone types (JSON carries it as 0).
    const clean = (x: number) => (Object.is(x, -0) ? 0 : x);
    const table = costs && Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, clean(v)]));
    return {
      mode,
      unitCost: clean(unitCost),
      budget: clean(share * budgetMax({ unitCost: clean(unitCost), costs: table })),
      costs: table,
      costsFile: table ? costsFile : null,
    };
  });

describe('planner settings in the URL', () => {
  it('round-trips settings with scenarios (names with ë and ç)', () => {
    const s: PlannerSettings = {
      weights: { a: 70, b: 30 },
      norm: 'rank',
      k: 4,
      budget: { ...budget120, costs: null, costsFile: null, budget: 0 },
      scenarios: [
        {
          name: 'Tre njësi – Korçë',
          weights: { a: 70, b: 30 },
          norm: 'zscore',
          catchment: '25km',
          year: 2024,
          k: 3,
          budget: budget120,
          saved: '2026-11-30',
          result: {
            sites: ['AL1', 'AL2', 'AL3'],
            gains: [10.5, 5, 1],
            covered: 200.5,
            baseline: 184,
            total: 400,
            status: 'optimal',
            method: 'exact',
            gap: 0,
          },
        },
        {
          name: 'B',
          weights: { a: 100 },
          norm: 'minmax',
          catchment: 'self',
          year: 2025,
          k: 1,
          budget: DEFAULT_BUDGET,
          saved: '',
          result: null,
        },
      ],
      compare: [0, 1],
    };
    expect(decodeSettings(encodeSettings(s), defaults)).toEqual(s);
    expect(encodeSettings(s)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('a damaged or hostile link falls back to defaults field by field', () => {
    expect(decodeSettings('%%%not-base64', defaults)).toEqual(defaults);
    const bad = decodeSettings(
      enc({
        w: { 'x<script>': 5 },
        n: 'evil',
        k: 99,
        s: [{ a: 'x', w: { a: 1 }, n: 'rank', c: '999km', y: 2020, k: 1 }],
        x: [0, 0],
      }),
      defaults,
    );
    expect(bad).toEqual(defaults);
  });

  it('property: any settings survive the round trip', () => {
    const arb = fc.record({
      weights: fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.integer({ min: 0, max: 100 }), {
        minKeys: 1,
        maxKeys: 6,
      }),
      norm: fc.constantFrom('minmax' as const, 'zscore' as const, 'rank' as const),
      k: fc.integer({ min: 1, max: 10 }),
      budget: arbBudget,
    });
    fc.assert(
      fc.property(arb, (s) => {
        const full: PlannerSettings = { ...s, scenarios: [], compare: null };
        expect(decodeSettings(encodeSettings(full), defaults)).toEqual(full);
      }),
    );
  });
});

describe('budget settings in the URL', () => {
  it('a link from before the budget option opens with "limit by number of new units"', () => {
    const old = decodeSettings(
      enc({
        w: { a: 60, b: 40 },
        n: 'minmax',
        k: 2,
        s: [{ a: 'Old', w: { a: 1 }, n: 'rank', c: '25km', y: 2024, k: 2, d: '2025-01-01', r: null }],
      }),
      defaults,
    );
    expect(old.budget).toEqual(DEFAULT_BUDGET);
    expect(old.k).toBe(2);
    expect(old.scenarios).toHaveLength(1);
    expect(old.scenarios[0]!.budget).toEqual(DEFAULT_BUDGET);
  });

  it('damaged budget fields fall back one by one, never past 100 x the cost', () => {
    const decode = (b: unknown) => decodeSettings(enc({ b }), defaults).budget;
    expect(decode('nonsense')).toEqual(DEFAULT_BUDGET);
    expect(decode([1, -5, 60_000])).toEqual({ ...DEFAULT_BUDGET, mode: 'budget' });
    expect(decode([1, 1e12, 60_000])).toEqual({ ...DEFAULT_BUDGET, mode: 'budget' });
    expect(decode([1, 500, 1])).toMatchObject({ budget: 100, unitCost: 1 });
    expect(decode([7, 1000, 'x'])).toMatchObject({ mode: 'k', budget: 1000, unitCost: 60_000 });
    expect(decode([1, 100, 10, { 'AL1<b>': 5 }, 'f.csv'])).toMatchObject({ costs: null, costsFile: null });
    expect(decode([1, 100, 10, { AL111: -1 }, 'f.csv'])).toMatchObject({ costs: null });
    expect(decode([1, 100, 10, { AL111: 5 }, 7])).toMatchObject({ costs: { AL111: 5 }, costsFile: null });
    // A result may hold more sites than K_MAX (a budget buys them), but not without bound.
    const sites = Array.from({ length: 30 }, (_, i) => `AL${100 + i}`);
    const r = [sites, sites.map(() => 1), 30, 0, 30, 'optimal', 'exact', 0];
    const s = { a: 'Many', w: { a: 1 }, n: 'rank', c: 'self', y: 2024, k: 1, b: [1, 300, 10], r };
    expect(decodeSettings(enc({ s: [s] }), defaults).scenarios[0]!.result!.sites).toHaveLength(30);
  });
});

describe('weight sliders', () => {
  it('moving one rescales the others in proportion and keeps the total at 100', () => {
    expect(rebalance({ a: 50, b: 30, c: 20 }, 'a', 80)).toEqual({ a: 80, b: 12, c: 8 });
    expect(rebalance({ a: 100, b: 0, c: 0 }, 'a', 40)).toEqual({ a: 40, b: 30, c: 30 });
    expect(rebalance({ a: 100 }, 'a', 10)).toEqual({ a: 100 });
  });

  it('property: whole percentages summing to 100, the moved slider where it was put', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 7 }),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (ws, pick, v) => {
          const w = Object.fromEntries(ws.map((x, i) => [`i${i}`, x]));
          const id = `i${pick % ws.length}`;
          const out = rebalance(w, id, v);
          expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(100);
          expect(out[id]).toBe(v);
          for (const x of Object.values(out)) expect(Number.isInteger(x) && x >= 0).toBe(true);
        },
      ),
    );
  });

  it('toPercent and equalWeights sum to 100', () => {
    expect(toPercent([1, 1, 1])).toEqual([34, 33, 33]);
    expect(equalWeights(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual({
      a: 17,
      b: 17,
      c: 17,
      d: 17,
      e: 16,
      f: 16,
    });
  });
});
