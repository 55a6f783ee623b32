/**
 * Small random siting instances and brute-force answers for the planning tests: every subset of candidate
 * sites within the limit is tried, so the exact solver's optimum can be checked, not trusted.
 */
import fc from 'fast-check';
import {
  candidateSites,
  compileInstance,
  coveredDemand,
  coveredMask,
  existingSites,
  withinLimit,
  type PlanningInstance,
  type SitingLimit,
} from '../../src/analysis/planning/problem';

/** An instance of `nSites` sites over `nDemand` demand points, from fast-check. */
export function arbInstance(opts: { maxSites?: number; maxDemand?: number; costs?: boolean } = {}) {
  const maxSites = opts.maxSites ?? 12;
  const maxDemand = opts.maxDemand ?? 14;
  return fc
    .record({
      nSites: fc.integer({ min: 1, max: maxSites }),
      nDemand: fc.integer({ min: 1, max: maxDemand }),
    })
    .chain(({ nSites, nDemand }) =>
      fc.record({
        weights: fc.array(
          fc.oneof(
            fc.constant(0),
            fc.integer({ min: 1, max: 500 }),
            fc.double({ min: 0, max: 1e4, noNaN: true }),
          ),
          { minLength: nDemand, maxLength: nDemand },
        ),
        // Each site reaches about a third of the demand points.
        cover: fc.array(
          fc.array(
            fc.integer({ min: 0, max: 2 }).map((x) => x === 0),
            { minLength: nDemand, maxLength: nDemand },
          ),
          { minLength: nSites, maxLength: nSites },
        ),
        existing: fc.array(fc.boolean(), { minLength: nSites, maxLength: nSites }),
        costs: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: nSites, maxLength: nSites }),
      }),
    )
    .map(({ weights, cover, existing, costs }): PlanningInstance => {
      const demand = weights.map((w, i) => ({ id: `d${i}`, weight: w }));
      const sites = cover.map((_, j) => ({
        id: `s${j}`,
        existing: existing[j]! && j % 3 === 0,
        ...(opts.costs ? { cost: costs[j]! } : {}),
      }));
      const coverage = new Map(
        cover.map((row, j) => [`s${j}`, demand.filter((_, i) => row[i]).map((d) => d.id)]),
      );
      return { demand, sites, coverage };
    });
}

/** The best covered demand over every subset of candidates within the limit (brute force). */
export function bruteForceBest(instance: PlanningInstance, limit: SitingLimit): number {
  const p = compileInstance(instance);
  const cands = candidateSites(p);
  const fixed = existingSites(p);
  let best = -Infinity;
  for (let mask = 0; mask < 1 << cands.length; mask++) {
    const chosen = cands.filter((_, b) => (mask >> b) & 1);
    if (!withinLimit(p, chosen, limit)) continue;
    best = Math.max(best, coveredDemand(p, [...fixed, ...chosen]));
  }
  return best;
}

/** The fewest (cheapest) new sites covering every reachable demand point with demand > 0 (brute force). */
export function bruteForceCover(instance: PlanningInstance): number {
  const p = compileInstance(instance);
  const cands = candidateSites(p);
  const fixed = existingSites(p);
  const need = p.demandIds.map((_, i) => i).filter((i) => p.weights[i]! > 0 && p.coveredBy[i]!.length > 0);
  let best = Infinity;
  for (let mask = 0; mask < 1 << cands.length; mask++) {
    const chosen = cands.filter((_, b) => (mask >> b) & 1);
    const cost = chosen.reduce((s, j) => s + p.costs[j]!, 0);
    if (cost >= best) continue;
    const covered = coveredMask(p, [...fixed, ...chosen]);
    if (need.every((i) => covered[i])) best = cost;
  }
  return best;
}
