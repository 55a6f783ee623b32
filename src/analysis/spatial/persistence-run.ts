/**
 * Persistence across years: Gi* for every year with one set of options, then each unit's yearly hot-spot
 * series classified ({@link classifyPersistence}). Units missing in a year count as not hot that year.
 */
import { classifyPersistence, type PersistenceClass } from './persistence';
import { runHotspots, type HotspotRequest } from './run';

/** One year's analysis input. */
export interface YearInput {
  readonly year: number;
  readonly ids: readonly string[];
  readonly values: readonly number[];
}

/** Each unit's pattern and its yearly z-scores and hot flags (years ascending). */
export interface PersistenceResult {
  readonly years: readonly number[];
  readonly ids: readonly string[];
  readonly classes: readonly PersistenceClass[];
  readonly z: readonly (readonly number[])[];
  readonly hot: readonly (readonly boolean[])[];
}

/**
 * Runs Gi* per year (every other option from `base`; the seed of year t is `base.seed + t` so years draw
 * independent permutations) and classifies every unit seen in any year, in ascending id order.
 */
export function runPersistence(
  series: readonly YearInput[],
  base: Omit<HotspotRequest, 'ids' | 'values' | 'method'>,
): PersistenceResult {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const ids = [...new Set(sorted.flatMap((s) => s.ids))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const z = ids.map(() => sorted.map(() => 0));
  const hot = ids.map(() => sorted.map(() => false));
  sorted.forEach((s, t) => {
    const r = runHotspots({
      ...base,
      ids: s.ids,
      values: s.values,
      method: 'gistar',
      seed: (base.seed ?? 0) + t,
    });
    r.ids.forEach((id, i) => {
      const u = index.get(id)!;
      z[u]![t] = r.z[i]!;
      hot[u]![t] = r.classes[i]!.startsWith('hot');
    });
  });
  return {
    years: sorted.map((s) => s.year),
    ids,
    classes: ids.map((_, u) => classifyPersistence(hot[u]!, z[u]!)),
    z,
    hot,
  };
}
