/**
 * The planner's props for the current state: the settings (./usePlannerSettings), the values asked of the
 * engine (./usePlannerValues), the need index and its rank intervals (./useNeed), the siting side and the
 * solver (./usePlannerSiting), the need map (./usePlannerMap) and the actions, through the pure builder
 * ./planner-props. Interactions only write `state.planner`, `state.catchment` and `state.selected`.
 */
import { useCallback, useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { beginInteraction, viewCommitted, type InteractionKind } from '../../common/perf';
import { startText } from '../engine-progress';
import type { ViewContext } from '../views';
import { plannerInteractionKey, settingsKey } from './interaction';
import { chosenIds, placesOf, toggledWeights } from './planner-derive';
import { plannerProps, type PlannerProps } from './planner-props';
import { scenarioActions } from './scenario-actions';
import { encodeSettings, type PlannerSettings } from './settings';
import { useNeed, useRankIntervals } from './useNeed';
import { usePlannerMap } from './usePlannerMap';
import { usePlannerSettings } from './usePlannerSettings';
import { usePlannerSiting } from './usePlannerSiting';
import { usePlannerValues } from './usePlannerValues';
import { useRerankMeasure } from './useRerankMeasure';
import { useSolveReadyMark } from './useSolveReadyMark';
import { rebalance } from './weights';

/** Everything ./PlannerLayout renders. */
export function usePlannerView(ctx: ViewContext): PlannerProps {
  const { store, state, status, dataset, neighbours, municipalities } = ctx;
  const { t } = useTranslation();
  const { catalog, boundaries, firstView, version } = dataset;
  const { lang, year, k: suppressionK } = state;
  const { needIndicators, settings, update } = usePlannerSettings(store, catalog.indicators, state.planner);

  // Values, need index and rank intervals.
  const laus = useMemo(() => municipalities.map((m) => m.lau_code), [municipalities]);
  const places = useMemo(() => placesOf(municipalities), [municipalities]);
  const names = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m.name])), [municipalities]);
  const labels = useMemo(
    () => new Map(catalog.indicators.map((m) => [m.id, m.label[lang]])),
    [catalog, lang],
  );
  const {
    values,
    key: valuesKey,
    error,
  } = usePlannerValues(status, firstView, catalog.indicators, year, suppressionK, String(version));
  const need = useNeed(values, laus, needIndicators, settings.weights, settings.norm);
  const { intervals, stale: intervalsStale } = useRankIntervals(need?.input);
  const ids = useMemo(() => chosenIds(needIndicators, settings.weights), [needIndicators, settings.weights]);
  const known = useMemo(() => new Set(laus), [laus]);

  // Existing units, children at risk, the problem, its gap and the solver; the map.
  // Before the engine is up the served folder's units are read from its file (the data is still its own).
  const early = version === 0 && firstView !== null ? catalog : null;
  const siting = usePlannerSiting(status, boundaries, need, values, settings, state, version, early);
  const { geom, units, current, setSolved } = siting;
  const markInput = useRerankMeasure(need);
  const map = usePlannerMap(t, lang, need, { places, names, geom, units, current, valuesKey, settings });
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);
  // Inputs are measured to the frame that shows them (common/perf, ./interaction).
  const measured = (kind: InteractionKind, patch: Partial<PlannerSettings>) => {
    const next = { ...settings, ...patch };
    beginInteraction(
      kind,
      plannerInteractionKey(next, encodeSettings(next), {
        ready: need !== null,
        valuesKey,
        mapKey: map.dataKey,
        solvedKey: siting.solved?.key ?? null,
        catchment: state.catchment,
        year,
        suppressionK,
        version,
      }),
    );
    update(patch);
  };
  useLayoutEffect(() => viewCommitted(settingsKey(state.planner)), [state.planner]);
  useSolveReadyMark(siting.instance !== null && siting.warmed);

  const scenarios = scenarioActions({
    store,
    settings,
    update,
    catchment: state.catchment,
    year,
    suppressionK,
    version,
    result: current?.result ?? null,
    setSolved,
    scores: need?.result.scores ?? null,
    geom,
    units: units ?? [],
    places,
    atRisk: siting.atRisk?.demand ?? null,
    ids,
  });

  return plannerProps({
    t,
    lang,
    year,
    selected: state.selected,
    catchment: state.catchment,
    suppressionK,
    synthetic: catalog.synthetic,
    boundaries,
    neighbours,
    needIndicators,
    settings,
    places,
    names,
    labels,
    ids,
    known,
    loaded: values !== null,
    error,
    need,
    intervals,
    intervalsStale,
    map,
    units,
    geom,
    gap: siting.gap,
    gapByLau: siting.gapByLau,
    canSolve: siting.instance !== null,
    waiting:
      status.state === 'starting'
        ? t('planner.siting.waiting', { start: startText(t, status.progress) })
        : t('planner.siting.waitingData'),
    solve: siting,
    actions: {
      onWeight: (id, value) => {
        markInput();
        measured('planner-weights', { weights: rebalance(settings.weights, id, value) });
      },
      onToggle: (id, on) => {
        const weights = toggledWeights(needIndicators, settings.weights, id, on);
        if (weights) update({ weights });
      },
      onNorm: (norm) => measured('planner-norm', { norm }),
      onBudget: (budget) => update({ budget }),
      onCatchment: (code) => store.set({ catchment: code }),
      onK: (k) => measured('planner-k', { k }),
      onSolve: () => void siting.onSolve(),
      onSelect,
      onCompare: (compare) => update({ compare }),
      scenarios,
    },
  });
}
