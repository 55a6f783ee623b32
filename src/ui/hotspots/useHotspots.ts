/**
 * Asks the engine for the analysis input of the chosen settings and runs the statistics in the worker. Stale
 * answers (the settings changed meanwhile) are dropped, so the screen always shows the latest request.
 */
import { useEffect, useState } from 'react';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import type { Boundaries } from '../../engine/static';
import type { EngineStatus } from '../useEngine';
import { persistenceInWorker } from '../../analysis/spatial/hotspots-client';
import { analyseAhead, analysis, keptAnalysis } from './analysis-cache';
import { analysisKey } from './interaction';
import type { Analysis } from './analysis-types';
import type { HotspotSettings } from './settings';

export type { Analysis } from './analysis-types';

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
 * last one stays (`pending` is true), so the map keeps drawing instead of being torn down and rebuilt. An
 * analysis already answered on this page shows at once (./analysis-cache), and once one is answered the
 * settings one input away from it are analysed ahead (`years`: the years a year input can lead to).
 */
export function useHotspots(
  status: EngineStatus,
  settings: HotspotSettings,
  year: number | null,
  boundaries: Boundaries,
  k: number,
  version: number,
  years: readonly number[] | null = null,
): { analysis: Analysis; pending: boolean; key: string | null } {
  const key = analysisKey(settings, year, k, version);
  const [done, setDone] = useState<{ key: string; analysis: Analysis } | null>(null);
  useEffect(() => {
    if (status.state !== 'ready' || year === null) return;
    let live = true;
    const ask = { engine: status.engine, settings, year, boundaries, k, version };
    void analysis(key, ask).then((a) => {
      if (live) setDone({ key, analysis: a });
      if (live && a.state === 'ready' && years) analyseAhead(ask, years);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names every setting the analysis reads
  }, [status, boundaries, key, years]);
  const ready = keptAnalysis(key);
  if (ready) return { analysis: ready, pending: false, key };
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
