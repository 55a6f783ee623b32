/**
 * The explorer's questions asked of `atlas serve` over fetch (src/cli/serve), for records too many for a
 * tab: the same {@link CaseQuestions} as the in-browser engine, answered by native DuckDB on the server,
 * always perturbed there (the client cannot turn perturbation off; `show.perturb` is ignored) and suppressed
 * with at least the server's k. Only the page's own origin is asked (the app's CSP: connect-src 'self').
 */
import { CASE_DIMS, type CaseFacets, type CaseQuestions, type CasesInfo } from './cases-types';

/** Where the server's questions are, relative to the page's origin. */
export const CASES_API = { info: '/api/cases/info', facets: '/api/cases/facets' } as const;

/** What the server adds to the records' description: its threshold and limits. */
export interface RemoteLimits {
  k: number;
  maxK: number;
  maxValues: number;
}

/** A server's answer that is not one (its message is the server's, or says what was wrong). */
export class RemoteCasesError extends Error {
  override name = 'RemoteCasesError';
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function isInfo(v: unknown): v is CasesInfo & { limits: RemoteLimits } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const limits = o.limits as Record<string, unknown> | undefined;
  return (
    (o.source === 'own' || o.source === 'demo') &&
    typeof o.rows === 'number' &&
    typeof o.categories === 'object' &&
    o.categories !== null &&
    Array.isArray(o.periods) &&
    typeof limits?.k === 'number'
  );
}

function isFacets(v: unknown): v is CaseFacets {
  if (typeof v !== 'object' || v === null) return false;
  const f = (v as { facets?: Record<string, unknown> }).facets;
  return typeof f === 'object' && f !== null && CASE_DIMS.every((d) => Array.isArray(f[d]));
}

async function json(res: Response): Promise<unknown> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RemoteCasesError(`the server's answer is not JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new RemoteCasesError(typeof message === 'string' ? message : `HTTP ${res.status}`);
  }
  return body;
}

/**
 * The server's description and limits when the page is served by `atlas serve` (its GET /api/cases/info
 * answers JSON), or null on any other host (a 404, the app's own index.html, no network).
 */
export async function detectCasesServer(
  base = '',
  fetchFn: Fetch = fetch,
): Promise<(CasesInfo & { limits: RemoteLimits }) | null> {
  try {
    const res = await fetchFn(`${base}${CASES_API.info}`, { headers: { accept: 'application/json' } });
    if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('application/json')) return null;
    const body = (await res.json()) as unknown;
    return isInfo(body) ? body : null;
  } catch {
    return null;
  }
}

/** How to reach the server. */
export interface RemoteOptions {
  /** The origin (default '': the page's own). */
  base?: string;
  /** A bearer token, when the server wants one. */
  token?: string;
  fetch?: Fetch;
}

/** The explorer's questions answered by the `atlas serve` at `options.base`. */
export function remoteCaseQuestions(options: RemoteOptions = {}): CaseQuestions {
  const base = options.base ?? '';
  const fetchFn = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  let limits: RemoteLimits | undefined;
  return {
    async casesInfo() {
      const body = await json(await fetchFn(`${base}${CASES_API.info}`, { headers: auth }));
      if (body === null) return null;
      if (!isInfo(body)) throw new RemoteCasesError('the server described its records in an unknown form');
      limits = body.limits;
      // Whatever the server calls them, to the view they are the server's: always perturbed there.
      const { rows, categories, periods } = body;
      return { source: 'server', rows, categories, periods };
    },
    async caseFacets(filters, show) {
      // Never below the server's k (it would refuse): a larger k is the client's to ask for.
      const k = Math.max(show.k, limits?.k ?? show.k);
      const res = await fetchFn(`${base}${CASES_API.facets}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ filters, k }),
      });
      const body = await json(res);
      if (!isFacets(body)) throw new RemoteCasesError('the server answered in an unknown form');
      return body;
    },
    async activateCases() {
      // The server answers every question from its cube and caches answers: nothing to prepare.
    },
  };
}
