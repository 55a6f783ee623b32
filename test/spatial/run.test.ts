/**
 * runHotspots, the one entry of worker, Node and CLI: on a hand-made lattice of unit squares it must give
 * exactly what the statistics modules give for the same weights, report islands, pick the transform each
 * method expects and compute the correction floor.
 */
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { contiguityWeights } from '../../src/analysis/spatial/contiguity';
import { knnWeights } from '../../src/analysis/spatial/distance';
import { getisOrd } from '../../src/analysis/spatial/getis-ord';
import { localMoran } from '../../src/analysis/spatial/local-moran';
import { buildWeights, minAdjustedP, runHotspots } from '../../src/analysis/spatial/run';
import { binary, rowStandardise } from '../../src/analysis/spatial/weights';
import { twoSidedP } from '../../src/analysis/spatial/normal';

/** A 3 x 3 grid of unit squares A..I (row by row) and an island J far away. */
function square(id: string, x: number, y: number): Feature<Polygon> {
  const ring = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return {
    type: 'Feature',
    properties: { lau_code: id },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}
const grid = 'ABCDEFGHI'.split('').map((id, i) => square(id, i % 3, Math.floor(i / 3)));
const polygons = [...grid, square('J', 10, 10)];
const ids = 'ABCDEFGHIJ'.split('');
const values = [8, 6, 1, 7, 5, 2, 3, 2, 0, 4];

describe('runHotspots', () => {
  it('builds queen and rook weights in the order of the ids, whatever the polygon order', () => {
    const queen = buildWeights({
      ids,
      values,
      method: 'gistar',
      weights: 'queen',
      polygons: [...polygons].reverse(),
    });
    expect(queen.ids).toEqual(ids);
    expect(queen.neighbours[4]!.length).toBe(8); // E touches every other grid square
    const rook = buildWeights({ ids, values, method: 'gistar', weights: 'rook', polygons });
    expect(rook.neighbours[4]).toEqual([1, 3, 5, 7]);
    expect(rook.neighbours[0]).toEqual([1, 3]);
  });

  it('equals getisOrd with binary weights and localMoran with row-standardised weights, bit for bit', () => {
    const w = contiguityWeights(polygons, { rule: 'queen', idProperty: 'lau_code' });
    const options = { permutations: 99, seed: 5, correction: 'fdr' as const };
    const g = runHotspots({ ids, values, method: 'gistar', weights: 'queen', polygons, ...options });
    const gRef = getisOrd(values, binary(w), options);
    expect(g.transform).toBe('b');
    expect(g.z).toEqual(gRef.z);
    expect(g.p).toEqual(gRef.pSim);
    expect(g.pAdjusted).toEqual(gRef.pAdjusted);
    const m = runHotspots({ ids, values, method: 'moran', weights: 'queen', polygons, ...options });
    const mRef = localMoran(values, rowStandardise(w), options);
    expect(m.transform).toBe('r');
    expect(m.statistic).toEqual(mRef.Is);
    expect(m.z).toEqual(mRef.z);
    expect(m.p).toEqual(mRef.pSim);
    expect(m.classes).toEqual(mRef.cluster);
  });

  it('reports islands and never calls them significant', () => {
    const r = runHotspots({ ids, values, method: 'gistar', weights: 'rook', polygons, permutations: 99 });
    expect(r.islands).toEqual(['J']);
    expect(r.classes[9]).toBe('ns');
    expect(r.p[9]).toBe(1);
    expect(r.neighbours.min).toBe(0);
    expect(r.neighbours.max).toBe(4);
  });

  it('hand-worked Gi* of the centre square: all 9 grid values, z = (ΣW·y − ȳ·W)/(s·√((nS1 − W²)/(n − 1)))', () => {
    const r = runHotspots({ ids, values, method: 'gistar', weights: 'queen', polygons, permutations: 0 });
    const n = 10;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
    const W = 9; // E and its 8 neighbours, binary with self weight 1
    const sum = 8 + 6 + 1 + 7 + 5 + 2 + 3 + 2 + 0;
    const z = (sum - mean * W) / (s * Math.sqrt((n * W - W * W) / (n - 1)));
    expect(r.z[4]).toBeCloseTo(z, 12);
    expect(r.p[4]).toBeCloseTo(twoSidedP(z), 12); // analytical p when permutations = 0
  });

  it('uses kNN on points with k capped below n', () => {
    const points = ids.map(
      (_, i) => [19 + (i % 3) * 0.01, 41 + Math.floor(i / 3) * 0.01] as [number, number],
    );
    const r = runHotspots({ ids, values, points, method: 'moran', weights: 'knn', k: 3, permutations: 9 });
    const ref = localMoran(values, rowStandardise(knnWeights(points, ids, 3)), { permutations: 9 });
    expect(r.statistic).toEqual(ref.Is);
    expect(r.neighbours).toEqual({ min: 3, max: 3, mean: 3 });
    expect(() => runHotspots({ ids, values, method: 'moran', weights: 'knn' })).toThrow(/one point per unit/);
    expect(() => runHotspots({ ids, values, method: 'moran', weights: 'queen' })).toThrow(/polygons/);
  });

  it('knows the smallest adjusted p each correction allows', () => {
    expect(minAdjustedP('none', 61, 999)).toBeCloseTo(0.001, 15);
    expect(minAdjustedP('fdr', 61, 999)).toBeCloseTo(0.001, 15);
    expect(minAdjustedP('bonferroni', 61, 999)).toBeCloseTo(0.061, 15);
    expect(minAdjustedP('bonferroni', 61, 9999)).toBeCloseTo(0.0061, 15);
  });
});
