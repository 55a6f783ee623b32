/**
 * The planner's settings as the URL names them (weights over the need indicators, normalisation, limit,
 * scenarios), with unknown indicators dropped, and how to change them: a patch is written back to the URL.
 */
import { useCallback, useMemo } from 'react';
import type { IndicatorMeta } from '../../engine/schema';
import type { Store } from '../../state/store';
import { needIndicatorsOf, settingsOf } from './planner-derive';
import { defaultSettings, encodeSettings, type PlannerSettings } from './settings';
import { equalWeights } from './weights';

/** The need indicators, the settings of `encoded` (the URL's `plan=`) and an update that writes a patch. */
export function usePlannerSettings(store: Store, indicators: readonly IndicatorMeta[], encoded: string) {
  const needIndicators = useMemo(() => needIndicatorsOf(indicators), [indicators]);
  const defaults = useMemo(
    () => defaultSettings(equalWeights(needIndicators.map((m) => m.id))),
    [needIndicators],
  );
  const settings = useMemo(
    () => settingsOf(encoded, defaults, needIndicators),
    [encoded, defaults, needIndicators],
  );
  const update = useCallback(
    (patch: Partial<PlannerSettings>) => store.set({ planner: encodeSettings({ ...settings, ...patch }) }),
    [store, settings],
  );
  return { needIndicators, settings, update };
}
