/**
 * Rows -> Parquet with parquet-wasm, the same writer in Node (`npm run data`, `atlas publish`) and in the
 * browser ("Publish these data"): the same rows give the same bytes everywhere. Columns are typed as the
 * data contract says (VARCHAR, INTEGER, DOUBLE), written zstd-compressed.
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

/** The Parquet writer of parquet-wasm (initialised for Node or the browser by its loader). */
export interface ParquetWriter {
  writeParquet(ipc: Uint8Array): Uint8Array;
}

/** A column's type in a written file. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

/** The columns of a file, in order, with their types. */
export type FileColumns = readonly (readonly [string, ColumnType])[];

function vector(values: readonly unknown[], type: ColumnType): Vector {
  if (type === 'VARCHAR') return vectorFromArray(values as (string | null)[], new Utf8());
  if (type === 'INTEGER') return vectorFromArray(values as (number | null)[], new Int32());
  return vectorFromArray(values as (number | null)[], new Float64());
}

/** Writes `rows` (objects with the columns' names) as one Parquet file. */
export function rowsToParquet<T extends object>(
  writer: ParquetWriter,
  columns: FileColumns,
  rows: readonly T[],
): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of columns) {
    vectors[name] = vector(
      rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
      type,
    );
  }
  return writer.writeParquet(tableToIPC(new Table(vectors), 'stream'));
}
