/**
 * Turning a record-level cases file into indicators, inside DuckDB: one transaction replaces the `cases`
 * table (kept for drill-down, still subject to suppression wherever counts are shown) and the case-based
 * indicator rows of the years the file covers. Case records never leave the engine.
 */
import type { Connector } from '../engine/connector';
import { CASE_INDICATORS } from '../engine/case-indicators';
import { ensureTable, TABLES } from '../engine/tables';
import { ident } from './sql';

export { CASE_INDICATORS };

async function exists(conn: Connector, name: string): Promise<boolean> {
  const r = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?',
    params: [name],
  });
  return (r[0]?.n ?? 0) > 0;
}

/**
 * Replaces `cases` with the staged records (places mapped through `<staging>_map`) and, for every year in
 * the file, the cp_cases_rate and trafficking_referrals rows of all municipalities. A municipality without a
 * case in a year gets 0: a cases file is taken to hold every case of each year it covers. Returns the number
 * of cases. All or nothing: any failure rolls back to the tables as they were.
 */
export async function commitCases(conn: Connector, staging: string): Promise<number> {
  const { rate, trafficking } = CASE_INDICATORS;
  const grid = (await exists(conn, 'municipalities'))
    ? 'SELECT lau_code FROM municipalities'
    : 'SELECT DISTINCT lau_code FROM cases';
  const columns = Object.entries(TABLES.indicator_values)
    .map(([c, t]) => `${ident(c)} ${t}`)
    .join(', ');
  const select = Object.entries(TABLES.cases)
    .map(([c, t]) => `CAST(${c === 'lau_code' ? 'm.lau_code' : `s.${ident(c)}`} AS ${t}) AS ${ident(c)}`)
    .join(', ');
  await conn.exec('BEGIN TRANSACTION');
  try {
    await conn.exec(`CREATE OR REPLACE TABLE cases AS SELECT ${select}
FROM ${ident(staging)} s JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place ORDER BY s.__row`);
    await conn.exec(`CREATE TABLE IF NOT EXISTS indicator_values (${columns})`);
    await conn.query({
      sql: `DELETE FROM indicator_values WHERE indicator IN (?, ?) AND year IN (SELECT DISTINCT year FROM cases)`,
      params: [rate.id, trafficking.id],
    });
    await conn.query({
      sql: `INSERT INTO indicator_values (lau_code, year, indicator, value, numerator, denominator)
WITH grid AS (SELECT g.lau_code, y.year FROM (${grid}) g CROSS JOIN (SELECT DISTINCT year FROM cases) y),
counts AS (
  SELECT grid.lau_code, grid.year, count(c.case_type) AS n,
    count(c.case_type) FILTER (WHERE c.case_type IN (?, ?)) AS t
  FROM grid LEFT JOIN cases c ON c.lau_code = grid.lau_code AND c.year = grid.year
  GROUP BY grid.lau_code, grid.year
),
pop AS (SELECT lau_code, year, value AS pop FROM indicator_values WHERE indicator = ?)
SELECT counts.lau_code, counts.year, ?, counts.n / nullif(pop.pop, 0) * ?, counts.n, pop.pop
FROM counts LEFT JOIN pop ON pop.lau_code = counts.lau_code AND pop.year = counts.year
UNION ALL
SELECT lau_code, year, ?, t, NULL, NULL FROM counts`,
      params: [...trafficking.caseTypes, rate.denominator, rate.id, rate.scale, trafficking.id],
    });
    // These rows are the user's now (src/contract/commit.ts keeps user_values for "only my data").
    await ensureTable(conn, 'user_values');
    const years = 'indicator IN (?, ?) AND year IN (SELECT DISTINCT year FROM cases)';
    await conn.query({ sql: `DELETE FROM user_values WHERE ${years}`, params: [rate.id, trafficking.id] });
    await conn.query({
      sql: `INSERT INTO user_values SELECT ${Object.keys(TABLES.user_values).map(ident).join(', ')}
FROM indicator_values WHERE ${years}`,
      params: [rate.id, trafficking.id],
    });
    await conn.exec('COMMIT');
  } catch (e) {
    await conn.exec('ROLLBACK');
    throw e;
  }
  const [r] = await conn.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM cases', params: [] });
  return r?.n ?? 0;
}
