/**
 * The set-covering twin of the MCLP: the fewest new units (or the cheapest, with costs) so that every demand
 * point with demand > 0 that some site can reach is covered, existing units kept. Demand no site reaches is
 * reported, not silently dropped. Exact with HiGHS:
 *
 *   minimise sum_{j new} c_j x_j   subject to   sum_{j new covering i} x_j >= 1   for every target i
 *
 * where targets are the reachable demand points with demand > 0 that the existing units do not cover.
 * Without HiGHS (or when it stops early) the greedy cover (most uncovered targets per cost) is returned;
 * its count is within H(max coverage) ~ ln n of the optimum, and the LP bound, when known, is stated.
 */
import type { Highs } from 'highs';
import {
  candidateSites,
  compileInstance,
  coveredMask,
  existingSites,
  type CompiledInstance,
} from './problem';
import type { PlanningInstance } from './problem';

/** The minimum cover found. */
export interface CoverSolution {
  method: 'exact' | 'greedy';
  status: 'optimal' | 'time-limit' | 'heuristic';
  /** New sites to open. */
  sites: string[];
  /** Their count, and total cost (= count without costs). */
  count: number;
  cost: number;
  /** A lower bound on the cost of any full cover (equal to `cost` when optimal). */
  lowerBound: number;
  /** Demand points left uncovered because no site reaches them (demand > 0). */
  unreachable: string[];
  /** Demand points the existing units already cover. */
  alreadyCovered: number;
  ms: number;
}

function targetsOf(p: CompiledInstance): number[] {
  const mask = coveredMask(p, existingSites(p));
  return p.demandIds
    .map((_, i) => i)
    .filter((i) => p.weights[i]! > 0 && !mask[i] && p.coveredBy[i]!.some((j) => !p.existing[j]));
}

/** Greedy cover: the site covering most uncovered targets per unit cost, until all are covered. */
export function greedyCover(p: CompiledInstance, targets: readonly number[]): number[] {
  const open = new Set(targets);
  const left = candidateSites(p);
  const chosen: number[] = [];
  while (open.size > 0) {
    let best = -1;
    let bestScore = 0;
    left.forEach((j, at) => {
      const n = p.covers[j]!.filter((i) => open.has(i)).length;
      if (n === 0) return;
      const c = p.costs[j]!;
      const score = c === 0 ? Infinity : n / c;
      if (best < 0 || score > bestScore) {
        best = at;
        bestScore = score;
      }
    });
    if (best < 0) break;
    const j = left.splice(best, 1)[0]!;
    for (const i of p.covers[j]!) open.delete(i);
    chosen.push(j);
  }
  return chosen;
}

function coverMip(
  highs: Highs,
  p: CompiledInstance,
  targets: readonly number[],
  relax: boolean,
  timeLimitSec: number | undefined,
): { status: number; sites: number[]; objective: number; bound: number; feasible: boolean } {
  const candidates = candidateSites(p);
  const col = new Map(candidates.map((j, at) => [j, at]));
  const starts = [0];
  const indices: number[] = [];
  for (const i of targets) {
    for (const j of p.coveredBy[i]!) if (col.has(j)) indices.push(col.get(j)!);
    starts.push(indices.length);
  }
  const n = candidates.length;
  const m = highs.createModel({
    numCols: n,
    numRows: targets.length,
    sense: highs.constants.objectiveSense.minimize,
    colCost: candidates.map((j) => p.costs[j]!),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(targets.length).fill(1),
    rowUpper: new Float64Array(targets.length).fill(highs.infinity),
    matrix: {
      format: 'csr',
      numRows: targets.length,
      numCols: n,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
    integrality: relax ? undefined : new Int32Array(n).fill(highs.constants.variableType.integer),
  });
  try {
    m.options.set({ output_flag: false, mip_rel_gap: 0 });
    if (timeLimitSec !== undefined) m.options.set('time_limit', timeLimitSec);
    m.run();
    const feasible = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const x = feasible ? m.getSolution().colValue : new Float64Array(0);
    const objective = feasible ? m.getObjectiveValue() : Infinity;
    return {
      status: m.getModelStatus(),
      sites: feasible ? candidates.filter((_, at) => x[at]! > 0.5) : [],
      objective,
      bound: relax ? objective : Number(m.info.get('mip_dual_bound')),
      feasible,
    };
  } finally {
    m.dispose();
  }
}

/** The fewest (cheapest) new units covering all reachable demand; exact when `highs` is given. */
export function minimumCover(
  instance: PlanningInstance,
  highs?: Highs,
  options: { timeLimitSec?: number } = {},
): CoverSolution {
  const t0 = performance.now();
  const p = compileInstance(instance);
  const targets = targetsOf(p);
  const fixedMask = coveredMask(p, existingSites(p));
  const unreachable = p.demandIds.filter(
    (_, i) => p.weights[i]! > 0 && !fixedMask[i] && !p.coveredBy[i]!.some((j) => !p.existing[j]),
  );
  const alreadyCovered = p.demandIds.filter((_, i) => fixedMask[i]).length;
  const greedy = greedyCover(p, targets);
  const costOf = (sites: readonly number[]) => sites.reduce((s, j) => s + p.costs[j]!, 0);
  let sites = greedy;
  let method: CoverSolution['method'] = 'greedy';
  let status: CoverSolution['status'] = 'heuristic';
  let lowerBound = 0;
  if (highs && targets.length > 0) {
    const exact = coverMip(highs, p, targets, false, options.timeLimitSec);
    if (exact.status === 7) {
      sites = exact.sites;
      method = 'exact';
      status = 'optimal';
      lowerBound = costOf(exact.sites);
    } else {
      if (exact.feasible && costOf(exact.sites) < costOf(greedy)) {
        sites = exact.sites;
        method = 'exact';
        status = 'time-limit';
      }
      lowerBound = Number.isFinite(exact.bound) ? exact.bound : 0;
    }
  } else if (targets.length === 0) {
    status = 'optimal';
  }
  const ordered = [...sites].sort((a, b) => a - b);
  return {
    method,
    status,
    sites: ordered.map((j) => p.siteIds[j]!),
    count: ordered.length,
    cost: costOf(ordered),
    lowerBound: status === 'optimal' ? costOf(ordered) : lowerBound,
    unreachable,
    alreadyCovered,
    ms: performance.now() - t0,
  };
}
