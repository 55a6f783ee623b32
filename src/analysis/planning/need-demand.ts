/**
 * From the need index to siting demand: children at risk per municipality (children x relative need) and
 * the siting instance (MCLP) whose candidate sites are the municipalities' representative points and whose
 * fixed sites are the existing units (./gap.ts then gives the coverage gap of the same instance). Pure: no DOM, no DuckDB.
 *
 * Relative need is the need score rescaled to [0, 1] across the ranked municipalities (lowest 0, highest 1),
 * so "children at risk" = children x relative need, whatever the normalisation (z-scores are negative for
 * half the municipalities and cannot weight children directly). A municipality without a score or without a
 * child count has no demand and is listed in `unknown`.
 */
import { reach, type Catchment, type CatchmentGeometry } from '../catchment';
import type { NeedScore } from './need-index';
import type { PlanningInstance } from './problem';

/** An existing unit: where it is and which municipality it belongs to. */
export interface UnitLocation {
  id: string;
  lau_code: string;
  lon: number;
  lat: number;
}

/** Children at risk by lau_code, and municipalities whose demand could not be computed. */
export interface AtRisk {
  demand: Map<string, number>;
  unknown: string[];
}

/** Children x relative need (see the file comment). */
export function childrenAtRisk(
  scores: readonly NeedScore[],
  children: ReadonlyMap<string, number | null>,
): AtRisk {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s.score < min) min = s.score;
    if (s.score > max) max = s.score;
  }
  const span = max - min;
  const demand = new Map<string, number>();
  const unknown: string[] = [];
  for (const s of scores) {
    const c = children.get(s.lau_code);
    if (c === null || c === undefined || !Number.isFinite(c) || c < 0) {
      unknown.push(s.lau_code);
      continue;
    }
    demand.set(s.lau_code, c * (span > 0 ? (s.score - min) / span : 1));
  }
  return { demand, unknown };
}

/** Prefix of an existing unit's site id (candidate sites are plain lau_codes). */
export const UNIT_PREFIX = 'unit:';

/** Candidate and existing sites with what each reaches: depends on the catchment, not on the weights. */
export interface SiteReach {
  sites: PlanningInstance['sites'];
  /** Site id -> lau_codes within reach (all municipalities, before filtering to those with demand). */
  reach: ReadonlyMap<string, readonly string[]>;
}

/**
 * The sites of the siting problem: every municipality's representative point as a candidate (id = lau_code)
 * and the existing units as fixed sites (id = `unit:<id>`), each with the municipalities it reaches under
 * the catchment model. Computed once per catchment and reused for every weighting.
 */
export function siteReach(
  geom: CatchmentGeometry,
  catchment: Catchment,
  units: readonly UnitLocation[],
): SiteReach {
  const sites: PlanningInstance['sites'][number][] = [];
  const out = new Map<string, readonly string[]>();
  for (const p of geom.places) {
    sites.push({ id: p.lau_code });
    out.set(p.lau_code, reach(geom, catchment, p));
  }
  for (const u of units) {
    const id = `${UNIT_PREFIX}${u.id}`;
    sites.push({ id, existing: true });
    out.set(id, reach(geom, catchment, u));
  }
  return { sites, reach: out };
}

/**
 * The siting instance: demand = children at risk per municipality; sites and their reach from
 * {@link siteReach} (coverage keeps only municipalities with a demand).
 */
export function sitingInstance(atRisk: ReadonlyMap<string, number>, sites: SiteReach): PlanningInstance {
  const coverage = new Map<string, readonly string[]>();
  for (const [id, laus] of sites.reach)
    coverage.set(
      id,
      laus.filter((l) => atRisk.has(l)),
    );
  return {
    demand: [...atRisk].map(([id, weight]) => ({ id, weight })),
    sites: sites.sites,
    coverage,
  };
}
