/**
 * What every response of `atlas serve` carries, and its JSON replies. No CORS header is ever sent (the
 * explorer asks on its own origin); answers are never cached by a browser or a proxy; the API's policy
 * allows nothing to run, the app's files get the app's own Content-Security-Policy.
 */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../common/csp';

/** The policy of JSON answers and errors: nothing may load, run or frame them. */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers on every response. */
export function securityHeaders(res: ServerResponse, app = false): void {
  res.setHeader('Content-Security-Policy', app ? CONTENT_SECURITY_POLICY_HEADER : API_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/** Sends `body` as JSON with `status` (answers and errors alike are never stored). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  securityHeaders(res);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** An error reply: `{ "error": message }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  sendJson(res, status, { error: message }, extra);
}
