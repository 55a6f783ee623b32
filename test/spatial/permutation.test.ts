import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random';
import {
  compress,
  conditionalPseudoP,
  foldedPseudoP,
  weightsFromNeighbours,
} from '../../src/analysis/spatial';
import { shuffle } from '../../src/analysis/spatial/permutation';

describe('permutation machinery', () => {
  it('folds p-values toward the tail the observation lies in, counting ties on both sides', () => {
    // 999 permutations, 3 at or above the observed value: p = (3 + 1)/1000.
    expect(foldedPseudoP(3, 996, 999)).toBe(0.004);
    expect(foldedPseudoP(990, 9, 999)).toBe(0.01);
    // A statistic that never moves (all ties) has no evidence: p = 1, not PySAL's 1/(perms + 1).
    expect(foldedPseudoP(999, 999, 999)).toBe(1);
  });

  it('shuffles uniformly: each of the 6 orders of 3 items about 1/6 of the time', () => {
    const rng = createRng(99);
    const counts = new Map<string, number>();
    const trials = 60_000;
    for (let t = 0; t < trials; t++) {
      const x = Float64Array.of(0, 1, 2);
      shuffle(x, rng);
      counts.set(x.join(''), (counts.get(x.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Binomial sd of a count is √(60000·⅙·⅚) ≈ 91; allow 5 sd.
    for (const c of counts.values()) expect(Math.abs(c - trials / 6)).toBeLessThan(460);
  });

  it('draws conditional neighbours uniformly from the other units, never the unit itself', () => {
    // Unit 0 has one neighbour (unit 1) of weight 1; x = [100, 1, 2, 3, 4], stat = lag.
    // The simulated lag is x_j for j uniform on {1, 2, 3, 4}; observed lag x_1 = 1 is the minimum, so
    // #sim ≤ obs counts draws of unit 1: p ≈ ¼ (a draw of unit 0 itself, x = 100, would never count).
    const w = compress(weightsFromNeighbours(['a', 'b', 'c', 'd', 'e'], [[1], [], [], [], []]));
    const x = Float64Array.of(100, 1, 2, 3, 4);
    const p = conditionalPseudoP(w, x, new Float64Array(5), new Float64Array(5).fill(1), 9999, 5);
    expect(Math.abs(p[0]! - 0.25)).toBeLessThan(0.02);
    expect(Array.from(p.slice(1))).toEqual([1, 1, 1, 1]); // Islands.
  });

  it('property: pseudo p-values lie in (0, 1], depend only on the seed, and change with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const n = 30;
        const ids = Array.from({ length: n }, (_, i) => `u${i}`);
        const w = compress(
          weightsFromNeighbours(
            ids,
            ids.map((_, i) => [(i + 1) % n, (i + n - 1) % n, (i + 7) % n]),
          ),
        );
        const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 10);
        const scale = Float64Array.from(x, (v) => v);
        const a = conditionalPseudoP(w, x, new Float64Array(n), scale, 199, seed);
        const b = conditionalPseudoP(w, x, new Float64Array(n), scale, 199, seed);
        const c = conditionalPseudoP(w, x, new Float64Array(n), scale, 199, (seed + 1) >>> 0);
        expect(a).toEqual(b);
        expect(a).not.toEqual(c);
        for (const p of a) expect(p > 0 && p <= 1).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('pins the stream: a change to the sampling algorithm cannot slip in unnoticed', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const w = compress(weightsFromNeighbours(ids, [[1, 2], [0], [0, 3], [2, 4], [3, 5], [4]]));
    const x = Float64Array.of(5, 1, 4, 2, 8, 3);
    const p = conditionalPseudoP(w, x, new Float64Array(6), Float64Array.of(1, -1, 1, 1, -1, 1), 99, 2024);
    expect(Array.from(p)).toMatchInlineSnapshot(`
      [
        0.38,
        0.45,
        0.55,
        0.21,
        0.44,
        0.24,
      ]
    `);
  });
});
