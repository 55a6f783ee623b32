/** What each Parquet reader costs in bytes shipped to the browser (minified where we bundle, gzip -9). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { Plugin, Rolldown } from 'vite';
import { gzipSize } from './sizes';
import type { FileSize } from './sizes';

/** Bytes of one reader, per shipped file, and the total. */
export interface ReaderBytes {
  reader: string;
  how: string;
  files: FileSize[];
  raw: number;
  gzip: number;
}

function total(reader: string, how: string, files: FileSize[]): ReaderBytes {
  return {
    reader,
    how,
    files,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
  };
}

/** parquet-wasm: its ESM glue and the .wasm it fetches (as published; the app's build minifies the glue). */
export function parquetWasmBytes(): ReaderBytes {
  const require = createRequire(import.meta.url);
  const files = ['parquet-wasm/esm/parquet_wasm.js', 'parquet-wasm/esm/parquet_wasm_bg.wasm'].map((spec) => {
    const bytes = readFileSync(require.resolve(spec));
    return { file: spec, raw: bytes.length, gzip: gzipSize(bytes) };
  });
  return total('parquet-wasm', 'esm glue (unminified, as published) + .wasm', files);
}

/**
 * Bundles `source` (an ES module, served as a virtual module so nothing is written into the tree for the
 * linters to find) for the browser with Vite, minified and tree-shaken, and sizes the output files.
 */
async function bundle(name: string, source: string, root: string): Promise<FileSize[]> {
  const id = `\0bench-entry-${name}.js`;
  const entry: Plugin = {
    name: 'bench-entry',
    // Vite hands the lib entry over resolved against `root`.
    resolveId: (spec) => (spec === resolve(root, name) ? id : null),
    load: (spec) => (spec === id ? source : null),
  };
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    plugins: [entry],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: name, formats: ['es'], fileName: name },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => (o as Rolldown.RolldownOutput).output);
  return outputs.map((o) => {
    const bytes = o.type === 'chunk' ? Buffer.from(o.code) : Buffer.from(o.source);
    return { file: o.fileName, raw: bytes.length, gzip: gzipSize(bytes) };
  });
}

/**
 * hyparquet: the entry points the comparison uses, bundled and minified by Vite. `all codecs` is
 * hyparquet-compressors as published (brotli's dictionary is most of it); `zstd + snappy` is what our files need.
 * apache-arrow is not counted: the app ships it already (src/engine/dataset.ts).
 */
export async function hyparquetBytes(root: string): Promise<ReaderBytes[]> {
  const all = await bundle(
    'hyparquet-all',
    `export { parquetMetadata, parquetRead, parquetReadObjects } from 'hyparquet';
export { compressors } from 'hyparquet-compressors';\n`,
    root,
  );
  const lean = await bundle(
    'hyparquet-zstd-snappy',
    `export { parquetMetadata, parquetRead, parquetReadObjects } from 'hyparquet';
import { decompress } from 'fzstd';
import { snappyUncompressor } from 'hysnappy';
export const compressors = { ZSTD: (input) => decompress(input), SNAPPY: snappyUncompressor() };\n`,
    root,
  );
  return [
    total('hyparquet + hyparquet-compressors', 'Vite lib bundle, minified, all codecs', all),
    total('hyparquet + zstd + snappy', 'Vite lib bundle, minified, only fzstd + hysnappy', lean),
  ];
}
