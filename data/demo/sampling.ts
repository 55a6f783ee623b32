/**
 * Count distributions on top of the seeded uniform generator. Exact algorithms are used where they
 * are cheap and normal approximations where counts are large, which keeps the builder fast while
 * small counts (the ones suppression cares about) keep their true discrete shape.
 */
import { normal, type Rng } from '../../src/analysis/random';

/** The logistic function 1 / (1 + e^-x), mapping a latent score to a probability. */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * A Poisson draw with mean lambda: Knuth's multiplication method up to lambda 30 (exact, and the
 * small-count tail matters for suppression), a rounded normal approximation above.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rng();
  while (product > limit) {
    k++;
    product *= rng();
  }
  return k;
}

/**
 * A binomial draw (n trials, probability p): exact Bernoulli trials for n < 200, a rounded normal
 * approximation clamped to [0, n] above (n is a child population, usually in the thousands).
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 200) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng() < p) k++;
    return k;
  }
  const mean = n * p;
  return clamp(Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rng)), 0, n);
}
