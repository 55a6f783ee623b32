/**
 * DuckDB-WASM's Node build (the same engine and version as the browser), for tests and the CLI.
 * Native DuckDB is newer (1.5 vs 1.4.3), so the SQL the app runs is tested here, not there.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { SAFE_SETTINGS, arrowToRows, type BoundQuery, type Connector } from '../connector';

/**
 * The Arrow IPC stream inside the IPC file format that DuckDB-WASM's bindings return: the file is the magic
 * "ARROW1" padded to 8 bytes, the stream (schema, batches, end-of-stream), the footer, its int32 length and
 * the magic again (Arrow columnar format, "IPC File Format"). parquet-wasm reads streams only, and slicing
 * avoids decoding and re-encoding every column.
 */
export function ipcFileToStream(file: Uint8Array): Uint8Array {
  const magic = (at: number) => String.fromCharCode(...file.subarray(at, at + 6)) === 'ARROW1';
  if (file.length < 18 || !magic(0) || !magic(file.length - 6)) throw new Error('not an Arrow IPC file');
  const footer = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(file.length - 10, true);
  return file.subarray(8, file.length - 10 - footer);
}

/** A connector that can also hand a result over as Arrow IPC (large results, without plain rows). */
export interface NodeConnector extends Connector {
  /** Runs one statement with bound parameters and returns its result as an Arrow IPC stream. */
  queryIPC(q: BoundQuery): Uint8Array;
}

/** Starts DuckDB-WASM (blocking Node build) in this process and returns a connector to it. */
export async function createNodeConnector(): Promise<NodeConnector> {
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
    queryIPC(q: BoundQuery): Uint8Array {
      // The bindings' own result bytes: a Table from conn.prepare() is made with the CommonJS apache-arrow
      // of duckdb-wasm's Node build, which our ESM tableToIPC does not recognise (it writes nothing).
      return conn.useUnsafe((bindings, id) => {
        const stmt = bindings.createPrepared(id, q.sql);
        try {
          return ipcFileToStream(bindings.runPrepared(id, stmt, q.params));
        } finally {
          bindings.closePrepared(id, stmt);
        }
      });
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
