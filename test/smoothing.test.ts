/**
 * Global empirical-Bayes smoothing (Marshall 1991). No PySAL/GeoDa worked example with its input data is
 * in the reference index (esda's tests use stl_hom.csv and sids2.dbf, whose values are not stored there),
 * so the references are hand computations in exact fractions, the formula exactly as esda's
 * `Empirical_Bayes` source writes it, and properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmoothingInputError, empiricalBayes, empiricalBayesDetails } from '../src/analysis/smoothing';

/** esda.smoothing.Empirical_Bayes.__init__, transcribed line for line (no clipping of a negative r_var). */
function esdaEmpiricalBayes(e: readonly number[], b: readonly number[]): number[] {
  const eSum = e.reduce((s, v) => s + v, 0);
  const bSum = b.reduce((s, v) => s + v, 0);
  const rMean = eSum / bSum;
  const rate = e.map((ei, i) => ei / b[i]!);
  const rVariat = rate.map((r) => r - rMean);
  const rVarLeft = b.reduce((s, bi, i) => s + bi * rVariat[i]! * rVariat[i]!, 0) / bSum;
  const rVarRight = rMean / (bSum / b.length);
  const rVar = rVarLeft - rVarRight;
  return b.map((bi, i) => {
    const weight = rVar / (rVar + rMean / bi);
    return weight * rate[i]! + (1 - weight) * rMean;
  });
}

describe('empirical Bayes: worked examples', () => {
  it('shrinks by hand-computed weights (exact fractions)', () => {
    // e = [2, 30, 10], b = [100, 200, 1000]; raw rates 0.02, 0.15, 0.01.
    // β  = 42/1300 = 21/650
    // s² = [100(0.02 − β)² + 200(0.15 − β)² + 1000(0.01 − β)²] / 1300 = 1067/422500
    // α  = s² − β/(1300/3) = 1067/422500 − 63/845000 = 2071/845000
    // w  = α/(α + β/b_i) = 2071/2344, 4142/4415, 20710/20983
    // EB = w r + (1 − w) β = 157/7325, 15753/110375, 5398/524575
    const r = empiricalBayesDetails([2, 30, 10], [100, 200, 1000]);
    expect(r.globalRate).toBeCloseTo(21 / 650, 15);
    expect(r.priorVariance).toBeCloseTo(2071 / 845000, 15);
    expect(r.unclippedPriorVariance).toBe(r.priorVariance);
    [2071 / 2344, 4142 / 4415, 20710 / 20983].forEach((w, i) => expect(r.weights[i]).toBeCloseTo(w, 14));
    [157 / 7325, 15753 / 110375, 5398 / 524575].forEach((s, i) => expect(r.rates[i]).toBeCloseTo(s, 15));
    expect(r.rawRates).toEqual([0.02, 0.15, 0.01]);
    expect(r.used).toBe(3);
    // The same numbers as esda's formula, since α > 0 here.
    esdaEmpiricalBayes([2, 30, 10], [100, 200, 1000]).forEach((s, i) =>
      expect(r.rates[i]).toBeCloseTo(s, 15),
    );
  });

  it('clips a negative prior variance to 0: every unit then gets the global rate (esda would not clip)', () => {
    // e = [1, 4, 10], b = [10, 20, 100]: β = 3/26, s² = 11/8450, α = 11/8450 − 9/3380 = −23/16900 < 0.
    const r = empiricalBayesDetails([1, 4, 10], [10, 20, 100]);
    expect(r.unclippedPriorVariance).toBeCloseTo(-23 / 16900, 15);
    expect(r.priorVariance).toBe(0);
    expect(r.weights).toEqual([0, 0, 0]);
    for (const s of r.rates) expect(s).toBeCloseTo(3 / 26, 15);
    // Unclipped, esda's weights are −0.134, −0.309 and 6.57: the third unit's raw rate 0.1 "smooths" to 0.014,
    // across and far beyond the global rate 0.115. That is what the clipping prevents.
    const esda = esdaEmpiricalBayes([1, 4, 10], [10, 20, 100]);
    expect(esda[2]).toBeCloseTo(0.1 / 7, 12);
  });

  it('agrees with esda whenever the prior variance is positive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50_000 })), {
          minLength: 2,
          maxLength: 61,
        }),
        (units) => {
          const e = units.map(([ei]) => ei);
          const b = units.map(([, bi]) => bi);
          const r = empiricalBayesDetails(e, b);
          fc.pre(r.unclippedPriorVariance > 0);
          const esda = esdaEmpiricalBayes(e, b);
          r.rates.forEach((s, i) =>
            expect(Math.abs(s - esda[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, esda[i]!)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('empirical Bayes: properties', () => {
  const units = fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100_000 })), {
    minLength: 1,
    maxLength: 61,
  });

  it('puts every smoothed rate between its raw rate and the global rate', () => {
    fc.assert(
      fc.property(units, (us) => {
        const r = empiricalBayesDetails(
          us.map(([e]) => e),
          us.map(([, b]) => b),
        );
        r.rates.forEach((s, i) => {
          const lo = Math.min(r.rawRates[i]!, r.globalRate);
          const hi = Math.max(r.rawRates[i]!, r.globalRate);
          expect(s).toBeGreaterThanOrEqual(lo - 1e-15);
          expect(s).toBeLessThanOrEqual(hi + 1e-15);
          expect(r.weights[i]!).toBeGreaterThanOrEqual(0);
          expect(r.weights[i]!).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('shrinks small populations more: weights grow with population', () => {
    fc.assert(
      fc.property(units, (us) => {
        const r = empiricalBayesDetails(
          us.map(([e]) => e),
          us.map(([, b]) => b),
        );
        us.forEach(([, bi], i) =>
          us.forEach(([, bj], j) => {
            if (bi < bj) expect(r.weights[i]!).toBeLessThanOrEqual(r.weights[j]! + 1e-15);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('barely changes the rate of a very large population, and moves small ones most of the way', () => {
    // Raw rates 0.1, 0.0067, 0, 0.043 on a few hundred children each, and 0.012 on ten million.
    const r = empiricalBayesDetails([40, 1, 0, 30, 120_000], [400, 150, 90, 700, 10_000_000]);
    expect(r.priorVariance).toBeGreaterThan(0);
    expect(r.weights[4]!).toBeGreaterThan(0.99);
    expect(Math.abs(r.rates[4]! - 0.012) / 0.012).toBeLessThan(1e-5);
    // The 0.1 of 400 children is mostly noise: it ends near the global rate (about 0.012).
    expect(r.weights[0]!).toBeLessThan(0.05);
    expect(r.rates[0]!).toBeLessThan(0.014);
    expect(r.weights[2]!).toBeLessThan(r.weights[1]!);
  });

  it('takes β as the population-weighted mean of the raw rates, and leaves equal rates alone', () => {
    fc.assert(
      fc.property(units, (us) => {
        const e = us.map(([ei]) => ei);
        const b = us.map(([, bi]) => bi);
        const r = empiricalBayesDetails(e, b);
        const weighted = b.reduce((s, bi, i) => s + bi * r.rawRates[i]!, 0) / b.reduce((s, bi) => s + bi, 0);
        expect(r.globalRate).toBeCloseTo(weighted, 12);
      }),
      { numRuns: 500 },
    );
    expect(empiricalBayes([1, 2, 10], [100, 200, 1000])).toEqual([0.01, 0.01, 0.01]);
  });

  it('is the same for any order of the units', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 1000 }), (us, seed) => {
        const order = us
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 61) - ((b * 7919 + seed) % 61) || a - b);
        const r = empiricalBayes(
          us.map(([e]) => e),
          us.map(([, b]) => b),
        );
        const shuffled = empiricalBayes(
          order.map((i) => us[i]![0]),
          order.map((i) => us[i]![1]),
        );
        order.forEach((i, k) =>
          expect(Math.abs(shuffled[k]! - r[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, r[i]!)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('empirical Bayes: input handling', () => {
  it('gives NaN for a unit with no rate and leaves it out of the estimates', () => {
    const full = empiricalBayesDetails([2, 30, 10], [100, 200, 1000]);
    const gappy = empiricalBayesDetails([2, NaN, 30, 5, 10], [100, 50, 200, 0, 1000]);
    expect(gappy.used).toBe(3);
    expect(gappy.rates[1]).toBeNaN();
    expect(gappy.rates[3]).toBeNaN();
    expect(gappy.weights[3]).toBeNaN();
    expect([gappy.rates[0], gappy.rates[2], gappy.rates[4]]).toEqual(full.rates);
    expect(gappy.globalRate).toBe(full.globalRate);
  });

  it('smooths everything to 0 when there are no events, and handles no usable unit', () => {
    const none = empiricalBayesDetails([0, 0, 0], [10, 200, 3000]);
    expect(none.rates).toEqual([0, 0, 0]);
    expect(none.priorVariance).toBe(0);
    const empty = empiricalBayesDetails([], []);
    expect(empty.rates).toEqual([]);
    expect(empty.globalRate).toBeNaN();
    expect(empiricalBayes([NaN], [100])).toEqual([NaN]);
  });

  it('gives a single unit its own rate', () => {
    expect(empiricalBayes([3], [40])).toEqual([3 / 40]);
  });

  it('rejects mismatched lengths and negative counts or populations', () => {
    expect(() => empiricalBayes([1, 2], [10])).toThrow(SmoothingInputError);
    expect(() => empiricalBayes([1, 2], [10])).toThrow(/2 event counts but 1 populations/);
    expect(() => empiricalBayes([1, -2], [10, 10])).toThrow(/Unit 1 has a negative event count \(-2\)/);
    expect(() => empiricalBayes([1, 2], [10, -10])).toThrow(/Unit 1 has a negative population \(-10\)/);
  });
});
