/**
 * The requests whose results are pinned in test/fixtures/hotspots/golden.json: computed by runHotspots in
 * Node (test/hotspots.test.ts) and by the browser worker (e2e/hotspots.spec.ts, which reads the app's table).
 * Each name is the view's settings string, so the browser test opens exactly that view.
 */
import type { PolygonFeature } from '../src/analysis/spatial/contiguity';
import type { HotspotRequest } from '../src/analysis/spatial/run';
import type { Engine } from '../src/engine/engine';

/** Where the golden results live. */
export const GOLDEN_PATH = 'test/fixtures/hotspots/golden.json';

/** Per settings string: [id, statistic, z, p, pAdjusted, class] per unit. */
export type Golden = Record<string, [string, number, number, number, number, string][]>;

/** The pinned requests, by the view's settings string (`hot=` in the URL). */
export async function goldenRequests(
  engine: Engine,
  polygons: readonly PolygonFeature[],
): Promise<Record<string, HotspotRequest>> {
  const m = await engine.municipalDropout(2025, 'all');
  const s = await engine.schoolDropout(2025, 'all');
  return {
    'g.q.999.12345.n.2025.m.a.y': {
      ...m.input,
      method: 'gistar',
      weights: 'queen',
      permutations: 999,
      seed: 12345,
      correction: 'none',
      polygons,
    },
    'm.k.999.2026.f.2025.s.a.y': {
      ...s.input,
      points: s.points,
      method: 'moran',
      weights: 'knn',
      permutations: 999,
      seed: 2026,
      correction: 'fdr',
    },
  };
}
