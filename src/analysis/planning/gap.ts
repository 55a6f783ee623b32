/**
 * The coverage gap: for each demand point (municipality), whether an existing unit reaches it, and the
 * demand (need x children at risk) left uncovered. Pure: the catchment decides `coverage`.
 */
import { compileInstance, coveredMask, existingSites, type PlanningInstance } from './problem';

/** One municipality's gap. */
export interface GapRow {
  id: string;
  demand: number;
  /** True when an existing unit reaches it. */
  covered: boolean;
  /** Demand not reached by any existing unit (0 when covered). */
  uncovered: number;
  /** Existing units that reach it. */
  reachedBy: string[];
}

/** The gap per demand point and in total. */
export interface CoverageGap {
  rows: GapRow[];
  totalDemand: number;
  coveredDemand: number;
  uncoveredDemand: number;
  /** uncoveredDemand / totalDemand (0 when there is no demand). */
  uncoveredShare: number;
}

/** Demand not within reach of an existing unit, by demand point (largest gap first, then by id). */
export function coverageGap(instance: PlanningInstance): CoverageGap {
  const p = compileInstance(instance);
  const fixed = existingSites(p);
  const mask = coveredMask(p, fixed);
  const rows: GapRow[] = p.demandIds.map((id, i) => ({
    id,
    demand: p.weights[i]!,
    covered: mask[i] === 1,
    uncovered: mask[i] ? 0 : p.weights[i]!,
    reachedBy: p.coveredBy[i]!.filter((j) => p.existing[j]).map((j) => p.siteIds[j]!),
  }));
  let total = 0;
  let uncovered = 0;
  for (const r of rows) {
    total += r.demand;
    uncovered += r.uncovered;
  }
  rows.sort((a, b) => b.uncovered - a.uncovered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    rows,
    totalDemand: total,
    coveredDemand: total - uncovered,
    uncoveredDemand: uncovered,
    uncoveredShare: total > 0 ? uncovered / total : 0,
  };
}
