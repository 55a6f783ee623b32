/** The coverage series for a catchment, asked of the engine; stale answers are ignored. */
import { useEffect, useState } from 'react';
import type { CatchmentGeometry } from '../../analysis/catchment';
import { DEFAULT_CATCHMENT, parseCatchment } from '../../analysis/catchment';
import type { CoverageYear } from '../../analysis/coverage';
import type { EngineStatus } from '../useEngine';

/** Every year's coverage under `code` with threshold `k`, or null while waiting; `error` if the engine failed. */
export function useCoverage(
  status: EngineStatus,
  geometry: CatchmentGeometry,
  code: string,
  k: number,
  version: number,
): { series: CoverageYear[] | null; error: string | null } {
  const [result, setResult] = useState<{
    key: string;
    series: CoverageYear[] | null;
    error: string | null;
  }>();
  const key = `${code}|${k}|${version}`;
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    let catchment;
    try {
      catchment = parseCatchment(code);
    } catch {
      catchment = parseCatchment(DEFAULT_CATCHMENT);
    }
    status.engine.coverage(geometry, catchment, k).then(
      (series) => live && setResult({ key, series, error: null }),
      (err: unknown) =>
        live && setResult({ key, series: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [status, geometry, code, k, key]);
  return result?.key === key ? result : { series: null, error: null };
}
