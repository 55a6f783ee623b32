/**
 * The coverage series for a catchment, asked of the engine; stale answers are ignored. While a new answer is
 * on its way the last one stays on screen (with the catchment it answers), so the map keeps drawing instead
 * of being torn down and rebuilt; once the first answer is in, the other catchment models are asked for in
 * the background, so a first switch to one of them finds its answer ready in the engine's cache.
 */
import { useEffect, useState } from 'react';
import type { CatchmentGeometry } from '../../analysis/catchment';
import { DEFAULT_CATCHMENT, parseCatchment } from '../../analysis/catchment';
import type { CoverageYear } from '../../analysis/coverage';
import type { EngineStatus } from '../useEngine';

/** The catchment models asked for ahead (the chooser's three, the radius at its default). */
const AHEAD = ['self', 'border', '25km'] as const;

/** What the view shows: the series (null before the first), the catchment code it answers, and whether a newer one is coming. */
export interface CoverageAnswer {
  series: CoverageYear[] | null;
  error: string | null;
  /** The catchment code `series` is for (the one asked, once it has answered). */
  code: string;
  pending: boolean;
}

function parsed(code: string) {
  try {
    return parseCatchment(code);
  } catch {
    return parseCatchment(DEFAULT_CATCHMENT);
  }
}

/** Every year's coverage under `code` with threshold `k`, the last answer while waiting; `error` if the engine failed. */
export function useCoverage(
  status: EngineStatus,
  geometry: CatchmentGeometry,
  code: string,
  k: number,
  version: number,
): CoverageAnswer {
  const [result, setResult] = useState<{
    key: string;
    code: string;
    /** k and data version of the answer: a stale one from another threshold or dataset is not shown. */
    base: string;
    series: CoverageYear[] | null;
    error: string | null;
  }>();
  const base = `${k}|${version}`;
  const key = `${code}|${base}`;
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    const engine = status.engine;
    engine.coverage(geometry, parsed(code), k).then(
      (series) => {
        if (!live) return;
        setResult({ key, code, base, series, error: null });
        for (const other of AHEAD)
          if (other !== code) void engine.coverage(geometry, parsed(other), k).catch(() => undefined);
      },
      (err: unknown) =>
        live &&
        setResult({
          key,
          code,
          base,
          series: null,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
    return () => {
      live = false;
    };
  }, [status, geometry, code, k, key, base]);
  if (result?.key === key) return { series: result.series, error: result.error, code, pending: false };
  if (result && result.base === base && result.series)
    return { series: result.series, error: null, code: result.code, pending: true };
  return { series: null, error: null, code, pending: true };
}
