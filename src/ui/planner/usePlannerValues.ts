/**
 * The values the planner needs for one year: every catalog indicator's suppressed per-municipality values
 * from the engine's `choropleth` (the same answers the map shows), or the precomputed first view while the
 * engine starts. A suppressed value reaches the planner as null and is treated as missing.
 */
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_K } from '../../analysis/suppression';
import type { MapValue } from '../../engine/engine';
import type { FirstView, IndicatorMeta } from '../../engine/schema';
import type { EngineStatus } from '../useEngine';

/** Values by indicator id, then by lau_code. */
export type ValuesByIndicator = Map<string, Map<string, MapValue>>;

function fromFirstView(fv: FirstView | null, year: number): ValuesByIndicator | null {
  if (!fv || fv.year !== year) return null;
  const out: ValuesByIndicator = new Map();
  for (const [lau_code, id, value, suppressed] of fv.rows) {
    let m = out.get(id);
    if (!m) out.set(id, (m = new Map()));
    m.set(lau_code, { lau_code, value, suppressed });
  }
  return out;
}

/**
 * Whether two value sets show the planner the same thing (every indicator's value and suppression for the
 * same municipalities): the engine's answer then keeps the first view's object, so nothing hanging off it is
 * computed again the moment the engine is up (the planner reads no other field).
 */
export function sameValues(a: ValuesByIndicator, b: ValuesByIndicator): boolean {
  if (a.size !== b.size) return false;
  for (const [id, am] of a) {
    const bm = b.get(id);
    if (!bm || bm.size !== am.size) return false;
    for (const [lau, v] of am) {
      const w = bm.get(lau);
      if (!w || w.value !== v.value || w.suppressed !== v.suppressed) return false;
    }
  }
  return true;
}

/** Every indicator's values for `year` with threshold `k`; `key` changes when they do. */
export function usePlannerValues(
  status: EngineStatus,
  firstView: FirstView | null,
  indicators: readonly IndicatorMeta[],
  year: number,
  k: number,
  revision: string,
): { values: ValuesByIndicator | null; key: string; error: string | null } {
  const key = `${year}|${k}|${revision}`;
  const preview = useMemo(
    () => (k === DEFAULT_K ? fromFirstView(firstView, year) : null),
    [firstView, year, k],
  );
  const [queried, setQueried] = useState<{ key: string; values: ValuesByIndicator } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    Promise.all(indicators.map((m) => status.engine.choropleth(m, year, k))).then(
      (lists) => {
        if (!live) return;
        const values: ValuesByIndicator = new Map();
        indicators.forEach((m, i) => values.set(m.id, new Map(lists[i]!.map((v) => [v.lau_code, v]))));
        setQueried({ key, values: preview && sameValues(preview, values) ? preview : values });
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [status, indicators, year, k, key, preview]);
  if (queried?.key === key) return { values: queried.values, key, error };
  return { values: preview, key: preview ? key : '', error };
}
