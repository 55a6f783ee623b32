/**
 * Build step: DuckDB-WASM's module as emitted, with only the exports its worker script uses
 * (scripts/wasm-exports.ts): 6.8 MB smaller, and its start in the browser no longer walks 75,011 exports
 * (one GOT global and one table slot for each function) before the first query. Applied to the main and the
 * worker builds' output, whichever emits the files; trimming twice is trimming once.
 *
 * The trimmed module is a function of DuckDB-WASM's version alone (its worker script decides what is kept),
 * so the hashed name Vite gave the original stays a faithful name for it. The dev server serves the module
 * as the package ships it.
 */
import type { Plugin } from 'vite';
import { trimDuckdbExports } from './scripts/wasm-exports.ts';

const WASM = /(?:^|\/)duckdb-eh-[\w-]+\.wasm$/;
const GLUE = /(?:^|\/)duckdb-browser-eh\.worker-[\w-]+\.js$/;

const bytes = (source: string | Uint8Array) =>
  typeof source === 'string' ? new TextEncoder().encode(source) : source;

export function duckdbExports(): Plugin {
  return {
    name: 'atlas:duckdb-exports',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const wasm = files.find((f) => f.type === 'asset' && WASM.test(f.fileName));
      const glue = files.find((f) => f.type === 'asset' && GLUE.test(f.fileName));
      if (wasm?.type !== 'asset' || glue?.type !== 'asset') return;
      const script = new TextDecoder().decode(bytes(glue.source));
      wasm.source = trimDuckdbExports(bytes(wasm.source), script);
    },
  };
}
