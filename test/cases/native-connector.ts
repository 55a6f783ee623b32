/**
 * A Connector over native DuckDB (@duckdb/node-api, DuckDB 1.5, several threads), for checking that SQL
 * written for DuckDB-WASM 1.4.3 gives the same answers there. Rows come back as plain JS values (BIGINT and
 * HUGEINT as numbers, as arrowToRows gives them).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { BoundQuery, Connector } from '../../src/engine/connector';

/** Starts an in-memory native DuckDB. */
export async function createNativeConnector(): Promise<Connector> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  return {
    async query<T extends object>(q: BoundQuery): Promise<T[]> {
      const reader = await conn.runAndReadAll(q.sql, q.params);
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
        return out as T;
      });
    },
    async exec(sql: string) {
      await conn.run(sql);
    },
    async insertArrowIPC() {
      throw new Error('not needed: tables are filled with bound INSERTs');
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
