/** parquet-wasm in the browser: the WASM module is served by the app itself and fetched on first use. */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetModule } from './parquet';
import type { ParquetWriter } from './parquet-write';
import { parquetWriter } from './parquet-writer-wasm';

let ready: Promise<ParquetModule & ParquetWriter> | undefined;

/** Loads parquet-wasm once. */
export function loadParquetModule(): Promise<ParquetModule & ParquetWriter> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => ({ readParquet, ...parquetWriter }));
  return ready;
}
