import { describe, expect, it } from 'vitest';
import {
  distanceBandWeights,
  getisOrd,
  hotSpotBin,
  rowStandardise,
  twoSidedP,
  weightsFromNeighbours,
  type PointCoordinates,
} from '../../src/analysis/spatial';
import { readCsvColumns, readGal } from './fixtures';
import { chain, expectAllClose, expectClose } from './helpers';

describe('Getis-Ord G, worked by hand', () => {
  it('G* on a binary chain of 5, y = 1..5', () => {
    // ȳ = 3, s² = Σy²/n − ȳ² = 55/5 − 9 = 2, Σy = 15. With the self weight, end units have W = S1 = 2 and
    // inner units W = S1 = 3.
    // Unit 0: Σw*y = 1 + 2 = 3, z = (3 − 3·2)/(√2·√((5·2 − 4)/4)) = −3/√3 = −√3.
    // Unit 1: Σw*y = 1 + 2 + 3 = 6, z = (6 − 9)/(√2·√((15 − 9)/4)) = −√3. Unit 2: 9 − 9 = 0. Then +√3, +√3.
    // G*_0 = 3/15 = 0.2, E = W/n = 0.4, Var = (nS1 − W²)/(n²(n − 1))·s²/ȳ² = 6/100·2/9 = 1/75.
    const r = getisOrd([1, 2, 3, 4, 5], chain(5), { permutations: 0 });
    const r3 = Math.sqrt(3);
    expectAllClose(r.z, [-r3, -r3, 0, r3, r3]);
    expectAllClose(r.G, [3 / 15, 6 / 15, 9 / 15, 12 / 15, 9 / 15]);
    expectAllClose(r.expected, [0.4, 0.6, 0.6, 0.6, 0.4]);
    expectClose(r.variance[0]!, 1 / 75);
    expectClose((r.G[0]! - r.expected[0]!) / Math.sqrt(r.variance[0]!), -r3); // The two forms of z agree.
    expectAllClose(r.pNorm, r.z.map(twoSidedP), 1e-15);
  });

  it('G (no self) on the same chain', () => {
    // Unit 0: the others are {2, 3, 4, 5}: mean 3.5, s² = 54/4 − 3.5² = 1.25.
    // One neighbour (value 2), W = S1 = 1: z = (2 − 3.5)/(√1.25·√((4·1 − 1)/3)) = −1.5/√1.25 = −1.3416407865.
    // Unit 2: others {1, 2, 4, 5}: mean 3, s² = 46/4 − 9 = 2.5; neighbours 2 + 4 = 6 = 3·W, so z = 0.
    const r = getisOrd([1, 2, 3, 4, 5], chain(5), { star: false, permutations: 0 });
    expectClose(r.z[0]!, -1.5 / Math.sqrt(1.25));
    expectClose(r.z[2]!, 0);
    expectClose(r.G[0]!, 2 / 14);
    expectClose(r.expected[0]!, 1 / 4);
  });
});

describe('Getis-Ord against PySAL’s published example (esda.G_Local docstring)', () => {
  // Six points, DistanceBand(threshold = 15) in the plane, binary weights, y = [2, 3, 3.2, 5, 8, 7].
  const points: PointCoordinates[] = [
    [10, 10],
    [20, 10],
    [40, 10],
    [15, 20],
    [30, 20],
    [30, 30],
  ];
  const w = distanceBandWeights(points, ['0', '1', '2', '3', '4', '5'], 15, { metric: 'euclidean' });
  const y = [2, 3, 3.2, 5, 8, 7];

  it('G* z-scores (transform B, star = True)', () => {
    expectAllClose(
      getisOrd(y, w, { permutations: 0 }).z,
      [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331],
      5e-9,
    );
  });

  it('G z-scores (transform B, star = False)', () => {
    expectAllClose(
      getisOrd(y, w, { star: false, permutations: 0 }).z,
      [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941],
      5e-9,
    );
  });

  it('keeps the general Ord & Getis variance for row-standardised G (PySAL’s transform R differs)', () => {
    // Rescaling a unit's row leaves z unchanged, so row-standardised G equals binary G. PySAL's 'R' variant
    // uses a cardinality-free variance instead (its docstring prints −0.62074534 for unit 0): not replicated.
    const binaryZ = getisOrd(y, w, { star: false, permutations: 0 }).z;
    expectAllClose(getisOrd(y, rowStandardise(w), { star: false, permutations: 0 }).z, binaryZ, 1e-12);
  });
});

describe('hot spot bins and permutation inference', () => {
  it('bins like ArcGIS: ±3 at p ≤ 0.01, ±2 at p ≤ 0.05, ±1 at p ≤ 0.10', () => {
    expect(hotSpotBin(3.1, 0.002)).toBe(3);
    expect(hotSpotBin(-2.2, 0.05)).toBe(-2);
    expect(hotSpotBin(1.7, 0.09)).toBe(1);
    expect(hotSpotBin(-1.7, 0.1)).toBe(-1);
    expect(hotSpotBin(0.4, 0.69)).toBe(0);
    expect(hotSpotBin(0, 0.001)).toBe(0);
  });

  it('analytical bins follow the z-score thresholds 1.645 / 1.960 / 2.576', () => {
    const r = getisOrd([1, 2, 3, 4, 5], chain(5), { permutations: 0 });
    // |z| = √3 ≈ 1.732: p ≈ 0.083, 90 % confidence only.
    expect(r.bin).toEqual([-1, -1, 0, 1, 1]);
  });

  it('Columbus CRIME G*: seeded, bounded pseudo p-values; hot and cold spots both present', () => {
    const w = readGal('columbus_queen.gal');
    const crime = readCsvColumns('columbus.csv').CRIME!;
    const a = getisOrd(crime, w, { seed: 3 });
    expect(a.pSim).toEqual(getisOrd(crime, w, { seed: 3 }).pSim);
    expect(a.pSim).not.toEqual(getisOrd(crime, w, { seed: 4 }).pSim);
    for (const p of a.pSim!) expect(p > 0 && p <= 1).toBe(true);
    expect(a.bin.some((b) => b >= 2)).toBe(true);
    expect(a.bin.some((b) => b <= -2)).toBe(true);
    // Bins agree in sign with z wherever they are non-zero.
    a.bin.forEach((b, i) => b !== 0 && expect(Math.sign(b)).toBe(Math.sign(a.z[i]!)));
    // FDR can only remove hot spots, never add or flip them.
    const fdr = getisOrd(crime, w, { seed: 3, correction: 'fdr' });
    fdr.bin.forEach((b, i) => expect(Math.abs(b)).toBeLessThanOrEqual(Math.abs(a.bin[i]!)));
  });

  it('gives islands z = 0 and p = 1', () => {
    const w = weightsFromNeighbours(['a', 'b', 'c', 'island'], [[1], [0, 2], [1], []]);
    const r = getisOrd([1, 4, 2, 8], w, { permutations: 99 });
    expect(r.z[3]).toBe(0);
    expect(r.pNorm[3]).toBe(1);
    expect(r.pSim![3]).toBe(1);
    expect(r.bin[3]).toBe(0);
  });
});
