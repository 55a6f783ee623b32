import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binary,
  compress,
  localMoran,
  moran,
  rowStandardise,
  twoSidedP,
  weightsConstants,
  weightsFromNeighbours,
} from '../../src/analysis/spatial';
import { readCsvColumns, readFixture, readGal } from './fixtures';
import { chain, expectAllClose, expectClose, rookLattice } from './helpers';

describe('local Moran’s I, worked by hand', () => {
  it('1-D chain of 5, row-standardised, y = 1..5', () => {
    // z = [−2, −1, 0, 1, 2], Σz² = 10, lags [−1, −1, 0, 1, 1].
    // I_i = (n − 1)·z_i·lag_i/Σz² = 0.4·[2, 1, 0, 1, 2] = [0.8, 0.4, 0, 0.4, 0.8].
    // Σ I_i = 2.4 = (n − 1)·I, with global I = 0.6.
    // Row sums w_i = 1, so E[I_i] = −w_i/n = −0.2 (Anselin's −1/(n−1) times (n−1)/n).
    // m2 = 2, m4 = 34/5, b2 = 1.7. Anselin's variance, then times ((n−1)/n)² = 0.64:
    //  ends (one neighbour, Σw² = 1, Σ_{k≠h} = 0): 1·(5 − 1.7)/4 − 1/16 = 0.7625 → 0.488;
    //  inner (two at ½, Σw² = ½, Σ_{k≠h} = ½): ½·3.3/4 + ½·(3.4 − 5)/12 − 1/16 = 0.28333… → 0.181333….
    // Quadrants (PySAL: 1 HH, 2 LH, 3 LL, 4 HL; z = 0 counts as low): [LL, LL, LL, HH, HH].
    const r = localMoran([1, 2, 3, 4, 5], rowStandardise(chain(5)), { permutations: 0 });
    expectAllClose(r.Is, [0.8, 0.4, 0, 0.4, 0.8]);
    expectAllClose(r.expected, [-0.2, -0.2, -0.2, -0.2, -0.2]);
    const inner = 0.64 * (0.4125 - 1.6 / 24 - 0.0625);
    expectAllClose(r.variance, [0.488, inner, inner, inner, 0.488]);
    expectAllClose(r.z, [
      1 / Math.sqrt(0.488),
      0.6 / Math.sqrt(inner),
      0.2 / Math.sqrt(inner),
      0.6 / Math.sqrt(inner),
      1 / Math.sqrt(0.488),
    ]);
    expectAllClose(r.pNorm, r.z.map(twoSidedP), 1e-15);
    expect(r.quadrant).toEqual([3, 3, 3, 1, 1]);
    expect(r.inference).toBe('analytical');
    expect(r.pSim).toBeNull();
  });

  it('reports islands as not significant with p = 1', () => {
    const w = rowStandardise(weightsFromNeighbours(['a', 'b', 'c', 'island'], [[1], [0, 2], [1], []]));
    const r = localMoran([1, 5, 2, 9], w, { permutations: 99 });
    expect(r.Is[3]).toBe(0);
    expect(r.z[3]).toBe(0);
    expect(r.pNorm[3]).toBe(1);
    expect(r.pSim![3]).toBe(1);
    expect(r.cluster[3]).toBe('ns');
  });
});

describe('local Moran’s I against PySAL’s published example (de Smith et al. 10-unit data)', () => {
  // PySAL Moran_Local docstring (pysal 1.x, unchanged formula in esda): desmith.gal, desmith.txt column z,
  // transformation "r": Is and quadrants q as printed there.
  const w = rowStandardise(readGal('desmith.gal'));
  const y = readFixture('desmith.txt')
    .trim()
    .split(/\r?\n/)
    .slice(2)
    .map((line) => Number(line.split(',')[1]));

  it('matches Is to the 8 printed decimals and q exactly', () => {
    const r = localMoran(y, w, { permutations: 99, seed: 10 });
    expectAllClose(
      r.Is,
      [
        -0.11409277, -0.19940543, -0.13351408, -0.51770383, 0.48095009, 0.12208113, 1.19148298, -0.58144305,
        0.07101383, 0.34314301,
      ],
      5e-9,
    );
    expect(r.quadrant).toEqual([4, 4, 4, 2, 3, 3, 1, 4, 3, 3]);
  });
});

describe('relations and permutation inference', () => {
  it('property: Σ I_i = ((n − 1)/n)·S0·I for any weights (PySAL scaling)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(
          fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 100),
          { minLength: 25, maxLength: 25 },
        ),
        fc.boolean(),
        (rows, cols, values, standardise) => {
          const n = rows * cols;
          const y = values.slice(0, n);
          fc.pre(new Set(y).size > 1);
          const lattice = rookLattice(rows, cols);
          const w = standardise ? rowStandardise(lattice) : binary(lattice);
          const global = moran(y, w, { permutations: 0 }).I;
          const local = localMoran(y, w, { permutations: 0 }).Is.reduce((a, b) => a + b, 0);
          const { s0 } = weightsConstants(compress(w));
          expectClose(local, ((n - 1) / n) * s0 * global, 1e-9 * Math.max(1, Math.abs(local)));
        },
      ),
    );
  });

  it('Columbus CRIME: Σ I_i/S0 rescaled to spdep’s convention is spdep’s 0.5001886', () => {
    // spdep's localmoran (mlvar = TRUE) divides by Σz²/n, i.e. its I_i are n/(n − 1) times PySAL's.
    const w = rowStandardise(readGal('columbus_queen.gal'));
    const r = localMoran(readCsvColumns('columbus.csv').CRIME!, w, { permutations: 0 });
    const spdepSum = (r.Is.reduce((a, b) => a + b, 0) * 49) / 48;
    expectClose(spdepSum / 49, 0.5001886, 5e-8); // S0 = 49 for row-standardised weights.
  });

  it('pseudo p-values lie in (0, 1], repeat for a seed and change with it', () => {
    const w = rowStandardise(readGal('columbus_queen.gal'));
    const crime = readCsvColumns('columbus.csv').CRIME!;
    const a = localMoran(crime, w, { seed: 7 });
    const b = localMoran(crime, w, { seed: 7 });
    const c = localMoran(crime, w, { seed: 8 });
    expect(a.pSim).toEqual(b.pSim);
    expect(a.pSim).not.toEqual(c.pSim);
    for (const p of a.pSim!) expect(p > 0 && p <= 1).toBe(true);
    // Significance under a stricter correction is a subset of significance under a looser one.
    const none = localMoran(crime, w, { seed: 7, correction: 'none' }).cluster;
    const fdr = localMoran(crime, w, { seed: 7, correction: 'fdr' }).cluster;
    const bonferroni = localMoran(crime, w, { seed: 7, correction: 'bonferroni' }).cluster;
    fdr.forEach((label, i) => label !== 'ns' && expect(none[i]).toBe(label));
    bonferroni.forEach((label, i) => label !== 'ns' && expect(fdr[i]).toBe(label));
    // Crime in Columbus is clustered: some units must be flagged without correction.
    expect(none.filter((l) => l === 'HH').length).toBeGreaterThan(0);
    expect(none.filter((l) => l === 'LL').length).toBeGreaterThan(0);
    // Labels only where significant, and then the quadrant's name.
    const names = { 1: 'HH', 2: 'LH', 3: 'LL', 4: 'HL' } as const;
    none.forEach((label, i) => {
      if (a.pAdjusted[i]! <= 0.05) expect(label).toBe(names[a.quadrant[i]!]);
      else expect(label).toBe('ns');
    });
  });

  it('uses analytical p-values when asked', () => {
    const w = rowStandardise(readGal('columbus_queen.gal'));
    const r = localMoran(readCsvColumns('columbus.csv').CRIME!, w, {
      inference: 'analytical',
      permutations: 0,
    });
    expect(r.pAdjusted).toEqual(r.pNorm);
    expect(() =>
      localMoran([1, 2, 3], rowStandardise(chain(3)), { inference: 'permutation', permutations: 0 }),
    ).toThrow();
  });
});
