/**
 * Invariance to hidden values, indicator map and planner: for random indicator tables (municipalities in
 * counties, two years), a second table that shows exactly the same figures (a numerator moved between two
 * hidden cells that only a shown county total ties together, or between hidden cells of hidden counties)
 * passes the engine's value questions (src/engine/engine-values.ts, on a stand-in connector) and gives
 * exactly the same map values, smoothed rates, counts, changes between years, class breaks of every method,
 * CSV, need index with its contributions, children at risk and rank intervals. docs/privacy.md lists what
 * this covers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classBreaks, type ClassMethod } from '../../src/analysis/classify';
import { rankIntervals } from '../../src/analysis/planning/robustness';
import type { Connector } from '../../src/engine/connector';
import { valueQuestions } from '../../src/engine/engine-values';
import type { IndicatorMeta } from '../../src/engine/schema';
import type { MapValue } from '../../src/engine/values-types';
import { mapTableCsv } from '../../src/export/map-csv';
import type { CompareMode, Measure } from '../../src/state/store';
import { deriveMap } from '../../src/ui/map/derive';
import { atRiskOf } from '../../src/ui/planner/planner-derive';
import { buildNeed } from '../../src/ui/planner/useNeed';
import type { ValuesByIndicator } from '../../src/ui/planner/usePlannerValues';
import { moveWithin, type Movable } from './helpers';

const K = 5;
const N = 8;
const YEARS = [2024, 2025];
const laus = Array.from({ length: N }, (_, i) => `L${i}`);

const meta = (id: string, sensitive: boolean, higherIsWorse = true): IndicatorMeta => ({
  id,
  label: { en: id, sq: id },
  unit: { en: '%', sq: '%' },
  higherIsWorse,
  aggregation: 'ratio',
  scale: 100,
  sensitive,
  source: { en: '', sq: '' },
});
const CASES = meta('cases_rate', true);
const AID = meta('aid_share', false);
const CHILDREN: IndicatorMeta = { ...meta('child_pop', false, false), aggregation: 'sum', scale: 1 };

/** One row as the series query answers it. */
interface Row {
  indicator: string;
  year: number;
  lau_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: 'counts';
}

const cellArb = fc.record({
  numerator: fc.option(fc.nat({ max: 14 }), { freq: 12 }),
  denominator: fc.integer({ min: 40, max: 4000 }),
  aid: fc.integer({ min: 0, max: 900 }),
});
const datasetArb = fc.record({
  county: fc.array(fc.constantFrom('Q0', 'Q1', 'Q2'), { minLength: N, maxLength: N }),
  cells: fc.array(cellArb, { minLength: N * YEARS.length, maxLength: N * YEARS.length }),
});

/** The table: the sensitive rate, a public rate and the child population, every municipality and year. */
function rowsOf(cells: readonly { numerator: number | null; denominator: number; aid: number }[]): Row[] {
  return cells.flatMap((c, i) => {
    const [year, lau_code] = [YEARS[Math.floor(i / N)]!, laus[i % N]!];
    const rate = (n: number | null, d: number) => (n === null ? null : (n / d) * 100);
    const base = { year, lau_code, basis: 'counts' as const };
    return [
      {
        ...base,
        indicator: CASES.id,
        numerator: c.numerator,
        denominator: c.denominator,
        value: rate(c.numerator, c.denominator),
      },
      {
        ...base,
        indicator: AID.id,
        numerator: c.aid,
        denominator: c.denominator,
        value: rate(c.aid, c.denominator),
      },
      { ...base, indicator: CHILDREN.id, numerator: null, denominator: null, value: c.denominator },
    ];
  });
}

/** The engine's value questions over a connector that answers the series query with `rows`. */
function engineOf(rows: readonly Row[], county: readonly string[]) {
  const conn: Connector = {
    query: <T extends object>(q: { params: unknown[] }) =>
      Promise.resolve(rows.filter((r) => r.indicator === q.params[0]) as unknown as T[]),
    exec: () => Promise.resolve(),
    insertArrowIPC: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const counties = new Map(laus.map((l, i) => [l, county[i]!]));
  return valueQuestions(conn, 'all', () => Promise.resolve(counties));
}

const METHODS: ClassMethod[] = ['quantile', 'equal', 'fisher', 'stddev'];
const MEASURES: Measure[] = ['rate', 'count', 'smoothed'];
const COMPARE: CompareMode[] = ['none', 'side', 'change'];

const breaks = (basis: number[]) =>
  METHODS.map((m) => {
    try {
      return classBreaks(basis, m, 5);
    } catch (err) {
      return String(err);
    }
  });

/** Every year's values of an indicator as the engine answers them. */
async function load(rows: readonly Row[], county: readonly string[], m: IndicatorMeta) {
  const views = await engineOf(rows, county).load(m, K);
  return new Map([...views].map(([y, v]) => [y, v.values]));
}

/** Everything the indicator map derives from the engine's answers. */
async function mapDerived(rows: readonly Row[], county: readonly string[]) {
  const series = await load(rows, county, CASES);
  const map = MEASURES.flatMap((measure) =>
    COMPARE.flatMap((compare) =>
      [compare === 'side', compare !== 'side'].map((fixed) => {
        const d = deriveMap(CASES, series, { year: 2025, year2: 2024, measure, compare, fixed });
        return {
          values: [...d.values],
          second: d.second && [...d.second],
          basis: d.basis,
          breaks: breaks(d.basis),
        };
      }),
    ),
  );
  const csv = mapTableCsv(
    laus.map((l) => ({ lau_code: l, name: l, qark_name: '' })),
    new Map((series.get(2025) ?? []).map((v) => [v.lau_code, v])),
    CASES.id,
    2025,
  );
  return { series: [...series], map, csv };
}

/** Everything the planner derives from the engine's answers. */
async function plannerDerived(rows: readonly Row[], county: readonly string[]) {
  const values: ValuesByIndicator = new Map();
  for (const m of [CASES, AID, CHILDREN]) {
    const year = (await load(rows, county, m)).get(2025)!;
    values.set(m.id, new Map(year.map((v: MapValue) => [v.lau_code, v])));
  }
  return (['minmax', 'zscore', 'rank'] as const).map((norm) => {
    const need = buildNeed(values, laus, [CASES, AID], { [CASES.id]: 2, [AID.id]: 1 }, norm)!;
    return {
      result: need.result,
      suppressed: [...need.suppressed].map(([l, s]) => [l, [...s]]),
      atRisk: atRiskOf(need, values),
      intervals: rankIntervals(need.input, { draws: 5, seed: 3 }),
    };
  });
}

/** What the policy hides every year (as text), and the hidden cells of the sensitive rate with what ties them. */
async function hiddenOf(rows: readonly Row[], county: readonly string[]) {
  const views = await engineOf(rows, county).load(CASES, K);
  const pattern = JSON.stringify(
    [...views].map(([y, v]) => [
      y,
      [...v.policy.hidden].sort(),
      [...v.policy.hiddenGroups].sort(),
      v.policy.nationalHidden,
    ]),
  );
  const movable = rows.flatMap((r, index): Movable[] => {
    const policy = views.get(r.year)?.policy;
    if (r.indicator !== CASES.id || !policy?.hidden.has(r.lau_code)) return [];
    const c = county[laus.indexOf(r.lau_code)]!;
    const tie = policy.hiddenGroups.has(c) ? 'national' : c;
    return [{ index, group: `${r.year}|${tie}`, value: r.numerator! }];
  });
  return { pattern, movable };
}

/**
 * For random tables and a second table showing the same figures (see the module comment): `derive` gives
 * the same answer for both. Returns how many second tables differed from the first.
 */
async function invariant(derive: (rows: readonly Row[], county: readonly string[]) => Promise<unknown>) {
  let changed = 0;
  await fc.assert(
    fc.asyncProperty(datasetArb, fc.tuple(fc.nat(), fc.nat(), fc.nat()), async ({ county, cells }, pick) => {
      const rows = rowsOf(cells);
      const first = await hiddenOf(rows, county);
      const move = moveWithin(first.movable, pick);
      if (!move) return;
      const other = rows.map((r, i) => {
        const n = move.get(i);
        return n === undefined ? r : { ...r, numerator: n, value: (n / r.denominator!) * 100 };
      });
      if ((await hiddenOf(other, county)).pattern !== first.pattern) return;
      changed++;
      expect(await derive(other, county)).toEqual(await derive(rows, county));
    }),
    { numRuns: 10_000 },
  );
  return changed;
}

describe('indicator map and planner: invariance to hidden values', { timeout: 60_000 }, () => {
  it('a table showing the same figures gives the same map values, smoothing, change, class breaks and CSV', async () => {
    expect(await invariant(mapDerived)).toBeGreaterThan(2_000);
  });

  it('a table showing the same figures gives the same need index, contributions, demand and rank intervals', async () => {
    expect(await invariant(plannerDerived)).toBeGreaterThan(2_000);
  });
});
