/**
 * The hotspots analyses of this page, by key (./interaction analysisKey): each asked of the engine and run in
 * the worker once, shared while in flight and kept (the last {@link KEEP}) once answered, so returning to
 * settings already seen costs only a repaint. After an answer, the settings one input away (the other
 * statistic, the other school levels, the years either side, the other unit) are analysed ahead in the
 * background, one at a time, so the first change of each kind usually finds its answer ready too. The same
 * seed gives the same result, so an analysis kept is the one a new run would give.
 */
import { WorkerLostError } from '../../common/crash-policy';
import { runInWorker } from '../../analysis/spatial/hotspots-client';
import type { HotspotRequest } from '../../analysis/spatial/run';
import type { MunicipalDropout, SchoolPoint } from '../../engine/engine-schools';
import type { Engine } from '../../engine/engine';
import type { Boundaries } from '../../engine/static';
import { pickYear } from './hotspots-props';
import { analysisKey } from './interaction';
import { fitDisplay, fitWeights, type HotspotSettings } from './settings';
import type { Analysis } from './analysis-types';

/** Analyses kept (a few per setting, years and levels of a session). */
const KEEP = 64;

const kept = new Map<string, Analysis>();
const inFlight = new Map<string, Promise<Analysis>>();

/** An analysis that failed: its message, and the code of a worker lost (the view words it). */
function errorOf(err: unknown): Analysis {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof WorkerLostError
    ? { state: 'error', message, code: err.code }
    : { state: 'error', message };
}

/** What an analysis is asked with. */
export interface AnalysisAsk {
  engine: Engine;
  settings: HotspotSettings;
  year: number;
  boundaries: Boundaries;
  k: number;
  version: number;
}

async function run(a: AnalysisAsk): Promise<Analysis> {
  const { method, weights, permutations, seed, correction, unit, level } = a.settings;
  const common = { method, weights, permutations, seed, correction };
  try {
    let request: HotspotRequest;
    let municipalities: MunicipalDropout[] = [];
    let schools: SchoolPoint[] = [];
    if (unit === 'schools') {
      const s = await a.engine.schoolDropout(a.year, level, a.k);
      schools = s.rows;
      request = { ...common, ...s.input, points: s.points };
    } else {
      const m = await a.engine.municipalDropout(a.year, level, a.k);
      municipalities = m.rows;
      request = { ...common, ...m.input, polygons: a.boundaries.features };
    }
    const { result, ms } = await runInWorker(request);
    return { state: 'ready', year: a.year, unit, result, ms, municipalities, schools };
  } catch (err) {
    return errorOf(err);
  }
}

/** The analysis of `key` if it has been answered (failures are not kept: they are asked again). */
export function keptAnalysis(key: string): Analysis | undefined {
  return kept.get(key);
}

/** The analysis of `a` (its key `key`): kept, in flight, or asked now. */
export function analysis(key: string, a: AnalysisAsk): Promise<Analysis> {
  const done = kept.get(key);
  if (done) return Promise.resolve(done);
  let p = inFlight.get(key);
  if (!p) {
    p = run(a).then((r) => {
      inFlight.delete(key);
      if (r.state === 'ready') {
        kept.set(key, r);
        if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
      }
      return r;
    });
    inFlight.set(key, p);
  }
  return p;
}

/** The settings one input away from `s`: what the view's method, level, year and unit controls lead to. */
export function neighboursOf(s: HotspotSettings, years: readonly number[], year: number): HotspotSettings[] {
  const i = years.indexOf(year);
  const other = s.unit === 'schools' ? 'municipality' : 'schools';
  // The year on screen, named (the settings may say 0: the latest).
  const here = { ...s, year };
  return [
    { ...here, method: s.method === 'gistar' ? 'moran' : 'gistar' },
    ...(['all', 'basic', 'upper_secondary'] as const)
      .filter((l) => l !== s.level)
      .map((level) => ({ ...here, level })),
    ...[years[i - 1], years[i + 1]].filter((y) => y !== undefined).map((y) => ({ ...here, year: y })),
    { ...here, unit: other, weights: fitWeights(other, s.weights), display: fitDisplay(other, s.display) },
  ];
}

let generation = 0;

/**
 * Analyses the neighbours of `a.settings` one after another in the background; a later call (the settings
 * changed) stops the earlier one after the analysis it is running.
 */
export function analyseAhead(a: AnalysisAsk, years: readonly number[]): void {
  const mine = ++generation;
  const next = neighboursOf(a.settings, years, a.year);
  void (async () => {
    for (const settings of next) {
      if (generation !== mine) return;
      const year = pickYear(years, settings.year);
      if (year === null) continue;
      await analysis(analysisKey(settings, year, a.k, a.version), { ...a, settings, year });
    }
  })();
}
