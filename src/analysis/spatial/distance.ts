/**
 * Distance-based weights for point data (schools, health posts, municipality centroids): k nearest
 * neighbours and fixed distance bands. Both are binary (every link weighs 1).
 *
 * An O(n²) scan over typed arrays is used rather than a spatial index: for the ~1,500 points we handle it is
 * 2.25 million cheap comparisons (a few tens of milliseconds), exact, and has no tie-order subtleties.
 */

import { weightsFromNeighbours, type SpatialWeights } from './weights';

/** A point as [longitude, latitude] in degrees (GeoJSON order), or [x, y] for the Euclidean metric. */
export type PointCoordinates = readonly [number, number];

/** Great-circle distance on a sphere (haversine) in km, or plain Euclidean distance in coordinate units. */
export type DistanceMetric = 'haversine' | 'euclidean';

/** Options shared by the distance-based builders. */
export interface DistanceOptions {
  /** Defaults to 'haversine'; use 'euclidean' for projected coordinates (or to replicate planar examples). */
  readonly metric?: DistanceMetric;
}

/** Mean Earth radius (IUGG R1, km); the spherical model is off by at most ~0.5 % against the ellipsoid. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two [lon, lat] points (haversine formula: stable at short range). */
export function haversineKm(a: PointCoordinates, b: PointCoordinates): number {
  const s1 = Math.sin(((b[1] - a[1]) * RAD) / 2);
  const s2 = Math.sin(((b[0] - a[0]) * RAD) / 2);
  const h = s1 * s1 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Returns a function giving a quantity that increases with distance between points i and j: the haversine
 * term h (distance = 2R·asin(√h)) or the squared Euclidean distance. Ranking on it saves an asin and a
 * square root per pair.
 */
function distanceProxy(
  points: readonly PointCoordinates[],
  metric: DistanceMetric,
): (i: number, j: number) => number {
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cosLat = new Float64Array(n);
  points.forEach((p, i) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      throw new RangeError(`Distance weights: point ${i} is not finite`);
    if (metric === 'haversine' && Math.abs(p[1]) > 90)
      throw new RangeError(`Distance weights: latitude of point ${i} out of range`);
    xs[i] = metric === 'haversine' ? p[0] * RAD : p[0];
    ys[i] = metric === 'haversine' ? p[1] * RAD : p[1];
    cosLat[i] = Math.cos(ys[i]!);
  });
  if (metric === 'euclidean') {
    return (i, j) => (xs[i]! - xs[j]!) ** 2 + (ys[i]! - ys[j]!) ** 2;
  }
  return (i, j) => {
    const s1 = Math.sin((ys[j]! - ys[i]!) / 2);
    const s2 = Math.sin((xs[j]! - xs[i]!) / 2);
    return s1 * s1 + cosLat[i]! * cosLat[j]! * s2 * s2;
  };
}

function checkIds(points: readonly PointCoordinates[], ids: readonly string[]): void {
  if (points.length !== ids.length) throw new RangeError('Distance weights: one id per point is required');
}

/**
 * k-nearest-neighbour weights: each unit's neighbours are the k other points closest to it. Equal distances
 * are broken by the lower point index, so the result never depends on floating-point luck in the sort. The
 * relation is not symmetric (see `symmetrise` in weights.ts).
 *
 * @param points coordinates, [lon, lat] in degrees for the default haversine metric.
 * @param ids unit ids, parallel to `points`.
 * @param k number of neighbours, an integer in [1, n − 1].
 */
export function knnWeights(
  points: readonly PointCoordinates[],
  ids: readonly string[],
  k: number,
  options: DistanceOptions = {},
): SpatialWeights {
  checkIds(points, ids);
  const n = points.length;
  if (!Number.isInteger(k) || k < 1 || k >= n)
    throw new RangeError(`knnWeights: k must be an integer in [1, ${n - 1}]`);
  const proxy = distanceProxy(points, options.metric ?? 'haversine');
  const bestD = new Float64Array(k);
  const bestJ = new Int32Array(k);
  const neighbours: number[][] = [];
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = proxy(i, j);
      // Full buffer: only a strictly closer point gets in (a tie with the worst kept one has a higher index).
      if (count === k && !(d < bestD[k - 1]!)) continue;
      // Insertion into the small sorted buffer; strict ">" keeps earlier (lower-index) points ahead on ties.
      let pos = count < k ? count++ : k - 1;
      while (pos > 0 && bestD[pos - 1]! > d) {
        bestD[pos] = bestD[pos - 1]!;
        bestJ[pos] = bestJ[pos - 1]!;
        pos--;
      }
      bestD[pos] = d;
      bestJ[pos] = j;
    }
    neighbours.push(Array.from(bestJ));
  }
  return weightsFromNeighbours(ids, neighbours);
}

/**
 * Distance-band weights: i and j are neighbours when their distance is at most `threshold` (inclusive, as
 * PySAL's DistanceBand and spdep's dnearneigh). Symmetric by construction; points with nobody in range are
 * islands.
 *
 * @param threshold km for the haversine metric, coordinate units for the Euclidean one; must be ≥ 0.
 */
export function distanceBandWeights(
  points: readonly PointCoordinates[],
  ids: readonly string[],
  threshold: number,
  options: DistanceOptions = {},
): SpatialWeights {
  checkIds(points, ids);
  if (!(threshold >= 0)) throw new RangeError('distanceBandWeights: threshold must be a number ≥ 0');
  const metric = options.metric ?? 'haversine';
  const proxy = distanceProxy(points, metric);
  const toDistance =
    metric === 'haversine'
      ? (h: number) => 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
      : (d2: number) => Math.sqrt(d2);
  const neighbours: number[][] = points.map(() => []);
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (toDistance(proxy(i, j)) <= threshold) {
        neighbours[i]!.push(j);
        neighbours[j]!.push(i);
      }
    }
  }
  return weightsFromNeighbours(ids, neighbours);
}
