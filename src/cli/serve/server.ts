/**
 * The HTTP side of `atlas serve` (node:http, no framework): the explorer's named questions as JSON, and
 * optionally the built app on the same origin. Every request passes, in order: the per-client rate limit
 * (429), the token or the loopback Host check (401 / 421), the route (404) and method (405), then for a
 * question the body (413 / 415 / 400) and its strict check (400), and the engine's gate and time limit (503).
 * Never SQL from the client: a question is a set of filters, turned into bound values by the engine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasToken, loopbackHosts } from './auth';
import { BodyError, readJsonBody } from './body';
import type { CasesService } from './cases-service';
import { parseFacetsRequest, RequestError } from './facets-request';
import { sendError, sendJson } from './http-reply';
import { BusyError, rateLimiter } from './limits';
import { serveStatic } from './static-files';

/** How the server guards itself. */
export interface ServerOptions {
  service: CasesService;
  /** The server's threshold (no question may ask for less). */
  k: number;
  /** With a token, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body in bytes (default 16,384). */
  bodyLimit?: number;
  /** Requests a minute per client address (default 1,200; 0: no limit) and the burst (default 200). */
  perMinute?: number;
  burst?: number;
  /** A built app (dist/) to serve on the same origin. */
  dist?: string;
  /** One line per failed answer (default: nothing). */
  log?: (line: string) => void;
}

const ROUTES: Record<string, string> = { '/api/cases/info': 'GET', '/api/cases/facets': 'POST' };

/** The status and message of a failed question. */
function failure(err: unknown): [number, string] {
  if (err instanceof BodyError) return [err.status, err.message];
  if (err instanceof RequestError) return [400, err.message];
  if (err instanceof BusyError) return [503, err.message];
  return [500, 'the server could not answer this question'];
}

/** Creates the server (not yet listening). */
export function createCasesServer(o: ServerOptions) {
  const limiter = rateLimiter(o.perMinute ?? 1200, o.burst ?? 200);
  let hosts: Set<string> | undefined;
  // The port is known once listening (--port 0 picks one).
  const loopback = () => (hosts ??= loopbackHosts((server.address() as AddressInfo).port));
  const bodyLimit = o.bodyLimit ?? 16_384;

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/cases/info') {
      const info = await o.service.info();
      return sendJson(res, 200, info);
    }
    const request = parseFacetsRequest(await readJsonBody(req, bodyLimit), o.k);
    sendJson(res, 200, await o.service.facets(request));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) return sendError(res, 429, 'too many requests', { 'Retry-After': String(wait) });
    if (o.token !== undefined) {
      if (!hasToken(req.headers, o.token)) {
        return sendError(res, 401, 'send Authorization: Bearer <token>', { 'WWW-Authenticate': 'Bearer' });
      }
    } else if (!loopback().has(req.headers.host ?? '')) {
      return sendError(res, 421, 'this server answers on its loopback address only');
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const allowed = ROUTES[path];
    if (allowed) {
      if (method !== allowed) return sendError(res, 405, `use ${allowed}`, { Allow: allowed });
      try {
        await api(req, res, path);
      } catch (err) {
        const [status, message] = failure(err);
        if (status >= 500) o.log?.(`${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
        // A body cut off at the limit leaves bytes unread: the connection is closed after the answer.
        const extra: Record<string, string> =
          status === 503 ? { 'Retry-After': '1' } : status === 413 ? { Connection: 'close' } : {};
        sendError(res, status, message, extra);
      }
      return;
    }
    if (path.startsWith('/api/') || !o.dist) return sendError(res, 404, 'no such question');
    if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, 'use GET', { Allow: 'GET, HEAD' });
    serveStatic(o.dist, path, method, res);
  }

  const server = createServer({ maxHeaderSize: 8192 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      o.log?.(`internal: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 64;
  return server;
}
