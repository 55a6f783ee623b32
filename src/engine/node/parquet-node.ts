/** parquet-wasm in Node: the same ESM build as the browser, initialised from the file on disk. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, readParquet } from 'parquet-wasm/esm';
import { parquetWriter } from '../parquet-writer-wasm';
import type { ParquetModule } from '../parquet';
import type { ParquetWriter } from '../parquet-write';

let mod: (ParquetModule & ParquetWriter) | undefined;

/** Loads parquet-wasm once, synchronously. */
export function loadParquetModuleNode(): ParquetModule & ParquetWriter {
  if (!mod) {
    const require = createRequire(import.meta.url);
    initSync({ module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
    mod = { readParquet, ...parquetWriter };
  }
  return mod;
}
