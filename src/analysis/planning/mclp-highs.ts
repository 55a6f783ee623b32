/**
 * The Maximal Covering Location Problem as a mixed-integer program, solved exactly by HiGHS (WASM):
 *
 *   maximise   sum_i d_i y_i
 *   subject to y_i - sum_{j covers i} x_j <= 0     for every demand point i with d_i > 0 and a covering site
 *              sum_{j new} x_j <= k                 (or sum_{j new} c_j x_j <= budget)
 *              x_j = 1 for existing units; x_j binary, 0 <= y_i <= 1
 *
 * y may be continuous: for binary x the best y_i is min(1, sum x_j), already 0 or 1, so the optimum is the
 * same as with binary y, with half the integer variables (and only x is read back).
 * Demand no site reaches gets no y (it cannot be covered). The model is passed as sparse arrays (no LP text
 * to parse). HiGHS's default relative MIP gap (1e-4) is set to 0 so "optimal" means optimal. The caller
 * passes a loaded HiGHS runtime (Node: `loadHighs()`, browser: see solver-worker.ts), so this file has no
 * I/O of its own.
 */
import type { Highs, ModelData } from 'highs';
import { candidateSites, checkLimit, type CompiledInstance, type SitingLimit } from './problem';

/** HiGHS's answer, by site index. */
export interface HighsAnswer {
  /** 'optimal', 'time-limit' (with an incumbent), or another HiGHS model status name. */
  status: 'optimal' | 'time-limit' | 'infeasible' | 'no-solution';
  /** Chosen new sites (indices). */
  sites: number[];
  /** HiGHS's objective (covered demand), for cross-checking. */
  objective: number;
  /** Best proven bound on the optimum (the MIP dual bound; the LP value for a relaxation). */
  bound: number;
  /** HiGHS's relative MIP gap. */
  mipGap: number;
  /** HiGHS's own run time, ms. */
  ms: number;
}

/** Solver options. */
export interface HighsSolveOptions {
  /** Time limit for HiGHS, seconds (default: none). */
  timeLimitSec?: number;
  /** Solve the LP relaxation only (an upper bound for the greedy answer). */
  relax?: boolean;
}

const MODEL_STATUS = { optimal: 7, infeasible: 8, timeLimit: 13 } as const;

/** Builds the MIP as HiGHS sparse model data: columns x (all sites) then y (coverable demand). */
export function buildMclpModel(
  highs: Pick<Highs, 'constants' | 'infinity'>,
  p: CompiledInstance,
  limit: SitingLimit,
): { model: ModelData; yDemand: number[] } {
  const nSites = p.siteIds.length;
  const yDemand = p.demandIds.map((_, i) => i).filter((i) => p.weights[i]! > 0 && p.coveredBy[i]!.length > 0);
  const numCols = nSites + yDemand.length;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  p.existing.forEach((e, j) => (colLower[j] = e ? 1 : 0));
  yDemand.forEach((i, at) => (colCost[nSites + at] = p.weights[i]!));
  // Rows (CSR): one per coverable demand point, then the limit.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  yDemand.forEach((i, at) => {
    for (const j of p.coveredBy[i]!) {
      indices.push(j);
      values.push(-1);
    }
    indices.push(nSites + at);
    values.push(1);
    starts.push(indices.length);
    rowLower.push(-highs.infinity);
    rowUpper.push(0);
  });
  const candidates = candidateSites(p);
  for (const j of candidates) {
    indices.push(j);
    values.push('k' in limit ? 1 : p.costs[j]!);
  }
  starts.push(indices.length);
  rowLower.push(-highs.infinity);
  rowUpper.push('k' in limit ? limit.k : limit.budget);
  const numRows = rowLower.length;
  return {
    yDemand,
    model: {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows, numCols, starts, indices, values },
      integrality: Int32Array.from({ length: numCols }, (_, c) =>
        c < nSites ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
      ),
      colNames: [...p.siteIds.map((_, j) => `x${j}`), ...yDemand.map((i) => `y${i}`)],
    },
  };
}

/** Solves the MCLP (or its LP relaxation) with HiGHS. Throws when HiGHS reports an error. */
export function solveMclpHighs(
  highs: Highs,
  p: CompiledInstance,
  limit: SitingLimit,
  options: HighsSolveOptions = {},
): HighsAnswer {
  checkLimit(limit);
  const { model } = buildMclpModel(highs, p, limit);
  const m = highs.createModel(options.relax ? { ...model, integrality: undefined } : model);
  try {
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
    if (options.timeLimitSec !== undefined) m.options.set('time_limit', options.timeLimitSec);
    m.run();
    const code = m.getModelStatus();
    const primal = Number(m.info.get('primal_solution_status'));
    const hasSolution = primal === highs.constants.solutionStatus.feasible;
    const status: HighsAnswer['status'] =
      code === MODEL_STATUS.optimal
        ? 'optimal'
        : code === MODEL_STATUS.infeasible
          ? 'infeasible'
          : hasSolution
            ? 'time-limit'
            : 'no-solution';
    const x = hasSolution ? m.getSolution().colValue : new Float64Array(0);
    const objective = hasSolution ? m.getObjectiveValue() : 0;
    const bound = options.relax ? objective : Number(m.info.get('mip_dual_bound'));
    return {
      status,
      sites: hasSolution ? candidateSites(p).filter((j) => x[j]! > 0.5) : [],
      objective,
      bound: Number.isFinite(bound) ? bound : Infinity,
      mipGap: options.relax ? 0 : Number(m.info.get('mip_gap')),
      ms: m.getRunTime() * 1000,
    };
  } finally {
    m.dispose();
  }
}
