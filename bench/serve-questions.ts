/**
 * The questions of the serve load test: what the explorer asks as people click and brush (no filter, or one
 * to three of a municipality or two, a case type, a referral source, an age band, a sex, a brushed span of
 * months), drawn from a seeded generator over the records' own categories, and the bad requests every server
 * must refuse with a 4xx.
 */
import { createRng, type Rng } from '../src/analysis/random';
import type { CaseFilters, CasesInfo } from '../src/engine/cases-types';

function some<T>(rng: Rng, xs: readonly T[], max: number): T[] {
  const n = 1 + Math.floor(rng() * max);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** One explorer-like question. */
function question(rng: Rng, info: CasesInfo): CaseFilters {
  const f: Record<string, unknown> = {};
  const [first, last] = info.periods;
  const dims = some(
    rng,
    ['lau_code', 'case_type', 'referral_source', 'age_band', 'sex', 'period'] as const,
    3,
  );
  const count = Math.floor(rng() * 4); // 0..3 filters
  for (const d of dims.slice(0, count)) {
    if (d === 'period') {
      const span = 6 + Math.floor(rng() * 36);
      const a = first + Math.floor(rng() * Math.max(1, last - first - span));
      f.period = [a, Math.min(last, a + span)];
    } else f[d] = some(rng, info.categories[d], d === 'lau_code' ? 3 : 2);
  }
  return f as CaseFilters;
}

/** `n` distinct request bodies (JSON text), in a seeded order. */
export function questionBodies(info: CasesInfo, n: number, seed: number): string[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < n && tries < n * 50; tries++) {
    seen.add(JSON.stringify({ filters: question(rng, info), k: 5 }));
  }
  return [...seen];
}

/** A bad request and the status it must get. */
export interface BadRequest {
  name: string;
  method: string;
  path: string;
  body?: string;
  type?: string;
  want: number;
}

/** The refusals the load test checks after its run. */
export function badRequests(): BadRequest[] {
  const facets = { method: 'POST', path: '/api/cases/facets', type: 'application/json' };
  return [
    { name: 'malformed JSON', ...facets, body: '{"filters": {', want: 400 },
    { name: 'unknown field', ...facets, body: '{"sql": "SELECT * FROM cases"}', want: 400 },
    { name: 'k below the minimum', ...facets, body: '{"k": 1}', want: 400 },
    {
      name: 'oversized (40 kB)',
      ...facets,
      body: JSON.stringify({ filters: { sex: ['x'.repeat(40_000)] } }),
      want: 413,
    },
    { name: 'not JSON', ...facets, body: 'filters=1', type: 'text/plain', want: 415 },
    { name: 'wrong method', method: 'GET', path: '/api/cases/facets', want: 405 },
    { name: 'unknown route', method: 'GET', path: '/api/cases/records', want: 404 },
  ];
}
