import { describe, expect, it } from 'vitest';
import { compress, moran, normalSf, rowStandardise, weightsConstants } from '../../src/analysis/spatial';
import { readCsvColumns, readGal } from './fixtures';
import { chain, expectClose, rookLattice } from './helpers';

describe('global Moran’s I, worked by hand', () => {
  it('1-D chain of 5, row-standardised, y = 1..5', () => {
    // z = y − 3 = [−2, −1, 0, 1, 2], Σz² = 10. Row-standardised lags: [−1, −1, 0, 1, 1].
    // Σ z·lag = 2 + 1 + 0 + 1 + 2 = 6; S0 = 5, so I = (5/5)·6/10 = 0.6 and E[I] = −1/4.
    // w01 = 1, w10 = ½, w12 = w21 = w23 = w32 = ½, w34 = ½, w43 = 1.
    // S1 = ½Σ(w_ij + w_ji)² = 1.5² + 1² + 1² + 1.5² = 6.5 (each unordered pair appears twice in the sum).
    // Column sums [0.5, 1.5, 1, 1.5, 0.5], row sums 1: S2 = Σ(1 + c)² = 2.25 + 6.25 + 4 + 6.25 + 2.25 = 21.
    // Var_N = (n²S1 − nS2 + 3S0²)/((n−1)(n+1)S0²) − E² = (162.5 − 105 + 75)/600 − 1/16 = 19/120.
    // Kurtosis b2 = (Σz⁴/n)/(Σz²/n)² = (34/5)/4 = 1.7.
    // A = n((n² − 3n + 3)S1 − nS2 + 3S0²) = 5(13·6.5 − 105 + 75) = 272.5;
    // B = b2((n² − n)S1 − 2nS2 + 6S0²) = 1.7(130 − 210 + 150) = 119;
    // Var_R = (A − B)/((n−1)(n−2)(n−3)S0²) − E² = 153.5/600 − 1/16 = 29/150.
    const w = rowStandardise(chain(5));
    expect(weightsConstants(compress(w))).toEqual({ s0: 5, s1: 6.5, s2: 21 });
    const r = moran([1, 2, 3, 4, 5], w, { permutations: 0 });
    expectClose(r.I, 0.6);
    expectClose(r.expected, -0.25);
    expectClose(r.varianceNormality, 19 / 120);
    expectClose(r.varianceRandomisation, 29 / 150);
    expectClose(r.zNormality, 0.85 / Math.sqrt(19 / 120));
    expectClose(r.zRandomisation, 0.85 / Math.sqrt(29 / 150));
    expectClose(r.pNormality, 2 * normalSf(0.85 / Math.sqrt(19 / 120)), 1e-15);
    expect(r.pSim).toBeNull();
  });

  it('3 × 3 rook lattice, binary, y = 1..9 (PySAL esda test_moran.py test_variance)', () => {
    // z = y − 5 laid out row-major: [−4 −3 −2 / −1 0 1 / 2 3 4]. The 12 rook pairs give Σ z_i z_j:
    // rows (−4·−3) + (−3·−2) + 0 + 0 + (2·3) + (3·4) = 36;
    // columns (−4·−1) + (−1·2) + 0 + 0 + (−2·1) + (1·4) = 4.
    // Ordered sum 80, S0 = 24, Σz² = 60: I = (9/24)·80/60 = 0.5, E[I] = −1/8.
    // S1 = ½·24·2² = 48; degrees 2 (×4), 3 (×4), 4: S2 = Σ(2d)² = 4·68 = 272.
    // Var_N = (81·48 − 9·272 + 3·576)/(8·10·576) − 1/64 = 0.06875 − 0.015625 = 0.053125.
    // b2 = (708/9)/(60/9)² = 1.77; A = 9(57·48 − 2448 + 1728) = 18144;
    // B = 1.77·(72·48 − 4896 + 3456) = 3568.32;
    // Var_R = 14575.68/193536 − 1/64 = 0.0596875. PySAL asserts both variances for this case.
    const w = rookLattice(3, 3);
    expect(weightsConstants(compress(w))).toEqual({ s0: 24, s1: 48, s2: 272 });
    const r = moran([1, 2, 3, 4, 5, 6, 7, 8, 9], w, { permutations: 0 });
    expectClose(r.I, 0.5);
    expectClose(r.expected, -0.125);
    expectClose(r.varianceNormality, 0.053125);
    expectClose(r.varianceRandomisation, 0.0596875);
  });

  it('rejects unusable input', () => {
    const w = chain(5);
    expect(() => moran([1, 1, 1, 1, 1], w)).toThrow(/constant/);
    expect(() => moran([1, 2, 3], w)).toThrow(/Expected 5 values/);
    expect(() => moran([1, 2, NaN, 4, 5], w)).toThrow(/finite/);
    expect(() => moran([1, 2, 3], chain(3))).toThrow(/At least 4/);
    expect(() => moran([1, 2, 3, 4, 5], w, { permutations: 1.5 })).toThrow(/permutations/);
  });
});

describe('global Moran’s I against published results (Columbus, queen contiguity)', () => {
  // Fixture provenance: test/fixtures/spatial/README.md. Published values are spdep::moran.test with
  // nb2listw(poly2nb(columbus), style = "W") (236 links), printed to the digits asserted here.
  const w = rowStandardise(readGal('columbus_queen.gal'));
  const data = readCsvColumns('columbus.csv');

  it('CRIME: I = 0.500188557, Var_R = 0.008689289, z = 5.5894, one-sided p = 1.139e-08', () => {
    const r = moran(data.CRIME!, w);
    expect(r.n).toBe(49);
    expectClose(r.I, 0.500188557, 5e-10);
    expectClose(r.expected, -0.020833333, 5e-10);
    expectClose(r.varianceRandomisation, 0.008689289, 5e-10);
    expectClose(r.zRandomisation, 5.5894, 5e-5);
    // spdep printed the one-sided ("greater") p-value; ours is two-sided.
    expectClose(r.pRandomisation / 2, 1.139e-8, 5e-12);
    // I is ~5.6 standard deviations out: none of 999 permutations reaches it.
    expect(r.pSim).toBe(0.001);
  });

  it('INC: I = 0.415628778, Var_R = 0.008391926, z = 4.7645, one-sided p = 9.467e-07', () => {
    const r = moran(data.INC!, w, { permutations: 0 });
    // INC is only available to 3 decimals (spdep's copy carries float32 noise beyond that), which moves I
    // in the 9th decimal: agreement to 1e-8 is all the input allows.
    expectClose(r.I, 0.415628778, 1e-8);
    expectClose(r.varianceRandomisation, 0.008391926, 5e-10);
    expectClose(r.zRandomisation, 4.7645, 5e-5);
    expectClose(r.pRandomisation / 2, 9.467e-7, 5e-11);
  });

  it('permutation p-values are seeded: same seed, same result; a different seed can differ', () => {
    // HOVAL is only mildly autocorrelated, so its pseudo p-value sits where Monte Carlo noise shows.
    const a = moran(data.HOVAL!, w, { seed: 1 });
    const b = moran(data.HOVAL!, w, { seed: 1 });
    expect(a.pSim).toBe(b.pSim);
    const seeds = [2, 3, 4, 5, 6].map((seed) => moran(data.HOVAL!, w, { seed }).pSim);
    expect(new Set([a.pSim, ...seeds]).size).toBeGreaterThan(1);
    for (const p of [a.pSim!, ...seeds.map((s) => s!)]) expect(p > 0 && p <= 0.501).toBe(true);
  });
});
