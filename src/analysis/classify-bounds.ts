/**
 * The bridge between the two ways class limits are written.
 *
 * This project classifies with lower-closed thresholds ({@link classIndex} in ./classify: class i holds
 * breaks[i-1] <= v < breaks[i]). GIS tools (mapclassify, ArcGIS, QGIS, jenkspy, statsbreaks) report the
 * upper bound of each class instead, closed above: class i holds bins[i-1] < v <= bins[i].
 *
 * The two are converted exactly, not approximately: an upper bound u becomes the threshold nextUp(u), the
 * smallest double greater than u. There is no double strictly between u and nextUp(u), so for every
 * number v, `v <= u` exactly when `v < nextUp(u)`: classIndex over the converted thresholds puts every
 * value, in the data or not, in the class mapclassify's `find_bin` would. A threshold prints as its upper
 * bound at any precision a legend uses (nextUp(75.29) = 75.29000000000002).
 */

const f64 = new Float64Array(1);
const bits = new BigInt64Array(f64.buffer);

/** The smallest double greater than x (x itself for NaN and +Infinity). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE; // +0 and -0 alike
  f64[0] = x;
  // For IEEE-754 doubles of one sign the bit pattern, read as an integer, is monotone in the magnitude.
  bits[0] = x > 0 ? bits[0]! + 1n : bits[0]! - 1n;
  return f64[0]!;
}

/** The largest double smaller than x (x itself for NaN and -Infinity). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * Lower-closed thresholds for {@link classIndex} from upper-closed class bounds (mapclassify `bins`
 * without the last one, which is the maximum). Expects strictly increasing bounds.
 */
export function thresholdsFromUpperBounds(upperBounds: readonly number[]): number[] {
  return upperBounds.map(nextUp);
}

/** The inverse of {@link thresholdsFromUpperBounds}: the upper bound each class is reported with. */
export function upperBoundsFromThresholds(thresholds: readonly number[]): number[] {
  return thresholds.map(nextDown);
}
