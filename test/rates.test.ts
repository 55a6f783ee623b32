/**
 * Rates without counts (issue 11, item 7), on the real engine: a file of rates alone loads with a warning;
 * counties and Albania are the weight-weighted means of their municipalities' rates (weights: the catalog's
 * denominator indicator, else child_pop, of the same municipality and year), computed here by hand; a rate
 * whose implied count is 1..k-1 is hidden, secondary suppression still protects it in its county, and the
 * import report says how many cells will be hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagedIndicators, withIndicators } from '../src/contract/catalog';
import { commitStaged } from '../src/contract/commit';
import type { Connector } from '../src/engine/connector';
import { createEngine, type Engine, type MapValue } from '../src/engine/engine';
import type { IndicatorMeta } from '../src/engine/schema';
import { demoConnector } from './engine-setup';
import { catalog, demoContext, stageCsv, where } from './fixtures/validate/setup';

const V = ['lau_code', 'year', 'indicator', 'value', 'numerator', 'denominator'];
const meta = (id: string) => catalog.indicators.find((i) => i.id === id)!;
const DROPOUT = meta('dropout_rate');

let conn: Connector;
let engine: Engine;
beforeAll(async () => {
  conn = await demoConnector();
  engine = createEngine(conn);
}, 60_000);
afterAll(() => conn.close());

/** The loaded rows of one indicator and year, as DuckDB holds them (read back without the engine). */
async function loaded(indicator: string, year: number) {
  return conn.query<{
    lau_code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }>({
    sql: 'SELECT lau_code, value, numerator, denominator FROM indicator_values WHERE indicator = ? AND year = ?',
    params: [indicator, year],
  });
}

const at = (values: readonly MapValue[] | undefined, code: string) =>
  values?.find((v) => v.lau_code === code);

// Durrës county (AL-02) is Durrës AL121, Krujë AL122 and Shijak AL123. The file gives dropout rates alone,
// and child_pop for the same year (the weights). Shijak's implied count is 0.02 % x 10,000 = 2: small.
const FILE = [
  ['AL121', '2024', 'child_pop', '50000', '', ''],
  ['AL122', '2024', 'child_pop', '12000', '', ''],
  ['AL123', '2024', 'child_pop', '10000', '', ''],
  ['AL121', '2024', 'dropout_rate', '4', '', ''],
  ['AL122', '2024', 'dropout_rate', '2', '', ''],
  ['AL123', '2024', 'dropout_rate', '0.02', '', ''],
  // Kukës (AL132): no child_pop in the file, so the demo's child_pop of 2024 weighs it.
  ['AL132', '2024', 'econ_aid_share', '30', '', ''],
];

describe('a file of rates without counts', () => {
  it(
    'is accepted with one warning per indicator, and the report counts the cells that will be hidden',
    { timeout: 30_000 },
    async () => {
      const r = await stageCsv(conn, 'rates.csv', V, FILE);
      expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(where(r.report.problems, 'rate-without-counts')).toEqual([
        [5, 'value', 'warning'],
        [8, 'value', 'warning'],
      ]);
      const dropout = r.report.rates?.find((s) => s.indicator === 'dropout_rate');
      expect(dropout).toMatchObject({
        rows: 3,
        bases: { denominator: 0, numerator: 0, indicator: 0, child_pop: 3, none: 0 },
        // Shijak by its implied count, Krujë (the smallest other count) by secondary suppression.
        hidden: 2,
        secondary: 1,
        k: 5,
      });
      expect(r.report.rates?.find((s) => s.indicator === 'econ_aid_share')).toMatchObject({
        rows: 1,
        bases: { child_pop: 1 },
      });
      expect(r.report.problems.find((p) => p.code === 'rate-without-counts')?.fix).toMatch(
        /child_pop .* 2 of these cells will be hidden/,
      );
      expect(await commitStaged(conn, r.staging!, 'indicator_values', r.mapping)).toBe(FILE.length);
      engine.invalidate();
    },
  );

  it('keeps the file’s rates as given, with no counts made up in the loaded table', async () => {
    const rows = await loaded('dropout_rate', 2024);
    expect(
      rows
        .filter((r) => ['AL121', 'AL122', 'AL123'].includes(r.lau_code))
        .sort((a, b) => a.lau_code.localeCompare(b.lau_code)),
    ).toEqual([
      { lau_code: 'AL121', value: 4, numerator: null, denominator: null },
      { lau_code: 'AL122', value: 2, numerator: null, denominator: null },
      { lau_code: 'AL123', value: 0.02, numerator: null, denominator: null },
    ]);
  });

  it('hides the rate whose implied count is below k, and secondary suppression protects it in its county', async () => {
    const values = await engine.choropleth(DROPOUT, 2024, 5);
    expect(at(values, 'AL123')).toMatchObject({ value: null, suppressed: true });
    expect(at(values, 'AL122')).toMatchObject({ value: null, suppressed: true });
    expect(at(values, 'AL121')).toMatchObject({ value: 4, suppressed: false, basis: 'child_pop' });
    expect(at(values, 'AL121')?.numerator).toBeCloseTo(2000, 9);
    // With a threshold of 2, Shijak's implied count of 2 is shown, and so is Krujë.
    const k2 = await engine.choropleth(DROPOUT, 2024, 2);
    expect(at(k2, 'AL123')).toMatchObject({ value: 0.02, suppressed: false });
    expect(at(k2, 'AL122')).toMatchObject({ value: 2, suppressed: false });
  });

  it('a county is the child_pop-weighted mean of its rates, computed by hand, and says so', async () => {
    const county = at((await engine.countyYears(DROPOUT, 5)).get(2024), 'AL-02');
    const byHand = (4 * 50000 + 2 * 12000 + 0.02 * 10000) / (50000 + 12000 + 10000);
    expect(county?.suppressed).toBe(false);
    expect(county?.value).toBeCloseTo(byHand, 9);
    expect(county?.basis).toBe('child_pop');
    // Other counties keep the demo's counts: summed numerators over summed denominators, no basis.
    const tirana = at((await engine.countyYears(DROPOUT, 5)).get(2024), 'AL-11');
    expect(tirana?.basis).toBeUndefined();
  });

  it('Albania adds the implied counts to the demo’s true ones', async () => {
    const rows = await loaded('dropout_rate', 2024);
    const pop = new Map((await loaded('child_pop', 2024)).map((r) => [r.lau_code, r.value!]));
    let num = 0;
    let den = 0;
    for (const r of rows) {
      const w = r.denominator ?? pop.get(r.lau_code)!;
      num += r.numerator ?? (r.value! / 100) * w;
      den += w;
    }
    const trend = await engine.trend(DROPOUT, 'AL121', 5);
    const y = trend.find((p) => p.year === 2024)!;
    expect(y.national.value).toBeCloseTo((num / den) * 100, 9);
    expect(y.national.basis).toBe('child_pop');
    expect(y.county.value).toBeCloseTo((4 * 50000 + 2 * 12000 + 0.02 * 10000) / 72000, 9);
  });

  it('weighs a rate by the demo’s child_pop when the file has none for that place', async () => {
    const pop = (await loaded('child_pop', 2024)).find((r) => r.lau_code === 'AL132')!.value!;
    const v = at(await engine.choropleth(meta('econ_aid_share'), 2024), 'AL132');
    expect(v).toMatchObject({ value: 30, basis: 'child_pop' });
    expect(v?.numerator).toBeCloseTo(0.3 * pop, 9);
    expect(v?.denominator).toBe(pop);
  });
});

describe('the weights', () => {
  it(
    'come from the catalog’s denominator indicator first, then child_pop; without any, the cell is hidden',
    { timeout: 30_000 },
    async () => {
      const K = [
        'id',
        'label_en',
        'label_sq',
        'unit_en',
        'unit_sq',
        'higher_is_worse',
        'aggregation',
        'scale',
        'sensitive',
        'denominator',
      ];
      const cat = await stageCsv(conn, 'catalog.csv', K, [
        [
          'enrolment',
          'Pupils enrolled',
          'Nxënës të regjistruar',
          'pupils',
          'nxënës',
          'false',
          'sum',
          '1',
          'false',
          '',
        ],
        ['absence_rate', 'Absence', 'Mungesa', '%', '%', 'true', 'ratio', '100', 'true', 'enrolment'],
      ]);
      expect(cat.report.problems).toEqual([]);
      const extra = await stagedIndicators(conn, cat.staging!);
      expect(extra[1]).toMatchObject({ id: 'absence_rate', denominator: 'enrolment' });
      await commitStaged(conn, cat.staging!, 'catalog', cat.mapping);
      const ctx = withIndicators(demoContext(), extra);
      // Vlorë county (AL-12): enrolment for two municipalities, child_pop (the demo's) for the third, and
      // Delvinë in 2030, a year without child_pop, has no weight at all.
      const r = await stageCsv(
        conn,
        'absence.csv',
        V,
        [
          ['AL357', '2024', 'enrolment', '8000', '', ''],
          ['AL355', '2024', 'enrolment', '3000', '', ''],
          ['AL357', '2024', 'absence_rate', '10', '', ''],
          ['AL355', '2024', 'absence_rate', '20', '', ''],
          ['AL352', '2024', 'absence_rate', '5', '', ''],
          ['AL351', '2030', 'absence_rate', '5', '', ''],
        ],
        ctx,
      );
      expect(r.report.rates?.[0]).toMatchObject({
        bases: { indicator: 2, child_pop: 1, none: 1 },
        weight: 'enrolment',
      });
      await commitStaged(conn, r.staging!, 'indicator_values', r.mapping);
      engine.invalidate();
      const m = extra[1] as IndicatorMeta;
      const values = await engine.choropleth(m, 2024);
      expect(at(values, 'AL357')).toMatchObject({ basis: 'indicator', denominator: 8000 });
      expect(at(values, 'AL352')?.basis).toBe('child_pop');
      const himare = (await loaded('child_pop', 2024)).find((x) => x.lau_code === 'AL352')!.value!;
      const county = at((await engine.countyYears(m, 5)).get(2024), 'AL-12');
      expect(county?.value).toBeCloseTo((10 * 8000 + 20 * 3000 + 5 * himare) / (8000 + 3000 + himare), 9);
      expect(county?.basis).toBe('child_pop');
      // No weight: a positive rate of a sensitive indicator cannot be judged, so it is hidden.
      expect(at(await engine.choropleth(m, 2030), 'AL351')).toMatchObject({
        value: null,
        suppressed: true,
        basis: 'none',
      });
    },
  );
});

describe('only the user’s values', () => {
  it('the own scope holds the file’s rows, with the same weights and the same figures', async () => {
    const own = engine.scope('own');
    const values = await own.choropleth(DROPOUT, 2024, 2);
    expect(values.map((v) => v.lau_code).sort()).toEqual(['AL121', 'AL122', 'AL123']);
    const all = at((await engine.countyYears(DROPOUT, 5)).get(2024), 'AL-02');
    const mine = (await own.countyYears(DROPOUT, 5)).get(2024)!;
    expect(mine.map((c) => c.lau_code)).toEqual(['AL-02']);
    expect(mine[0]!.value).toBeCloseTo(all!.value!, 12);
    expect((await own.indicatorsPresent()).sort()).toEqual([
      'absence_rate',
      'child_pop',
      'dropout_rate',
      'econ_aid_share',
      'enrolment',
    ]);
    const sources = new Map((await engine.valueSources()).map((s) => [s.indicator, s]));
    expect(sources.get('dropout_rate')).toMatchObject({ own: 3 });
    expect(sources.get('dropout_rate')!.demo).toBeGreaterThan(0);
    expect(sources.get('dv_reports')).toMatchObject({ own: 0 });
  });
});
