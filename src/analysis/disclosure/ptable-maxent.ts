/**
 * The maximum-entropy noise distribution of one row of a perturbation table (Giessing 2016, the approach
 * of the `ptable` R package): over a given set of integer noise values x, the distribution p with the largest
 * entropy subject to sum p = 1, mean sum p x = 0 and, when asked, second moment sum p x^2 = V.
 *
 * The solution has the exponential-family form p(x) proportional to exp(a x + b x^2); (a, b) minimise the
 * convex dual log Z(a, b) - b V, found here by damped Newton steps. Deterministic: the same support and V
 * give the same probabilities on every run.
 */

/** Why a row's constraints cannot be met. */
export class PTableInfeasible extends Error {
  override name = 'PTableInfeasible';
}

const TOLERANCE = 1e-12;
const MAX_STEPS = 200;

/** Moments of p(x) proportional to exp(a x + b x^2): probabilities, E[x], E[x^2], and the covariance. */
function moments(xs: readonly number[], a: number, b: number) {
  const logits = xs.map((x) => a * x + b * x * x);
  const top = Math.max(...logits);
  const raw = logits.map((l) => Math.exp(l - top));
  const z = raw.reduce((s, r) => s + r, 0);
  const p = raw.map((r) => r / z);
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  xs.forEach((x, i) => {
    const w = p[i]!;
    m1 += w * x;
    m2 += w * x * x;
    m3 += w * x * x * x;
    m4 += w * x * x * x * x;
  });
  return { p, m1, m2, logZ: top + Math.log(z), c11: m2 - m1 * m1, c12: m3 - m1 * m2, c22: m4 - m2 * m2 };
}

/** The dual objective log Z(a, b) - b V (b = 0 and V unused when the variance is free). */
function dual(xs: readonly number[], a: number, b: number, v: number | null): number {
  return moments(xs, a, b).logZ - (v === null ? 0 : b * v);
}

/** Checks that mean 0 (and second moment v) can be met on the support with every probability positive. */
function checkFeasible(xs: readonly number[], v: number | null): void {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (xs.length === 1 && lo === 0 && (v === null || v === 0)) return;
  if (!(lo < 0 && hi > 0)) throw new PTableInfeasible(`no zero-mean noise on [${lo}, ${hi}]`);
  if (v === null) return;
  // With mean 0 the second moment lies strictly between its smallest value (all mass at 0, or at the two
  // values nearest 0 on either side) and its largest (all mass at the two ends): -lo * hi.
  const below = Math.max(...xs.filter((x) => x <= 0));
  const above = Math.min(...xs.filter((x) => x >= 0));
  const least = below === 0 || above === 0 ? 0 : -below * above;
  if (!(v > least && v < -lo * hi)) {
    throw new PTableInfeasible(`variance ${v} outside (${least}, ${-lo * hi}) for noise on [${lo}, ${hi}]`);
  }
}

/**
 * The maximum-entropy distribution on the noise values `xs` with mean 0 and, when `variance` is not null,
 * that variance.
 *
 * @param xs distinct integer noise values, ascending.
 * @param variance the variance asked for, or null to leave it free (rows of small counts, as in `ptable`).
 * @returns the probability of each value of `xs`, in the same order.
 * @throws PTableInfeasible when the constraints cannot be met.
 */
export function maxEntropyNoise(xs: readonly number[], variance: number | null): number[] {
  checkFeasible(xs, variance);
  if (xs.length === 1) return [1];
  let a = 0;
  let b = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const m = moments(xs, a, b);
    const g1 = m.m1;
    const g2 = variance === null ? 0 : m.m2 - variance;
    if (Math.abs(g1) < TOLERANCE && Math.abs(g2) < TOLERANCE) return m.p;
    // Newton direction: solve H d = -g (H the covariance of (x, x^2), 1 x 1 when the variance is free).
    let da: number;
    let db: number;
    if (variance === null) {
      da = -g1 / m.c11;
      db = 0;
    } else {
      const det = m.c11 * m.c22 - m.c12 * m.c12;
      da = -(m.c22 * g1 - m.c12 * g2) / det;
      db = -(m.c11 * g2 - m.c12 * g1) / det;
    }
    // Backtracking line search: a step is taken when it lowers the dual enough (Armijo) or, near the optimum
    // where the dual's changes are below rounding, when it shrinks the gradient.
    const f0 = dual(xs, a, b, variance);
    const slope = g1 * da + g2 * db;
    const norm = Math.hypot(g1, g2);
    const accept = (t: number) => {
      if (dual(xs, a + t * da, b + t * db, variance) <= f0 + 1e-4 * t * slope) return true;
      const next = moments(xs, a + t * da, b + t * db);
      return Math.hypot(next.m1, variance === null ? 0 : next.m2 - variance) < norm / 2;
    };
    let t = 1;
    while (t > 1e-12 && !accept(t)) t /= 2;
    a += t * da;
    b += t * db;
  }

  throw new PTableInfeasible(`maximum-entropy solution did not converge on [${xs[0]}, ${xs[xs.length - 1]}]`);
}
