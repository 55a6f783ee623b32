/**
 * The case explorer's state, data and inputs: its settings (from the URL), the engine's description of the
 * records and its facets for the current filters (./useCases), and the handlers that write new settings,
 * each starting its `atlas:cases-filter` measure (./cases-perf). Everything drawn is built in ./cases-props.
 */
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { CaseCategoryDim, CaseDim } from '../../engine/cases-types';
import type { ViewContext } from '../views';
import { fitFilters, perturbs, toggleValue, withPeriod } from './cases-derive';
import { beginCasesFilter, casesPainted, casesViewKey } from './cases-perf';
import {
  decodeCaseSettings,
  encodeCaseSettings,
  filtersKey,
  type CaseMeasure,
  type CaseSettings,
} from './settings';
import { useCaseFacets, useCasesInfo } from './useCases';

/** The view's data and inputs. */
export function useCasesView({ store, state, status, dataset }: ViewContext) {
  const { k } = state;
  const { version } = dataset;
  const settings = useMemo(() => decodeCaseSettings(state.cases), [state.cases]);
  const { info, error: infoError } = useCasesInfo(status, version);
  const filters = useMemo(
    () => (info ? fitFilters(settings.filters, info) : settings.filters),
    [info, settings.filters],
  );
  const perturb = perturbs(settings, info ?? null);
  const keyOf = useCallback(
    (s: CaseSettings) => {
      const f = info ? fitFilters(s.filters, info) : s.filters;
      return `${filtersKey(f, k, perturbs(s, info ?? null))}#${version}`;
    },
    [info, k, version],
  );
  const key = keyOf(settings);
  const answer = useCaseFacets(status, info, filters, { k, perturb }, key);
  const viewKey = answer.facets ? casesViewKey(answer.key, settings.measure) : null;
  // Committed now: the measures end after the frame that paints it.
  useLayoutEffect(() => {
    if (viewKey) casesPainted(viewKey);
  }, [viewKey]);

  const update = useCallback(
    (name: string, change: (s: CaseSettings) => CaseSettings) => {
      const next = change(decodeCaseSettings(store.get().cases));
      const text = encodeCaseSettings(next);
      if (text === store.get().cases) return;
      beginCasesFilter(name, casesViewKey(keyOf(next), next.measure));
      store.set({ cases: text });
    },
    [store, keyOf],
  );
  const onToggle = useCallback(
    (dim: CaseCategoryDim, value: string) =>
      update(dim, (s) => ({ ...s, filters: toggleValue(s.filters, dim, value) })),
    [update],
  );
  const onPeriod = useCallback(
    (range: readonly [number, number] | null) =>
      update('period', (s) => ({ ...s, filters: withPeriod(s.filters, range) })),
    [update],
  );
  const onMeasure = useCallback(
    (measure: CaseMeasure) => update('measure', (s) => ({ ...s, measure })),
    [update],
  );
  const onPerturb = useCallback((on: boolean) => update('perturb', (s) => ({ ...s, perturb: on })), [update]);
  const onReset = useCallback(() => update('reset', (s) => ({ ...s, filters: {} })), [update]);

  // Mosaic's "activate": a pointer entering (or focus reaching) a chart lets the engine prepare that
  // dimension's answers under the other filters; asked once per dimension and filter state.
  const activated = useRef('');
  const onActivate = useCallback(
    (dim: CaseDim) => {
      if (status.state !== 'ready' || !info) return;
      const id = `${dim}|${key}`;
      if (activated.current === id) return;
      activated.current = id;
      status.engine.activateCases(dim, filters).catch(() => undefined);
    },
    [status, info, key, filters],
  );

  return {
    settings,
    info,
    filters,
    perturb,
    k,
    answer,
    viewKey,
    error: infoError ?? answer.error,
    starting: status.state === 'starting',
    on: { onToggle, onPeriod, onMeasure, onPerturb, onReset, onActivate },
  };
}

/** What {@link useCasesView} gives the layout. */
export type CasesViewData = ReturnType<typeof useCasesView>;
