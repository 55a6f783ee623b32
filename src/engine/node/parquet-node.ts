/** parquet-wasm in Node: the same ESM build as the browser, initialised from the file on disk. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, readParquet } from 'parquet-wasm/esm';
import type { ParquetModule } from '../parquet';

let mod: ParquetModule | undefined;

/** Loads parquet-wasm once, synchronously. */
export function loadParquetModuleNode(): ParquetModule {
  if (!mod) {
    const require = createRequire(import.meta.url);
    initSync({ module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
    mod = { readParquet };
  }
  return mod;
}
