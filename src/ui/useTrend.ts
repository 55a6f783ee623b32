/** The trend of the selected municipality, asked of the engine; stale answers are ignored. */
import { useEffect, useState } from 'react';
import type { TrendPoint } from '../engine/engine';
import type { IndicatorMeta } from '../engine/schema';
import type { EngineStatus } from './useEngine';

/** Points of the current selection, or null while waiting. */
export function useTrend(
  status: EngineStatus,
  meta: IndicatorMeta,
  lauCode: string | null,
  version: number,
  k: number,
): TrendPoint[] | null {
  const [result, setResult] = useState<{ key: string; points: TrendPoint[] } | null>(null);
  const key = `${meta.id}|${lauCode ?? ''}|${version}|${k}`;
  useEffect(() => {
    if (status.state !== 'ready' || !lauCode) return;
    let live = true;
    void status.engine.trend(meta, lauCode, k).then((points) => live && setResult({ key, points }));
    return () => {
      live = false;
    };
  }, [status, meta, lauCode, key, k]);
  return result?.key === key ? result.points : null;
}
