/** The hotspots view's analyses kept by key and asked ahead (src/ui/hotspots/analysis-cache.ts). */
import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../src/engine/engine';
import type { Boundaries } from '../src/engine/static';

const runs: unknown[] = [];
vi.mock('../src/analysis/spatial/hotspots-client', () => ({
  runInWorker: (request: unknown) => {
    runs.push(request);
    return Promise.resolve({ result: { ids: [] }, ms: 1 });
  },
}));

const { analyseAhead, analysis, keptAnalysis, neighboursOf } =
  await import('../src/ui/hotspots/analysis-cache');
const { analysisKey } = await import('../src/ui/hotspots/interaction');
const { DEFAULT_SETTINGS } = await import('../src/ui/hotspots/settings');

const asked: string[] = [];
const engine = {
  municipalDropout: (year: number, level: string) => {
    asked.push(`m ${year} ${level}`);
    return Promise.resolve({ rows: [], input: { ids: [], values: [] } });
  },
  schoolDropout: (year: number, level: string) => {
    asked.push(`s ${year} ${level}`);
    return Promise.resolve({ rows: [], input: { ids: [], values: [] }, points: [] });
  },
} as unknown as Engine;
const boundaries = { type: 'FeatureCollection', features: [] } as unknown as Boundaries;

describe('the hotspots analysis cache', () => {
  it('one input away: the other statistic, the other levels, the years either side, the other unit', () => {
    const s = { ...DEFAULT_SETTINGS, level: 'basic' as const };
    const n = neighboursOf(s, [2019, 2020, 2021], 2020);
    expect(n.map((x) => [x.method, x.level, x.year, x.unit, x.weights])).toEqual([
      ['moran', 'basic', 2020, 'municipality', 'queen'],
      ['gistar', 'all', 2020, 'municipality', 'queen'],
      ['gistar', 'upper_secondary', 2020, 'municipality', 'queen'],
      ['gistar', 'basic', 2019, 'municipality', 'queen'],
      ['gistar', 'basic', 2021, 'municipality', 'queen'],
      ['gistar', 'basic', 2020, 'schools', 'knn'],
    ]);
    // The last year has no later one.
    expect(
      neighboursOf(s, [2019, 2020], 2020)
        .filter((x) => x.year !== 2020)
        .map((x) => x.year),
    ).toEqual([2019]);
  });

  it('asks each analysis once, shares it while in flight and keeps it once answered', async () => {
    const ask = { engine, settings: DEFAULT_SETTINGS, year: 2020, boundaries, k: 5, version: 7 };
    const key = analysisKey(DEFAULT_SETTINGS, 2020, 5, 7);
    expect(keptAnalysis(key)).toBeUndefined();
    const [a, b] = await Promise.all([analysis(key, ask), analysis(key, ask)]);
    expect(a).toBe(b);
    expect(a.state).toBe('ready');
    expect(runs).toHaveLength(1);
    expect(keptAnalysis(key)).toBe(a);
    await analysis(key, ask);
    expect(runs).toHaveLength(1);
  });

  it('analyses the neighbours ahead, each under the key the view will ask', async () => {
    const s = { ...DEFAULT_SETTINGS, seed: 99 };
    const years = [2019, 2020, 2021];
    analyseAhead({ engine, settings: s, year: 2020, boundaries, k: 5, version: 7 }, years);
    await vi.waitFor(() => expect(asked).toContain('s 2020 all'));
    for (const n of neighboursOf(s, years, 2020)) {
      await vi.waitFor(() => expect(keptAnalysis(analysisKey(n, n.year, 5, 7))).toBeDefined());
    }
  });
});
