/**
 * Class breaks for a choropleth. Pure: no DOM, no engine; the map, the legend and the tests share them.
 *
 * ## The break convention (unchanged)
 * Every method returns inner thresholds for {@link classIndex}: strictly increasing, at most `classes - 1`
 * of them, and class i holds breaks[i-1] <= v < breaks[i] (the first class is open below, the last closed
 * above). The legend's `from`/`to` and the browser tests' "last row whose lower bound is at most the value"
 * rely on this, so it stays.
 *
 * ## How each method chooses its thresholds
 * - `quantile` (default): as before, {@link quantileBreaks}: each threshold is a quantile itself and a value
 *   equal to it goes to the upper class.
 * - `equal`, `fisher`, `stddev`, `manual`, and `quantile` with `{ quantile: 'upper-bound' }`: these are
 *   defined in mapclassify/ArcGIS as class *upper bounds* closed above (v <= bound goes to the lower class).
 *   Each bound u is returned as the threshold nextUp(u), the next double above u (see ./classify-bounds).
 *   That reproduces mapclassify's assignment for every number, so published bins compare one to one, and the
 *   threshold prints as the published bound (75.29000000000002 shows as 75.29).
 *   {@link upperBoundsFromThresholds} recovers the bounds exactly.
 */
import { nextUp } from './classify-bounds';
import { ClassificationError } from './classify-errors';
import { fisherJenks } from './classify-fisher';
import { validateManualBreaks } from './classify-manual';

export { ClassificationError, ManualBreaksError, type ClassificationErrorCode } from './classify-errors';
export { fisherJenks, type FisherJenksResult } from './classify-fisher';
export { validateManualBreaks, type ManualBreaksWarning } from './classify-manual';
export { nextDown, nextUp, thresholdsFromUpperBounds, upperBoundsFromThresholds } from './classify-bounds';

/** The classification methods the map offers. */
export type ClassMethod = 'quantile' | 'equal' | 'fisher' | 'stddev' | 'manual';

/** All methods, in the order a picker would list them. */
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'fisher', 'stddev', 'manual'];

/** Smallest and largest class counts {@link classBreaks} accepts (ColorBrewer's sequential range). */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/** Method-specific settings for {@link classBreaks}. */
export interface ClassBreaksOptions {
  /** `manual`: the class upper bounds, strictly increasing, at most `classes - 1` of them. */
  manual?: readonly number[];
  /**
   * `quantile`: where a value equal to a quantile goes. 'threshold' (default, as before): each quantile is
   * the lowest value of the class above it. 'upper-bound': each quantile is the largest value of the class
   * below it, as mapclassify `Quantiles` (and ArcGIS) assign them. The quantiles themselves are the same.
   */
  quantile?: 'threshold' | 'upper-bound';
  /**
   * `stddev`: the multiples of the standard deviation, added to the mean, that bound the classes (strictly
   * increasing, exactly `classes - 1` of them), e.g. mapclassify StdMean's default [-2, -1, 1, 2] with
   * classes = 5. Without it, classes one standard deviation wide are laid out as ArcGIS does (see
   * {@link stddevMultiples}).
   */
  stddevMultiples?: readonly number[];
}

/**
 * Quantile breaks: `classes - 1` inner thresholds so each class holds about the same number of values.
 * Class i holds values v with breaks[i-1] <= v < breaks[i] (the last class is closed above). Thresholds that
 * coincide (many equal values) are merged, so fewer classes may come back. Non-finite values are ignored.
 *
 * Interpolation: numpy's default and R's type 7, as mapclassify `Quantiles` (via scipy's
 * `scoreatpercentile`) and simple-statistics 7.12's `quantileSorted` compute it: the p-quantile of n
 * sorted values lies at h = (n - 1)·p, linearly between ranks floor(h) and floor(h) + 1 (see
 * {@link linearQuantileSorted}). On mapclassify's 58-county example this gives its published quantiles and
 * counts exactly. What differs from mapclassify is only where ties go: a value equal to a threshold goes up
 * here and down there (it matters when (n - 1)·j/k is a whole number, e.g. 61 values in 5 classes: counts
 * 12/12/12/12/13 here, 13/12/12/12/12 there), and repeated quantiles at the minimum are dropped here.
 * `classBreaks(values, 'quantile', k, { quantile: 'upper-bound' })` follows mapclassify instead. With very
 * few values, interpolated thresholds can leave an inner class empty (two values in five classes).
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = linearQuantileSorted(sorted, i / classes);
    if (b > sorted[0]! && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
  }
  return breaks;
}

/** Index of the class a value falls in, given inner thresholds from {@link classBreaks} or {@link quantileBreaks}. */
export function classIndex(breaks: readonly number[], value: number): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

/** Minimum and maximum of the finite values, or null when there are none. */
export function extent(values: readonly number[]): [number, number] | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return [Math.min(...finite), Math.max(...finite)];
}

/**
 * Inner thresholds for a choropleth of `values` in `classes` classes (3..9) by `method`; see the module
 * comment for the convention. Non-finite values are ignored. Data-driven methods return no thresholds (one
 * class) for empty input or when all values are equal, and fewer than `classes - 1` when the data cannot
 * fill them: Fisher–Jenks gives min(classes, distinct values) classes, none empty; quantile merges repeated
 * quantiles; `equal`, `stddev` and `manual` keep their fixed positions even where a class is empty (a
 * stddev or manual threshold may then lie outside the data range).
 *
 * @throws {ClassificationError} for a class count outside 3..9, an unknown method, bad stddev multiples, or
 *   (as {@link ManualBreaksError}) malformed manual breaks.
 */
export function classBreaks(
  values: readonly number[],
  method: ClassMethod,
  classes: number,
  options: ClassBreaksOptions = {},
): number[] {
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new ClassificationError(
      'invalid-classes',
      `The number of classes must be a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}, not ${classes}.`,
    );
  }
  const finite = values.filter(Number.isFinite);
  switch (method) {
    case 'quantile':
      return options.quantile === 'upper-bound'
        ? upperToThresholds(upperQuantileBounds(finite, classes))
        : quantileBreaks(finite, classes);
    case 'equal':
      return upperToThresholds(equalIntervalBounds(finite, classes));
    case 'fisher':
      return upperToThresholds(fisherJenks(finite, classes).upperBounds);
    case 'stddev':
      return upperToThresholds(stddevBounds(finite, classes, options.stddevMultiples));
    case 'manual': {
      const manual = options.manual ?? [];
      validateManualBreaks(manual, [], classes - 1);
      return upperToThresholds(manual);
    }
    default:
      throw new ClassificationError('unknown-method', `Unknown classification method "${String(method)}".`);
  }
}

/** Thresholds from strictly increasing upper bounds (drops any that rounding made non-increasing). */
function upperToThresholds(bounds: readonly number[]): number[] {
  const out: number[] = [];
  for (const b of bounds) {
    const t = nextUp(b);
    if (out.length === 0 || t > out[out.length - 1]!) out.push(t);
  }
  return out;
}

/**
 * The p-quantile (0 <= p <= 1) of sorted, non-empty values by numpy's default (R type 7) method: linear
 * between the order statistics around h = (n - 1)·p, computed as scipy's `scoreatpercentile` does
 * (a + (b - a)·fraction).
 */
export function linearQuantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  if (lo === h || lo >= sorted.length - 1) return sorted[Math.min(lo, sorted.length - 1)]!;
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

/**
 * mapclassify `Quantiles` upper bounds (without the maximum): the j/k quantiles, repeats merged, and
 * bounds at the maximum dropped (they would leave the top class empty).
 */
function upperQuantileBounds(finite: readonly number[], classes: number): number[] {
  const sorted = [...finite].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const max = sorted[sorted.length - 1]!;
  const bounds: number[] = [];
  for (let j = 1; j < classes; j++) {
    const q = linearQuantileSorted(sorted, j / classes);
    if (q < max && (bounds.length === 0 || q > bounds[bounds.length - 1]!)) bounds.push(q);
  }
  return bounds;
}

/** Equal intervals: upper bounds min + j·(max - min)/k, j = 1..k-1 (mapclassify `EqualInterval`). */
function equalIntervalBounds(finite: readonly number[], classes: number): number[] {
  const range = extent(finite);
  if (!range || range[0] === range[1]) return [];
  const [min, max] = range;
  const width = (max - min) / classes;
  const bounds: number[] = [];
  for (let j = 1; j < classes; j++) bounds.push(min + j * width);
  return bounds;
}

/**
 * Default standard-deviation multiples for k classes, each class one standard deviation wide and the
 * outer two open-ended, as ArcGIS's "Standard deviation" classification with a 1-σ interval lays them out:
 * - odd k: one class straddles the mean (mean ± 0.5σ), e.g. k = 5 → [-1.5, -0.5, 0.5, 1.5];
 * - even k: the mean is a break, e.g. k = 4 → [-1, 0, 1], k = 6 → [-2, -1, 0, 1, 2].
 * ArcGIS picks the number of classes from the data range; here `classes` picks it. mapclassify `StdMean`
 * instead defaults to [-2, -1, 1, 2] (a 2σ-wide middle class); pass `stddevMultiples` for that.
 */
export function stddevMultiples(classes: number): number[] {
  // k - 1 breaks 1σ apart, symmetric about the mean: (j - (k - 2)/2)σ for j = 0..k-2.
  return Array.from({ length: classes - 1 }, (_, j) => j - (classes - 2) / 2);
}

/**
 * Upper bounds mean + m·s for each multiple m, with s the sample standard deviation (n - 1 in the
 * denominator, as mapclassify `StdMean` and pandas use). Bounds outside the data range are kept: a class's
 * meaning ("more than 1.5σ below the mean") does not depend on whether any value falls in it.
 */
function stddevBounds(finite: readonly number[], classes: number, given?: readonly number[]): number[] {
  let multiples: readonly number[];
  if (given) {
    if (given.length !== classes - 1) {
      throw new ClassificationError(
        'invalid-multiples',
        `${given.length} standard-deviation multiples make ${given.length + 1} classes, not the ${classes} asked for.`,
      );
    }
    given.forEach((m, i) => {
      if (!Number.isFinite(m) || (i > 0 && m <= given[i - 1]!)) {
        throw new ClassificationError(
          'invalid-multiples',
          `Standard-deviation multiples must be finite and increasing; multiple ${i + 1} is ${m}.`,
        );
      }
    });
    multiples = given;
  } else multiples = stddevMultiples(classes);
  const n = finite.length;
  if (n < 2) return [];
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  const ss = finite.reduce((s, v) => s + (v - mean) ** 2, 0);
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) return [];
  return multiples.map((m) => mean + m * sd);
}

/** One class of a classified data set: how many values it holds, and the smallest and largest of them. */
export interface ClassSummary {
  count: number;
  /** Smallest value in the class, or null when it is empty. */
  min: number | null;
  /** Largest value in the class, or null when it is empty. */
  max: number | null;
}

/** Per-class counts and observed ranges (breaks.length + 1 classes); non-finite values are ignored. */
export function classSummary(values: readonly number[], breaks: readonly number[]): ClassSummary[] {
  const out: ClassSummary[] = Array.from({ length: breaks.length + 1 }, () => ({
    count: 0,
    min: null,
    max: null,
  }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const c = out[classIndex(breaks, v)]!;
    c.count++;
    c.min = c.min === null ? v : Math.min(c.min, v);
    c.max = c.max === null ? v : Math.max(c.max, v);
  }
  return out;
}
