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
 * query (61 municipalities x a decade), from which rates, persistence and cluster trends are summed. A served
 * dataset's municipality totals (`school_totals`, computed from the full data and suppressed at source) stand
 * for the sums when they are there: its schools table withholds some schools' dropouts. Dropouts are null
 * where any part of the sum is withheld (a level, a school): a sum over a withheld figure cannot be made.
 */
export function municipalDropoutQuery(level: SchoolLevel): BoundQuery {
  return {
    sql: `WITH served AS (SELECT * FROM school_totals WHERE level = 'municipality' AND school_level = ?),
counted AS (
  SELECT year, lau_code, count(DISTINCT school_id)::INTEGER AS schools FROM schools
  WHERE (? = 'all' OR level = ?) AND lau_code IS NOT NULL GROUP BY year, lau_code
),
summed AS (
  SELECT year, code AS lau_code, enrolled::DOUBLE AS enrolled, dropouts::DOUBLE AS dropouts FROM served
  UNION ALL
  SELECT year, lau_code, sum(enrolled)::DOUBLE AS enrolled,
    CASE WHEN bool_or(status IS NOT DISTINCT FROM 'c') THEN NULL ELSE sum(dropouts)::DOUBLE END AS dropouts
  FROM schools WHERE (? = 'all' OR level = ?) AND lau_code IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM served)
  GROUP BY year, lau_code
)
SELECT s.year::INTEGER AS year, s.lau_code, s.enrolled, s.dropouts, coalesce(c.schools, 0) AS schools
FROM summed s LEFT JOIN counted c ON c.year = s.year AND c.lau_code = s.lau_code
ORDER BY s.year, s.lau_code`,
    params: [level, level, level, level, level],
  };
}

/**
 * Albania's dropouts of one level (or all levels) per year as served (`school_totals`), null where withheld; no rows when
 * the dataset has no served totals (then the municipalities are added up).
 */
export function nationalDropoutQuery(level: SchoolLevel): BoundQuery {
  return {
    sql: `SELECT year::INTEGER AS year, enrolled::DOUBLE AS enrolled, dropouts::DOUBLE AS dropouts
FROM school_totals WHERE level = 'national' AND school_level = ? ORDER BY year`,
    params: [level],
  };
}

/**
 * The located schools of one year and level, one row per school (its levels summed when both are asked),
 * ordered by id so that point order, and so permutation draws, are the same everywhere.
 */
export function schoolPointsQuery(year: number, level: SchoolLevel): BoundQuery {
  return {
    sql: `SELECT school_id, min(lau_code) AS lau_code, min(lon) AS lon, min(lat) AS lat,
  sum(enrolled)::DOUBLE AS enrolled,
  CASE WHEN bool_or(status IS NOT DISTINCT FROM 'c') THEN NULL ELSE sum(dropouts)::DOUBLE END AS dropouts
FROM schools WHERE year = ? AND (? = 'all' OR level = ?) AND lon IS NOT NULL AND lat IS NOT NULL
GROUP BY school_id HAVING sum(enrolled) > 0 ORDER BY school_id`,
    params: [year, level, level],
  };
}
