/**
 * DuckDB-WASM in a Web Worker, from bundles served by the app itself (no CDN). Loaded lazily: the first map
 * never waits for this 34 MB engine.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { SAFE_SETTINGS, arrowToRows, type BoundQuery, type Connector } from './connector';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts DuckDB-WASM in a worker and returns a connector to it. */
export async function createBrowserConnector(): Promise<Connector> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error('DuckDB-WASM bundle has no worker');
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS) await conn.query(s);

  return {
    async query<T extends object>(q: BoundQuery): Promise<T[]> {
      const stmt = await conn.prepare(q.sql);
      try {
        return arrowToRows<T>(await stmt.query(...q.params));
      } finally {
        await stmt.close();
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async insertArrowIPC(name: string, ipc: Uint8Array) {
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
