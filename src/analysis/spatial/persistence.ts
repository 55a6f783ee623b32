/**
 * Hotspot persistence across years (after ArcGIS's Emerging Hot Spot Analysis, simplified to one location's
 * series of yearly Gi* results): is a municipality a new, consecutive, persistent, intensifying, diminishing,
 * sporadic or former (historical) hotspot? The trend in its yearly z-scores is tested with Mann-Kendall.
 */
import { twoSidedP } from './normal';

/** Persistence pattern of one unit's yearly hot-spot series. */
export type PersistenceClass =
  'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'historical' | 'none';

/** Every class in legend order. */
export const PERSISTENCE_CLASSES: readonly PersistenceClass[] = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'historical',
  'none',
];

/** Mann-Kendall trend test: S, its variance (with the tie correction), z (continuity-corrected), p. */
export interface MannKendall {
  readonly s: number;
  readonly variance: number;
  readonly z: number;
  readonly p: number;
}

/**
 * The Mann-Kendall test of a series (Mann 1945, Kendall 1975): S = Σ_{i<j} sign(x_j − x_i),
 * Var S = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 over groups of t tied values, z = (S − sign S)/√Var S.
 */
export function mannKendall(x: readonly number[]): MannKendall {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(x[j]! - x[i]!);
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: variance > 0 ? twoSidedP(z) : 1 };
}

/**
 * Classifies one unit from its yearly results in ascending year order: `hot[t]` is true when the unit was a
 * significant hot spot in year t, `z[t]` its Gi* z-score.
 * - none: never hot; historical: hot before but not in the last year;
 * - new: hot in the last year only;
 * - intensifying / persistent / diminishing: hot in at least 90 % of the years including the last, with z
 *   rising significantly / no significant trend / falling significantly (Mann-Kendall, α = 0.05);
 * - consecutive: an unbroken run of at least two hot years up to the last, never hot before it;
 * - sporadic: hot in the last year and on and off before.
 */
export function classifyPersistence(
  hot: readonly boolean[],
  z: readonly number[],
  alpha = 0.05,
): PersistenceClass {
  const n = hot.length;
  const hotYears = hot.filter(Boolean).length;
  if (hotYears === 0) return 'none';
  if (!hot[n - 1]) return 'historical';
  if (hotYears === 1) return 'new';
  if (hotYears >= 0.9 * n) {
    const trend = mannKendall(z);
    if (trend.p <= alpha) return trend.s > 0 ? 'intensifying' : 'diminishing';
    return 'persistent';
  }
  let run = 0;
  while (run < n && hot[n - 1 - run]) run++;
  return run === hotYears ? 'consecutive' : 'sporadic';
}

/**
 * The connected cluster around `start`: units reachable from it through neighbours that are also `member`s
 * (e.g. hot spots). Returns the indices sorted ascending; empty when `start` itself is not a member.
 */
export function clusterAround(
  start: number,
  neighbours: readonly (readonly number[])[],
  member: (i: number) => boolean,
): number[] {
  if (!member(start)) return [];
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const i = queue.pop()!;
    for (const j of neighbours[i] ?? []) {
      if (!seen.has(j) && member(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}
