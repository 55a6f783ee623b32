/**
 * A live engine table as a Parquet file the app loads (src/engine/dataset.ts). DuckDB-WASM has no Parquet
 * writer, so the rows are read through the app's Connector, typed by the allow-list in src/engine/tables.ts
 * (VARCHAR -> Utf8, INTEGER -> Int32, DOUBLE -> Float64, BOOLEAN -> Bool: exactly the types loadTable casts
 * to) and written with parquet-wasm, zstd-compressed. The Connector interface stays as the app has it.
 */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet as writeParquetWasm,
} from 'parquet-wasm/esm';
import type { Connector } from '../engine/connector';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import { TABLES, type TableName } from '../engine/tables';

function arrowType(sqlType: string): DataType {
  switch (sqlType) {
    case 'VARCHAR':
      return new Utf8();
    case 'INTEGER':
      return new Int32();
    case 'DOUBLE':
      return new Float64();
    case 'BOOLEAN':
      return new Bool();
    default:
      throw new Error(`no Arrow type for ${sqlType}`);
  }
}

/** True when the engine has a table of that name. */
export async function tableExists(conn: Connector, name: TableName): Promise<boolean> {
  const rows = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?',
    params: [name],
  });
  return (rows[0]?.n ?? 0) > 0;
}

/** The rows of a live table, with the columns of TABLES in order, in the table's own order. */
export async function tableRows(conn: Connector, name: TableName): Promise<Record<string, unknown>[]> {
  const cols = Object.keys(TABLES[name])
    .map((c) => `"${c}"`)
    .join(', ');
  // Table and column names come from the TABLES allow-list; there are no values to bind.
  return conn.query<Record<string, unknown>>({ sql: `SELECT ${cols} FROM ${name}`, params: [] });
}

/** Arrow IPC stream of rows typed by TABLES[name]. */
export function rowsToIPC(name: TableName, rows: readonly Record<string, unknown>[]): Uint8Array {
  const columns = Object.entries(TABLES[name]).map(([col, sqlType]) => [
    col,
    vectorFromArray(
      rows.map((r) => r[col] ?? null),
      arrowType(sqlType),
    ),
  ]);
  return tableToIPC(new Table(Object.fromEntries(columns)), 'stream');
}

/** Arrow IPC to Parquet bytes (zstd) with parquet-wasm. */
export function ipcToParquet(ipc: Uint8Array): Uint8Array {
  loadParquetModuleNode(); // initialises the wasm module these exports share
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setCreatedBy('safety-net-atlas cli')
    .build();
  return writeParquetWasm(WasmTable.fromIPCStream(ipc), props);
}

/** A live table as Parquet bytes; returns the bytes and the number of rows. */
export async function tableToParquet(
  conn: Connector,
  name: TableName,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const rows = await tableRows(conn, name);
  return { bytes: ipcToParquet(rowsToIPC(name, rows)), rows: rows.length };
}
