/**
 * SQL builders for the school questions (issue 6). Pure functions returning SQL with `?` placeholders and the
 * values to bind.
 */
import type { BoundQuery } from './connector';

/** School level filter: every school, basic (grades 1-9) or upper secondary (10-12). */
export type SchoolLevel = 'all' | 'basic' | 'upper_secondary';

/** The years that have school rows, ascending. */
export function schoolYearsQuery(): BoundQuery {
  return { sql: 'SELECT DISTINCT year::INTEGER AS year FROM schools ORDER BY year', params: [] };
}

/**
 * Every school row (each school, level and year), from which the engine sums the municipal, national and
 * all-level figures and applies the school tables' small-count policy (src/engine/schools-shown.ts) in one
 * place. Dropouts are null where a served dataset withholds them (status 'c'). Ordered so that point order,
 * and so permutation draws, are the same everywhere.
 */
export function schoolRowsQuery(): BoundQuery {
  return {
    sql: `SELECT year::INTEGER AS year, school_id, lau_code, level, lon, lat, enrolled::DOUBLE AS enrolled,
  CASE WHEN status IS NOT DISTINCT FROM 'c' THEN NULL ELSE dropouts::DOUBLE END AS dropouts
FROM schools ORDER BY year, school_id, level`,
    params: [],
  };
}

/**
 * A served dataset's municipality and national totals per level and for all levels (`school_totals`,
 * computed from the full data and suppressed at source: its schools table withholds some schools'
 * dropouts, so they cannot be added up), dropouts null where withheld; no rows for a dataset without them.
 */
export function schoolTotalsQuery(): BoundQuery {
  return {
    sql: `SELECT level, code, year::INTEGER AS year, school_level, enrolled::DOUBLE AS enrolled,
  CASE WHEN status IS NOT DISTINCT FROM 'c' THEN NULL ELSE dropouts::DOUBLE END AS dropouts
FROM school_totals ORDER BY year, level, school_level, code`,
    params: [],
  };
}
