/**
 * Every year's values of one indicator at one level, from the engine (which holds them cached), or from
 * the precomputed first view while the engine starts. Stale answers (the user moved on) are ignored.
 */
import { useEffect, useMemo, useState } from 'react';
import type { MapValue } from '../../engine/engine';
import type { FirstView, IndicatorMeta } from '../../engine/schema';
import type { Level } from '../../state/store';
import { dataArrived } from '../../common/perf';
import type { EngineStatus } from '../useEngine';

/** Values by year, and whether they are the engine's answer for the current choice. */
export interface SeriesState {
  series: ReadonlyMap<number, readonly MapValue[]> | null;
  /** Identifies the data in `series` (indicator, level, revision): it can lag the choice. */
  key: string | null;
  /** The level of the data in `series` (it lags the choice until the new level's answer arrives). */
  level: Level;
  /** False while only the first view (or an older answer) stands in. */
  current: boolean;
  error: string | null;
}

function fromFirstView(fv: FirstView | null, indicator: string): Map<number, MapValue[]> | null {
  if (!fv) return null;
  const rows = fv.rows.filter((r) => r[1] === indicator);
  return rows.length === 0
    ? null
    : new Map([[fv.year, rows.map(([lau_code, , value, suppressed]) => ({ lau_code, value, suppressed }))]]);
}

/** Loads the series for `meta` at `level`; `revision` changes with the data and the threshold. */
export function useSeries(
  status: EngineStatus,
  firstView: FirstView | null,
  meta: IndicatorMeta,
  level: Level,
  revision: string,
  k: number,
): SeriesState {
  const key = `${meta.id}|${level}|${revision}`;
  const [answer, setAnswer] = useState<{
    key: string;
    level: Level;
    series: Map<number, MapValue[]>;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preview = useMemo(
    () => (level === 'municipality' ? fromFirstView(firstView, meta.id) : null),
    [firstView, meta.id, level],
  );
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    const ask = level === 'county' ? status.engine.countyYears(meta, k) : status.engine.allYears(meta, k);
    ask.then(
      (series) => {
        if (!live) return;
        dataArrived(key);
        setAnswer({ key, level, series });
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [status, meta, level, key, k]);
  if (answer?.key === key) return { series: answer.series, key, level, current: true, error };
  // The first view holds the same suppressed values DuckDB returns, so it bridges the engine's start-up.
  if (preview && !answer) {
    return { series: preview, key: `${key}|first-view`, level, current: false, error };
  }
  // The older answer (even of the other level) stays on screen until the new one arrives: no blank frame,
  // and the WebGL map is not torn down and rebuilt.
  if (answer) return { series: answer.series, key: answer.key, level: answer.level, current: false, error };
  return { series: null, key: null, level, current: false, error };
}
