/**
 * The inputs of the demo's case records (src/analysis/cases/demo-cells.ts) as served in the engine: per
 * municipality and year the cp_cases_rate numerator and trafficking_referrals value (null where withheld),
 * per county and year the same totals; and the statements that fill demo_case_cells. Values are bound.
 */
import { CASE_INDICATORS } from './case-indicators';
import type { CaseCell } from '../analysis/cases/demo-cells';
import type { BoundQuery } from './connector';
import { DEMO_CELLS_TABLE } from './queries-cases-gen';

const { rate, trafficking } = CASE_INDICATORS;

/** Every municipality in every year of cp_cases_rate, with its county and the two served figures. */
export function servedCaseCellsQuery(): BoundQuery {
  return {
    sql: `WITH y AS (SELECT DISTINCT year FROM indicator_values WHERE indicator = ?),
n AS (SELECT lau_code, year, numerator FROM indicator_values WHERE indicator = ? AND status IS NULL),
t AS (SELECT lau_code, year, value FROM indicator_values WHERE indicator = ? AND status IS NULL),
g AS (SELECT m.lau_code, m.qark_code, y.year FROM municipalities m CROSS JOIN y)
SELECT g.lau_code, g.qark_code AS county, g.year::INTEGER AS year, n.numerator AS n, t.value AS t
FROM g LEFT JOIN n ON n.lau_code = g.lau_code AND n.year = g.year
LEFT JOIN t ON t.lau_code = g.lau_code AND t.year = g.year
ORDER BY g.year, g.lau_code`,
    params: [rate.id, rate.id, trafficking.id],
  };
}

/** The served county totals of the two indicators (withheld ones as null). */
export function servedCaseTotalsQuery(): BoundQuery {
  return {
    sql: `SELECT code AS county, year::INTEGER AS year,
  max(numerator) FILTER (WHERE indicator = ? AND status IS NULL) AS n,
  max(value) FILTER (WHERE indicator = ? AND status IS NULL) AS t
FROM value_totals WHERE level = ? AND indicator IN (?, ?)
GROUP BY code, year ORDER BY year, code`,
    params: [rate.id, trafficking.id, 'county', rate.id, trafficking.id],
  };
}

/** DDL of demo_case_cells. */
export const CREATE_CELLS = `CREATE OR REPLACE TABLE ${DEMO_CELLS_TABLE}
(cell INTEGER, lau_code VARCHAR, year INTEGER, n INTEGER, t INTEGER)`;

/** INSERTs of the cells into demo_case_cells, `chunk` rows a statement, every value bound. */
export function insertCellsQueries(cells: readonly CaseCell[], chunk = 500): BoundQuery[] {
  const out: BoundQuery[] = [];
  for (let i = 0; i < cells.length; i += chunk) {
    const part = cells.slice(i, i + chunk);
    out.push({
      sql: `INSERT INTO ${DEMO_CELLS_TABLE} VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      params: part.flatMap((c) => [c.cell, c.lau_code, c.year, c.n, c.t]),
    });
  }
  return out;
}
