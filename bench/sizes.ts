/** Production sizes of dist/: what the first load costs, and what is fetched later. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One emitted file. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** The files of a build, grouped by when the browser loads them. */
export interface DistSizes {
  /** JS referenced by index.html (entry script and modulepreloads): parsed before the first paint. */
  initialJs: FileSize[];
  initialJsGzip: number;
  css: FileSize[];
  /** Dynamically imported JS chunks. */
  lazyJs: FileSize[];
  wasm: FileSize[];
  /** Web worker scripts (DuckDB, MapLibre). */
  workers: FileSize[];
  /** All of dist/assets. */
  totalRaw: number;
  totalGzip: number;
  /** All of dist/ (the app, its data, the service worker, the icons): what a host serves. */
  distRaw?: number;
}

/** gzip size at level 9, as a static server with precompression would send it. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Size of one file on disk, raw and gzipped; `file` is reported as given. */
export function fileSize(path: string, file = basename(path)): FileSize {
  const bytes = readFileSync(path);
  return { file, raw: bytes.length, gzip: gzipSize(bytes) };
}

/** The asset paths index.html loads up front: module scripts and modulepreload links. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.m?js)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) found.add(href[1]!);
  }
  return [...found].map((p) => basename(p));
}

const isWorker = (f: string) => /worker/i.test(f) && /\.(m?js)$/.test(f);

/** Bytes of every file under `dir`. */
export function treeSize(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => {
    const st = statSync(join(dir, f));
    return st.isFile() ? sum + st.size : sum;
  }, 0);
}

/** gzip bytes of the files of `dir` at `paths` (URL paths of requests to the served dist/); others are skipped. */
export function requestedGzip(dir: string, paths: readonly string[]): { files: number; gzip: number } {
  let files = 0;
  let gzip = 0;
  for (const p of new Set(paths)) {
    const rel = p === '/' || p === '' ? 'index.html' : decodeURIComponent(p.replace(/^\//, ''));
    try {
      gzip += gzipSize(readFileSync(join(dir, rel)));
      files += 1;
    } catch {
      // not a file of dist/ (a navigation to a route, an aborted request)
    }
  }
  return { files, gzip };
}

/** Measures dist/ (`dir`) after a build. */
export function distSizes(dir: string): DistSizes {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).sort();
  const initial = new Set(initialScripts(readFileSync(join(dir, 'index.html'), 'utf8')));
  const all = files.map((f) => fileSize(join(assets, f)));
  const pick = (pred: (f: string) => boolean) => all.filter((s) => pred(s.file));
  const initialJs = pick((f) => initial.has(f));
  return {
    initialJs,
    initialJsGzip: initialJs.reduce((a, s) => a + s.gzip, 0),
    css: pick((f) => f.endsWith('.css')),
    lazyJs: pick((f) => /\.m?js$/.test(f) && !initial.has(f) && !isWorker(f)),
    wasm: pick((f) => f.endsWith('.wasm')),
    workers: pick(isWorker),
    totalRaw: all.reduce((a, s) => a + s.raw, 0),
    totalGzip: all.reduce((a, s) => a + s.gzip, 0),
    distRaw: treeSize(dir),
  };
}
