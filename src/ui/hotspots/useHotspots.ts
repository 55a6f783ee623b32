/**
 * Asks the engine for the analysis input of the chosen settings and runs the statistics in the worker. Stale
 * answers (the settings changed meanwhile) are dropped, so the screen always shows the latest request.
 */
import { useEffect, useState } from 'react';
import { WorkerLostError } from '../../common/crash-policy';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import type { HotspotRequest, HotspotResult } from '../../analysis/spatial/run';
import type { MunicipalDropout, SchoolPoint } from '../../engine/engine-schools';
import type { Boundaries } from '../../engine/static';
import type { EngineStatus } from '../useEngine';
import { persistenceInWorker, runInWorker } from '../../analysis/spatial/hotspots-client';
import { analysisKey } from './interaction';
import type { HotspotSettings } from './settings';

/** Where an analysis is. */
export type Analysis =
  | { state: 'loading' }
  | { state: 'error'; message: string; /** 'worker-lost': the worker died twice under it. */ code?: string }
  | {
      state: 'ready';
      year: number;
      /** The units this result is about (a stale result may be about the other level). */
      unit: HotspotSettings['unit'];
      result: HotspotResult;
      /** Time the statistics took in the worker. */
      ms: number;
      municipalities: MunicipalDropout[];
      schools: SchoolPoint[];
    };

/** An analysis that failed: its message, and the code of a worker lost (the view words it). */
function errorOf(err: unknown): Analysis {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof WorkerLostError
    ? { state: 'error', message, code: err.code }
    : { state: 'error', message };
}

/** The years with school data, or null while unknown. */
export function useSchoolYears(status: EngineStatus, version: number): number[] | null {
  const [years, setYears] = useState<number[] | null>(null);
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    void status.engine.schoolYears().then((y) => live && setYears(y));
    return () => {
      live = false;
    };
  }, [status, version]);
  return years;
}

/**
 * The analysis for `settings` in `year` (null year: nothing to do yet). While a new answer is on its way the
 * last one stays (`pending` is true), so the map keeps drawing instead of being torn down and rebuilt.
 */
export function useHotspots(
  status: EngineStatus,
  settings: HotspotSettings,
  year: number | null,
  boundaries: Boundaries,
  k: number,
  version: number,
): { analysis: Analysis; pending: boolean; key: string | null } {
  const { method, weights, permutations, seed, correction, unit, level } = settings;
  const key = analysisKey(settings, year, k, version);
  const [done, setDone] = useState<{ key: string; analysis: Analysis } | null>(null);
  useEffect(() => {
    if (status.state !== 'ready' || year === null) return;
    let live = true;
    const setAnalysis = (analysis: Analysis) => setDone({ key, analysis });
    const common = { method, weights, permutations, seed, correction };
    void (async () => {
      try {
        let request: HotspotRequest;
        let municipalities: MunicipalDropout[] = [];
        let schools: SchoolPoint[] = [];
        if (unit === 'schools') {
          const s = await status.engine.schoolDropout(year, level, k);
          schools = s.rows;
          request = { ...common, ...s.input, points: s.points };
        } else {
          const m = await status.engine.municipalDropout(year, level, k);
          municipalities = m.rows;
          request = { ...common, ...m.input, polygons: boundaries.features };
        }
        const { result, ms } = await runInWorker(request);
        if (live) setAnalysis({ state: 'ready', year, unit, result, ms, municipalities, schools });
      } catch (err) {
        if (live) setAnalysis(errorOf(err));
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, boundaries, key]);
  if (!done) return { analysis: { state: 'loading' }, pending: true, key: null };
  return { analysis: done.analysis, pending: done.key !== key, key: done.key };
}

/**
 * The persistence patterns over all years (municipalities, Gi*, each year on the municipalities whose value
 * is shown at threshold `k`): the last answer (null before the first), and whether a newer one is on its way.
 */
export function usePersistence(
  status: EngineStatus,
  settings: HotspotSettings,
  enabled: boolean,
  boundaries: Boundaries,
  k: number,
  version: number,
): { result: PersistenceResult | null; pending: boolean } {
  const { weights, permutations, seed, correction, level } = settings;
  const key = [enabled, weights, permutations, seed, correction, level, k, version].join('|');
  const [done, setDone] = useState<{ key: string; result: PersistenceResult | null } | null>(null);
  useEffect(() => {
    if (status.state !== 'ready' || !enabled) return;
    let live = true;
    const setResult = (result: PersistenceResult | null) => setDone({ key, result });
    void (async () => {
      try {
        const series = await status.engine.municipalDropoutSeries(level, k);
        const r = await persistenceInWorker(
          series.map((s) => ({ year: s.year, ...s.input })),
          { weights, permutations, seed, correction, polygons: boundaries.features },
        );
        if (live) setResult(r);
      } catch {
        if (live) setResult(null);
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, boundaries, key]);
  return { result: done?.result ?? null, pending: enabled && done?.key !== key };
}
