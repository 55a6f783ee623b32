/**
 * Writes the generated tables to Parquet with the native DuckDB Node API: rows go into in-memory
 * tables through appenders and file paths are bound parameters (nothing is pasted into SQL: names
 * contain ë, ç and could contain quotes), then COPY writes each table sorted, zstd-compressed.
 *
 * Determinism: a single thread keeps row groups in a fixed order, and DuckDB's Parquet writer
 * embeds no timestamps; the only metadata is `created_by` with the DuckDB version, so output is
 * byte-identical for a given @duckdb/node-api version.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { CaseloadRow, FacilityRow, ValueRow } from '../../src/engine/schema';

function appendNullableDouble(appender: DuckDBAppender, x: number | null): void {
  if (x === null) appender.appendNull();
  else appender.appendDouble(x);
}

/** COPY a table to Parquet; the target path is a bound parameter (table and order are constants). */
async function copyOut(c: DuckDBConnection, table: string, orderBy: string, path: string): Promise<void> {
  await c.run(`COPY (SELECT * FROM ${table} ORDER BY ${orderBy}) TO $1 (FORMAT parquet, COMPRESSION zstd)`, [
    path,
  ]);
}

/** Output file paths of the three Parquet tables. */
export interface ParquetPaths {
  values: string;
  facilities: string;
  caseload: string;
}

/** Writes values, facilities and caseload Parquet files. */
export async function writeParquet(
  paths: ParquetPaths,
  values: readonly ValueRow[],
  facilities: readonly FacilityRow[],
  caseload: readonly CaseloadRow[],
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE v (lau_code VARCHAR, year INTEGER, indicator VARCHAR,
      value DOUBLE, numerator DOUBLE, denominator DOUBLE)`);
    await c.run(`CREATE TABLE f (id VARCHAR, lau_code VARCHAR, name VARCHAR, lon DOUBLE, lat DOUBLE,
      opened INTEGER, closed INTEGER, supporter VARCHAR, staff INTEGER)`);
    await c.run('CREATE TABLE k (facility_id VARCHAR, year INTEGER, children_assisted INTEGER)');

    const av = await c.createAppender('v');
    for (const r of values) {
      av.appendVarchar(r.lau_code);
      av.appendInteger(r.year);
      av.appendVarchar(r.indicator);
      appendNullableDouble(av, r.value);
      appendNullableDouble(av, r.numerator);
      appendNullableDouble(av, r.denominator);
      av.endRow();
    }
    av.closeSync();

    const af = await c.createAppender('f');
    for (const r of facilities) {
      af.appendVarchar(r.id);
      af.appendVarchar(r.lau_code);
      af.appendVarchar(r.name);
      af.appendDouble(r.lon);
      af.appendDouble(r.lat);
      af.appendInteger(r.opened);
      if (r.closed === null) af.appendNull();
      else af.appendInteger(r.closed);
      af.appendVarchar(r.supporter);
      af.appendInteger(r.staff);
      af.endRow();
    }
    af.closeSync();

    const ak = await c.createAppender('k');
    for (const r of caseload) {
      ak.appendVarchar(r.facility_id);
      ak.appendInteger(r.year);
      ak.appendInteger(r.children_assisted);
      ak.endRow();
    }
    ak.closeSync();

    await copyOut(c, 'v', 'indicator, year, lau_code', paths.values);
    await copyOut(c, 'f', 'id', paths.facilities);
    await copyOut(c, 'k', 'facility_id, year', paths.caseload);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
