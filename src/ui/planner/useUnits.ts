/**
 * The existing Child Protection Units active in a year, from the engine's facilities table (null while they
 * load, none when the query fails: the planner then plans as if no unit existed).
 */
import { useEffect, useState } from 'react';
import { isActive } from '../../analysis/coverage';
import type { UnitLocation } from '../../analysis/planning/need-demand';
import type { EngineStatus } from '../useEngine';

/** An existing unit with its name. */
export type NamedUnit = UnitLocation & { name: string };

/** The units active in `year` once the engine is ready. */
export function useUnits(status: EngineStatus, year: number): NamedUnit[] | null {
  const [units, setUnits] = useState<NamedUnit[] | null>(null);
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    status.engine.facilities().then(
      (all) => live && setUnits(all.filter((u) => isActive(u, year))),
      () => live && setUnits([]),
    );
    return () => {
      live = false;
    };
  }, [status, year]);
  return units;
}
