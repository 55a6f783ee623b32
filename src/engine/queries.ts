/**
 * One SQL builder per question the views ask. Pure functions: they return SQL text with `?` placeholders
 * and the values to bind, and are tested on their text and on the real engine.
 */
import type { BoundQuery } from './connector';
import type { IndicatorMeta } from './schema';
import { resolvedValues, selParams, valuesTable, type ValuesScope } from './queries-values';
import { OWN_YEARS, servedColumns, servedJoin, servedTotals } from './queries-totals';

/**
 * Values of one indicator in every year, per municipality: the map's whole time series in one query
 * (61 municipalities x a decade is a few hundred rows), so moving the year slider needs no query at all.
 * Ratio rows given without counts come with implied ones and their `basis` (./queries-values.ts).
 */
export function indicatorSeriesQuery(meta: IndicatorMeta, scope: ValuesScope = 'all'): BoundQuery {
  return {
    sql: `WITH ${resolvedValues(scope)}
SELECT year::INTEGER AS year, lau_code, value, numerator, denominator, basis, status FROM rv
ORDER BY year, lau_code`,
    params: selParams(meta),
  };
}

/**
 * Value and numerator of a group (the rows where `flag` is true). Counts add up; rates are recomputed from
 * summed numerators and denominators, never averaged. Both texts are fixed: no identifier comes from input.
 */
function groupColumns(meta: IndicatorMeta, flag: string, as: string): string {
  // The bases the group's rows rest on, comma-separated ("child_pop,counts"): where weights stand in.
  const bases = `string_agg(DISTINCT basis, ',') FILTER (WHERE ${flag} AND value IS NOT NULL) AS ${as}_bases`;
  // Cells withheld at source: a sum over them cannot be made (./queries-totals.ts).
  const withheld = `count(*) FILTER (WHERE ${flag} AND status = 'c') > 0 AS ${as}_withheld`;
  if (meta.aggregation === 'ratio') {
    return `sum(numerator) FILTER (WHERE ${flag}) / nullif(sum(denominator) FILTER (WHERE ${flag}), 0) * (SELECT scale FROM sel) AS ${as},
  sum(numerator) FILTER (WHERE ${flag}) AS ${as}_numerator, ${bases}, ${withheld}`;
  }
  return `sum(value) FILTER (WHERE ${flag}) AS ${as},
  sum(value) FILTER (WHERE ${flag}) AS ${as}_numerator, ${bases}, ${withheld}`;
}

/**
 * The yearly series of one municipality, its county and Albania for one indicator. Each output value comes
 * with the numerator it rests on, so small-count suppression can be applied to every line of the chart, and
 * with whether it is withheld: a served total says so itself (./queries-totals.ts); a sum over cells one of
 * which was withheld at source cannot be made.
 */
export function trendQuery(meta: IndicatorMeta, lauCode: string, scope: ValuesScope = 'all'): BoundQuery {
  return {
    sql: `WITH ${resolvedValues(scope)},
pick AS (SELECT ?::VARCHAR AS lau_code),
qark AS (SELECT qark_code FROM municipalities WHERE lau_code = (SELECT lau_code FROM pick)),
v AS (
  SELECT rv.*, rv.lau_code = (SELECT lau_code FROM pick) AS is_sel,
    m.qark_code = (SELECT qark_code FROM qark) AS in_county
  FROM rv JOIN municipalities m ON m.lau_code = rv.lau_code
),
${OWN_YEARS},
${servedTotals('c', 'county', scope, '(SELECT qark_code FROM qark)')},
${servedTotals('n', 'national', scope)},
agg AS (
  SELECT year::INTEGER AS year,
    max(value) FILTER (WHERE is_sel) AS municipality,
    ${groupColumns(meta, 'in_county', 'county')},
    ${groupColumns(meta, 'true', 'national')}
  FROM v GROUP BY year
)
SELECT a.year, a.municipality,
  ${servedColumns('c', 'county')},
  ${servedColumns('n', 'national')}
FROM agg a
${servedJoin('c')}
${servedJoin('n')}
ORDER BY a.year`,
    params: [...selParams(meta), lauCode],
  };
}

/**
 * One indicator per county (qark) and year: counts add up, rates are summed numerators over summed
 * denominators. With each value its numerator, for suppression.
 */
export function countySeriesQuery(meta: IndicatorMeta, scope: ValuesScope = 'all'): BoundQuery {
  return {
    sql: `WITH ${resolvedValues(scope)},
${OWN_YEARS},
${servedTotals('t', 'county', scope)},
agg AS (
  SELECT rv.year::INTEGER AS year, m.qark_code AS qark_code,
    ${groupColumns(meta, 'true', 'value')}
  FROM rv JOIN municipalities m ON m.lau_code = rv.lau_code
  GROUP BY rv.year, m.qark_code
)
SELECT a.year, a.qark_code, ${servedColumns('t', 'value')}
FROM agg a
${servedJoin('t', 'a.qark_code')}
ORDER BY a.year, a.qark_code`,
    params: selParams(meta),
  };
}

/** Each municipality's county: the groups of secondary suppression. */
export function countiesQuery(): BoundQuery {
  return { sql: 'SELECT lau_code, qark_code FROM municipalities', params: [] };
}

/** The indicators that have at least one value. */
export function indicatorsPresentQuery(scope: ValuesScope = 'all'): BoundQuery {
  return { sql: `SELECT DISTINCT indicator FROM ${valuesTable(scope)} ORDER BY indicator`, params: [] };
}
