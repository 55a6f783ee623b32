import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binary,
  compress,
  isSymmetric,
  islands,
  rowStandardise,
  spatialLag,
  symmetrise,
  weightsFromNeighbours,
} from '../../src/analysis/spatial';
import { chain, expectClose } from './helpers';

describe('weightsFromNeighbours', () => {
  it('sorts rows, defaults to binary weights and keeps weights paired with their neighbours', () => {
    const w = weightsFromNeighbours(['a', 'b', 'c'], [[2, 1], [0], [0]], [[0.3, 0.7], [1], [2]]);
    expect(w.neighbours).toEqual([[1, 2], [0], [0]]);
    expect(w.weights).toEqual([[0.7, 0.3], [1], [2]]);
    expect(weightsFromNeighbours(['a', 'b'], [[1], [0]]).weights).toEqual([[1], [1]]);
  });

  it('rejects self-links, repeats, bad indices and duplicate ids', () => {
    expect(() => weightsFromNeighbours(['a', 'b'], [[0], []])).toThrow(/itself/);
    expect(() => weightsFromNeighbours(['a', 'b'], [[1, 1], []])).toThrow(/repeats/);
    expect(() => weightsFromNeighbours(['a', 'b'], [[2], []])).toThrow(/bad neighbour/);
    expect(() => weightsFromNeighbours(['a', 'a'], [[], []])).toThrow(/unique/);
    expect(() => weightsFromNeighbours(['a', 'b'], [[1], [0]], [[NaN], [1]])).toThrow(/non-finite/);
  });
});

describe('transforms', () => {
  // Chain of 4 with weights: rows 0..3 have 1, 2, 2, 1 neighbours.
  const w = chain(4);

  it('row-standardises (rows sum to 1), binarises and computes the lag', () => {
    const r = rowStandardise(w);
    expect(r.weights).toEqual([[1], [0.5, 0.5], [0.5, 0.5], [1]]);
    expect(binary(r).weights).toEqual(w.weights);
    // Lag of x = [1, 2, 4, 8]: [2, (1+4)/2, (2+8)/2, 4].
    expect(Array.from(spatialLag(compress(r), [1, 2, 4, 8]))).toEqual([2, 2.5, 5, 4]);
  });

  it('lists islands and leaves their rows empty when standardising', () => {
    const withIsland = weightsFromNeighbours(['a', 'b', 'lonely'], [[1], [0], []]);
    expect(islands(withIsland)).toEqual(['lonely']);
    expect(rowStandardise(withIsland).weights[2]).toEqual([]);
  });

  it('symmetrises by link union with the larger weight', () => {
    const oneWay = weightsFromNeighbours(['a', 'b', 'c'], [[1], [2], [1]], [[0.5], [0.25], [1]]);
    expect(isSymmetric(oneWay)).toBe(false);
    const s = symmetrise(oneWay);
    expect(isSymmetric(s)).toBe(true);
    expect(s.neighbours).toEqual([[1], [0, 2], [1]]);
    expect(s.weights).toEqual([[0.5], [0.5, 1], [1]]);
  });

  it('property: row-standardised rows sum to 1 and symmetrised weights are symmetric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true })),
        (n, ws) => {
          // A random directed graph: unit i links to (i·7 + t) mod n for a few t.
          const neighbours = Array.from({ length: n }, (_, i) =>
            [...new Set([1, 2, 3].map((t) => (i * 7 + t) % n))].filter((j) => j !== i),
          );
          const weights = neighbours.map((row, i) =>
            row.map((_, t) => ws[(i + t) % Math.max(ws.length, 1)] ?? 1),
          );
          const w0 = weightsFromNeighbours(
            neighbours.map((_, i) => `u${i}`),
            neighbours,
            weights,
          );
          for (const row of rowStandardise(w0).weights) {
            if (row.length > 0)
              expectClose(
                row.reduce((a, b) => a + b, 0),
                1,
                1e-12,
              );
          }
          expect(isSymmetric(symmetrise(w0))).toBe(true);
        },
      ),
    );
  });
});
