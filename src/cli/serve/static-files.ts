/**
 * The built app (dist/) on the server's own origin, so that the explorer's questions stay within its
 * Content-Security-Policy (connect-src 'self'). Only files inside dist/ are served (no "..", no hidden
 * files, no symbolic link out), with their type, the app's policy and nosniff; anything else is a 404.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { SERVED_COOKIE } from '../../engine/cases-route';
import { securityHeaders, sendError } from './http-reply';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` for a URL path, or null (outside, hidden, missing or not a file). */
export function staticFile(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p.startsWith('.') || p.includes('\\') || p.includes('\0'))) return null;
  const base = realpathSync(root);
  const file = join(base, ...(parts.length ? parts : ['index.html']));
  try {
    const real = realpathSync(file);
    if (!real.startsWith(base + sep) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

/** Sends the file for `path` from `root`, or a 404. */
export function serveStatic(root: string, path: string, method: string, res: ServerResponse): void {
  const file = staticFile(root, path);
  if (!file) return sendError(res, 404, 'not found');
  securityHeaders(res, true);
  const hashed = /[/\\]assets[/\\]/.test(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Tells the page (and its later visits, which the service worker answers) to ask this server.
    'Set-Cookie': `${SERVED_COOKIE.name}=${SERVED_COOKIE.value}; Path=/; Max-Age=2592000; SameSite=Strict`,
  });
  if (method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
