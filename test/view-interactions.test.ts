/**
 * The keys the hotspots and planner inputs are measured to (common/perf): the hotspots map's next key and
 * the planner's (its map's next key, or the committed settings when the map does not change).
 */
import { describe, expect, it } from 'vitest';
import { mapDataKey } from '../src/ui/hotspots/hotspots-props';
import { analysisKey, expectedMapKey, hotspotsKindOf } from '../src/ui/hotspots/interaction';
import { DEFAULT_SETTINGS } from '../src/ui/hotspots/settings';
import { plannerInteractionKey, settingsKey, type PlannerNow } from '../src/ui/planner/interaction';
import { plannerMapKey } from '../src/ui/planner/planner-map-props';
import { defaultSettings, encodeSettings } from '../src/ui/planner/settings';
import { solveKeyOf } from '../src/ui/planner/useSolve';

describe('hotspots interactions', () => {
  it('name the measured kinds; the rest are not measured', () => {
    expect(hotspotsKindOf({ method: 'moran' })).toBe('hotspots-method');
    expect(hotspotsKindOf({ level: 'basic' })).toBe('hotspots-level');
    expect(hotspotsKindOf({ year: 2020 })).toBe('hotspots-year');
    expect(hotspotsKindOf({ unit: 'schools', weights: 'knn', display: 'year' })).toBe('hotspots-unit');
    expect(hotspotsKindOf({ seed: 7 })).toBeNull();
  });

  it('expect the key the map draws once the new settings are analysed', () => {
    const next = { ...DEFAULT_SETTINGS, method: 'moran' as const, year: 2019 };
    const key = expectedMapKey(next, [2018, 2019, 2020], 5, 2, null);
    const ready = { state: 'ready' } as never;
    const none = { shown: false, result: null, pending: false };
    expect(key).toBe(mapDataKey(ready, analysisKey(next, 2019, 5, 2), 'year', none));
    expect(key).toContain('moran');
    // A year without school data: the latest one is analysed, as the view picks it.
    expect(expectedMapKey({ ...next, year: 1990 }, [2018, 2020], 5, 2, null)).toBe(
      mapDataKey(ready, analysisKey(next, 2020, 5, 2), 'year', none),
    );
  });
});

describe('planner interactions', () => {
  const base = defaultSettings({ a: 50, b: 50 });
  const now = (patch: Partial<PlannerNow> = {}): PlannerNow => ({
    ready: true,
    valuesKey: 'v1',
    mapKey: plannerMapKey(true, 'v1', base, undefined),
    solvedKey: null,
    catchment: 'self',
    year: 2024,
    suppressionK: 5,
    version: 1,
    ...patch,
  });

  it('a weight change is measured to the map that shows the new index', () => {
    const next = { ...base, weights: { a: 70, b: 30 } };
    const key = plannerInteractionKey(next, encodeSettings(next), now());
    expect(key).toBe(plannerMapKey(true, 'v1', next, undefined));
    expect(key).not.toBe(now().mapKey);
  });

  it('k with no plan solved leaves the map alone: measured to the committed settings', () => {
    const next = { ...base, k: base.k + 1 };
    expect(plannerInteractionKey(next, encodeSettings(next), now())).toBe(settingsKey(encodeSettings(next)));
  });

  it('k back to a solved plan brings its sites back onto the map', () => {
    const solved = { ...base, k: 3 };
    const solvedKey = solveKeyOf({ ...solved, catchment: 'self', year: 2024 }, 5, 1);
    const key = plannerInteractionKey(solved, encodeSettings(solved), now({ solvedKey }));
    expect(key).toBe(plannerMapKey(true, 'v1', solved, solvedKey));
  });

  it('before the need index is drawn, every input is measured to the committed settings', () => {
    const next = { ...base, weights: { a: 70, b: 30 } };
    expect(plannerInteractionKey(next, 'x', now({ ready: false, mapKey: null }))).toBe(settingsKey('x'));
  });
});
