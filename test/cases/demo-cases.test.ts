/**
 * The demo's case records (src/engine/engine-cases-demo.ts) on DuckDB-WASM with the demo dataset: counted as
 * the contract counts a cases file (src/contract/cases.ts), they give back every shown cp_cases_rate
 * numerator and trafficking_referrals value and every shown county total; every category, month,
 * municipality and year appears; record keys are uniform in [0, 256); a seed fixes the records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, CASE_TYPES, REFERRAL_SOURCES, SEXES } from '../../src/analysis/cases/profile';
import { CASE_INDICATORS } from '../../src/engine/case-indicators';
import type { Connector } from '../../src/engine/connector';
import {
  DEMO_CASES_SEED,
  createDemoCases,
  readDemoCaseCells,
  writeDemoCases,
} from '../../src/engine/engine-cases-demo';
import { DEMO_CASES_TABLE, RECORD_KEY_RANGE } from '../../src/engine/queries-cases-gen';
import { demoConnector } from '../engine-setup';

let conn: Connector;
let records = 0;
const q = <T extends object>(sql: string, params: (string | number)[] = []) => conn.query<T>({ sql, params });
const { rate, trafficking } = CASE_INDICATORS;

beforeAll(async () => {
  conn = await demoConnector();
  records = await createDemoCases(conn);
}, 60_000);
afterAll(() => conn.close());

/** Per municipality-year: the records counted as commitCases counts them, beside the served figures. */
const COUNTED = `WITH c AS (
  SELECT lau_code, year, count(*) AS n, count(*) FILTER (WHERE case_type IN (?, ?)) AS t
  FROM ${DEMO_CASES_TABLE} GROUP BY lau_code, year
)
SELECT v.lau_code, v.year::INTEGER AS year, m.qark_code AS county, v.status AS n_status, v.numerator AS n_served,
  tv.status AS t_status, tv.value AS t_served, coalesce(c.n, 0)::INTEGER AS n, coalesce(c.t, 0)::INTEGER AS t
FROM indicator_values v JOIN municipalities m ON m.lau_code = v.lau_code
JOIN indicator_values tv ON tv.lau_code = v.lau_code AND tv.year = v.year AND tv.indicator = ?
LEFT JOIN c ON c.lau_code = v.lau_code AND c.year = v.year
WHERE v.indicator = ?`;

interface Counted {
  lau_code: string;
  year: number;
  county: string;
  n_status: string | null;
  n_served: number | null;
  t_status: string | null;
  t_served: number | null;
  n: number;
  t: number;
}

const counted = () => q<Counted>(COUNTED, [...trafficking.caseTypes, trafficking.id, rate.id]);

describe('the demo records agree with the demo indicators as served', () => {
  it('one record per case of every shown cp_cases_rate numerator', async () => {
    const rows = await counted();
    expect(rows).toHaveLength(61 * 11);
    const shown = rows.filter((r) => r.n_status === null);
    expect(shown.length).toBeGreaterThan(500);
    expect(shown.filter((r) => r.n !== r.n_served)).toEqual([]);
    expect(records).toBe(rows.reduce((s, r) => s + r.n, 0));
  });

  it('hidden cells hold at least one case, and add up to the county totals', async () => {
    const rows = await counted();
    const hidden = rows.filter((r) => r.n_status !== null);
    expect(hidden.length).toBeGreaterThan(50);
    expect(hidden.filter((r) => r.n < 1)).toEqual([]);
    const totals = await q<{ county: string; year: number; n: number }>(
      `SELECT code AS county, year::INTEGER AS year, numerator AS n FROM value_totals
       WHERE level = 'county' AND indicator = ? AND status IS NULL`,
      [rate.id],
    );
    expect(totals.length).toBe(12 * 11);
    for (const t of totals) {
      const sum = rows.filter((r) => r.county === t.county && r.year === t.year).reduce((s, r) => s + r.n, 0);
      expect(sum, `${t.county} ${t.year}`).toBe(t.n);
    }
  });

  it('trafficking and exploitation records give every shown trafficking_referrals figure', async () => {
    const rows = await counted();
    const shown = rows.filter((r) => r.t_status === null);
    expect(shown.length).toBeGreaterThan(300);
    expect(shown.filter((r) => r.t !== r.t_served)).toEqual([]);
    const totals = await q<{ county: string; year: number; t: number }>(
      `SELECT code AS county, year::INTEGER AS year, value AS t FROM value_totals
       WHERE level = 'county' AND indicator = ? AND status IS NULL`,
      [trafficking.id],
    );
    expect(totals.length).toBeGreaterThan(20);
    for (const tot of totals) {
      const sum = rows
        .filter((r) => r.county === tot.county && r.year === tot.year)
        .reduce((s, r) => s + r.t, 0);
      expect(sum, `${tot.county} ${tot.year}`).toBe(tot.t);
    }
    // A hidden figure is a small count that is not 0 (wherever the cell has a case).
    const hidden = rows.filter((r) => r.t_status !== null && r.n > 0);
    expect(hidden.filter((r) => r.t < 1)).toEqual([]);
  });
});

describe('the demo records cover the contract', () => {
  const distinct = async (col: string) =>
    (await q<{ v: string | number }>(`SELECT DISTINCT ${col} AS v FROM ${DEMO_CASES_TABLE} ORDER BY 1`)).map(
      (r) => r.v,
    );

  it('every case type, age band, sex, referral source and month; every municipality and year', async () => {
    expect(await distinct('case_type')).toEqual([...CASE_TYPES].sort());
    expect(await distinct('age_band')).toEqual([...AGE_BANDS].sort());
    expect(await distinct('sex')).toEqual([...SEXES].sort());
    expect(await distinct('referral_source')).toEqual([...REFERRAL_SOURCES].sort());
    expect(await distinct('month')).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await distinct('lau_code')).length).toBe(61);
    expect(await distinct('year')).toEqual(Array.from({ length: 11 }, (_, i) => 2015 + i));
  });

  it('plausible mixes: girls in trafficking, young children in neglect, few school referrals in summer', async () => {
    const [r] = await q<{ girls: number; young: number; term: number; summer: number }>(
      `SELECT avg((sex = 'F')::INTEGER) FILTER (WHERE case_type = 'trafficking') AS girls,
         avg((age_band IN ('0-5', '6-11'))::INTEGER) FILTER (WHERE case_type = 'neglect') AS young,
         avg((referral_source = 'school')::INTEGER) FILTER (WHERE month IN (3, 4, 5, 10, 11) AND age_band <> '0-5') AS term,
         avg((referral_source = 'school')::INTEGER) FILTER (WHERE month IN (7, 8)) AS summer
       FROM ${DEMO_CASES_TABLE}`,
    );
    expect(r!.girls).toBeGreaterThan(0.6);
    expect(r!.young).toBeGreaterThan(0.65);
    expect(r!.summer).toBeLessThan(r!.term / 2);
  });

  it('record keys are integers spread uniformly over [0, 256)', async () => {
    const keys = await q<{ k: number; n: number }>(
      `SELECT record_key AS k, count(*)::INTEGER AS n FROM ${DEMO_CASES_TABLE} GROUP BY 1 ORDER BY 1`,
    );
    expect(keys.map((r) => r.k)).toEqual(Array.from({ length: RECORD_KEY_RANGE }, (_, i) => i));
    // Chi-square with 255 degrees of freedom: about 255 +- 23; 350 is far in the tail (p < 1e-4).
    const expected = records / RECORD_KEY_RANGE;
    const chi2 = keys.reduce((s, r) => s + (r.n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(350);
  });
});

describe('a seed fixes the records', () => {
  const dump = async () =>
    JSON.stringify(
      await q(`SELECT * FROM ${DEMO_CASES_TABLE} ORDER BY year, lau_code, record_key, month, case_type`),
    );

  it(
    'the same seed gives the same records, another seed other records over the same cells',
    { timeout: 60_000 },
    async () => {
      const cells = await readDemoCaseCells(conn);
      const first = await dump();
      await writeDemoCases(conn, cells, DEMO_CASES_SEED);
      expect(await dump()).toBe(first);
      await writeDemoCases(conn, cells, DEMO_CASES_SEED + 1);
      const other = await dump();
      expect(other).not.toBe(first);
      const n = await counted();
      expect(n.filter((r) => r.n_status === null && r.n !== r.n_served)).toEqual([]);
      await writeDemoCases(conn, cells, DEMO_CASES_SEED);
    },
  );
});
