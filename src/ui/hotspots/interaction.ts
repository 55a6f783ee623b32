/**
 * The hotspots view's measured interactions (common/perf): which settings change is which kind, and the key
 * the map will draw once the analysis of the new settings is on screen. Pure: unit tested in Node.
 */
import type { InteractionKind } from '../../common/perf';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import { mapKeyOf, pickYear } from './hotspots-props';
import type { HotspotSettings } from './settings';

/** The key of an analysis: every setting it depends on, the year, the threshold and the data version. */
export function analysisKey(s: HotspotSettings, year: number | null, k: number, version: number): string {
  const { method, weights, permutations, seed, correction, unit, level } = s;
  return [method, weights, permutations, seed, correction, unit, level, year, k, version].join('|');
}

/** The kind of a settings change that is measured, or null (the others are not). */
export function hotspotsKindOf(patch: Partial<HotspotSettings>): InteractionKind | null {
  if (patch.unit !== undefined) return 'hotspots-unit';
  if (patch.method !== undefined) return 'hotspots-method';
  if (patch.level !== undefined) return 'hotspots-level';
  if (patch.year !== undefined) return 'hotspots-year';
  return null;
}

/**
 * The key the map draws once `next` is analysed (see ./hotspots-props mapDataKey); the persistence patterns, when
 * shown, are taken to cover the years of the ones known (`persistence`), as they do for a data version.
 */
export function expectedMapKey(
  next: HotspotSettings,
  years: readonly number[] | null,
  k: number,
  version: number,
  persistence: PersistenceResult | null,
): string {
  const year = pickYear(years, next.year);
  const shown = next.unit === 'municipality' && next.display === 'persistence';
  return mapKeyOf(analysisKey(next, year, k, version), next.display, {
    shown,
    result: persistence,
    pending: false,
  });
}
