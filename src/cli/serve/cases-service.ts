/**
 * The explorer's questions as the server answers them: always perturbed with the server's k (a client may
 * ask for a larger k, which only hides more of the same shown counts: asking with several k gives no other
 * noise of a cell to compare), answers copied field by field into fresh objects (nothing else the engine
 * might hold goes out), checked once more for a count in 1..k-1 before they leave, and cached (a cell's
 * shown count never changes, so a cached answer is the answer).
 */
import type { CaseBar, CaseFacets, CaseQuestions, CasesInfo } from '../../engine/cases-types';
import { CASE_DIMS } from '../../engine/cases-types';
import { requestKey, type FacetsRequest } from './facets-request';
import { gate, withTimeout, type Gate } from './limits';

/** What the server tells a client about the records and its limits. */
export interface ServedInfo extends CasesInfo {
  /** The server's threshold (the smallest k a question may ask for) and the largest. */
  limits: { k: number; maxK: number; maxValues: number };
}

/** The server's side of the questions. */
export interface CasesService {
  /** The records' description, or null when there are none. */
  info(): Promise<ServedInfo | null>;
  /** The facets of a checked question. */
  facets(r: FacetsRequest): Promise<CaseFacets>;
  /** The engine's gate (for tests and the load report). */
  readonly gate: Gate;
}

/** How the service runs. */
export interface ServiceOptions {
  /** The server's threshold (default 5). */
  k: number;
  maxK: number;
  maxValues: number;
  /** Questions answered by the engine at once (default 1: one DuckDB connection). */
  concurrency?: number;
  /** Questions that may wait for the engine (default 256); beyond, BusyError (503). */
  queue?: number;
  /** Longest wait plus answer, in ms (default 10,000); beyond, BusyError (503). */
  timeoutMs?: number;
  /** Answers kept (default 2,000). */
  cacheSize?: number;
}

/** A count that must not leave: 1..k-1, or not a whole number. */
function unsafe(count: number | null, k: number): boolean {
  return count !== null && (!Number.isInteger(count) || (count >= 1 && count < k));
}

/** A fresh bar, hidden (null) below k; throws rather than let a small count out. */
function bar(b: CaseBar, k: number, minK: number): CaseBar {
  const hide = b.count !== null && b.count >= 1 && b.count < k && k > minK;
  const count = hide ? null : b.count;
  if (unsafe(count, k)) throw new Error('the engine produced a count below k: not served');
  const out: CaseBar = { key: b.key, count };
  if (b.rate !== undefined) out.rate = count === null ? null : b.rate;
  return out;
}

/** The answer as served: the same bars, with k's extra suppression, checked. */
export function servedFacets(f: CaseFacets, k: number, minK: number): CaseFacets {
  const facets = {} as CaseFacets['facets'];
  for (const d of CASE_DIMS) facets[d] = (f.facets[d] ?? []).map((b) => bar(b, k, minK));
  return { total: bar({ key: 'total', count: f.total }, k, minK).count, facets };
}

/** Wraps the engine's questions for serving. */
export function casesService(q: CaseQuestions, o: ServiceOptions): CasesService {
  const engine = gate(o.concurrency ?? 1, o.queue ?? 256);
  const cache = new Map<string, Promise<CaseFacets>>();
  const limit = o.cacheSize ?? 2000;
  const ask = (run: () => Promise<CaseFacets>) => withTimeout(engine.run(run), o.timeoutMs ?? 10_000);
  let info: Promise<ServedInfo | null> | undefined;

  const facets = (r: FacetsRequest): Promise<CaseFacets> => {
    const key = requestKey(r);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const answer = ask(() => q.caseFacets(r.filters, { k: o.k, perturb: true })).then((f) =>
      servedFacets(f, r.k, o.k),
    );
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return answer;
  };

  const describe = async (): Promise<ServedInfo | null> => {
    const i = await q.casesInfo();
    if (!i) return null;
    // The number of records, as the perturbed total of all of them (no exact count beside its noisy one).
    const all = await facets({ filters: {}, k: o.k });
    return {
      source: i.source,
      rows: all.total ?? 0,
      categories: { ...i.categories },
      periods: [i.periods[0], i.periods[1]],
      limits: { k: o.k, maxK: o.maxK, maxValues: o.maxValues },
    };
  };

  return {
    gate: engine,
    info() {
      info ??= describe();
      info.catch(() => (info = undefined));
      return info;
    },
    facets,
  };
}
