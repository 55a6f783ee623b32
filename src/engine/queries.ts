/**
 * One SQL builder per question the views ask. Pure functions: they return SQL text with `?` placeholders
 * and the values to bind, and are tested on their text and on the real engine.
 */
import type { BoundQuery } from './connector';
import type { IndicatorMeta } from './schema';

/**
 * Values of one indicator in every year, per municipality: the map's whole time series in one query
 * (61 municipalities x a decade is a few hundred rows), so moving the year slider needs no query at all.
 */
export function indicatorSeriesQuery(indicator: string): BoundQuery {
  return {
    sql: `SELECT year::INTEGER AS year, lau_code, value, numerator, denominator
FROM indicator_values WHERE indicator = ? ORDER BY year, lau_code`,
    params: [indicator],
  };
}

/**
 * Value and numerator of a group (the rows where `flag` is true). Counts add up; rates are recomputed from
 * summed numerators and denominators, never averaged. Both texts are fixed: no identifier comes from input.
 */
function groupColumns(meta: IndicatorMeta, flag: string, as: string): string {
  if (meta.aggregation === 'ratio') {
    return `sum(numerator) FILTER (WHERE ${flag}) / nullif(sum(denominator) FILTER (WHERE ${flag}), 0) * (SELECT scale FROM sel) AS ${as},
  sum(numerator) FILTER (WHERE ${flag}) AS ${as}_numerator`;
  }
  return `sum(value) FILTER (WHERE ${flag}) AS ${as},
  sum(value) FILTER (WHERE ${flag}) AS ${as}_numerator`;
}

/**
 * The yearly series of one municipality, its county and Albania for one indicator. Each output value comes
 * with the numerator it rests on, so small-count suppression can be applied to every line of the chart.
 */
export function trendQuery(meta: IndicatorMeta, lauCode: string): BoundQuery {
  return {
    sql: `WITH sel AS (SELECT ?::VARCHAR AS lau_code, ?::DOUBLE AS scale, ?::VARCHAR AS indicator),
v AS (
  SELECT iv.*, iv.lau_code = (SELECT lau_code FROM sel) AS is_sel,
    m.qark_code = (SELECT qark_code FROM municipalities WHERE lau_code = (SELECT lau_code FROM sel)) AS in_county
  FROM indicator_values iv JOIN municipalities m ON m.lau_code = iv.lau_code
  WHERE iv.indicator = (SELECT indicator FROM sel)
)
SELECT year::INTEGER AS year,
  max(value) FILTER (WHERE is_sel) AS municipality,
  ${groupColumns(meta, 'in_county', 'county')},
  ${groupColumns(meta, 'true', 'national')}
FROM v GROUP BY year ORDER BY year`,
    params: [lauCode, meta.scale, meta.id],
  };
}

/**
 * One indicator per county (qark) and year: counts add up, rates are summed numerators over summed
 * denominators. With each value its numerator, for suppression.
 */
export function countySeriesQuery(meta: IndicatorMeta): BoundQuery {
  return {
    sql: `WITH sel AS (SELECT ?::DOUBLE AS scale, ?::VARCHAR AS indicator)
SELECT iv.year::INTEGER AS year, m.qark_code AS qark_code,
  ${groupColumns(meta, 'true', 'value')}
FROM indicator_values iv JOIN municipalities m ON m.lau_code = iv.lau_code
WHERE iv.indicator = (SELECT indicator FROM sel)
GROUP BY iv.year, m.qark_code ORDER BY iv.year, m.qark_code`,
    params: [meta.scale, meta.id],
  };
}

/** Each municipality's county: the groups of secondary suppression. */
export function countiesQuery(): BoundQuery {
  return { sql: 'SELECT lau_code, qark_code FROM municipalities', params: [] };
}

/** The indicators that have at least one value. */
export function indicatorsPresentQuery(): BoundQuery {
  return { sql: 'SELECT DISTINCT indicator FROM indicator_values ORDER BY indicator', params: [] };
}
