/**
 * Sparse spatial weights: who is a neighbour of whom, and how much each neighbour counts.
 *
 * A dense n × n matrix would waste memory on zeros (a contiguity matrix for Albania's 61 municipalities is
 * 92 % zeros, a k-nearest-neighbour matrix for 1,500 schools 99.5 %), so weights are kept as neighbour lists.
 * The statistics modules compress them further into typed arrays ({@link compress}) for their inner loops.
 */

/**
 * Spatial weights in neighbour-list form. Invariants (enforced by {@link weightsFromNeighbours} and kept by
 * every builder and transform in this folder):
 * - `ids.length === neighbours.length === weights.length`; row `i` describes unit `ids[i]`;
 * - `neighbours[i]` holds indices into `ids`, strictly ascending, never `i` itself (no self-neighbours);
 * - `weights[i][t]` is the weight w(i, neighbours[i][t]), a finite number;
 * - a unit with an empty row is an island (see {@link islands}).
 */
export interface SpatialWeights {
  readonly ids: readonly string[];
  readonly neighbours: readonly (readonly number[])[];
  readonly weights: readonly (readonly number[])[];
}

/**
 * Compressed sparse row (CSR) form of {@link SpatialWeights}: the neighbours of unit i are
 * `indices[offsets[i] .. offsets[i + 1])` with weights `values[...]` at the same positions. Typed arrays keep
 * the permutation loops free of allocation and of pointer chasing.
 */
export interface CompressedWeights {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * Builds validated weights from explicit neighbour lists, e.g. a GAL file or a hand-written lattice.
 * Each row is sorted by neighbour index so that all weights share one canonical layout.
 *
 * @param ids unit identifiers, unique.
 * @param neighbours neighbours[i] lists indices of the neighbours of unit i.
 * @param weights optional weights parallel to `neighbours`; defaults to 1 for every link (binary weights).
 * @throws RangeError on duplicate ids, out-of-range or repeated neighbours, self-links or non-finite weights.
 */
export function weightsFromNeighbours(
  ids: readonly string[],
  neighbours: readonly (readonly number[])[],
  weights?: readonly (readonly number[])[],
): SpatialWeights {
  const n = ids.length;
  if (new Set(ids).size !== n) throw new RangeError('Spatial weights: unit ids must be unique');
  if (neighbours.length !== n) throw new RangeError('Spatial weights: one neighbour list per id is required');
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError('Spatial weights: one weight list per id is required');
  }
  const outNeighbours: number[][] = [];
  const outWeights: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = neighbours[i]!;
    const rowWeights = weights?.[i];
    if (rowWeights !== undefined && rowWeights.length !== row.length) {
      throw new RangeError(
        `Spatial weights: row ${ids[i]} has ${row.length} neighbours but ${rowWeights.length} weights`,
      );
    }
    const pairs = row.map((j, t) => [j, rowWeights?.[t] ?? 1] as const);
    pairs.sort((a, b) => a[0] - b[0]);
    for (let t = 0; t < pairs.length; t++) {
      const [j, w] = pairs[t]!;
      if (!Number.isInteger(j) || j < 0 || j >= n)
        throw new RangeError(`Spatial weights: bad neighbour index ${j}`);
      if (j === i) throw new RangeError(`Spatial weights: unit ${ids[i]} lists itself as a neighbour`);
      if (t > 0 && pairs[t - 1]![0] === j)
        throw new RangeError(`Spatial weights: unit ${ids[i]} repeats ${ids[j]}`);
      if (!Number.isFinite(w)) throw new RangeError(`Spatial weights: non-finite weight in row ${ids[i]}`);
    }
    outNeighbours.push(pairs.map((p) => p[0]));
    outWeights.push(pairs.map((p) => p[1]));
  }
  return { ids: [...ids], neighbours: outNeighbours, weights: outWeights };
}

/**
 * Row-standardises weights so that every non-empty row sums to 1 (PySAL transform "r", spdep style "W").
 * This makes the spatial lag a neighbourhood average. Islands stay empty: there is nothing to average.
 */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const weights = w.weights.map((row) => {
    const sum = row.reduce((acc, x) => acc + x, 0);
    return sum === 0 ? row.map(() => 0) : row.map((x) => x / sum);
  });
  return { ids: w.ids, neighbours: w.neighbours, weights };
}

/** Replaces every weight by 1 (PySAL transform "b", spdep style "B"), as Getis-Ord G* expects. */
export function binary(w: SpatialWeights): SpatialWeights {
  return { ids: w.ids, neighbours: w.neighbours, weights: w.weights.map((row) => row.map(() => 1)) };
}

/**
 * Lists the ids of units without neighbours (islands). Their spatial lag is 0 (like spdep's
 * zero.policy = TRUE), so local statistics carry no evidence for them and are reported as not
 * significant (p = 1).
 */
export function islands(w: SpatialWeights): string[] {
  return w.ids.filter((_, i) => w.neighbours[i]!.length === 0);
}

/**
 * Makes weights symmetric by link union: j becomes a neighbour of i if i was a neighbour of j or vice versa,
 * with weight max(w(i,j), w(j,i)) (a missing direction counts as 0). k-nearest-neighbour relations are not
 * mutual (a remote school's nearest neighbours need not count it among theirs); symmetrising them gives
 * "who is near whom" maps that read the same from both ends.
 */
export function symmetrise(w: SpatialWeights): SpatialWeights {
  const rows = w.ids.map(() => new Map<number, number>());
  const link = (a: number, b: number, x: number): void => {
    rows[a]!.set(b, Math.max(rows[a]!.get(b) ?? 0, x));
  };
  w.neighbours.forEach((row, i) =>
    row.forEach((j, t) => {
      link(i, j, w.weights[i]![t]!);
      link(j, i, w.weights[i]![t]!);
    }),
  );
  return weightsFromNeighbours(
    w.ids,
    rows.map((m) => [...m.keys()]),
    rows.map((m) => [...m.values()]),
  );
}

/** True when w(i,j) equals w(j,i) within `tolerance` for every pair (a missing link counts as weight 0). */
export function isSymmetric(w: SpatialWeights, tolerance = 0): boolean {
  const lookup = new Map<number, number>();
  const n = w.ids.length;
  w.neighbours.forEach((row, i) => row.forEach((j, t) => lookup.set(i * n + j, w.weights[i]![t]!)));
  for (const [key, x] of lookup) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    if (Math.abs(x - (lookup.get(j * n + i) ?? 0)) > tolerance) return false;
  }
  return true;
}

/** Converts weights to {@link CompressedWeights} for fast loops. */
export function compress(w: SpatialWeights): CompressedWeights {
  const n = w.ids.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + w.neighbours[i]!.length;
  const indices = new Int32Array(offsets[n]!);
  const values = new Float64Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    indices.set(w.neighbours[i]!, offsets[i]!);
    values.set(w.weights[i]!, offsets[i]!);
  }
  return { n, offsets, indices, values };
}

/**
 * Computes the spatial lag (Wx)_i = Σ_j w(i,j) x_j for every unit, summing neighbours in ascending
 * index order.
 */
export function spatialLag(w: CompressedWeights, x: ArrayLike<number>): Float64Array {
  const lag = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let t = w.offsets[i]!; t < w.offsets[i + 1]!; t++) s += w.values[t]! * x[w.indices[t]!]!;
    lag[i] = s;
  }
  return lag;
}
