/**
 * The one small interface between our SQL and a DuckDB engine (after mosaic's connectors): the same loading
 * code and queries run on DuckDB-WASM in a browser worker, on DuckDB-WASM's Node build in tests and the CLI.
 */

/** A value that can be bound to a `?` placeholder. */
export type SqlValue = string | number | boolean | null;

/** A query and its bound parameters: values are never pasted into SQL text. */
export interface BoundQuery {
  sql: string;
  params: SqlValue[];
}

/** What every engine offers. */
export interface Connector {
  /** Runs one statement with `?` placeholders bound to `params` and returns plain rows. */
  query<T extends object>(q: BoundQuery): Promise<T[]>;
  /** Runs a statement that takes no values (DDL such as SET or DROP TABLE). */
  exec(sql: string): Promise<void>;
  /** Creates table `name` from an Arrow IPC stream (the name must come from an allow-list). */
  insertArrowIPC(name: string, ipc: Uint8Array): Promise<void>;
  /** Releases the connection and the database. */
  close(): Promise<void>;
}

/** Statements run right after connecting: never download an extension, fail at once instead. */
export const SAFE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

interface ArrowLikeTable {
  toArray(): { toJSON(): Record<string, unknown> }[];
}

/** Converts an Arrow result to plain objects; BIGINT (JS BigInt) becomes number so views never see BigInt. */
export function arrowToRows<T extends object>(table: ArrowLikeTable): T[] {
  return table.toArray().map((row) => {
    const obj = row.toJSON();
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (typeof v === 'bigint') obj[key] = Number(v);
    }
    return obj as T;
  });
}
