/**
 * Demand per municipality for `atlas plan`: the `--demand` file (lau_code, demand), or children (child_pop)
 * x relative need, the need index of the `--weights` indicators (default: equal weights over the catalog's
 * higher-is-worse rates), min-max normalised, as the planner view computes it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CatchmentGeometry } from '../analysis/catchment';
import { needIndex } from '../analysis/planning/need-index';
import { childrenAtRisk } from '../analysis/planning/need-demand';
import { PlanningError } from '../analysis/planning/problem';
import type { Engine } from '../engine/engine';
import type { Catalog } from '../engine/schema';
import { readValues } from './hotspots';

/** Demand by lau_code, where it came from, and the municipalities left without it. */
export interface PlanDemand {
  demand: Map<string, number>;
  demandSource: string;
  weights: Record<string, number> | null;
  /** Municipalities the need index or the child counts left out (unsorted; the caller completes it). */
  noDemand: string[];
}

/** Demand read from a file with columns lau_code, demand; every lau_code must be a known municipality. */
export function fileDemand(file: string, known: ReadonlySet<string>): PlanDemand {
  let read: ReturnType<typeof readValues>;
  try {
    read = readValues(basename(file), new Uint8Array(readFileSync(file)), 'demand');
  } catch (err) {
    throw new PlanningError(`--demand: ${err instanceof Error ? err.message : String(err)}`);
  }
  const demand = new Map<string, number>();
  read.ids.forEach((id, i) => {
    if (!known.has(id)) throw new PlanningError(`${file}: no municipality with lau_code "${id}"`);
    demand.set(id, read.values[i]!);
  });
  return { demand, demandSource: `file ${basename(file)} (column demand)`, weights: null, noDemand: [] };
}

/** Children x relative need in `year`, from the engine's indicator values and child counts. */
export async function needDemand(
  engine: Engine,
  catalog: Catalog,
  geom: CatchmentGeometry,
  year: number,
  given: Record<string, number> | undefined,
): Promise<PlanDemand> {
  const rates = catalog.indicators.filter((m) => m.higherIsWorse && m.aggregation === 'ratio');
  const weights = given ?? Object.fromEntries(rates.map((m) => [m.id, 1]));
  const metas = Object.keys(weights).map((id) => {
    const meta = catalog.indicators.find((m) => m.id === id);
    if (!meta) {
      throw new PlanningError(
        `--weights: unknown indicator "${id}" (known: ${catalog.indicators.map((m) => m.id).join(', ')})`,
      );
    }
    return meta;
  });
  const values = await Promise.all(metas.map((m) => engine.choropleth(m, year)));
  const rows = geom.places.map((p) => ({
    lau_code: p.lau_code,
    values: Object.fromEntries(
      metas.map((m, i) => [m.id, values[i]!.find((v) => v.lau_code === p.lau_code)?.value ?? null]),
    ),
  }));
  const index = needIndex({
    indicators: metas.map((m) => ({ id: m.id, higherIsWorse: m.higherIsWorse, weight: weights[m.id]! })),
    rows,
    normalisation: 'minmax',
  });
  const excluded = new Set(index.excluded);
  const children = new Map(
    (await engine.childPopulation()).filter((c) => c.year === year).map((c) => [c.lau_code, c.children]),
  );
  const atRisk = childrenAtRisk(
    index.scores.filter((s) => !excluded.has(s.lau_code)),
    children,
  );
  return {
    demand: atRisk.demand,
    demandSource: `children (child_pop ${year}) x relative need (min-max need index)`,
    weights,
    noDemand: [...index.excluded, ...atRisk.unknown],
  };
}
