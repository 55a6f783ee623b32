/** The Parquet files the reader comparison decodes: the app's own and a generated large one. */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** A file to decode. */
export interface Fixture {
  name: string;
  path: string;
}

/** Codecs the large file is written with. */
export const CODECS = ['zstd', 'snappy'] as const;

/** Rows in the generated file. */
export const LARGE_ROWS = 1_000_000;

const escape = (path: string) => path.replaceAll("'", "''");

/**
 * Writes `rows` rows of (lau_code VARCHAR, year INTEGER, indicator VARCHAR, value DOUBLE, ~1% nulls),
 * deterministic, once per codec into `cacheDir`; returns the files (existing ones are reused).
 */
export async function largeFixtures(cacheDir: string, rows = LARGE_ROWS): Promise<Fixture[]> {
  mkdirSync(cacheDir, { recursive: true });
  const wanted = CODECS.map((codec) => ({
    codec,
    name: `synthetic ${rows / 1e6}M rows, ${codec}`,
    path: join(cacheDir, `synthetic-${rows}-${codec}.parquet`),
  }));
  const missing = wanted.filter((w) => !existsSync(w.path));
  if (missing.length > 0) {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(`
        CREATE TABLE t AS
        SELECT 'AL' || lpad(CAST(1 + i % 61 AS VARCHAR), 3, '0') AS lau_code,
               CAST(2015 + (i // 61) % 11 AS INTEGER) AS year,
               'indicator_' || CAST((i // 671) % 12 AS VARCHAR) AS indicator,
               CASE WHEN i % 97 = 0 THEN NULL ELSE (hash(i) % 1000000) / 10000.0 END AS value
        FROM range(${rows}) r(i)`);
      for (const m of missing) {
        const tmp = `${m.path}.tmp`;
        await conn.run(`COPY t TO '${escape(tmp)}' (FORMAT parquet, COMPRESSION ${m.codec})`);
        renameSync(tmp, m.path);
      }
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  }
  return wanted.map(({ name, path }) => ({ name, path }));
}
