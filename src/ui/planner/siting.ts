/**
 * Glue between the planner's screens and the siting core: a solver answer as a saved result, which
 * municipalities a plan reaches, and the map points of new sites and existing units.
 */
import { reach, type Catchment, type CatchmentGeometry } from '../../analysis/catchment';
import type { UnitLocation } from '../../analysis/planning/need-demand';
import type { PlanSolution } from '../../analysis/planning/solution';
import type { MapPoint } from '../../map/layers-points';
import { SITE_COLORS } from './explain';
import type { SavedResult } from './settings';

/** A solver answer reduced to what a scenario keeps. */
export function toSaved(s: PlanSolution): SavedResult {
  const gains = new Map(s.marginalGains.map((g) => [g.site, g.gain]));
  return {
    sites: [...s.sites],
    gains: s.sites.map((id) => gains.get(id) ?? 0),
    covered: s.objective,
    baseline: s.baseline,
    total: s.totalDemand,
    status: s.status,
    method: s.method,
    gap: Number.isFinite(s.gap) ? s.gap : null,
  };
}

/** Municipalities reached by the existing units plus the new sites (sites are lau_codes). */
export function reachedByPlan(
  geom: CatchmentGeometry,
  catchment: Catchment,
  units: readonly UnitLocation[],
  sites: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const u of units) for (const l of reach(geom, catchment, u)) out.add(l);
  const places = new Map(geom.places.map((p) => [p.lau_code, p]));
  for (const s of sites) {
    const p = places.get(s);
    if (p) for (const l of reach(geom, catchment, p)) out.add(l);
  }
  return out;
}

/** Map points: existing units (small, white) and new sites (large, blue, at the municipality's point). */
export function sitePoints(
  geom: CatchmentGeometry,
  units: readonly (UnitLocation & { name: string })[],
  sites: readonly string[],
  names: ReadonlyMap<string, string>,
  labels: { unit: string; site: string },
): MapPoint[] {
  const places = new Map(geom.places.map((p) => [p.lau_code, p]));
  const existing: MapPoint[] = units.map((u) => ({
    id: `unit:${u.id}`,
    lon: u.lon,
    lat: u.lat,
    color: SITE_COLORS.existing,
    radius: 4,
    label: u.name,
    detail: labels.unit,
  }));
  const chosen: MapPoint[] = sites.flatMap((s) => {
    const p = places.get(s);
    return p
      ? [
          {
            id: `site:${s}`,
            lon: p.lon,
            lat: p.lat,
            color: SITE_COLORS.chosen,
            radius: 9,
            ring: 2,
            label: names.get(s) ?? s,
            detail: labels.site,
          },
        ]
      : [];
  });
  return [...existing, ...chosen];
}
