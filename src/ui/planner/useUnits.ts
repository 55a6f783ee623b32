/**
 * The existing Child Protection Units active in a year, from the engine's facilities table (null while they
 * load, none when the query fails: the planner then plans as if no unit existed). While the engine starts,
 * the served data folder's own facilities file (`early`: the data on screen is still the served folder's)
 * gives the same units, so the siting problem can be built before the engine is up.
 */
import { useEffect, useMemo, useState } from 'react';
import { isActive, type Unit } from '../../analysis/coverage';
import type { UnitLocation } from '../../analysis/planning/need-demand';
import type { Catalog } from '../../engine/schema';
import type { EngineStatus } from '../useEngine';

/** An existing unit with its name. */
export type NamedUnit = UnitLocation & { name: string };

/** Whether two unit lists are the same units in the same order (id, name, municipality and position). */
export function sameUnits(a: readonly NamedUnit[], b: readonly NamedUnit[]): boolean {
  return (
    a.length === b.length &&
    a.every((u, i) => {
      const v = b[i]!;
      return (
        u.id === v.id && u.name === v.name && u.lau_code === v.lau_code && u.lon === v.lon && u.lat === v.lat
      );
    })
  );
}

/** The units active in `year`: the engine's once it is ready, the served file's before (when `early`). */
export function useUnits(status: EngineStatus, year: number, early: Catalog | null): NamedUnit[] | null {
  const [units, setUnits] = useState<NamedUnit[] | null>(null);
  const [first, setFirst] = useState<Unit[] | null>(null);
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
  useEffect(() => {
    if (!early) return;
    let live = true;
    // A failure only means waiting for the engine, as before.
    void import('../../engine/early-units')
      .then(({ earlyUnits }) => earlyUnits(early))
      .then(
        (u) => live && setFirst(u),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [early]);
  const before = useMemo(() => first?.filter((u) => isActive(u, year)) ?? null, [first, year]);
  // The engine's answer, or the same units read early (kept, so nothing built on them is built again).
  if (!early || !before) return units;
  return units && !sameUnits(units, before) ? units : before;
}
