/**
 * Ad-hoc timing, not a test (vitest only collects *.test.ts): local Moran's I with 999 conditional
 * permutations on 1,500 random points with k = 8 nearest neighbours. Run with
 *   npx tsx test/spatial/time-local-moran.ts
 * The bench suite owns real performance tracking; this is for quick before/after checks.
 */

import { performance } from 'node:perf_hooks';
import { createRng, normal } from '../../src/analysis/random';
import {
  getisOrd,
  knnWeights,
  localMoran,
  moran,
  rowStandardise,
  type PointCoordinates,
} from '../../src/analysis/spatial';

const n = 1500;
const rng = createRng(7);
// Albania's bounding box (data/geo/README.md), so distances are realistic.
const points: PointCoordinates[] = Array.from({ length: n }, () => [
  19.26 + 1.8 * rng(),
  39.64 + 3.02 * rng(),
]);
const ids = points.map((_, i) => `S${i}`);
const y = points.map((p) => p[1] + 0.3 * normal(rng)); // A north-south trend plus noise: real clustering.

// CPU time is printed next to wall time because the 2-core machines are often shared with other jobs.
function time<T>(label: string, f: () => T): T {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const out = f();
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - start;
  console.log(`${label}: ${wall.toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU`);
  return out;
}

const knn = time('knnWeights (n = 1500, k = 8)', () => knnWeights(points, ids, 8));
const w = rowStandardise(knn);
for (let run = 1; run <= 3; run++) {
  time(`localMoran, 999 permutations, run ${run}`, () => localMoran(y, w, { permutations: 999, seed: run }));
}
time('getisOrd G*, 999 permutations', () => getisOrd(y, knn, { permutations: 999 }));
time('moran (global), 999 permutations', () => moran(y, w, { permutations: 999 }));
