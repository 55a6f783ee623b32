/**
 * The values the map shows for the chosen indicator and year: from the precomputed first view until the
 * engine is ready, then from DuckDB. Stale answers (the user moved on) are ignored.
 */
import { useEffect, useMemo, useState } from 'react';
import type { MapValue } from '../data/engine';
import type { FirstView, IndicatorMeta } from '../data/schema';
import type { EngineStatus } from './useEngine';

/** The values of one view; `key` identifies the indicator and year they belong to. */
export interface ChoroplethData {
  key: string;
  values: MapValue[];
}

/** Identifies a view for instrumentation and staleness checks. */
export function viewKey(indicator: string, year: number, revision: string): string {
  return `${indicator}|${year}|${revision}`;
}

function fromFirstView(fv: FirstView | null, indicator: string, year: number): MapValue[] | null {
  if (!fv || fv.year !== year) return null;
  const rows = fv.rows.filter((r) => r[1] === indicator);
  return rows.length === 0
    ? null
    : rows.map(([lau_code, , value, suppressed]) => ({ lau_code, value, suppressed }));
}

/** Returns the newest values available, and whether they are those of the current choice. */
export function useChoropleth(
  status: EngineStatus,
  firstView: FirstView | null,
  meta: IndicatorMeta,
  year: number,
  /** Changes when the data or the suppression threshold does. */
  revision: string,
  k: number,
): { data: ChoroplethData | null; current: boolean; error: string | null } {
  const key = viewKey(meta.id, year, revision);
  const preview = useMemo<ChoroplethData | null>(() => {
    const values = fromFirstView(firstView, meta.id, year);
    return values ? { key, values } : null;
  }, [firstView, meta.id, year, key]);
  const [queried, setQueried] = useState<ChoroplethData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    status.engine.choropleth(meta, year, k).then(
      (values) => {
        if (!live) return;
        setQueried({ key, values });
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [status, meta, year, key, k]);

  if (queried?.key === key) return { data: queried, current: true, error };
  // The first view holds the same suppressed values DuckDB returns, so it bridges the engine's start-up.
  if (preview) return { data: preview, current: true, error };
  return { data: queried, current: false, error };
}
