/**
 * What the indicator map asks of the engine: every year's values at the chosen level (the precomputed first
 * view bridging the engine's start-up), every year's values by county for the small multiples (which also
 * warms the county level), and the county boundaries once the engine is up, so switching level never
 * waits. Each answer is guarded against a threshold that changed while it was on its way.
 */
import { useMemo } from 'react';
import { DEFAULT_K } from '../../analysis/suppression';
import type { MapValue } from '../../engine/engine';
import type { IndicatorMeta } from '../../engine/schema';
import type { Boundaries } from '../../engine/static';
import type { ViewContext } from '../views';
import { guardSeries } from './map-view-props';
import { useCounties } from './useCounties';
import { useSeries, type SeriesState } from './useSeries';

/** The engine's answers for the map. */
export interface MapData {
  meta: IndicatorMeta;
  /** Changes with the data and the threshold: a new one means ask again. */
  revision: string;
  counties: Boundaries | null;
  main: SeriesState;
  byCounty: SeriesState;
  /** The values on screen are the counties': the level follows the choice once its values have arrived. */
  countyLevel: boolean;
  /** The main series, guarded by the current threshold. */
  series: Map<number, MapValue[]> | null;
}

/** Asks the engine for what the map's state needs. */
export function useMapData({
  state,
  status,
  dataset,
}: Pick<ViewContext, 'state' | 'status' | 'dataset'>): MapData {
  const { catalog, firstView, version } = dataset;
  const K = state.k;
  const meta = catalog.indicators.find((i) => i.id === state.indicator) ?? catalog.indicators[0]!;
  const revision = `${version}:${K}`;
  // Fetched once the engine is up (or at once for a county link), so switching level never waits for it.
  const { counties } = useCounties(state.level === 'county' || status.state === 'ready');
  // The first view was suppressed with the default threshold: it stands in only for that one.
  const fv = K === DEFAULT_K ? firstView : null;
  const main = useSeries(status, fv, meta, state.level, revision, K);
  const byCounty = useSeries(status, null, meta, 'county', revision, K);
  const countyLevel = main.level === 'county' && counties !== null;
  const series = useMemo(
    () => (main.series ? guardSeries(main.series, meta, K) : null),
    [main.series, meta, K],
  );
  return { meta, revision, counties, main, byCounty, countyLevel, series };
}
