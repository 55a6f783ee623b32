/**
 * Parquet written by native DuckDB (@duckdb/node-api, as data/demo/parquet.ts does): the base tables are
 * loaded from CSV as text, then each file is a SELECT with casts and COPY options. Paths are bound
 * parameters; the SELECTs and options are corpus constants.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Base, Rows } from './base';
import { csv } from './bytes';

/** A DuckDB instance with the base tables as all-text tables v, k, f, c, s, x (values ... cases). */
export interface ParquetWriter {
  /** Runs COPY (select) TO a file with the options; returns the file's bytes. */
  write(select: string, options?: string): Promise<Uint8Array>;
  close(): void;
}

const TABLES: [string, keyof Base][] = [
  ['v', 'values'],
  ['k', 'catalog'],
  ['f', 'facilities'],
  ['c', 'caseload'],
  ['s', 'schools'],
  ['x', 'cases'],
];

async function load(conn: DuckDBConnection, dir: string, name: string, t: Rows): Promise<void> {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, csv(t.header, t.rows));
  await conn.run(
    `CREATE TABLE ${name} AS SELECT * FROM read_csv($1, header = true, all_varchar = true, quote = '"', delim = ',')`,
    [path],
  );
}

/** Starts DuckDB (one thread: row order and bytes are deterministic) with the base tables loaded. */
export async function openParquetWriter(base: Base): Promise<ParquetWriter> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-corpus-pq-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  for (const [name, key] of TABLES) await load(conn, dir, name, base[key] as Rows);
  let n = 0;
  return {
    async write(select, options = 'COMPRESSION zstd') {
      const path = join(dir, `out-${n++}.parquet`);
      await conn.run(`COPY (${select}) TO $1 (FORMAT parquet, ${options})`, [path]);
      return new Uint8Array(readFileSync(path));
    },
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A SELECT over the values table replacing some column expressions. */
export function valuesSelect(over: Record<string, string> = {}, where = ''): string {
  const cols: Record<string, string> = {
    lau_code: 'lau_code',
    year: 'year::INTEGER',
    indicator: 'indicator',
    value: 'value::DOUBLE',
    numerator: 'numerator::DOUBLE',
    denominator: 'denominator::DOUBLE',
    ...over,
  };
  const list = Object.entries(cols)
    .filter(([, e]) => e !== '')
    .map(([c, e]) => `${e} AS ${c}`);
  return `SELECT ${list.join(', ')} FROM v ${where}`;
}

/** Each table kind with contract types, from its all-text base table. */
export const TYPED: Record<string, string> = {
  catalog: `SELECT id, label_en, label_sq, unit_en, unit_sq, higher_is_worse::BOOLEAN AS higher_is_worse, aggregation,
    scale::DOUBLE AS scale, sensitive::BOOLEAN AS sensitive, source_en, source_sq, notes FROM k`,
  facilities: `SELECT id, lau_code, name, lon::DOUBLE AS lon, lat::DOUBLE AS lat, opened::INTEGER AS opened,
    closed::INTEGER AS closed, supporter, staff::INTEGER AS staff FROM f`,
  caseload:
    'SELECT facility_id, year::INTEGER AS year, children_assisted::INTEGER AS children_assisted FROM c',
  schools: `SELECT school_id, lau_code, level, year::INTEGER AS year, enrolled::INTEGER AS enrolled,
    dropouts::INTEGER AS dropouts FROM s`,
  cases: `SELECT year::INTEGER AS year, month::INTEGER AS month, lau_code, age_band, sex, case_type, referral_source FROM x`,
};

/** The values table with contract types. */
export const VALUES_TYPED = valuesSelect();
