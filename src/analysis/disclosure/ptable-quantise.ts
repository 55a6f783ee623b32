/**
 * From probabilities to key counts. A cell key takes one of `total` values (256), each equally likely, so a
 * row of the perturbation table is given by how many keys map to each noise value: integers adding up to
 * `total`. They are chosen as near as possible to total x p (least squares) under the constraint that the
 * noise's mean is exactly 0 (sum of count x noise = 0), so that unbiasedness survives the rounding.
 *
 * A small dynamic programme over adjustments of -R..R keys to each rounded count, tracking how far the
 * adjusted counts are from the total and from a zero mean; deterministic (ties go to the first found).
 * The variance moves a little in the rounding (tested: by less than 0.15 for the tables in use); the
 * rounded table is the one applied, and docs/privacy.md gives its exact variances.
 */
import { PTableInfeasible } from './ptable-maxent';

/** Largest adjustment per noise value tried first, then widened up to {@link MAX_RADIUS}. */
const FIRST_RADIUS = 1;
const MAX_RADIUS = 8;

/** The best way found to reach a state: its cost, the state before and the adjustment taken. */
interface Step {
  cost: number;
  prev: number;
  delta: number;
}

/** A state (sum of adjustments, sum of adjustment x noise) as one number; |sums| stay far below SPAN / 2. */
const SPAN = 1 << 20;
const stateKey = (ds: number, dr: number) => ds * SPAN + dr;

function solve(targets: readonly number[], xs: readonly number[], total: number, radius: number) {
  const base = targets.map((t) => Math.round(t));
  const needSum = total - base.reduce((s, w) => s + w, 0);
  const needRes = -base.reduce((s, w, i) => s + w * xs[i]!, 0);
  const layers: Map<number, Step>[] = [new Map([[0, { cost: 0, prev: 0, delta: 0 }]])];
  const sums = new Map<number, [number, number]>([[0, [0, 0]]]);
  targets.forEach((t, i) => {
    const next = new Map<number, Step>();
    for (const [key, s] of layers[i]!) {
      const [ds, dr] = sums.get(key)!;
      for (let d = -radius; d <= radius; d++) {
        const w = base[i]! + d;
        if (w < 0) continue;
        const k = stateKey(ds + d, dr + d * xs[i]!);
        const cost = s.cost + (w - t) * (w - t);
        const old = next.get(k);
        if (!old || cost < old.cost) {
          next.set(k, { cost, prev: key, delta: d });
          sums.set(k, [ds + d, dr + d * xs[i]!]);
        }
      }
    }
    layers.push(next);
  });
  let key = stateKey(needSum, needRes);
  if (!layers[targets.length]!.has(key)) return null;
  const counts = [...base];
  for (let i = targets.length; i > 0; i--) {
    const step = layers[i]!.get(key)!;
    counts[i - 1] = base[i - 1]! + step.delta;
    key = step.prev;
  }
  return counts;
}

/**
 * Integer key counts for one row.
 *
 * @param probabilities the row's probabilities, in the order of `xs`.
 * @param xs the noise values.
 * @param total the number of keys (256).
 * @returns counts adding up to `total` whose noise has mean exactly 0.
 * @throws PTableInfeasible when no such counts lie near the probabilities.
 */
export function quantiseRow(
  probabilities: readonly number[],
  xs: readonly number[],
  total: number,
): number[] {
  const targets = probabilities.map((p) => p * total);
  for (let radius = FIRST_RADIUS; radius <= MAX_RADIUS; radius *= 2) {
    const counts = solve(targets, xs, total, radius);
    if (counts) return counts;
  }
  throw new PTableInfeasible(`no ${total} keys give zero-mean noise on [${xs[0]}, ${xs[xs.length - 1]}]`);
}
