/**
 * SQL builders for the coverage questions (Child Protection Units, their caseload, child population). Pure:
 * SQL text with `?` placeholders and the values to bind; table and column names only from src/engine/tables.ts.
 */
import type { BoundQuery } from './connector';

/** The indicator holding each municipality's child population (aggregation 'sum'). */
export const CHILD_POPULATION_INDICATOR = 'child_pop';

/** Every unit, by id. */
export function facilitiesQuery(): BoundQuery {
  return {
    sql: `SELECT id, lau_code, name, lon, lat, opened::INTEGER AS opened, closed::INTEGER AS closed, supporter,
  staff::INTEGER AS staff
FROM facilities ORDER BY id`,
    params: [],
  };
}

/** Children assisted per unit and year (raw counts: the engine suppresses them before any view sees them). */
export function caseloadQuery(): BoundQuery {
  return {
    sql: `SELECT facility_id, year::INTEGER AS year, children_assisted::INTEGER AS children_assisted
FROM caseload ORDER BY facility_id, year`,
    params: [],
  };
}

/** Child population per municipality and year, of all loaded values or only the user's (`user_values`). */
export function childPopulationQuery(
  indicator: string = CHILD_POPULATION_INDICATOR,
  table: 'indicator_values' | 'user_values' = 'indicator_values',
): BoundQuery {
  return {
    sql: `SELECT lau_code, year::INTEGER AS year, value AS children
FROM ${table === 'user_values' ? 'user_values' : 'indicator_values'} WHERE indicator = ? ORDER BY year, lau_code`,
    params: [indicator],
  };
}

/** Each municipality's county, in code order. */
export function coverageAreasQuery(): BoundQuery {
  return { sql: 'SELECT lau_code, qark_code FROM municipalities ORDER BY lau_code', params: [] };
}
