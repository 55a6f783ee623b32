/** hyparquet's output turned into an Arrow IPC stream, so it compares like with like with parquet-wasm. */
import { Bool, Float32, Float64, Int32, Int64, Table, tableToIPC, Utf8 } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetReadObjects } from 'hyparquet';
import type { ColumnData, FileMetaData, SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { toVector } from './arrow-columns';

/** The Arrow type a flat Parquet column decodes to (the types DuckDB writes for our tables). */
export function arrowType(el: SchemaElement): DataType {
  switch (el.type) {
    case 'BOOLEAN':
      return new Bool();
    case 'INT32':
      return new Int32();
    case 'INT64':
      return new Int64();
    case 'FLOAT':
      return new Float32();
    case 'DOUBLE':
      return new Float64();
    case 'BYTE_ARRAY':
      if (el.converted_type === 'UTF8' || el.logical_type?.type === 'STRING') return new Utf8();
  }
  throw new Error(`bench: no Arrow mapping for Parquet column ${el.name} (${el.type}/${el.converted_type})`);
}

/** The leaf columns of a flat file, with their Arrow types. */
function columns(meta: FileMetaData): { name: string; type: DataType }[] {
  const leaves = meta.schema.slice(1);
  if (leaves.some((el) => el.num_children)) throw new Error('bench: nested Parquet schemas are not handled');
  return leaves.map((el) => ({ name: el.name, type: arrowType(el) }));
}

function ipc(vectors: Record<string, Vector>): Uint8Array {
  return tableToIPC(new Table(vectors), 'stream');
}

/** (b1) The documented path: `parquetReadObjects` (one JS object per row), then Arrow column by column. */
export async function hyparquetObjectsToIPC(file: ArrayBuffer): Promise<Uint8Array> {
  const meta = parquetMetadata(file);
  const rows: Record<string, unknown>[] = await parquetReadObjects({ file, metadata: meta, compressors });
  const vectors: Record<string, Vector> = {};
  for (const { name, type } of columns(meta)) {
    vectors[name] = toVector(
      rows.map((r) => r[name]),
      type,
    );
  }
  return ipc(vectors);
}

/** (b2) Column-oriented: `parquetRead` with `onChunk`, column chunks straight into Arrow vectors. */
export async function hyparquetColumnsToIPC(file: ArrayBuffer): Promise<Uint8Array> {
  const meta = parquetMetadata(file);
  const chunks = new Map<string, ColumnData[]>();
  await parquetRead({
    file,
    metadata: meta,
    compressors,
    onChunk: (c) => chunks.set(c.columnName, [...(chunks.get(c.columnName) ?? []), c]),
  });
  const vectors: Record<string, Vector> = {};
  for (const { name, type } of columns(meta)) {
    const parts = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
    const pieces = parts.map((p) => toVector(p.columnData, type));
    const [first, ...rest] = pieces;
    if (!first) throw new Error(`bench: hyparquet returned no data for column ${name}`);
    vectors[name] = first.concat(...rest);
  }
  return ipc(vectors);
}
