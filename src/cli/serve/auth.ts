/**
 * Who may ask: with a token, every request must carry `Authorization: Bearer <token>`, compared in
 * constant time (both sides hashed first, so neither the length nor a prefix leaks through timing). Without
 * one (loopback only), the Host header must name the loopback address the server listens on, so that a
 * web page cannot reach it through DNS rebinding.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Whether the headers carry the bearer token `token`. */
export function hasToken(headers: IncomingHttpHeaders, token: string): boolean {
  const auth = headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer ([\x21-\x7e]+)$/.exec(auth) : null;
  // Hashed even when absent, so a missing header costs the same as a wrong one.
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

/** The Host values a loopback server on `port` answers to. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}
