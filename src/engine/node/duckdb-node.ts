/**
 * DuckDB-WASM's Node build (the same engine and version as the browser), for tests and the CLI.
 * Native DuckDB is newer (1.5 vs 1.4.3), so the SQL the app runs is tested here, not there.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { SAFE_SETTINGS, arrowToRows, type BoundQuery, type Connector } from '../connector';

/** Starts DuckDB-WASM (blocking Node build) in this process and returns a connector to it. */
export async function createNodeConnector(): Promise<Connector> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: join(dist, 'duckdb-mvp.wasm'),
        mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  for (const s of SAFE_SETTINGS) conn.query(s);

  return {
    async query<T extends object>(q: BoundQuery): Promise<T[]> {
      const stmt = conn.prepare(q.sql);
      try {
        return arrowToRows<T>(stmt.query(...q.params));
      } finally {
        stmt.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrowIPC(name: string, ipc: Uint8Array) {
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async close() {
      conn.close();
      await db.reset();
    },
  };
}
