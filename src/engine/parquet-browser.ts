/** parquet-wasm in the browser: the WASM module is served by the app itself and fetched on first use. */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetModule } from './parquet';

let ready: Promise<ParquetModule> | undefined;

/** Loads parquet-wasm once. */
export function loadParquetModule(): Promise<ParquetModule> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => ({ readParquet }));
  return ready;
}
