/**
 * SQL builders for the school questions (issue 6). Pure functions returning SQL with `?` placeholders and the
 * values to bind; the level filter is a bound value ('all' matches every level).
 */
import type { BoundQuery } from './connector';

/** School level filter: every school, basic (grades 1-9) or upper secondary (10-12). */
export type SchoolLevel = 'all' | 'basic' | 'upper_secondary';

/** The years that have school rows, ascending. */
export function schoolYearsQuery(): BoundQuery {
  return { sql: 'SELECT DISTINCT year::INTEGER AS year FROM schools ORDER BY year', params: [] };
}

/**
 * Enrolment, dropouts and school count per municipality and year for one level: the whole series in one
 * query (61 municipalities x a decade), from which rates, persistence and cluster trends are summed.
 */
export function municipalDropoutQuery(level: SchoolLevel): BoundQuery {
  return {
    sql: `SELECT year::INTEGER AS year, lau_code, sum(enrolled)::DOUBLE AS enrolled,
  sum(dropouts)::DOUBLE AS dropouts, count(DISTINCT school_id)::INTEGER AS schools
FROM schools WHERE (? = 'all' OR level = ?) AND lau_code IS NOT NULL
GROUP BY year, lau_code ORDER BY year, lau_code`,
    params: [level, level],
  };
}

/**
 * The located schools of one year and level, one row per school (its levels summed when both are asked),
 * ordered by id so that point order, and so permutation draws, are the same everywhere.
 */
export function schoolPointsQuery(year: number, level: SchoolLevel): BoundQuery {
  return {
    sql: `SELECT school_id, min(lau_code) AS lau_code, min(lon) AS lon, min(lat) AS lat,
  sum(enrolled)::DOUBLE AS enrolled, sum(dropouts)::DOUBLE AS dropouts
FROM schools WHERE year = ? AND (? = 'all' OR level = ?) AND lon IS NOT NULL AND lat IS NOT NULL
GROUP BY school_id HAVING sum(enrolled) > 0 ORDER BY school_id`,
    params: [year, level, level],
  };
}
