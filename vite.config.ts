import { existsSync, readFileSync } from 'node:fs';
import { dirname, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { duckdbExports } from './duckdb-exports.config.ts';
import { atlasPwa } from './pwa.config.ts';
import { atlasSiteFiles } from './site-files.config.ts';
import { CONTENT_SECURITY_POLICY } from './src/common/csp.ts';

/** The `//# sourceMappingURL=<file>` comment ending a script (not an inline data: map): where it starts. */
function mapComment(code: string): { at: number; file: string } | undefined {
  const m = /\n\/\/# sourceMappingURL=(?!data:)([^\s'"]+)\s*$/.exec(code);
  return m?.[1] === undefined ? undefined : { at: m.index + 1, file: m[1] };
}

/** The package folder of a file inside node_modules (`.../node_modules/@scope/name`). */
function packageRoot(file: string): string | undefined {
  const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return m?.[1];
}

/**
 * Whether a dependency's source map would be of no use: the map file is missing (duckdb-wasm 1.32 ships
 * `duckdb-browser-mvp.worker.js` pointing at a `.map` it does not ship), or it lists sources it neither
 * embeds nor ships (its eh worker's map names 117 files of duckdb-wasm's monorepo, `../../apache-arrow/...`).
 * These are the two cases the dev server warns about, once per source file.
 */
function uselessMap(file: string, mapFile: string): boolean {
  const mapPath = resolve(dirname(file), mapFile);
  if (!existsSync(mapPath)) return true;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as {
    sources: (string | null)[];
    sourcesContent?: (string | null)[];
    sourceRoot?: string;
  };
  const root = packageRoot(file) ?? dirname(file);
  const base = resolve(dirname(mapPath), map.sourceRoot ?? '');
  return map.sources.some((source, i) => {
    if (source === null || map.sourcesContent?.[i] != null) return false;
    const path = resolve(base, source);
    return relative(root, path).startsWith('..') || !existsSync(path);
  });
}

/**
 * Dependencies loaded as plain files rather than pre-bundled (duckdb-wasm, excluded from optimizeDeps, and
 * the workers imported with `?url`) keep the `sourceMappingURL` comments of their own build. The dev
 * server drops the comment of a file whose map is missing or names sources that are not there (instead of
 * warning about each), and the production build drops the comment of every copied asset whose map it does
 * not emit (the build has no source maps, so a browser's devtools would ask for a file that is not there).
 */
function danglingSourceMaps(): Plugin {
  let serve = false;
  return {
    name: 'atlas:dangling-source-maps',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    // The file as the browser asks for it: with at most the dev server's `?v=<hash>` (a `?url`, `?worker`
    // or other query is another plugin's to load).
    load(id) {
      const [file = '', query] = id.split('?');
      if (!serve || (query !== undefined && !/^v=\w+$/.test(query))) return null;
      if (!file.includes('/node_modules/') || !/\.[cm]?js$/.test(file) || !existsSync(file)) return null;
      const code = readFileSync(file, 'utf8');
      const comment = mapComment(code);
      if (comment === undefined || !uselessMap(file, comment.file)) return null;
      return { code: code.slice(0, comment.at), map: null };
    },
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !/\.[cm]?js$/.test(asset.fileName)) continue;
        const source = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString();
        const comment = mapComment(source);
        if (comment === undefined) continue;
        const mapFile = posix.join(posix.dirname(asset.fileName), comment.file);
        if (!(mapFile in bundle)) asset.source = source.slice(0, comment.at);
      }
    },
  };
}

/**
 * The Content-Security-Policy (src/common/csp.ts) as a `<meta http-equiv>` right after `<meta charset>` of
 * the built index.html, before any script or stylesheet, so `dist/` and every published site (which copies
 * `dist/index.html`) enforce it on any static host, headers or not.
 *
 * Only in the build: the dev server injects an inline script (React refresh's preamble), inserts each CSS
 * import as a `<style>` element and talks to its HMR websocket, so a policy it could live with would need
 * `'unsafe-inline'` for scripts and styles, proving nothing about what users get. The browser tests run
 * on the build (`vite preview`), where the policy is the strict one, and fail on any violation.
 */
function cspMeta(): Plugin {
  return {
    name: 'atlas:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (charset === null) throw new Error('index.html has no <meta charset>: the CSP meta goes after it');
        const at = charset.index + charset[0].length;
        const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        return html.slice(0, at) + meta + html.slice(at);
      },
    },
  };
}

const ARROW_IS_VALID = fileURLToPath(new URL('./src/engine/arrow-is-valid.ts', import.meta.url));

/**
 * Apache Arrow compiles each builder's null values into a function with `new Function`, which the CSP's
 * `script-src` (no `'unsafe-eval'`) refuses: its `builder/valid.mjs` is replaced by the same function
 * without eval (src/engine/arrow-is-valid.ts), in the page, the workers and dev's pre-bundling.
 */
const arrowWithoutEval = {
  name: 'atlas:arrow-without-eval',
  load(id: string) {
    if (!id.split('?')[0]!.endsWith('/node_modules/apache-arrow/builder/valid.mjs')) return null;
    return `export { createIsValidFunction } from ${JSON.stringify(ARROW_IS_VALID)};\n`;
  },
};

const NODE_MODULE_STUB = '\0atlas:node-module-stub';

/**
 * HiGHS's Emscripten loader (`highs/build/highs.mjs`) does `await import('node:module')` when it runs in
 * Node, and never in a browser. For the browser it resolves to this stub instead of Vite's
 * browser-external proxy (which the build warns about), in the worker build and in dev's pre-bundling.
 */
const highsNodeModuleStub = {
  name: 'atlas:highs-node-module-stub',
  resolveId(source: string, importer: string | undefined) {
    if (source === 'node:module' && importer?.includes('/node_modules/highs/')) return NODE_MODULE_STUB;
    return null;
  },
  load(id: string) {
    if (id !== NODE_MODULE_STUB) return null;
    return 'export function createRequire() {\n  throw new Error("node:module is not available in a browser");\n}\n';
  },
};

/**
 * No plugin-timing advice from Rolldown: on a busy machine Vite's asset plugin, reading the WASM files it
 * emits (DuckDB's are 34 and 39 MB), passes its threshold in some builds and not in others. It names no
 * fault in the build, and the same build on an idle machine prints nothing.
 */
const checks = { bundlerTimings: false };

// Everything is served from the app's own origin: WASM bundles and workers are emitted as assets, and the
// service worker (pwa.config.ts) precaches them.
export default defineConfig({
  plugins: [
    react(),
    danglingSourceMaps(),
    cspMeta(),
    { ...arrowWithoutEval, enforce: 'pre' },
    { ...highsNodeModuleStub, enforce: 'pre' },
    duckdbExports(),
    atlasPwa(),
    // After the service worker: the list of the build's files the app publishes a copy of itself from.
    atlasSiteFiles(),
  ],
  optimizeDeps: {
    exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'],
    // Imported only by the planner's lazily started worker, which the start-up scan does not reach: without
    // this the dev server finds it when the planner opens and stops to bundle it again.
    include: ['highs'],
    rolldownOptions: { plugins: [highsNodeModuleStub, arrowWithoutEval] },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rolldownOptions: { checks },
  },
  worker: {
    format: 'es',
    plugins: () => [
      { ...highsNodeModuleStub, enforce: 'pre' },
      { ...arrowWithoutEval, enforce: 'pre' },
      duckdbExports(),
    ],
    rolldownOptions: { checks },
  },
});
