/**
 * The hotspots view's state and data: its settings (from the URL), the engine's and worker's answers
 * (./useHotspots, ./useClusterTrend) and the props built from them (./hotspots-props, ./legend-props,
 * ./table-props), each part memoised on exactly what it depends on.
 */
import { useCallback, useMemo } from 'react';
import { beginInteraction } from '../../common/perf';
import { useTranslation } from 'react-i18next';
import { startText } from '../engine-progress';
import type { ViewContext } from '../views';
import {
  classesOf,
  correctionName,
  describeOf,
  fillOf,
  mapDataKey,
  pickYear,
  readyFor,
  schoolPoints,
  selectedCluster,
  showsPersistence,
  statusText,
} from './hotspots-props';
import { legendNotes, legendRows, legendTitle, unreachableWarning } from './legend-props';
import { decodeSettings, encodeSettings, type HotspotSettings } from './settings';
import { expectedMapKey, hotspotsKindOf } from './interaction';
import { hotspotsTable } from './table-props';
import { useClusterTrend } from './useClusterTrend';
import { useHotspots, usePersistence, useSchoolYears } from './useHotspots';

/** Everything the view's layout draws. */
export function useHotspotsView({ store, state, status, dataset, municipalities }: ViewContext) {
  const { t } = useTranslation();
  const { lang, k } = state;
  const settings = useMemo(() => decodeSettings(state.hotspots), [state.hotspots]);
  const years = useSchoolYears(status, dataset.version);
  const year = pickYear(years, settings.year);
  const hotspots = useHotspots(status, settings, year, dataset.boundaries, k, dataset.version, years);
  const { analysis } = hotspots;
  const showPersistence = showsPersistence(settings);
  const persisted = usePersistence(status, settings, showPersistence, dataset.boundaries, k, dataset.version);
  const persistence = persisted.result;
  const update = useCallback(
    (patch: Partial<HotspotSettings>) => {
      const next = { ...decodeSettings(store.get().hotspots), ...patch };
      const kind = hotspotsKindOf(patch);
      if (kind) beginInteraction(kind, expectedMapKey(next, years, k, dataset.version, persistence));
      store.set({ hotspots: encodeSettings(next) });
    },
    [store, years, k, dataset.version, persistence],
  );
  const pending = hotspots.pending || (showPersistence && persisted.pending);
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);

  const ready = useMemo(() => readyFor(analysis, settings.unit), [analysis, settings.unit]);
  const result = ready?.result ?? null;
  const classOf = useMemo(() => classesOf(ready), [ready]);
  const patternOf = useMemo(
    () => new Map(persistence?.ids.map((id, i) => [id, persistence.classes[i]!]) ?? []),
    [persistence],
  );
  const rateOf = useMemo(() => new Map(ready?.municipalities.map((m) => [m.lau_code, m]) ?? []), [ready]);
  const correction = correctionName(t, settings.correction);

  // The map.
  const { unit, display } = settings;
  const fill = useMemo(
    () => fillOf(unit, showPersistence, patternOf, classOf),
    [unit, showPersistence, patternOf, classOf],
  );
  const points = useMemo(
    () => schoolPoints(t, { settings: { unit, display }, ready, byLau, lang, k }),
    [unit, display, ready, byLau, lang, k, t],
  );
  const dataKey = mapDataKey(ready, hotspots.key, display, {
    shown: showPersistence,
    result: persistence,
    pending: persisted.pending,
  });
  const describe = useMemo(
    () => describeOf(t, { unit, showPersistence, byLau, rateOf, patternOf, classOf, lang, k }),
    [byLau, rateOf, k, lang, showPersistence, patternOf, unit, classOf, t],
  );
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);

  // The legend.
  const rows = useMemo(
    () => legendRows(t, { settings, showPersistence, persistence, ready, lang, k }),
    [showPersistence, settings, persistence, ready, lang, k, t],
  );
  const title = legendTitle(t, settings, showPersistence);
  const legend = {
    title,
    rows,
    correction,
    notes: legendNotes(t, ready, persistence, showPersistence, lang),
    warning: unreachableWarning(t, result, settings.correction, correction, lang),
  };

  // The selected cluster and its trend.
  const cluster = useMemo(
    () => selectedCluster(result, unit, state.selected, showPersistence, patternOf),
    [result, unit, state.selected, showPersistence, patternOf],
  );
  const trend = useClusterTrend(status, cluster, settings.level, k);

  // The table.
  const table = useMemo(
    () => hotspotsTable(t, { unit, showPersistence, persistence, ready, byLau, rateOf, title, lang, k }),
    [showPersistence, persistence, ready, unit, byLau, rateOf, k, lang, t, title],
  );

  const statusLine = statusText(t, {
    engineError: status.state === 'error' ? status.message : null,
    engineStart: status.state === 'starting' ? startText(t, status.progress) : null,
    analysis,
    years,
    pending,
    analysisPending: hotspots.pending,
    showPersistence,
    permutations: settings.permutations,
  });
  return {
    settings,
    update,
    years: years ?? [],
    year,
    statusText: statusLine,
    /** The `hotspots-view` element's data attributes (tests and the bench wait on them). */
    view: {
      state: dataKey && !pending ? 'ready' : 'loading',
      key: pending ? '' : (hotspots.key ?? ''),
      ms: ready ? ready.ms.toFixed(1) : '',
    },
    map: {
      fill,
      points,
      dataKey,
      describe,
      onSelect,
      label: t('hotspots.mapLabel', { what: title, year: year ?? '' }),
    },
    legend,
    selection: {
      unit,
      selectedName: state.selected ? (byLau.get(state.selected)?.name ?? state.selected) : null,
      cluster,
      trend,
    },
    table,
  };
}
