/**
 * The classBreaks() API: its contract for every method, the threshold convention, each method's edge
 * cases, and the errors and warnings of manual breaks. Published reference numbers are in
 * classify-published.test.ts, Fisher–Jenks optimality in classify-fisher.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASS_METHODS,
  ClassificationError,
  ManualBreaksError,
  classBreaks,
  classIndex,
  classSummary,
  linearQuantileSorted,
  nextDown,
  nextUp,
  quantileBreaks,
  stddevMultiples,
  thresholdsFromUpperBounds,
  upperBoundsFromThresholds,
  validateManualBreaks,
  type ClassMethod,
} from '../src/analysis/classify';

const counts = (values: readonly number[], breaks: readonly number[]): number[] =>
  classSummary(values, breaks).map((c) => c.count);

describe('nextUp / nextDown: exact conversion between upper bounds and thresholds', () => {
  it('steps to the adjacent double, with nothing in between', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const up = nextUp(x);
        expect(up).toBeGreaterThan(x);
        const mid = x / 2 + up / 2;
        expect(mid === x || mid === up).toBe(true);
        expect(nextDown(up)).toBe(x === 0 ? 0 : x); // -0 comes back as +0
        expect(nextDown(x)).toBeLessThan(x);
      }),
      { numRuns: 5000 },
    );
  });

  it('handles zero, the ends of the range, infinities and NaN', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextUp(NaN)).toBeNaN();
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(75.29)).toBe(75.29000000000002);
    expect(String(nextUp(75.29).toFixed(2))).toBe('75.29');
  });

  it('makes classIndex put a value equal to an upper bound in the class below, and anything above it above', () => {
    fc.assert(
      fc.property(
        // Unique as numbers: 0 and -0 are one bound (upper bounds are strictly increasing).
        fc.uniqueArray(fc.double({ min: -1e9, max: 1e9, noNaN: true }), {
          minLength: 1,
          maxLength: 8,
          selector: (x) => x + 0,
        }),
        fc.double({ min: -2e9, max: 2e9, noNaN: true }),
        (raw, v) => {
          const upper = [...raw].sort((a, b) => a - b);
          // mapclassify's find_bin: the number of bounds strictly below v (np.searchsorted(bins, v, 'left')).
          const expected = upper.filter((u) => u < v).length;
          expect(classIndex(thresholdsFromUpperBounds(upper), v)).toBe(expected);
          upper.forEach((u, i) => expect(classIndex(thresholdsFromUpperBounds(upper), u)).toBe(i));
          expect(upperBoundsFromThresholds(thresholdsFromUpperBounds(upper))).toEqual(
            upper.map((u) => u + 0),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('classBreaks: the contract every method keeps', () => {
  const dataMethods = CLASS_METHODS.filter((m): m is Exclude<ClassMethod, 'manual'> => m !== 'manual');

  it('returns strictly increasing thresholds, at most classes - 1, and every value lands in a class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.integer({ min: -5, max: 5 })), {
          maxLength: 80,
        }),
        fc.constantFrom(...dataMethods),
        fc.integer({ min: 3, max: 9 }),
        fc.boolean(),
        (values, method, k, upperQuantiles) => {
          const breaks = classBreaks(values, method, k, upperQuantiles ? { quantile: 'upper-bound' } : {});
          expect(breaks.length).toBeLessThanOrEqual(k - 1);
          for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
          for (const b of breaks) expect(Number.isFinite(b)).toBe(true);
          for (const v of values)
            if (Number.isFinite(v)) expect(classIndex(breaks, v)).toBeLessThanOrEqual(breaks.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('returns one class for empty input, all-NaN/Infinity input and all-equal values', () => {
    for (const method of dataMethods) {
      expect(classBreaks([], method, 5)).toEqual([]);
      expect(classBreaks([NaN, Infinity, -Infinity], method, 5)).toEqual([]);
      expect(classBreaks([4, 4, 4, 4, NaN], method, 5)).toEqual([]);
    }
  });

  it('ignores NaN and ±Infinity', () => {
    const clean = [1, 2, 3, 5, 8, 13, 21, 34];
    const dirty = [NaN, ...clean.slice(0, 4), Infinity, ...clean.slice(4), -Infinity];
    for (const method of dataMethods)
      expect(classBreaks(dirty, method, 4)).toEqual(classBreaks(clean, method, 4));
  });

  it('keeps fixed positions for equal intervals (a class may be empty) but never for Fisher–Jenks', () => {
    const values = [1, 1, 1, 2, 100];
    expect(counts(values, classBreaks(values, 'equal', 5))).toEqual([4, 0, 0, 0, 1]);
    expect(counts(values, classBreaks(values, 'fisher', 5))).toEqual([3, 1, 1]);
  });

  it('rejects a class count outside 3..9 and an unknown method with a ClassificationError', () => {
    for (const k of [2, 10, 3.5, NaN, -1]) {
      expect(() => classBreaks([1, 2, 3], 'quantile', k)).toThrow(ClassificationError);
      try {
        classBreaks([1, 2, 3], 'equal', k);
      } catch (e) {
        expect((e as ClassificationError).code).toBe('invalid-classes');
        expect((e as Error).message).toContain(String(k));
      }
    }
    expect(() => classBreaks([1, 2, 3], 'jenks' as ClassMethod, 5)).toThrow(
      /Unknown classification method "jenks"/,
    );
  });
});

describe('quantile', () => {
  it('is unchanged: classBreaks(…, "quantile") is quantileBreaks()', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true })),
        fc.integer({ min: 3, max: 9 }),
        (vs, k) => {
          expect(classBreaks(vs, 'quantile', k)).toEqual(quantileBreaks(vs, k));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('interpolates linearly at h = (n - 1)p, as numpy and mapclassify do', () => {
    expect(linearQuantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(linearQuantileSorted([0, 10], 0.2)).toBe(2);
    expect(linearQuantileSorted([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.5)).toBe(9);
    expect(linearQuantileSorted([5], 0.7)).toBe(5);
    expect(linearQuantileSorted([1, 2, 3], 1)).toBe(3);
  });

  it('differs from mapclassify only in where a value equal to a quantile goes (61 values, 5 classes)', () => {
    // (61 - 1)·j/5 is whole, so every quantile is one of the values.
    const values = Array.from({ length: 61 }, (_, i) => i);
    const ours = classBreaks(values, 'quantile', 5);
    const mapclassify = classBreaks(values, 'quantile', 5, { quantile: 'upper-bound' });
    expect(ours).toEqual([12, 24, 36, 48]);
    expect(upperBoundsFromThresholds(mapclassify)).toEqual([12, 24, 36, 48]);
    expect(counts(values, ours)).toEqual([12, 12, 12, 12, 13]);
    expect(counts(values, mapclassify)).toEqual([13, 12, 12, 12, 12]);
  });

  it('merges repeated quantiles, and with very few values can leave inner classes empty', () => {
    expect(
      counts([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], classBreaks([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], 'quantile', 5)),
    ).toEqual([8, 2]);
    expect(classBreaks([0, 10], 'quantile', 5)).toEqual([2, 4, 6, 8]);
    expect(counts([0, 10], classBreaks([0, 10], 'quantile', 5))).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('equal intervals', () => {
  it('puts bounds every (max - min)/k and a value on a bound in the class below (as GIS tools do)', () => {
    const values = Array.from({ length: 11 }, (_, i) => i); // 0..10
    const breaks = classBreaks(values, 'equal', 5);
    expect(upperBoundsFromThresholds(breaks)).toEqual([2, 4, 6, 8]);
    expect(values.map((v) => classIndex(breaks, v))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(classIndex(breaks, 2.000001)).toBe(1);
  });

  it('works for negative and tiny ranges', () => {
    expect(upperBoundsFromThresholds(classBreaks([-10, 5], 'equal', 3))).toEqual([-5, 0]);
    const tiny = [0.001, 0.0011, 0.0012, 0.0013];
    const breaks = classBreaks(tiny, 'equal', 3);
    expect(breaks).toHaveLength(2);
    expect(counts(tiny, breaks).reduce((s, c) => s + c, 0)).toBe(4);
  });
});

describe('standard deviation', () => {
  it('lays out 1σ-wide classes by class count: centred on the mean for odd k, breaking at it for even k', () => {
    expect(stddevMultiples(3)).toEqual([-0.5, 0.5]);
    expect(stddevMultiples(4)).toEqual([-1, 0, 1]);
    expect(stddevMultiples(5)).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(stddevMultiples(6)).toEqual([-2, -1, 0, 1, 2]);
    expect(stddevMultiples(7)).toEqual([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
    expect(stddevMultiples(8)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(stddevMultiples(9)).toEqual([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5]);
  });

  it('uses the mean and the sample standard deviation (n - 1)', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, sample sd sqrt(32/7)
    const sd = Math.sqrt(32 / 7);
    const bounds = upperBoundsFromThresholds(classBreaks(values, 'stddev', 3));
    expect(bounds[0]).toBeCloseTo(5 - 0.5 * sd, 12);
    expect(bounds[1]).toBeCloseTo(5 + 0.5 * sd, 12);
    const even = upperBoundsFromThresholds(classBreaks(values, 'stddev', 4));
    expect(even[1]).toBe(5);
  });

  it('keeps bounds beyond the data (a class means a distance from the mean), and needs two distinct values', () => {
    const breaks = classBreaks([0, 0, 0, 0, 0, 0, 0, 0, 0, 100], 'stddev', 9);
    expect(breaks).toHaveLength(8);
    expect(breaks[0]!).toBeLessThan(0);
    expect(classBreaks([5], 'stddev', 5)).toEqual([]);
    expect(classBreaks([5, 5], 'stddev', 5)).toEqual([]);
  });

  it('takes explicit multiples, checked against the class count', () => {
    expect(() => classBreaks([1, 2, 3], 'stddev', 5, { stddevMultiples: [-1, 1] })).toThrow(
      /2 standard-deviation multiples make 3 classes, not the 5 asked for/,
    );
    expect(() => classBreaks([1, 2, 3], 'stddev', 3, { stddevMultiples: [1, -1] })).toThrow(
      ClassificationError,
    );
    expect(() => classBreaks([1, 2, 3], 'stddev', 3, { stddevMultiples: [-1, NaN] })).toThrow(
      /multiple 2 is NaN/,
    );
  });
});

describe('manual breaks', () => {
  it('reads the breaks as class upper bounds: a value equal to a break belongs to the class below', () => {
    const breaks = classBreaks([3, 10, 12, 25], 'manual', 3, { manual: [10, 20] });
    expect(upperBoundsFromThresholds(breaks)).toEqual([10, 20]);
    expect([3, 10, 10.0001, 20, 25].map((v) => classIndex(breaks, v))).toEqual([0, 0, 1, 1, 2]);
    // Manual breaks do not depend on the data.
    expect(classBreaks([], 'manual', 3, { manual: [10, 20] })).toEqual(breaks);
  });

  it('throws a ManualBreaksError naming the problem', () => {
    const cases: [readonly number[] | undefined, number, string, RegExp, number | null][] = [
      [undefined, 5, 'no-breaks', /at least one break/, null],
      [[], 5, 'no-breaks', /at least one break/, null],
      [
        [1, 2, 3, 4, 5],
        5,
        'too-many-breaks',
        /5 manual breaks make 6 classes, more than the 5 asked for/,
        null,
      ],
      [[1, NaN, 3], 5, 'non-finite-break', /Manual break 2 is NaN/, 1],
      [[1, Infinity], 5, 'non-finite-break', /Manual break 2 is Infinity/, 1],
      [[1, 5, 5], 5, 'duplicate-break', /Manual breaks 2 and 3 are both 5/, 2],
      [[1, 30, 20], 5, 'unsorted-breaks', /break 3 \(20\) is below break 2 \(30\)/, 2],
    ];
    for (const [manual, k, code, message, index] of cases) {
      let thrown: unknown;
      try {
        classBreaks([1, 2, 3], 'manual', k, manual ? { manual } : {});
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ManualBreaksError);
      expect(thrown).toBeInstanceOf(ClassificationError);
      expect(thrown).toBeInstanceOf(Error);
      const err = thrown as ManualBreaksError;
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.index).toBe(index);
      expect(err.name).toBe('ManualBreaksError');
    }
  });

  it('warns, without failing, about breaks outside the data range and empty classes', () => {
    const values = [5, 6, 7, 30, 31, NaN];
    expect(validateManualBreaks([10, 20], values)).toEqual([
      { code: 'empty-class', index: 1, message: 'No value lies above 10 and at most 20.' },
    ]);
    const warnings = validateManualBreaks([1, 10, 40], values);
    expect(warnings.map((w) => [w.code, w.index])).toEqual([
      ['below-range', 0],
      ['above-range', 2],
    ]);
    expect(warnings[0]!.message).toBe('Break 1 (1) is below the smallest value (5).');
    expect(validateManualBreaks([31], values).map((w) => w.code)).toEqual(['above-range']);
    // A break at the minimum is fine: its class holds the minimum.
    expect(validateManualBreaks([5, 10], values)).toEqual([]);
    expect(validateManualBreaks([10, 20], [])).toEqual([]);
  });
});

describe('classSummary', () => {
  it('counts each class and reports its observed range, null when empty', () => {
    expect(classSummary([1, 5, 2, NaN, 9], thresholdsFromUpperBounds([2, 3, 6]))).toEqual([
      { count: 2, min: 1, max: 2 },
      { count: 0, min: null, max: null },
      { count: 1, min: 5, max: 5 },
      { count: 1, min: 9, max: 9 },
    ]);
  });
});
