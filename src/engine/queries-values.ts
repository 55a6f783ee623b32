/**
 * The indicator values a question reads, with every ratio row's numerator and denominator resolved: a file
 * may give a rate without its counts (published tables mostly do), and the county and national figures,
 * small-count suppression and smoothing all need counts. Pure SQL builders, as in ./queries.ts.
 *
 * Each row's `basis` says where its parts come from, best first:
 * - `counts`: numerator and denominator as given (or no value at all, or a count indicator);
 * - `denominator` / `numerator`: one part given, the other implied by the rate (exact up to rounding);
 * - `indicator`: the catalog's denominator indicator of the same municipality and year (e.g. enrolment);
 * - `child_pop`: the child population of the same municipality and year;
 * - `none`: no weight at all (left out of county and national figures).
 * Implied count = value / scale x weight, so a county's rate is the weight-weighted mean of its
 * municipalities' rates: sum(value x w) / sum(w). Weights always come from the loaded table as a whole (the
 * user's rows where given, else the demo's), so a figure does not change with the "only my data" choice.
 */
import { impliedCount } from '../analysis/suppression';
import type { IndicatorMeta } from './schema';
import { CHILD_POPULATION_INDICATOR } from './queries-coverage';

/** All loaded values (the demo's where the user gave none), or only the user's own. */
export type ValuesScope = 'all' | 'own';

/** Where a row's numerator and denominator come from (see the module comment). */
export type Basis = 'counts' | 'denominator' | 'numerator' | 'indicator' | 'child_pop' | 'none';

/** Bases that mean a weight stands in for the true counts. */
export const WEIGHTED: readonly Basis[] = ['indicator', 'child_pop', 'none'];

/** The table of a scope (both are in the allow-list of ./tables.ts). */
export function valuesTable(scope: ValuesScope): 'indicator_values' | 'user_values' {
  return scope === 'own' ? 'user_values' : 'indicator_values';
}

/** The values bound by {@link resolvedValues}'s `sel` CTE, in order. */
export function selParams(meta: IndicatorMeta): (string | number)[] {
  return [
    meta.id,
    meta.scale,
    meta.aggregation,
    meta.denominator ?? CHILD_POPULATION_INDICATOR,
    CHILD_POPULATION_INDICATOR,
  ];
}

/** Tables other than the live ones a resolution may read: an import's merged preview (src/contract/rates.ts). */
const PREVIEW = /^stage_indicator_values_\d+_merged$/;

/**
 * CTEs `sel` (the indicator, bound by {@link selParams}) and `rv` (lau_code, year, value, numerator,
 * denominator, basis and status, 'c' when withheld at source, of every row of the indicator in `scope`).
 * The caller starts its SQL with `WITH` and
 * adds its own CTEs after a comma. Weights are read from indicator_values, or from `preview` (a table of the
 * same columns holding the values as an import would leave them), which is then also the values' table.
 * Table names come from the allow-list; values are bound.
 */
export function resolvedValues(scope: ValuesScope, preview?: string): string {
  if (preview !== undefined && !PREVIEW.test(preview)) throw new Error(`not a preview table: ${preview}`);
  const table = preview ?? valuesTable(scope);
  const weights = preview ?? 'indicator_values';
  return `sel AS (SELECT ?::VARCHAR AS indicator, ?::DOUBLE AS scale, ?::VARCHAR AS aggregation,
  ?::VARCHAR AS weight, ?::VARCHAR AS child_pop),
r0 AS (
  SELECT v.lau_code, v.year, v.value, v.numerator AS n0, v.denominator AS d0, d.value AS wd, p.value AS wp,
    v.status,
    CASE
      WHEN (SELECT aggregation FROM sel) <> 'ratio' OR v.value IS NULL
        OR (v.numerator IS NOT NULL AND v.denominator IS NOT NULL) THEN 'counts'
      WHEN v.denominator IS NOT NULL THEN 'denominator'
      WHEN v.numerator IS NOT NULL AND v.value > 0 THEN 'numerator'
      WHEN d.value IS NOT NULL AND (SELECT weight FROM sel) <> (SELECT child_pop FROM sel) THEN 'indicator'
      WHEN p.value IS NOT NULL THEN 'child_pop'
      ELSE 'none'
    END AS basis
  FROM ${table} v
  LEFT JOIN ${weights} d ON d.indicator = (SELECT weight FROM sel) AND d.lau_code = v.lau_code
    AND d.year = v.year
  LEFT JOIN ${weights} p ON p.indicator = (SELECT child_pop FROM sel) AND p.lau_code = v.lau_code
    AND p.year = v.year
  WHERE v.indicator = (SELECT indicator FROM sel)
),
rv AS (
  SELECT lau_code, year, value, basis, status,
    CASE basis
      WHEN 'counts' THEN n0 WHEN 'numerator' THEN n0
      WHEN 'denominator' THEN value / (SELECT scale FROM sel) * d0
      WHEN 'indicator' THEN value / (SELECT scale FROM sel) * wd
      WHEN 'child_pop' THEN value / (SELECT scale FROM sel) * wp
    END AS numerator,
    CASE basis
      WHEN 'counts' THEN d0 WHEN 'denominator' THEN d0
      WHEN 'numerator' THEN n0 * (SELECT scale FROM sel) / value
      WHEN 'indicator' THEN wd WHEN 'child_pop' THEN wp
    END AS denominator
  FROM r0
)`;
}

/** How many rows of each indicator are the user's and how many the demo's (in the loaded table). */
export function valueSourcesQuery() {
  return {
    sql: `SELECT iv.indicator, count(u.indicator)::INTEGER AS own, (count(*) - count(u.indicator))::INTEGER AS demo
FROM indicator_values iv
LEFT JOIN user_values u ON u.lau_code = iv.lau_code AND u.year = iv.year AND u.indicator = iv.indicator
GROUP BY iv.indicator ORDER BY iv.indicator`,
    params: [],
  };
}

/** The weakest basis of a group (a county, Albania): the one its figure most depends on weights for. */
export function weakestBasis(bases: Iterable<Basis | null | undefined>): Basis {
  const order: Basis[] = ['none', 'child_pop', 'indicator', 'numerator', 'denominator', 'counts'];
  let best = order.length - 1;
  for (const b of bases) if (b) best = Math.min(best, order.indexOf(b));
  return order[best]!;
}

/**
 * The count small-count suppression judges for a row: a count's value, a ratio's numerator, or for a rate
 * given without counts its implied count (at least 1 for a positive rate: {@link impliedCount}).
 */
export function policyCount(
  meta: Pick<IndicatorMeta, 'aggregation'>,
  r: { value: number | null; numerator: number | null; basis: Basis },
): number | null {
  if (meta.aggregation === 'sum') return r.value;
  return r.basis === 'counts' ? r.numerator : impliedCount(r.value, r.numerator);
}
