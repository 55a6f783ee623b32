/**
 * A Connector over native DuckDB (@duckdb/node-api, DuckDB 1.5, several threads): the engine of `atlas
 * serve` and the native side of the benches, and in tests the check that SQL written for DuckDB-WASM 1.4.3
 * gives the same answers there. Rows come back as plain JS values (BIGINT and HUGEINT as numbers, as
 * arrowToRows gives them).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { SAFE_SETTINGS, type BoundQuery, type Connector } from '../connector';

/** How to start the engine. */
export interface NativeOptions {
  /** Worker threads (default 2: this project's machines have two cores). */
  threads?: number;
  /** DuckDB's memory limit, e.g. '2GB' (default DuckDB's own: 80 % of the RAM). */
  memoryLimit?: string;
}

/** Plain JS values of a row: BigInt becomes number so callers never see BigInt. */
function plain<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out as T;
}

/** Starts an in-memory native DuckDB that never installs or loads an extension on its own. */
export async function createNativeConnector(options: NativeOptions = {}): Promise<Connector> {
  const config: Record<string, string> = { threads: String(options.threads ?? 2) };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', config);
  const conn = await instance.connect();
  for (const s of SAFE_SETTINGS) await conn.run(s);
  return {
    async query<T extends object>(q: BoundQuery): Promise<T[]> {
      const reader = await conn.runAndReadAll(q.sql, q.params);
      return reader.getRowObjectsJS().map((row) => plain<T>(row));
    },
    async exec(sql: string) {
      await conn.run(sql);
    },
    async insertArrowIPC() {
      throw new Error('not needed: tables are filled with bound INSERTs or read from Parquet');
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
