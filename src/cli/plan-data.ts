/**
 * The siting instance `atlas plan` solves, built from the bundled data loaded into DuckDB-WASM exactly as
 * `atlas validate` does, on the planner view's recipe: demand (plan-demand.ts), the existing units (the
 * facilities active in the year, or the municipalities `--existing` names, a unit at each one's
 * representative point), the reach of every site under the catchment, and the site costs (plan-costs.ts).
 */
import { catchmentGeometry, type CatchmentGeometry, type MunicipalityFeature } from '../analysis/catchment';
import { isActive } from '../analysis/coverage';
import { siteReach, sitingInstance, type UnitLocation } from '../analysis/planning/need-demand';
import { PlanningError, type PlanningInstance } from '../analysis/planning/problem';
import { createEngine, type Engine } from '../engine/engine';
import { costed } from './plan-costs';
import { fileDemand, needDemand } from './plan-demand';
import type { PlanOptions } from './plan-options';
import type { Session } from './session';

/** The instance the plan is solved on, and where its parts came from. */
export interface PlanInputs {
  instance: PlanningInstance;
  year: number;
  demandSource: string;
  weights: Record<string, number> | null;
  /** Municipalities without demand (no need score, no child count, or absent from the demand file). */
  noDemand: string[];
  existing: UnitLocation[];
  /** Where the site costs came from (budget only), e.g. "60000 per site" or "file costs.csv". */
  costSource: string | null;
}

/** The units already there: those `--existing` names, or the facilities active in `year`. */
async function existingUnits(
  engine: Engine,
  geom: CatchmentGeometry,
  named: readonly string[] | undefined,
  year: number,
): Promise<UnitLocation[]> {
  if (named) {
    return named.map((code) => {
      const place = geom.places.find((p) => p.lau_code === code);
      if (!place) throw new PlanningError(`--existing: no municipality with lau_code "${code}"`);
      return { id: code, ...place };
    });
  }
  return (await engine.facilities())
    .filter((u) => isActive(u, year))
    .map((u) => ({ id: u.id, lau_code: u.lau_code, lon: u.lon, lat: u.lat }));
}

/** Builds the siting instance from the loaded data (the planner view's recipe). */
export async function planInputs(session: Session, o: PlanOptions): Promise<PlanInputs> {
  const { catalog, boundaries } = session;
  const engine = createEngine(session.conn);
  const year = o.year ?? catalog.defaultYear;
  const geom = catchmentGeometry(boundaries.features as unknown as MunicipalityFeature[]);
  const known = new Set(geom.places.map((p) => p.lau_code));
  const units = await existingUnits(engine, geom, o.existing, year);
  const { demand, demandSource, weights, noDemand } = o.demand
    ? fileDemand(o.demand, known)
    : await needDemand(engine, catalog, geom, year, o.weights);
  for (const code of known) if (!demand.has(code) && !noDemand.includes(code)) noDemand.push(code);
  noDemand.sort();
  const plain = sitingInstance(demand, siteReach(geom, o.catchment, units));
  const { instance, costSource } = costed(plain, o, known);
  return { instance, year, demandSource, weights, noDemand, existing: units, costSource };
}
