/**
 * The integer mix the synthetic case records are drawn with, in JavaScript: the reference that the engine's
 * SQL (src/engine/queries-cases-mix.ts) must reproduce bit for bit. It is Chris Wellons' "lowbias32" (two
 * xorshift-multiply rounds on 32 bits), chosen because DuckDB's own hash() and random() are not promised to
 * stay the same across versions (the browser runs DuckDB 1.4.3, the bench native 1.5), while plain 32-bit
 * arithmetic is the same everywhere.
 */

/** The two multipliers of lowbias32. */
export const MIX_MULTIPLIERS = [0x7feb352d, 0x846ca68b] as const;

/** The right shifts before, between and after the two multiplications. */
export const MIX_SHIFTS = [16, 15, 16] as const;

/** 2^32: hashes are unsigned 32-bit integers in [0, 2^32). */
export const HASH_RANGE = 4294967296;

/** lowbias32 of the low 32 bits of `x`, as an unsigned 32-bit integer. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> MIX_SHIFTS[0];
  h = Math.imul(h, MIX_MULTIPLIERS[0]) >>> 0;
  h ^= h >>> MIX_SHIFTS[1];
  h = Math.imul(h, MIX_MULTIPLIERS[1]) >>> 0;
  h ^= h >>> MIX_SHIFTS[2];
  return h >>> 0;
}

/**
 * The hash of a record identified by (a, b), both in [0, 2^32), under a seed: mix(mix(a xor seed') xor b),
 * seed' being the mixed seed. Different records of one seed, and one record under different seeds, get
 * unrelated hashes.
 */
export function recordHash(seed: number, a: number, b: number): number {
  return mix32((mix32((a ^ mix32(seed)) >>> 0) ^ b) >>> 0);
}

/** The hash of draw number `stream` (one per attribute of a record) from a record's hash. */
export function streamHash(record: number, stream: number): number {
  return mix32((record ^ streamConstant(stream)) >>> 0);
}

/** The constant a stream's hash is keyed with: a multiple of the golden ratio in 32 bits. */
export function streamConstant(stream: number): number {
  return Math.imul(stream + 1, 0x9e3779b9) >>> 0;
}
