/**
 * What a siting solver returns, built the same way for every method from the chosen site indices: the
 * covered demand is recomputed here (never taken from a solver's floating-point objective), sites that add
 * nothing are dropped, and each kept site gets its marginal gain.
 */
import {
  candidateSites,
  coveredDemand,
  coveredMask,
  existingSites,
  type CompiledInstance,
  type SitingLimit,
} from './problem';

/** How a solution was found. */
export type SolveMethod = 'exact' | 'greedy';

/**
 * How good it is known to be. `optimal`: proven optimal (exact solver, or greedy when its bound meets it).
 * `time-limit`: the exact solver stopped at its time limit with this (feasible) incumbent.
 * `heuristic`: a greedy solution; its distance to the optimum is at most `gap`.
 */
export type SolveStatus = 'optimal' | 'time-limit' | 'heuristic';

/** A chosen site and what it adds. */
export interface SiteGain {
  site: string;
  /** Demand it adds when the chosen sites are added one by one, largest gain first (the gains sum to the total gain). */
  gain: number;
  /** Demand only it covers among the chosen and existing units (what is lost without it). */
  unique: number;
  /** Its cost (1 unless costs were given). */
  cost: number;
}

/** A plan: the new sites, what they cover, and how far from optimal it can be. */
export interface PlanSolution {
  method: SolveMethod;
  status: SolveStatus;
  /** The new sites, in the order of their marginal gains (largest first). */
  sites: string[];
  /** The existing units (always kept). */
  existing: string[];
  marginalGains: SiteGain[];
  /** Ids of the demand points covered by the existing units and the new sites. */
  covered: string[];
  /** Demand covered by the existing units and the new sites: the objective. */
  objective: number;
  /** Demand covered by the existing units alone. */
  baseline: number;
  /** Total demand, and the part any site could reach. */
  totalDemand: number;
  reachableDemand: number;
  /** A proven upper bound on the best objective under the same limit. */
  upperBound: number;
  /** (upperBound - objective) / upperBound: 0 when optimal; the most the plan can be below the optimum. */
  gap: number;
  /** Total cost of the new sites (their count when no costs were given). */
  cost: number;
  /** Wall time of the solve, ms. */
  ms: number;
  /** Set when the exact solver was asked for but the greedy answer is returned, and why. */
  fallback?: 'timeout' | 'solver-error' | 'worker-lost';
  /** Detail: why the fallback (an error message), or how optimality was proven. */
  note?: string;
}

/** Relative gap between an objective and an upper bound (0 when the bound is 0 or below the objective). */
export function relativeGap(objective: number, upperBound: number): number {
  if (upperBound <= 0) return 0;
  return Math.max(0, (upperBound - objective) / upperBound);
}

/** Removes new sites whose removal keeps the covered demand (one at a time, the least useful first). */
export function pruneUseless(p: CompiledInstance, newSites: readonly number[]): number[] {
  const kept = [...newSites];
  const fixed = existingSites(p);
  for (;;) {
    const total = coveredDemand(p, [...fixed, ...kept]);
    const drop = kept.findIndex((j) => coveredDemand(p, [...fixed, ...kept.filter((s) => s !== j)]) >= total);
    if (drop < 0) return kept;
    kept.splice(drop, 1);
  }
}

/** Marginal gains of the chosen sites, ordered greedily (largest gain first; ties by site order). */
export function marginalGains(
  p: CompiledInstance,
  newSites: readonly number[],
): { order: number[]; gains: SiteGain[] } {
  const fixed = existingSites(p);
  const mask = coveredMask(p, fixed);
  const all = coveredMask(p, [...fixed, ...newSites]);
  const count = new Int32Array(p.demandIds.length);
  for (const j of [...fixed, ...newSites]) for (const i of p.covers[j]!) count[i]! += 1;
  const left = [...newSites].sort((a, b) => a - b);
  const order: number[] = [];
  const gains: SiteGain[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestGain = -1;
    left.forEach((j, at) => {
      let g = 0;
      for (const i of p.covers[j]!) if (!mask[i]) g += p.weights[i]!;
      if (g > bestGain) {
        bestGain = g;
        best = at;
      }
    });
    const j = left.splice(best, 1)[0]!;
    for (const i of p.covers[j]!) mask[i] = 1;
    let unique = 0;
    for (const i of p.covers[j]!) if (all[i] && count[i] === 1) unique += p.weights[i]!;
    order.push(j);
    gains.push({ site: p.siteIds[j]!, gain: bestGain, unique, cost: p.costs[j]! });
  }
  return { order, gains };
}

/** Builds the solution record for the chosen new sites (pruned, with gains and totals). */
export function describeSolution(
  p: CompiledInstance,
  chosen: readonly number[],
  how: { method: SolveMethod; status: SolveStatus; upperBound: number; ms: number },
): PlanSolution {
  const candidates = new Set(candidateSites(p));
  for (const j of chosen) {
    if (!candidates.has(j)) throw new Error(`solver chose site ${j}, which is not a candidate`);
  }
  const kept = pruneUseless(p, [...new Set(chosen)]);
  const { order, gains } = marginalGains(p, kept);
  const fixed = existingSites(p);
  const mask = coveredMask(p, [...fixed, ...order]);
  const objective = coveredDemand(p, [...fixed, ...order]);
  let total = 0;
  let reachable = 0;
  p.weights.forEach((w, i) => {
    total += w;
    if (p.coveredBy[i]!.length > 0) reachable += w;
  });
  const upperBound = Math.max(objective, how.upperBound);
  return {
    method: how.method,
    status: how.status,
    sites: order.map((j) => p.siteIds[j]!),
    existing: fixed.map((j) => p.siteIds[j]!),
    marginalGains: gains,
    covered: p.demandIds.filter((_, i) => mask[i] === 1),
    objective,
    baseline: coveredDemand(p, fixed),
    totalDemand: total,
    reachableDemand: reachable,
    upperBound,
    gap: relativeGap(objective, upperBound),
    cost: order.reduce((s, j) => s + p.costs[j]!, 0),
    ms: how.ms,
  };
}

/** The limit as text for messages ("k = 3", "budget 2.5"). */
export function limitText(limit: SitingLimit): string {
  return 'k' in limit ? `k = ${limit.k}` : `budget ${limit.budget}`;
}
