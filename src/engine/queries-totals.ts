/**
 * County and national totals of a served dataset (the `value_totals` table, from totals.parquet): computed at
 * build time from the full data and suppressed there, because the browser is not sent the withheld cells and
 * a sum over what it has would be wrong. A served total stands for a group in a year when the user gave no
 * value of the indicator that year (their rows would change it); otherwise the group's cells are added up,
 * and a sum over a withheld cell is itself withheld. SQL fragments for ./queries.ts; every text is fixed.
 */
import type { BoundQuery } from './connector';
import type { ValuesScope } from './queries-values';
import type { IndicatorMeta } from './schema';

export { NATIONAL_CODE } from '../analysis/disclosure/served-values';

/** CTE `own_years`: the years in which the user gave values of the indicator (`sel`). */
export const OWN_YEARS = `own_years AS (
  SELECT DISTINCT year FROM user_values WHERE indicator = (SELECT indicator FROM sel)
)`;

/**
 * CTE `<alias>_t`: the served totals of `level` of the indicator (`sel`) that stand for their group, only in
 * scope 'all' and years without the user's values; `code` narrows it to one group (an SQL expression).
 * DuckDB-WASM joins no subquery outside an inner join, so the conditions live here, not in the join.
 */
export function servedTotals(
  alias: string,
  level: 'county' | 'national',
  scope: ValuesScope,
  code?: string,
): string {
  if (scope === 'own') return `${alias}_t AS (SELECT * FROM value_totals WHERE false)`;
  return `${alias}_t AS (
  SELECT * FROM value_totals WHERE level = '${level}' AND indicator = (SELECT indicator FROM sel)
    AND year NOT IN (SELECT year FROM own_years)${code === undefined ? '' : ` AND code = ${code}`}
)`;
}

/** Joins `<alias>_t` as `alias` to `a` by year, and by group when `code` (a column of `a`) is given. */
export function servedJoin(alias: string, code?: string): string {
  return `LEFT JOIN ${alias}_t ${alias} ON ${alias}.year = a.year${code === undefined ? '' : ` AND ${alias}.code = ${code}`}`;
}

/** The group's value, numerator, bases and withheld flag (`<as>`, `<as>_numerator`, ...), served or summed. */
export function servedColumns(alias: string, as: string): string {
  const served = `${alias}.code IS NOT NULL`;
  return `CASE WHEN ${served} THEN ${alias}.value ELSE a.${as} END AS ${as},
  CASE WHEN ${served} THEN ${alias}.numerator ELSE a.${as}_numerator END AS ${as}_numerator,
  a.${as}_bases AS ${as}_bases,
  CASE WHEN ${served} THEN ${alias}.status IS NOT DISTINCT FROM 'c' ELSE a.${as}_withheld END AS ${as}_withheld`;
}

/** A served county total of one indicator: the known sum of its cells, withheld ones included. */
export interface ServedTotalRow {
  year: number;
  code: string;
  count: number | null;
  withheld: boolean;
}

/**
 * The served county totals of an indicator as counts (a rate's numerator), in years without the user's
 * values: from them and the shown cells, the sum of a county's withheld cells is known, which the policy
 * needs when a viewer raises the threshold (src/analysis/disclosure/withheld-shares.ts).
 */
export function servedCountyTotalsQuery(meta: Pick<IndicatorMeta, 'id' | 'aggregation'>): BoundQuery {
  return {
    sql: `SELECT year::INTEGER AS year, code, ${meta.aggregation === 'sum' ? 'value' : 'numerator'} AS count,
  status IS NOT DISTINCT FROM 'c' AS withheld
FROM value_totals WHERE level = 'county' AND indicator = ?
  AND year NOT IN (SELECT DISTINCT year FROM user_values WHERE indicator = ?)
ORDER BY year, code`,
    params: [meta.id, meta.id],
  };
}
