/**
 * A siting problem (Maximal Covering Location Problem, MCLP): demand points with weights, candidate sites,
 * which demand each site covers, the units that already exist (always kept), and the limit on new units
 * (a number k, or a budget with a cost per site). Plain data, so it can be posted to a worker as is.
 *
 * {@link compileInstance} checks an instance once and turns it into index arrays that every solver (exact,
 * greedy, set cover, enumeration in tests) reads, so they all see exactly the same problem.
 */

/** One demand point (here a municipality): `weight` is the demand to cover (need x children). */
export interface DemandPoint {
  id: string;
  weight: number;
}

/** One candidate site; `existing` sites are units already running (fixed open, free). */
export interface Site {
  id: string;
  /** Cost of opening the site (budget variant); defaults to 1. Ignored for existing units. */
  cost?: number;
  existing?: boolean;
}

/** The problem: who needs covering, where units can go, and what each site reaches. */
export interface PlanningInstance {
  demand: readonly DemandPoint[];
  sites: readonly Site[];
  /** Site id -> ids of the demand points it covers (a site with no entry covers nothing). */
  coverage: ReadonlyMap<string, readonly string[]>;
}

/** The limit on new units: at most `k` of them, or a total cost of at most `budget`. */
export type SitingLimit = { k: number } | { budget: number };

/** A problem the solvers cannot take, with a message that says what to fix. */
export class PlanningError extends Error {
  override name = 'PlanningError';
}

/** An instance after checking: everything by index (sites, demand), in the instance's order. */
export interface CompiledInstance {
  demandIds: string[];
  weights: Float64Array;
  siteIds: string[];
  costs: Float64Array;
  existing: boolean[];
  /** Site index -> demand indices it covers (sorted, no duplicates). */
  covers: number[][];
  /** Demand index -> site indices covering it. */
  coveredBy: number[][];
}

function uniqueIds(kind: string, ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '') throw new PlanningError(`${kind} ${i} has no id`);
    if (index.has(id)) throw new PlanningError(`${kind} id "${id}" appears twice`);
    index.set(id, i);
  });
  return index;
}

/** Checks an instance (ids, weights, costs, coverage) and indexes it; throws {@link PlanningError}. */
export function compileInstance(instance: PlanningInstance): CompiledInstance {
  const demandIds = instance.demand.map((d) => d.id);
  const demandIndex = uniqueIds('demand point', demandIds);
  const siteIds = instance.sites.map((s) => s.id);
  const siteIndex = uniqueIds('site', siteIds);
  const weights = Float64Array.from(instance.demand, (d) => {
    if (!Number.isFinite(d.weight) || d.weight < 0) {
      throw new PlanningError(`demand of "${d.id}" must be a finite number >= 0, got ${d.weight}`);
    }
    return d.weight;
  });
  const costs = Float64Array.from(instance.sites, (s) => {
    const c = s.cost ?? 1;
    if (!Number.isFinite(c) || c < 0) {
      throw new PlanningError(`cost of site "${s.id}" must be a finite number >= 0, got ${c}`);
    }
    return s.existing ? 0 : c;
  });
  for (const id of instance.coverage.keys()) {
    if (!siteIndex.has(id)) throw new PlanningError(`coverage names an unknown site "${id}"`);
  }
  const covers = instance.sites.map((s) => {
    const list = instance.coverage.get(s.id) ?? [];
    const out = new Set<number>();
    for (const d of list) {
      const i = demandIndex.get(d);
      if (i === undefined) {
        throw new PlanningError(`site "${s.id}" covers an unknown demand point "${d}"`);
      }
      out.add(i);
    }
    return [...out].sort((a, b) => a - b);
  });
  const coveredBy: number[][] = demandIds.map(() => []);
  covers.forEach((list, j) => list.forEach((i) => coveredBy[i]!.push(j)));
  return {
    demandIds,
    weights,
    siteIds,
    costs,
    existing: instance.sites.map((s) => s.existing === true),
    covers,
    coveredBy,
  };
}

/** Checks a limit: k a whole number >= 0, or a budget a finite number >= 0. */
export function checkLimit(limit: SitingLimit): SitingLimit {
  if ('k' in limit) {
    if (!Number.isInteger(limit.k) || limit.k < 0) {
      throw new PlanningError(`k (the number of new units) must be a whole number >= 0, got ${limit.k}`);
    }
  } else if (!Number.isFinite(limit.budget) || limit.budget < 0) {
    throw new PlanningError(`budget must be a finite number >= 0, got ${limit.budget}`);
  }
  return limit;
}

/** Indices of the candidate (not existing) sites. */
export function candidateSites(p: CompiledInstance): number[] {
  const out: number[] = [];
  p.existing.forEach((e, j) => {
    if (!e) out.push(j);
  });
  return out;
}

/** Indices of the existing units. */
export function existingSites(p: CompiledInstance): number[] {
  const out: number[] = [];
  p.existing.forEach((e, j) => {
    if (e) out.push(j);
  });
  return out;
}

/** Which demand points the given sites cover (a 0/1 flag per demand index). */
export function coveredMask(p: CompiledInstance, sites: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(p.demandIds.length);
  for (const j of sites) for (const i of p.covers[j]!) mask[i] = 1;
  return mask;
}

/** Total demand covered by the given sites (exact sum, in demand order, so every solver agrees). */
export function coveredDemand(p: CompiledInstance, sites: Iterable<number>): number {
  const mask = coveredMask(p, sites);
  let total = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) total += p.weights[i]!;
  return total;
}

/** Total demand of the instance, and the part some site can reach at all. */
export function demandTotals(p: CompiledInstance): { total: number; reachable: number } {
  let total = 0;
  let reachable = 0;
  p.weights.forEach((w, i) => {
    total += w;
    if (p.coveredBy[i]!.length > 0) reachable += w;
  });
  return { total, reachable };
}

/** True when the new sites fit the limit (count for k, summed cost for a budget; tolerance 1e-9). */
export function withinLimit(p: CompiledInstance, newSites: readonly number[], limit: SitingLimit): boolean {
  if ('k' in limit) return newSites.length <= limit.k;
  let cost = 0;
  for (const j of newSites) cost += p.costs[j]!;
  return cost <= limit.budget + 1e-9 * Math.max(1, limit.budget);
}
