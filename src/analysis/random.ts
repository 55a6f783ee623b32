/**
 * A tiny seeded pseudo-random number generator, so that the synthetic demo data (and later the
 * permutation tests) are reproducible bit for bit on every machine. `Math.random` cannot be seeded,
 * and a dependency would be overkill for twenty lines.
 */

/** A source of uniform random numbers in [0, 1), as returned by {@link createRng}. */
export type Rng = () => number;

/**
 * Creates a mulberry32 generator: 32-bit state, period 2^32, good enough statistical quality for
 * simulation and permutation tests (not for cryptography). Only 32-bit integer arithmetic is used
 * (`Math.imul`, `>>>`), so the sequence is identical in every JavaScript engine.
 *
 * @param seed any number; it is truncated to an unsigned 32-bit integer.
 * @returns a function returning the next uniform number in [0, 1) on each call.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws one standard normal deviate (mean 0, standard deviation 1) with the Box-Muller transform.
 * It consumes exactly two uniforms per call and discards the second deviate on purpose: caching it
 * would make the output depend on call history, which makes streams harder to reason about.
 *
 * @param rng a generator from {@link createRng}.
 */
export function normal(rng: Rng): number {
  // 1 - u lies in (0, 1], so the logarithm is finite even when the generator returns exactly 0.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
