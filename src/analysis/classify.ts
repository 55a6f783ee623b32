/**
 * Class breaks for a choropleth. Pure: no DOM, no engine; the map, the legend and the tests share them.
 */
import { quantileSorted } from 'simple-statistics';

/**
 * Quantile breaks: `classes - 1` inner thresholds so each class holds about the same number of values.
 * Class i holds values v with breaks[i-1] <= v < breaks[i] (the last class is closed above). Thresholds that
 * coincide (many equal values) are merged, so fewer classes may come back. Non-finite values are ignored.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = quantileSorted(sorted, i / classes);
    if (b > sorted[0]! && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
  }
  return breaks;
}

/** Index of the class a value falls in, given inner thresholds from {@link quantileBreaks}. */
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
