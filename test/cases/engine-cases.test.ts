/**
 * The case explorer's questions (src/engine/engine-cases.ts) on DuckDB-WASM with the demo's records: facets
 * equal plain GROUP BYs over the records under every filter but their own; the index path gives exactly
 * the cube path's answers; a cell reached by different routes shows one value; no shown count is 1..k-1;
 * a user's cases table gets fixed keys from its salt.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseQuestions } from '../../src/engine/engine-cases';
import { CASE_DIMS, type CaseDim, type CaseFilters, type CasesInfo } from '../../src/engine/cases-types';
import type { Connector } from '../../src/engine/connector';
import { demoConnector } from '../engine-setup';

let conn: Connector;
let info: CasesInfo;
const TRUE = { k: 1, perturb: false };
const SHOWN = { k: 5, perturb: true };

beforeAll(async () => {
  conn = await demoConnector();
  const part = caseQuestions(conn, { demo: true });
  info = (await part.questions.casesInfo())!;
  // The same records as a user's file: only a user's own records may be shown exactly (perturbation off).
  await conn.exec(`CREATE TABLE own_copy AS SELECT year, month, lau_code, age_band, sex, case_type,
    referral_source FROM demo_cases`);
}, 120_000);

/** Runs `f` with the demo's records loaded as the user's own `cases` table. */
async function asOwn<T>(f: () => Promise<T>): Promise<T> {
  await conn.exec('CREATE OR REPLACE TABLE cases AS SELECT * FROM own_copy');
  try {
    return await f();
  } finally {
    await conn.exec('DROP TABLE cases');
  }
}
afterAll(() => conn.close());

/** The counts of `dim` over the records, by plain SQL, under every filter but `dim`'s. */
async function direct(dim: CaseDim, f: CaseFilters): Promise<Map<string, number>> {
  const params: (string | number)[] = [];
  const conds: string[] = [];
  for (const d of CASE_DIMS) {
    if (d === dim) continue;
    if (d === 'period' && f.period) {
      conds.push('year * 12 + month - 1 BETWEEN ? AND ?');
      params.push(...f.period);
    } else if (d !== 'period' && f[d]?.length) {
      conds.push(`${d} IN (${f[d].map(() => '?').join(', ')})`);
      params.push(...f[d]);
    }
  }
  const col = dim === 'period' ? 'year * 12 + month - 1' : dim;
  const rows = await conn.query<{ key: string; n: number }>({
    sql: `SELECT (${col})::VARCHAR AS key, count(*)::INTEGER AS n FROM own_copy
      ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} GROUP BY 1`,
    params,
  });
  return new Map(rows.map((r) => [r.key, r.n]));
}

const subset = (values: string[]) => fc.subarray(values, { maxLength: 3 });
const filtersArb = () =>
  fc.record(
    {
      lau_code: subset(info.categories.lau_code),
      case_type: subset(info.categories.case_type),
      referral_source: subset(info.categories.referral_source),
      age_band: subset(info.categories.age_band),
      sex: subset(info.categories.sex),
      period: fc
        .tuple(fc.integer({ min: info.periods[0], max: info.periods[1] }), fc.nat(30))
        .map(([a, len]): [number, number] => [a, Math.min(info.periods[1], a + len)]),
    },
    { requiredKeys: [] },
  );

describe('case explorer on the demo records', () => {
  it('describes the demo records', () => {
    expect(info.source).toBe('demo');
    expect(info.rows).toBeGreaterThan(1000);
    expect(info.categories.lau_code).toHaveLength(61);
    expect(info.categories.case_type[0]).toBe('trafficking');
    expect(info.periods[1] - info.periods[0]).toBeGreaterThanOrEqual(24);
  });

  it('counts every facet as a GROUP BY under every filter but its own', async () => {
    const { questions } = caseQuestions(conn, { demo: true });
    await asOwn(() =>
      fc.assert(
        fc.asyncProperty(filtersArb(), async (f) => {
          const answer = await questions.caseFacets(f, TRUE);
          for (const d of CASE_DIMS) {
            const want = await direct(d, f);
            for (const bar of answer.facets[d]) expect(bar.count).toBe(want.get(String(bar.key)) ?? 0);
          }
        }),
        { numRuns: 15 },
      ),
    );
  }, 120_000);

  it('gives the same answers from an index on the changed dimension as from the cube', async () => {
    const indexed = caseQuestions(conn, { demo: true }).questions;
    const plain = caseQuestions(conn, { demo: true }).questions;
    const base: CaseFilters = { sex: ['F'], period: [info.periods[0] + 12, info.periods[1]] };
    for (const dim of ['case_type', 'period', 'lau_code', 'age_band'] as const) {
      await indexed.activateCases(dim, base);
      const values = dim === 'period' ? null : info.categories[dim].slice(0, 2);
      const f: CaseFilters =
        dim === 'period'
          ? { ...base, period: [info.periods[0] + 20, info.periods[0] + 30] }
          : { ...base, [dim]: values };
      expect(await indexed.caseFacets(f, SHOWN)).toEqual(await plain.caseFacets(f, SHOWN));
    }
  }, 120_000);

  it('shows one value for a cell whatever the route to it', async () => {
    const { questions } = caseQuestions(conn, { demo: true });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...info.categories.case_type),
        fc.constantFrom(...info.categories.sex),
        fc.constantFrom(...info.categories.lau_code),
        async (type, sex, lau) => {
          // The cell (type, sex, lau): as a total, as a sex bar under type and lau, as a type bar, as the map.
          const total = (
            await questions.caseFacets({ case_type: [type], sex: [sex], lau_code: [lau] }, SHOWN)
          ).total;
          const bySex = (await questions.caseFacets({ lau_code: [lau], case_type: [type] }, SHOWN)).facets
            .sex;
          const byType = (await questions.caseFacets({ sex: [sex], lau_code: [lau] }, SHOWN)).facets
            .case_type;
          const byLau = (await questions.caseFacets({ sex: [sex], case_type: [type] }, SHOWN)).facets
            .lau_code;
          expect(bySex.find((b) => b.key === sex)!.count).toBe(total);
          expect(byType.find((b) => b.key === type)!.count).toBe(total);
          expect(byLau.find((b) => b.key === lau)!.count).toBe(total);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('keeps the demo records perturbed when asked for exact counts', async () => {
    const { questions } = caseQuestions(conn, { demo: true });
    const f: CaseFilters = { case_type: ['trafficking'] };
    expect(await questions.caseFacets(f, TRUE)).toEqual(
      await questions.caseFacets(f, { k: 1, perturb: true }),
    );
  }, 60_000);

  it('never shows a count of 1 to k-1, perturbed or not', async () => {
    const { questions } = caseQuestions(conn, { demo: true });
    await fc.assert(
      fc.asyncProperty(filtersArb(), fc.boolean(), async (f, perturb) => {
        const a = await questions.caseFacets(f, { k: 5, perturb });
        const counts = [a.total, ...CASE_DIMS.flatMap((d) => a.facets[d].map((b) => b.count))];
        for (const c of counts) expect(c === null || c === 0 || c >= 5).toBe(true);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('gives rates per 1,000 children per year that agree with cp_cases_rate for a whole year', async () => {
    const { questions } = caseQuestions(conn, { demo: true });
    const year = Math.floor(info.periods[1] / 12);
    const a = await asOwn(() => questions.caseFacets({ period: [year * 12, year * 12 + 11] }, TRUE));
    const served = await conn.query<{ lau_code: string; value: number }>({
      sql: `SELECT lau_code, value FROM indicator_values WHERE indicator = 'cp_cases_rate' AND year = ? AND value IS NOT NULL`,
      params: [year],
    });
    expect(served.length).toBeGreaterThan(30);
    for (const s of served) {
      const bar = a.facets.lau_code.find((b) => b.key === s.lau_code)!;
      // The served rate is rounded to 2 decimals.
      expect(bar.rate).toBeCloseTo(s.value, 2);
    }
  }, 60_000);
});

describe("a user's cases table", () => {
  it('keys its records from the salt: the same salt, the same shown counts', async () => {
    await conn.exec('CREATE OR REPLACE TABLE cases AS SELECT * FROM own_copy');
    try {
      const a = caseQuestions(conn, { demo: true, salt: 7 }).questions;
      const b = caseQuestions(conn, { demo: true, salt: 7 }).questions;
      const c = caseQuestions(conn, { demo: true, salt: 8 }).questions;
      expect((await a.casesInfo())!.source).toBe('own');
      const f: CaseFilters = { case_type: ['abuse'] };
      const fa = await a.caseFacets(f, SHOWN);
      expect(await b.caseFacets(f, SHOWN)).toEqual(fa);
      const fc_ = await c.caseFacets(f, SHOWN);
      expect(fc_.facets.lau_code.map((x) => x.count)).not.toEqual(fa.facets.lau_code.map((x) => x.count));
      // Keys are uniform over 0..255: the keys of one-record cells (a cell key is then its record's key)
      // pass a chi-square test on 256 bins at 0.1% (critical value 330.5 for 255 degrees of freedom).
      const keys = await conn.query<{ key: number; n: number }>({
        sql: 'SELECT (ks % 256)::INTEGER AS key, count(*)::INTEGER AS n FROM cases_cube WHERE n = 1 GROUP BY 1',
        params: [],
      });
      const total = keys.reduce((t, k) => t + k.n, 0);
      expect(total).toBeGreaterThan(2000);
      const expected = total / 256;
      const observed = new Map(keys.map((k) => [k.key, k.n]));
      let chi = 0;
      for (let key = 0; key < 256; key++) chi += ((observed.get(key) ?? 0) - expected) ** 2 / expected;
      expect(chi).toBeLessThan(330.5);
    } finally {
      await conn.exec('DROP TABLE cases');
    }
  }, 120_000);
});
