/**
 * Constants shared by the demo-data modules: the seed, the year range and the file locations.
 * Paths are resolved from this file, so `npm run data` works from any working directory.
 */
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from '../../src/analysis/random';

/** Master seed of the synthetic data (also quoted in the catalog's source text). */
export const SEED = 20151;

/** First and last year of the synthetic series (the 2015 territorial reform to the present). */
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2025;

/** Every year of the series, ascending. */
export const YEARS: readonly number[] = Array.from(
  { length: LAST_YEAR - FIRST_YEAR + 1 },
  (_, i) => FIRST_YEAR + i,
);

/** Year Law 18/2017 "On the rights and protection of the child" came into force (9 June 2017). */
export const LAW_18_2017_YEAR = 2017;

/** Absolute path of a file in the repository, given its path from the repository root. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/**
 * An independent random stream for one named part of the generator. Each part (population,
 * deprivation, each indicator, facilities) gets its own stream so that changing how many numbers
 * one part draws does not shift every number drawn after it.
 *
 * @param label a stable name such as "deprivation" or "indicator:dv_reports".
 */
export function stream(label: string): Rng {
  // FNV-1a hash of the label, mixed with the master seed.
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return createRng((hash ^ Math.imul(SEED, 0x9e3779b1)) >>> 0);
}
