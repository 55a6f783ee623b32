/**
 * A Connector over native DuckDB (@duckdb/node-api, DuckDB 1.5, several threads): the engine of `atlas
 * serve` and the native side of the benches, and in tests the check that SQL written for DuckDB-WASM 1.4.3
 * gives the same answers there. Rows come back as plain JS values (BIGINT and HUGEINT as numbers, as
 * arrowToRows gives them).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SAFE_SETTINGS, type BoundQuery, type Connector } from '../connector';

/** How to start the engine. */
export interface NativeOptions {
  /** Worker threads (default 2: this project's machines have two cores). */
  threads?: number;
  /** DuckDB's memory limit, e.g. '2GB' (default DuckDB's own: 80 % of the RAM). */
  memoryLimit?: string;
  /**
   * Connections to the one database (default 1). With more, statements run side by side, each on an idle
   * connection (all see the same tables); with one, the statements given at once run one after another.
   */
  connections?: number;
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
  const all: DuckDBConnection[] = [];
  for (let i = 0; i < Math.max(1, options.connections ?? 1); i++) all.push(await instance.connect());
  for (const s of SAFE_SETTINGS) await all[0]!.run(s);
  const idle = [...all];
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  /** Runs `task` on an idle connection, waiting for one if none is. */
  const withConnection = async <T>(task: (c: DuckDBConnection) => Promise<T>): Promise<T> => {
    const c = idle.pop() ?? (await new Promise<DuckDBConnection>((r) => waiting.push(r)));
    try {
      return await task(c);
    } finally {
      const next = waiting.shift();
      if (next) next(c);
      else idle.push(c);
    }
  };
  return {
    query<T extends object>(q: BoundQuery): Promise<T[]> {
      return withConnection(async (c) => {
        const reader = await c.runAndReadAll(q.sql, q.params);
        return reader.getRowObjectsJS().map((row) => plain<T>(row));
      });
    },
    exec(sql: string) {
      return withConnection(async (c) => {
        await c.run(sql);
      });
    },
    async insertArrowIPC() {
      throw new Error('not needed: tables are filled with bound INSERTs or read from Parquet');
    },
    async close() {
      for (const c of all) c.closeSync();
      instance.closeSync();
    },
  };
}
