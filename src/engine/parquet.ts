/**
 * Parquet -> Arrow IPC with parquet-wasm (arrow-rs compiled to WASM: every common codec and writer).
 * DuckDB-WASM has no Parquet reader of its own and would try to download one.
 */
import { DataError } from './errors';

/** The part of parquet-wasm we use; initialised differently in the browser and in Node. */
export interface ParquetModule {
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1" at both ends of every Parquet file

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return MAGIC.every((b, i) => bytes[at + i] === b);
}

/** Decodes a whole Parquet file into an Arrow IPC stream; a file that is not Parquet names itself. */
export function parquetToArrowIPC(mod: ParquetModule, bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length < 12 || !hasMagic(bytes, 0) || !hasMagic(bytes, bytes.length - 4)) {
    throw new DataError(
      file,
      `${bytes.length} bytes without the Parquet "PAR1" markers`,
      'a complete Parquet file',
      'Export the table again as Parquet; a truncated download or a CSV renamed to .parquet looks like this.',
    );
  }
  try {
    return mod.readParquet(bytes).intoIPCStream();
  } catch (err) {
    throw new DataError(
      file,
      `an unreadable Parquet file (${String(err)})`,
      'a Parquet file written by pyarrow, R arrow, Spark or DuckDB',
      'Write the file again; it may be damaged.',
    );
  }
}
