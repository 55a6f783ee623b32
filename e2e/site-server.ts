/**
 * A static server for a built site whose folder can be swapped while it runs: how a test deploys a new
 * version at the same origin (the service worker is per origin). Serves files only (no directory listing,
 * no fallback but `/` -> index.html), with the content types a host must send (application/wasm for
 * DuckDB's streaming compile), and no caching headers beyond `Cache-Control: no-cache`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain',
};

/** A running site server. */
export interface SiteServer {
  url: string;
  /** Serves another folder from now on (a new deploy). */
  deploy(dir: string): void;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serveSite(dir: string): Promise<SiteServer> {
  let root = dir;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deploy: (next) => (root = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
