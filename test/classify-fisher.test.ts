/**
 * Fisher–Jenks is exactly optimal: on small inputs its classes have the least possible within-class sum of
 * squared deviations among all contiguous partitions (brute force, ties allowed to split), and on larger
 * ones it matches simple-statistics' ckmeans (Ckmeans.1d.dp, an exact 1-D k-means). The classes checked are
 * the ones classIndex() makes from the returned thresholds, so the threshold convention is tested end to end.
 */
import fc from 'fast-check';
import { ckmeans } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classIndex,
  fisherJenks,
  quantileBreaks,
  thresholdsFromUpperBounds,
  upperBoundsFromThresholds,
} from '../src/analysis/classify';

/** Sum of squared deviations from the mean, two-pass. */
function ssd(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  return xs.reduce((s, v) => s + (v - mean) ** 2, 0);
}

/** The objective of the classes classIndex() makes from `breaks`. */
function objective(values: readonly number[], breaks: readonly number[]): number {
  const classes = new Map<number, number[]>();
  for (const v of values) {
    const c = classIndex(breaks, v);
    classes.set(c, [...(classes.get(c) ?? []), v]);
  }
  return [...classes.values()].reduce((s, xs) => s + ssd(xs), 0);
}

/** Thresholds from fisherJenks() in classIndex's convention (what classBreaks returns, without its 3..9 limit). */
const thresholds = (values: readonly number[], k: number): number[] =>
  thresholdsFromUpperBounds(fisherJenks(values, k).upperBounds);

/**
 * The least objective over every partition of the sorted values into at most k contiguous, non-empty runs
 * (cut positions between any two neighbours, so equal values may be split).
 */
function bruteForce(values: readonly number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best = Infinity;
  const cuts: number[] = [];
  const visit = (from: number): void => {
    const bounds = [0, ...cuts, n];
    let total = 0;
    for (let i = 1; i < bounds.length; i++) total += ssd(sorted.slice(bounds[i - 1], bounds[i]));
    best = Math.min(best, total);
    if (cuts.length === k - 1) return;
    for (let c = from; c < n; c++) {
      cuts.push(c);
      visit(c + 1);
      cuts.pop();
    }
  };
  visit(1);
  return best;
}

/** 1e-9 relative to the total sum of squares (plus a hair for all-equal inputs, whose optimum is 0). */
const tolerance = (values: readonly number[]): number => 1e-9 * ssd(values) + 1e-12;

describe('Fisher–Jenks is the exact optimum', () => {
  it('matches brute force over all contiguous partitions (n <= 12, k <= 5, real values)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (values, k) => {
          const breaks = thresholds(values, k);
          expect(Math.abs(objective(values, breaks) - bruteForce(values, k))).toBeLessThanOrEqual(
            tolerance(values),
          );
          expect(Math.abs(fisherJenks(values, k).sse - bruteForce(values, k))).toBeLessThanOrEqual(
            tolerance(values),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('matches brute force with many ties (small integers), where splitting ties would be allowed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (values, k) => {
          const breaks = thresholds(values, k);
          expect(Math.abs(objective(values, breaks) - bruteForce(values, k))).toBeLessThanOrEqual(
            tolerance(values),
          );
          // One class per distinct value at most, none of them empty.
          const used = new Set(values.map((v) => classIndex(breaks, v)));
          expect(used.size).toBe(Math.min(k, new Set(values).size));
          expect(used.size).toBe(breaks.length + 1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('matches brute force on values spread over many magnitudes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.integer({ min: -3, max: 6 }), fc.integer({ min: 1, max: 999 }))
            .map(([e, m]) => m * 10 ** e),
          { minLength: 2, maxLength: 11 },
        ),
        fc.integer({ min: 2, max: 5 }),
        (values, k) => {
          expect(
            Math.abs(objective(values, thresholds(values, k)) - bruteForce(values, k)),
          ).toBeLessThanOrEqual(tolerance(values));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees with simple-statistics ckmeans (exact 1-D k-means) on larger inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 10, maxLength: 120 }),
        fc.integer({ min: 3, max: 9 }),
        (values, k) => {
          fc.pre(new Set(values).size >= k);
          const ours = objective(values, classBreaks(values, 'fisher', k));
          const theirs = ckmeans(values, k).reduce((s, cluster) => s + ssd(cluster), 0);
          expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(tolerance(values));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('classBreaks("fisher") returns exactly the nextUp of the class maxima', () => {
    fc.assert(
      fc.property(
        // `+ 0` turns -0 into +0: the two are equal values, and toBe/toEqual would tell them apart.
        fc.array(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
          { maxLength: 40 },
        ),
        fc.integer({ min: 3, max: 9 }),
        (values, k) => {
          const breaks = classBreaks(values, 'fisher', k);
          expect(breaks).toEqual(thresholds(values, k));
          expect(upperBoundsFromThresholds(breaks)).toEqual(fisherJenks(values, k).upperBounds);
          for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
          // Every upper bound is the largest value of its class.
          const classMax = new Map<number, number>();
          for (const v of values) {
            const c = classIndex(breaks, v);
            classMax.set(c, Math.max(classMax.get(c) ?? -Infinity, v));
          }
          upperBoundsFromThresholds(breaks).forEach((u, c) => expect(classMax.get(c)).toBe(u));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the brute force is a real check', () => {
  it('is never above any classification, and is strictly below a non-optimal one on many inputs', () => {
    let caught = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 8, maxLength: 12 }),
        (values) => {
          const quantile = objective(values, quantileBreaks(values, 3));
          const best = bruteForce(values, 3);
          expect(best).toBeLessThanOrEqual(quantile + tolerance(values));
          if (quantile > best + tolerance(values)) caught++;
        },
      ),
      { numRuns: 200, seed: 1 },
    );
    expect(caught).toBeGreaterThan(20);
    // A case by hand: {1, 2, 3, 10, 11, 12} in 2 classes is {1, 2, 3} | {10, 11, 12}, SSE 2 + 2.
    expect(bruteForce([1, 2, 3, 10, 11, 12], 2)).toBeCloseTo(4, 12);
    expect(bruteForce([1, 2, 3, 10, 11, 12], 1)).toBeCloseTo(ssd([1, 2, 3, 10, 11, 12]), 12);
  });
});

describe('Fisher–Jenks edge cases', () => {
  it('returns one class for empty, single-valued or all-equal input, and ignores NaN and Infinity', () => {
    expect(classBreaks([], 'fisher', 5)).toEqual([]);
    expect(classBreaks([NaN, Infinity, -Infinity], 'fisher', 5)).toEqual([]);
    expect(classBreaks([7], 'fisher', 5)).toEqual([]);
    expect(classBreaks([3, 3, 3, NaN], 'fisher', 5)).toEqual([]);
    expect(fisherJenks([3, 3, 3], 4)).toEqual({ upperBounds: [], lowerBounds: [3], counts: [3], sse: 0 });
    expect(classBreaks([1, 2, NaN, 10, Infinity, 11], 'fisher', 3)).toEqual(
      classBreaks([1, 2, 10, 11], 'fisher', 3),
    );
  });

  it('gives one class per distinct value when there are fewer distinct values than classes', () => {
    const r = fisherJenks([5, 1, 5, 9, 1, 1], 5);
    expect(r.upperBounds).toEqual([1, 5]);
    expect(r.lowerBounds).toEqual([1, 5, 9]);
    expect(r.counts).toEqual([3, 2, 1]);
    expect(r.sse).toBe(0);
  });

  it('never separates equal values, even when ckmeans would be free to', () => {
    const values = [0, 0, 0, 0, 1, 1, 1, 1];
    const breaks = classBreaks(values, 'fisher', 3);
    expect(new Set(values.filter((v) => v === 0).map((v) => classIndex(breaks, v))).size).toBe(1);
    expect(breaks).toHaveLength(1);
    // ckmeans, asked for more classes than distinct values, splits the 1s (why classify-fisher has its own DP).
    expect(ckmeans(values, 3)).toEqual([[0, 0, 0, 0], [1, 1, 1], [1]]);
  });

  it('handles zero as a class maximum (its threshold is the smallest positive double)', () => {
    const breaks = classBreaks([0, 0, 0, 5, 6, 20], 'fisher', 3);
    expect(breaks[0]).toBe(Number.MIN_VALUE);
    expect([0, 1e-300, 5].map((v) => classIndex(breaks, v))).toEqual([0, 1, 1]);
  });

  it('is fast enough for thousands of municipalities-sized values', () => {
    const values = Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 100 + i / 10);
    const t0 = performance.now();
    const r = fisherJenks(values, 9);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.counts.reduce((s, c) => s + c, 0)).toBe(2000);
    const theirs = ckmeans(values, 9).reduce((s, cluster) => s + ssd(cluster), 0);
    expect(Math.abs(r.sse - theirs)).toBeLessThanOrEqual(tolerance(values));
  });
});
