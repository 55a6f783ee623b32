/**
 * Exact Fisher–Jenks optimal classification (Fisher 1958, "On grouping for maximum homogeneity"; Jenks 1977):
 * the partition of the sorted values into at most k contiguous classes with the least within-class sum of
 * squared deviations from the class means. That objective is exactly 1-D k-means, so the result is the
 * same optimum as Ckmeans.1d.dp (Wang & Song 2011) and simple-statistics' `ckmeans`; the tests check both
 * against brute force.
 *
 * Why not call `ckmeans` directly: it may split equal values across two classes (a boundary a threshold
 * cannot express), it throws when k exceeds the number of values, and it returns clusters rather than the
 * optimum's cost. This dynamic programme runs over the distinct values weighted by their multiplicity, so
 * equal values always share a class, and a class count above the number of distinct values simply gives one
 * class per distinct value (as mapclassify's NaturalBreaks does). Tie-splitting never lowers the cost
 * (reassigning a value to the nearer of two class means cannot raise it), so nothing is lost; the
 * brute-force tests, which do allow splits, confirm it.
 *
 * Cost: O(k·d²) time and O(k·d) memory for d distinct values: instant for 61 municipalities, a few hundred
 * milliseconds around d = 5,000.
 */

/** The optimum found by {@link fisherJenks}. */
export interface FisherJenksResult {
  /**
   * Upper bound (largest value) of every class but the last, as mapclassify `FisherJenks.bins` and
   * jenkspy report them (mapclassify appends the maximum as the last bin; this list does not).
   */
  upperBounds: number[];
  /** Smallest value of every class (the first is the minimum of the data). */
  lowerBounds: number[];
  /** Number of values in each class. */
  counts: number[];
  /** The minimised objective: the within-class sum of squared deviations from the class means. */
  sse: number;
}

/** Sorted finite values, and the distinct values with their multiplicities. */
function distinctSorted(values: readonly number[]): { unique: number[]; weight: number[]; n: number } {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const unique: number[] = [];
  const weight: number[] = [];
  for (const value of sorted) {
    const v = value + 0; // -0 and +0 are one value; report it as +0
    if (unique.length > 0 && unique[unique.length - 1] === v) weight[weight.length - 1]!++;
    else {
      unique.push(v);
      weight.push(1);
    }
  }
  return { unique, weight, n: sorted.length };
}

/**
 * Fisher–Jenks natural breaks: the exact optimum for at most `classes` classes. Non-finite values are
 * ignored. Returns no bounds for empty input, for one class, or when all values are equal.
 */
export function fisherJenks(values: readonly number[], classes: number): FisherJenksResult {
  const { unique: u, weight: w, n } = distinctSorted(values);
  const d = u.length;
  if (d === 0) return { upperBounds: [], lowerBounds: [], counts: [], sse: 0 };
  const k = Math.max(1, Math.min(Math.floor(classes), d));

  // cost[m][j]: least SSE of u[0..j] in m + 1 classes; start[m][j]: first index of the last of those classes.
  const cost: Float64Array[] = [];
  const start: Int32Array[] = [];
  for (let m = 0; m < k; m++) {
    cost.push(new Float64Array(d).fill(Infinity));
    start.push(new Int32Array(d));
  }
  // One class: weighted Welford over the prefix u[0..j].
  {
    let wSum = 0;
    let mean = 0;
    let m2 = 0;
    for (let j = 0; j < d; j++) {
      const x = u[j]!;
      const wx = w[j]!;
      wSum += wx;
      const delta = x - mean;
      mean += (delta * wx) / wSum;
      m2 += wx * delta * (x - mean);
      cost[0]![j] = m2;
    }
  }
  for (let m = 1; m < k; m++) {
    const prev = cost[m - 1]!;
    const row = cost[m]!;
    const from = start[m]!;
    // The last class of u[0..j] is u[i..j], m <= i <= j; grow it leftwards from i = j, updating its SSE in O(1).
    for (let j = m; j < d; j++) {
      let wSum = 0;
      let mean = 0;
      let m2 = 0;
      let best = Infinity;
      let bestI = j;
      for (let i = j; i >= m; i--) {
        const x = u[i]!;
        const wx = w[i]!;
        wSum += wx;
        const delta = x - mean;
        mean += (delta * wx) / wSum;
        m2 += wx * delta * (x - mean);
        const total = m2 + prev[i - 1]!;
        if (total < best) {
          best = total;
          bestI = i;
        }
      }
      row[j] = best;
      from[j] = bestI;
    }
  }

  // Backtrack the class starts.
  const starts = new Array<number>(k);
  let end = d - 1;
  for (let m = k - 1; m >= 1; m--) {
    const i = start[m]![end]!;
    starts[m] = i;
    end = i - 1;
  }
  starts[0] = 0;
  const upperBounds: number[] = [];
  const lowerBounds: number[] = [];
  const counts: number[] = [];
  for (let m = 0; m < k; m++) {
    const first = starts[m]!;
    const last = m + 1 < k ? starts[m + 1]! - 1 : d - 1;
    lowerBounds.push(u[first]!);
    if (m + 1 < k) upperBounds.push(u[last]!);
    let c = 0;
    for (let i = first; i <= last; i++) c += w[i]!;
    counts.push(c);
  }
  return { upperBounds, lowerBounds, counts, sse: n > 0 ? cost[k - 1]![d - 1]! : 0 };
}
