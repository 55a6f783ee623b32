/** Small lattices and assertions shared by the spatial tests. */

import { expect } from 'vitest';
import { weightsFromNeighbours, type PolygonFeature, type SpatialWeights } from '../../src/analysis/spatial';

/** Asserts |actual − expected| ≤ tolerance (absolute), with a readable failure message. */
export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Element-wise {@link expectClose}. */
export function expectAllClose(
  actual: readonly number[],
  expected: readonly number[],
  tolerance = 1e-9,
): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expectClose(a, expected[i]!, tolerance));
}

/** A 1-D chain of n units, 0 – 1 – 2 – … – (n−1), with binary weights. */
export function chain(n: number): SpatialWeights {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  return weightsFromNeighbours(
    ids,
    ids.map((_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n)),
  );
}

/** Binary rook weights of a rows × cols lattice, cells numbered row-major (PySAL's lat2W). */
export function rookLattice(rows: number, cols: number): SpatialWeights {
  const ids: string[] = [];
  const neighbours: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      ids.push(`r${r}c${c}`);
      const row: number[] = [];
      if (r > 0) row.push((r - 1) * cols + c);
      if (c > 0) row.push(r * cols + c - 1);
      if (c < cols - 1) row.push(r * cols + c + 1);
      if (r < rows - 1) row.push((r + 1) * cols + c);
      neighbours.push(row);
    }
  }
  return weightsFromNeighbours(ids, neighbours);
}

/** Unit squares of a rows × cols grid (row-major, counter-clockwise rings), with id property "id". */
export function squareGrid(rows: number, cols: number): PolygonFeature[] {
  const features: PolygonFeature[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      features.push({
        type: 'Feature',
        properties: { id: `r${r}c${c}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [c, r],
              [c + 1, r],
              [c + 1, r + 1],
              [c, r + 1],
              [c, r],
            ],
          ],
        },
      });
    }
  }
  return features;
}

/** Neighbour ids of unit `id`, sorted, for readable assertions. */
export function neighbourIds(w: SpatialWeights, id: string): string[] {
  const i = w.ids.indexOf(id);
  return w.neighbours[i]!.map((j) => w.ids[j]!).sort();
}

/** Number of links (ordered pairs). */
export function linkCount(w: SpatialWeights): number {
  return w.neighbours.reduce((acc, row) => acc + row.length, 0);
}
