/**
 * Published reference results, matched number for number.
 *
 * mapclassify (PySAL), on its 58-county California employment-density example (fixture calemp.json):
 *   README.md, mapclassify/tests/test_mapclassify.py and the classifiers.py docstrings publish
 *   Quantiles(k=5), EqualInterval(k=5), FisherJenks(k=5), StdMean() and StdMean(multiples=[-3,-1.5,1.5,3]),
 *   the class counts, FisherJenks' adcm, and TestFindBin (which class arbitrary numbers fall in, k = 5 and 9).
 *   riatelab/statsbreaks publishes the same quantile, equal and jenks breaks on the same series (2 decimals).
 * mapclassify docstrings: quantile() on 0..999, quantile() with heavy ties, NaturalBreaks with fewer
 *   distinct values than classes.
 * jenkspy (mthh): README JenksNaturalBreaks on 0..11, and tests/test_jenks.py data2 (fixture jenkspy-data2.json).
 *
 * mapclassify reports class upper bounds closed above (`bins`, the last being the maximum); ours are
 * lower-closed thresholds, and upperBoundsFromThresholds() converts back exactly (see classify-bounds.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classIndex,
  classSummary,
  fisherJenks,
  quantileBreaks,
  upperBoundsFromThresholds,
} from '../src/analysis/classify';

interface Fixture {
  values: number[];
  labels?: number[];
}
const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`./fixtures/classify/${name}`, import.meta.url), 'utf8')) as Fixture;

const calemp = fixture('calemp.json').values;
const counts = (values: readonly number[], breaks: readonly number[]): number[] =>
  classSummary(values, breaks).map((c) => c.count);
/** mapclassify's `bins` for our thresholds: the inner upper bounds plus the maximum. */
const bins = (breaks: readonly number[], values: readonly number[]): number[] => [
  ...upperBoundsFromThresholds(breaks),
  Math.max(...values),
];
const expectClose = (actual: readonly number[], expected: readonly number[], digits = 6): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, digits));
};

describe('the calemp fixture is mapclassify.load_example()', () => {
  it('has the published size, range, mean and standard deviation', () => {
    expect(calemp).toHaveLength(58);
    expect(Math.min(...calemp)).toBe(0.13);
    expect(Math.max(...calemp)).toBe(4111.45);
    const mean = calemp.reduce((s, v) => s + v, 0) / calemp.length;
    expect(mean).toBeCloseTo(125.92810344827588, 12); // README: y.mean()
    const sd = Math.sqrt(calemp.reduce((s, v) => s + (v - mean) ** 2, 0) / (calemp.length - 1));
    expect(sd).toBeCloseTo(546.6452286365233, 9); // StdMean docstring: cal.std()
  });

  it('puts every county where the README BoxPlot does (bp.yb), so the order is right too', () => {
    const bpBins = [-52.87625, 2.5675, 9.365, 39.53, 94.97375, 4111.45]; // bp.bins, closed above
    // prettier-ignore
    const yb = [5, 1, 2, 3, 2, 1, 5, 1, 3, 3, 1, 2, 2, 1, 2, 2, 2, 1, 5, 2, 4, 1, 2, 2, 1, 1, 3, 3, 3, 5, 3, 1, 3,
      5, 2, 3, 5, 5, 4, 3, 5, 3, 5, 4, 2, 1, 1, 4, 4, 3, 3, 1, 1, 2, 1, 4, 3, 2];
    expect(calemp.map((v) => bpBins.findIndex((b) => v <= b))).toEqual(yb);
  });
});

describe('mapclassify on calemp', () => {
  it('Quantiles(k=5): bins [1.464, 5.798, 13.278, 54.616, 4111.45], counts [12, 11, 12, 11, 12]', () => {
    for (const breaks of [
      classBreaks(calemp, 'quantile', 5, { quantile: 'upper-bound' }),
      classBreaks(calemp, 'quantile', 5),
      quantileBreaks(calemp, 5),
    ]) {
      expectClose(bins(breaks, calemp), [1.464, 5.798, 13.278, 54.616, 4111.45]);
      expect(counts(calemp, breaks)).toEqual([12, 11, 12, 11, 12]);
    }
  });

  it('EqualInterval(k=5): bins [822.394, 1644.658, 2466.922, 3289.186, 4111.45], counts [57, 0, 0, 0, 1]', () => {
    const breaks = classBreaks(calemp, 'equal', 5);
    expectClose(bins(breaks, calemp), [822.394, 1644.658, 2466.922, 3289.186, 4111.45], 9);
    expect(counts(calemp, breaks)).toEqual([57, 0, 0, 0, 1]);
  });

  it('FisherJenks(k=5): bins [75.29, 192.05, 370.5, 722.85, 4111.45], counts [49, 3, 4, 1, 1], adcm 799.24', () => {
    const breaks = classBreaks(calemp, 'fisher', 5);
    // Class maxima are data values, so they come back exactly, not just closely.
    expect(bins(breaks, calemp)).toEqual([75.29, 192.05, 370.5, 722.85, 4111.45]);
    expect(counts(calemp, breaks)).toEqual([49, 3, 4, 1, 1]);
    // adcm: absolute deviations around the class medians (mapclassify.MapClassifier.get_adcm).
    const classes = Array.from({ length: 5 }, (_, c) => calemp.filter((v) => classIndex(breaks, v) === c));
    const median = (xs: number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      const m = Math.floor(s.length / 2);
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
    };
    const adcm = classes.reduce((sum, xs) => sum + xs.reduce((s, v) => s + Math.abs(v - median(xs)), 0), 0);
    expect(adcm).toBeCloseTo(799.24, 9);
  });

  it('FisherJenks find_bin (TestFindBin): arbitrary numbers land in the published classes for k = 5 and 9', () => {
    const toClass = [0, 1, 3, 5, 50, 70, 101, 202, 390, 505, 800, 5000, 5001];
    const k5 = classBreaks(calemp, 'fisher', 5);
    expect(toClass.map((v) => classIndex(k5, v))).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 4, 4, 4]);
    const k9 = classBreaks(calemp, 'fisher', 9);
    expect(toClass.map((v) => classIndex(k9, v))).toEqual([0, 0, 0, 0, 2, 2, 3, 5, 7, 7, 8, 8, 8]);
    // 101 lies between the class maximum 75.29 and the next class's minimum 110.74: mapclassify puts it
    // above, which only the nextUp(upper bound) threshold reproduces (a threshold at 110.74 would not).
    expect(classIndex(k5, 75.29)).toBe(0);
    expect(classIndex(k5, 75.29 + 1e-9)).toBe(1);
  });

  it('StdMean(): bins [-967.36235382, -420.71712519, 672.57333208, 1219.21856072, 4111.45], counts [0, 0, 56, 1, 1]', () => {
    const breaks = classBreaks(calemp, 'stddev', 5, { stddevMultiples: [-2, -1, 1, 2] });
    expectClose(
      bins(breaks, calemp),
      [-967.36235382, -420.71712519, 672.57333208, 1219.21856072, 4111.45],
      7,
    );
    expect(counts(calemp, breaks)).toEqual([0, 0, 56, 1, 1]);
  });

  it('StdMean(multiples=[-3, -1.5, 1.5, 3]): bins [-1514.00758246, -694.03973951, 945.8959464, 1765.86378936], counts [0, 0, 57, 0, 1]', () => {
    const breaks = classBreaks(calemp, 'stddev', 5, { stddevMultiples: [-3, -1.5, 1.5, 3] });
    expectClose(
      upperBoundsFromThresholds(breaks),
      [-1514.00758246, -694.03973951, 945.8959464, 1765.86378936],
      7,
    );
    expect(counts(calemp, breaks)).toEqual([0, 0, 57, 0, 1]);
  });

  it('statsbreaks (riatelab) publishes the same breaks rounded to 2 decimals', () => {
    const round2 = (xs: number[]): number[] => xs.map((x) => Math.round(x * 100) / 100);
    const withMin = (breaks: number[]): number[] => round2([0.13, ...bins(breaks, calemp)]);
    expect(withMin(classBreaks(calemp, 'quantile', 5))).toEqual([0.13, 1.46, 5.8, 13.28, 54.62, 4111.45]);
    expect(withMin(classBreaks(calemp, 'equal', 5))).toEqual([
      0.13, 822.39, 1644.66, 2466.92, 3289.19, 4111.45,
    ]);
    expect(withMin(classBreaks(calemp, 'fisher', 5))).toEqual([0.13, 75.29, 192.05, 370.5, 722.85, 4111.45]);
  });
});

describe('mapclassify docstring examples', () => {
  it('quantile(np.arange(1000)) = [249.75, 499.5, 749.25, 999] and k=3 gives [333, 666, 999]', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    expect(bins(classBreaks(x, 'quantile', 4, { quantile: 'upper-bound' }), x)).toEqual([
      249.75, 499.5, 749.25, 999,
    ]);
    expect(bins(classBreaks(x, 'quantile', 3, { quantile: 'upper-bound' }), x)).toEqual([333, 666, 999]);
    // The default keeps the same quantiles as lower-closed thresholds.
    expect(quantileBreaks(x, 4)).toEqual([249.75, 499.5, 749.25]);
  });

  it('quantile with ties ([1]*100 + [3]*40, k=4) collapses to bins [1, 3]', () => {
    const y = [...Array<number>(100).fill(1), ...Array<number>(40).fill(3)];
    const upper = classBreaks(y, 'quantile', 4, { quantile: 'upper-bound' });
    expect(bins(upper, y)).toEqual([1, 3]);
    expect(counts(y, upper)).toEqual([100, 40]);
    // The default drops the quantiles at the minimum instead, and makes the same two classes.
    expect(counts(y, classBreaks(y, 'quantile', 4))).toEqual([100, 40]);
  });

  it('NaturalBreaks with fewer distinct values than classes ([1]*49 + [20], k=5): bins [1, 20], counts [49, 1]', () => {
    const x = [...Array<number>(49).fill(1), 20];
    const breaks = classBreaks(x, 'fisher', 5);
    expect(bins(breaks, x)).toEqual([1, 20]);
    expect(counts(x, breaks)).toEqual([49, 1]);
  });
});

describe('jenkspy', () => {
  it('README: JenksNaturalBreaks(4) on 0..11 has breaks [0, 2, 5, 8, 11] and predicts [2.5, 3.5, 6.5] -> [1, 1, 2]', () => {
    const x = Array.from({ length: 12 }, (_, i) => i);
    const breaks = classBreaks(x, 'fisher', 4);
    expect([0, ...bins(breaks, x)]).toEqual([0, 2, 5, 8, 11]);
    expect(x.map((v) => classIndex(breaks, v))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect([2.5, 3.5, 6.5, 15].map((v) => classIndex(breaks, v))).toEqual([1, 1, 2, 3]);
  });

  it('tests/test_jenks.py data2: breaks [1, 416, 767, 1083, 1424] and the published label of each value', () => {
    const { values, labels } = fixture('jenkspy-data2.json');
    const result = fisherJenks(values, 4);
    expect([result.lowerBounds[0], ...result.upperBounds, Math.max(...values)]).toEqual([
      1, 416, 767, 1083, 1424,
    ]);
    const breaks = classBreaks(values, 'fisher', 4);
    expect(values.map((v) => classIndex(breaks, v))).toEqual(labels);
    expect([150, 700].map((v) => classIndex(breaks, v))).toEqual([0, 1]);
  });
});
