/**
 * The child population behind the explorer's rates per 1,000 children, for `atlas serve`: the child_pop rows
 * of a values Parquet file (the demo's own public/data/values.parquet, or a user's values.parquet written by
 * `atlas import`) in the table the engine reads (indicator_values). Without it rates are null.
 */
import { fileURLToPath } from 'node:url';
import { CASE_INDICATORS } from '../case-indicators';
import type { Connector } from '../connector';
import { DataError } from '../errors';

/** The demo dataset's values (the census-based child population of the 61 municipalities). */
export const DEMO_VALUES_FILE = fileURLToPath(
  new URL('../../../public/data/values.parquet', import.meta.url),
);

/** Loads the child population of `file` into indicator_values; returns the number of rows. */
export async function loadPopulation(conn: Connector, file: string = DEMO_VALUES_FILE): Promise<number> {
  try {
    await conn.query({
      sql: `CREATE OR REPLACE TABLE indicator_values AS
SELECT lau_code::VARCHAR AS lau_code, year::INTEGER AS year, indicator::VARCHAR AS indicator, value::DOUBLE AS value
FROM read_parquet(?) WHERE indicator = ? AND value > 0`,
      params: [file, CASE_INDICATORS.rate.denominator],
    });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new DataError(
      file,
      `no child population could be read (${why})`,
      'a values Parquet file with lau_code, year, indicator and value columns',
      'Give the values.parquet that `atlas import` wrote, or leave --values out for the demo population.',
    );
  }
  const [r] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*)::BIGINT AS n FROM indicator_values',
    params: [],
  });
  return r?.n ?? 0;
}
