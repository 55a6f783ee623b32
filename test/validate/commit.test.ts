/**
 * Loading: hostile values stay data, a rejected file leaves the live tables as they were, a committed file
 * replaces its table with normalised types, and a cases file becomes the expected indicator counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/engine/connector';
import { DataError } from '../../src/engine/errors';
import { stagedIndicators, withIndicators } from '../../src/contract/catalog';
import { commitStaged } from '../../src/contract/commit';
import { discardStaged } from '../../src/contract/stage';
import { demoConnector } from '../engine-setup';
import { demoContext, stageCsv, where } from '../fixtures/validate/setup';

let conn: Connector;
beforeAll(async () => {
  conn = await demoConnector();
}, 60_000);
afterAll(() => conn.close());

const one = async <T extends object>(sql: string, params: (string | number)[] = []) =>
  (await conn.query<T>({ sql, params }))[0]!;
/** Row count and a checksum of every table a commit can touch. */
const snapshot = async () => ({
  values: await one(
    'SELECT count(*) AS n, sum(value) AS s, sum(hash(lau_code || indicator || year)) AS h FROM indicator_values',
  ),
  facilities: await one('SELECT count(*) AS n, sum(hash(id || name)) AS h FROM facilities'),
  caseload: await one('SELECT count(*) AS n, sum(children_assisted) AS s FROM caseload'),
  staging: await one("SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'stage_%'"),
});
const V = ['lau_code', 'year', 'indicator', 'value', 'numerator', 'denominator'];
const HOSTILE = "x'); DROP TABLE indicator_values; --";

describe('a rejected file changes nothing', () => {
  it('a hostile place stays data: reported as found, nothing dropped', async () => {
    const before = await snapshot();
    const r = await stageCsv(conn, 'v.csv', V, [[HOSTILE, '2024', 'dv_reports', '3', '', '']]);
    expect(r.report.problems.find((p) => p.code === 'unknown-municipality')?.found).toBe(HOSTILE);
    expect(r.staging).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('hostile text everywhere, including a header, is data or ignored', async () => {
    const before = await snapshot();
    const header = [...V, `x"); DROP TABLE indicator_values; --`];
    const r = await stageCsv(conn, 'v.csv', header, [
      ['AL121', HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE],
    ]);
    expect(where(r.report.problems, 'unexpected-column')).toEqual([[null, header[6], 'warning']]);
    expect(r.report.problems.some((p) => p.found === HOSTILE)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('a file with errors leaves no staging table and the live tables as they were', async () => {
    const before = await snapshot();
    const r = await stageCsv(conn, 'v.csv', V, [
      ['AL121', '2024', 'dv_reports', '3', '', ''],
      ['AL121', '2024', 'dv_reports', '-3', '', ''],
    ]);
    expect(r.staging).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('a commit whose mapping misses a place is refused and changes nothing', async () => {
    const r = await stageCsv(conn, 'v.csv', V, [['Durrës', '2024', 'dv_reports', '3', '', '']]);
    const before = await snapshot();
    const err = await commitStaged(conn, r.staging!, 'indicator_values', new Map()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).found).toMatch(/Durrës/);
    expect(await snapshot()).toEqual(before);
    await discardStaged(conn, r.staging!);
    expect((await snapshot()).staging).toEqual({ n: 0 });
  });

  it('a staging name outside the allow-list is refused', async () => {
    await expect(commitStaged(conn, 'indicator_values', 'indicator_values', new Map())).rejects.toThrow(
      /staging/,
    );
    await expect(commitStaged(conn, 'stage_cases_1; DROP', 'cases', new Map())).rejects.toThrow(/staging/);
  });
});

describe('user-confirmed spellings and a catalog in the same batch', () => {
  it('a confirmed suggestion resolves a misspelt name', async () => {
    const rows = [['Shkodr', '2024', 'dv_reports', '3', '', '']];
    expect((await stageCsv(conn, 'v.csv', V, rows)).staging).toBeNull();
    const r = await stageCsv(conn, 'v.csv', V, rows, demoContext({ aliases: { Shkodr: 'AL154' } }));
    expect(r.report.problems).toEqual([]);
    expect(r.mapping.get('Shkodr')).toBe('AL154');
    await discardStaged(conn, r.staging!);
  });

  it('indicators of a staged catalog file are known to the values of the same batch', async () => {
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
    ];
    const cat = await stageCsv(conn, 'catalog.csv', K, [
      ['shelter_rate', 'Shelter places', 'Vende strehimi', '%', '%', 'false', 'ratio', '100', 'true'],
    ]);
    const values = [['AL121', '2024', 'shelter_rate', '', '5', '50']];
    expect(
      where((await stageCsv(conn, 'v.csv', V, values)).report.problems, 'unknown-indicator'),
    ).toHaveLength(1);
    const extra = await stagedIndicators(conn, cat.staging!);
    expect(extra[0]).toMatchObject({ id: 'shelter_rate', aggregation: 'ratio', scale: 100, sensitive: true });
    const r = await stageCsv(conn, 'v.csv', V, values, withIndicators(demoContext(), extra));
    expect(r.report.problems).toEqual([]);
    await discardStaged(conn, r.staging!);
    await discardStaged(conn, cat.staging!);
  });
});

describe('committing', () => {
  it('facilities: names mapped to codes, hostile text stored as text, types normalised', async () => {
    const F = ['id', 'municipality', 'name', 'lon', 'lat', 'opened', 'closed', 'supporter', 'staff'];
    const r = await stageCsv(conn, 'f.csv', F, [
      ['F1', 'Durrësi', HOSTILE, '19.45', '41.32', '2010', '', 'UNICEF', '3'],
      ['F2', 'Korça', 'Unit 2', '20.78', '40.62', '2008.0', '2020', '', ''],
    ]);
    expect(r.report.problems).toEqual([]);
    expect(await commitStaged(conn, r.staging!, 'facilities', r.mapping)).toBe(2);
    const rows = await conn.query({ sql: 'SELECT * FROM facilities ORDER BY id', params: [] });
    expect(rows).toEqual([
      {
        id: 'F1',
        lau_code: 'AL121',
        name: HOSTILE,
        lon: 19.45,
        lat: 41.32,
        opened: 2010,
        closed: null,
        supporter: 'UNICEF',
        staff: 3,
      },
      {
        id: 'F2',
        lau_code: 'AL343',
        name: 'Unit 2',
        lon: 20.78,
        lat: 40.62,
        opened: 2008,
        closed: 2020,
        supporter: null,
        staff: null,
      },
    ]);
    expect(
      await one("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'indicator_values'"),
    ).toEqual({ n: 1 });
    expect((await snapshot()).staging).toEqual({ n: 0 });
  });

  it('indicator values win over the loaded ones by key; empty ratio values come from numerator and denominator', async () => {
    const before = await one<{ n: number }>('SELECT count(*) AS n FROM indicator_values');
    const demo = await one<{ value: number }>(
      "SELECT value FROM indicator_values WHERE lau_code = 'AL121' AND year = 2024 AND indicator = 'child_pop'",
    );
    expect(demo.value).not.toBe(20000);
    const r = await stageCsv(
      conn,
      'v.csv',
      ['LAU', 'Viti', 'Indicator', 'Value', 'Numerator', 'Denominator'],
      [
        ['AL121', '2024', 'child_pop', '20000', '', ''],
        ['Tirana', '2024', 'cp_cases_rate', '', '30', '60000'],
      ],
    );
    expect(r.report.problems).toEqual([]);
    expect(await commitStaged(conn, r.staging!, 'indicator_values', r.mapping)).toBe(2);
    const mine = [
      {
        lau_code: 'AL121',
        year: 2024,
        indicator: 'child_pop',
        value: 20000,
        numerator: null,
        denominator: null,
        status: null,
      },
      {
        lau_code: 'AL224',
        year: 2024,
        indicator: 'cp_cases_rate',
        value: 0.5,
        numerator: 30,
        denominator: 60000,
        status: null,
      },
    ];
    // The user's rows, kept apart for "only my data" and for telling whose an indicator is.
    expect(await conn.query({ sql: 'SELECT * FROM user_values ORDER BY lau_code', params: [] })).toEqual(
      mine,
    );
    // In the loaded table they replace the demo's rows of the same key; every other demo row stays.
    const rows = await conn.query({
      sql: `SELECT * FROM indicator_values WHERE (lau_code, year, indicator) IN
        (('AL121', 2024, 'child_pop'), ('AL224', 2024, 'cp_cases_rate')) ORDER BY lau_code`,
      params: [],
    });
    expect(rows).toEqual(mine);
    expect(await one('SELECT count(*) AS n FROM indicator_values')).toEqual(before);
    // A later file wins over an earlier one for the same key, and adds its new keys.
    const again = await stageCsv(
      conn,
      'v2.csv',
      V,
      [
        ['AL121', '2024', 'child_pop', '20500', '', ''],
        ['AL121', '2040', 'child_pop', '19000', '', ''],
      ],
      demoContext({ years: { first: 2000, last: 2050 } }),
    );
    await commitStaged(conn, again.staging!, 'indicator_values', again.mapping);
    expect(
      await conn.query({
        sql: "SELECT year, value FROM user_values WHERE indicator = 'child_pop' ORDER BY year",
        params: [],
      }),
    ).toEqual([
      { year: 2024, value: 20500 },
      { year: 2040, value: 19000 },
    ]);
    expect(await one('SELECT count(*) AS n FROM indicator_values')).toEqual({ n: before.n + 1 });
    expect(
      await one(
        "SELECT value FROM indicator_values WHERE lau_code = 'AL121' AND year = 2024 AND indicator = 'child_pop'",
      ),
    ).toEqual({ value: 20500 });
    const types = await conn.query<{ t: string }>({
      sql: "SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'indicator_values' ORDER BY ordinal_position",
      params: [],
    });
    expect(types.map((t) => t.t)).toEqual([
      'VARCHAR',
      'INTEGER',
      'VARCHAR',
      'DOUBLE',
      'DOUBLE',
      'DOUBLE',
      'VARCHAR',
    ]);
  });

  it('a cases file becomes case counts, rates over child_pop and trafficking referrals', async () => {
    const pop = await stageCsv(conn, 'pop.csv', V, [
      ['AL121', '2024', 'child_pop', '20000', '', ''],
      ['AL224', '2024', 'child_pop', '100000', '', ''],
      ['AL121', '2023', 'child_pop', '21000', '', ''],
      ['AL121', '2024', 'dv_reports', '40', '', ''],
      ['AL121', '2022', 'cp_cases_rate', '9', '189', '21000'],
    ]);
    await commitStaged(conn, pop.staging!, 'indicator_values', pop.mapping);
    // The file's child_pop wins where it gives one; elsewhere the demo's stays and is the rates' denominator.
    const pops = await conn.query<{ lau_code: string; year: number; value: number }>({
      sql: "SELECT lau_code, year, value FROM indicator_values WHERE indicator = 'child_pop'",
      params: [],
    });
    const popOf = (lau: string, year: number) =>
      pops.find((p) => p.lau_code === lau && p.year === year)!.value;
    expect(popOf('AL121', 2024)).toBe(20000);
    const C = ['year', 'month', 'municipality', 'age_band', 'sex', 'case_type', 'referral_source'];
    const rows = [
      ...Array.from({ length: 6 }, () => ['2024', '1', 'Durrës', '6-11', 'F', 'abuse', 'school']),
      ['2024', '2', 'AL121', '15-17', 'F', 'trafficking', 'police'],
      ['2024', '2', 'durres', '15-17', 'M', 'exploitation', 'ngo'],
      ['2024', '5', 'Tiranë', '0-5', 'X', 'neglect', 'health'],
      ['2023', '7', 'Durrësi', '12-14', 'M', 'trafficking', 'family'],
    ];
    const r = await stageCsv(conn, 'cases.csv', C, rows);
    expect(r.report.problems).toEqual([]);
    expect(await commitStaged(conn, r.staging!, 'cases', r.mapping)).toBe(10);
    // The user's rows (the demo's rows of other years stay in indicator_values, the same rows there below).
    const got = await conn.query({
      sql: `SELECT lau_code, year, indicator, value, numerator, denominator FROM user_values
        WHERE indicator IN ('cp_cases_rate', 'trafficking_referrals') AND (lau_code IN ('AL121', 'AL224', 'AL132'))
        ORDER BY indicator, year, lau_code`,
      params: [],
    });
    const live = await conn.query({
      sql: `SELECT iv.lau_code, iv.year, iv.indicator, iv.value, iv.numerator, iv.denominator
        FROM indicator_values iv JOIN user_values u USING (lau_code, year, indicator)
        WHERE iv.indicator IN ('cp_cases_rate', 'trafficking_referrals') AND (iv.lau_code IN ('AL121', 'AL224', 'AL132'))
        ORDER BY iv.indicator, iv.year, iv.lau_code`,
      params: [],
    });
    expect(live).toEqual(got);
    expect(got).toEqual([
      {
        lau_code: 'AL121',
        year: 2022,
        indicator: 'cp_cases_rate',
        value: 9,
        numerator: 189,
        denominator: 21000,
      },
      {
        lau_code: 'AL121',
        year: 2023,
        indicator: 'cp_cases_rate',
        value: (1 / 21000) * 1000,
        numerator: 1,
        denominator: 21000,
      },
      {
        lau_code: 'AL132',
        year: 2023,
        indicator: 'cp_cases_rate',
        value: 0,
        numerator: 0,
        denominator: popOf('AL132', 2023),
      },
      {
        lau_code: 'AL224',
        year: 2023,
        indicator: 'cp_cases_rate',
        value: 0,
        numerator: 0,
        denominator: popOf('AL224', 2023),
      },
      {
        lau_code: 'AL121',
        year: 2024,
        indicator: 'cp_cases_rate',
        value: 0.4,
        numerator: 8,
        denominator: 20000,
      },
      {
        lau_code: 'AL132',
        year: 2024,
        indicator: 'cp_cases_rate',
        value: 0,
        numerator: 0,
        denominator: popOf('AL132', 2024),
      },
      {
        lau_code: 'AL224',
        year: 2024,
        indicator: 'cp_cases_rate',
        value: 0.01,
        numerator: 1,
        denominator: 100000,
      },
      {
        lau_code: 'AL121',
        year: 2023,
        indicator: 'trafficking_referrals',
        value: 1,
        numerator: null,
        denominator: null,
      },
      {
        lau_code: 'AL132',
        year: 2023,
        indicator: 'trafficking_referrals',
        value: 0,
        numerator: null,
        denominator: null,
      },
      {
        lau_code: 'AL224',
        year: 2023,
        indicator: 'trafficking_referrals',
        value: 0,
        numerator: null,
        denominator: null,
      },
      {
        lau_code: 'AL121',
        year: 2024,
        indicator: 'trafficking_referrals',
        value: 2,
        numerator: null,
        denominator: null,
      },
      {
        lau_code: 'AL132',
        year: 2024,
        indicator: 'trafficking_referrals',
        value: 0,
        numerator: null,
        denominator: null,
      },
      {
        lau_code: 'AL224',
        year: 2024,
        indicator: 'trafficking_referrals',
        value: 0,
        numerator: null,
        denominator: null,
      },
    ]);
    // Every municipality gets a row for each year of the file; other indicators are untouched.
    expect(
      await one(
        "SELECT count(*) AS n FROM indicator_values WHERE indicator = 'cp_cases_rate' AND year = 2024",
      ),
    ).toEqual({ n: 61 });
    expect(
      await one(
        "SELECT value FROM indicator_values WHERE indicator = 'dv_reports' AND lau_code = 'AL121' AND year = 2024",
      ),
    ).toEqual({ value: 40 });
    expect(await one('SELECT count(*) AS n, count(DISTINCT lau_code) AS m FROM cases')).toEqual({
      n: 10,
      m: 2,
    });
    expect(await one("SELECT count(*) AS n FROM cases WHERE sex = 'X' AND age_band = '0-5'")).toEqual({
      n: 1,
    });
  });
});
