/**
 * How big a file the browser takes, and the problem that says so. Kept apart from the reader so the import
 * panel can refuse a file by its size before reading a byte of it.
 */
import { fmt, problem } from './read-problems';
import type { ReadLimits } from './read-types';
import type { Problem } from '../contract/problem-types';

/** 200 MB: the browser holds a file several times over while decoding it. */
export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 1024 * 1024 };

function mb(bytes: number): string {
  return `${fmt(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** The 'too-large' problem of a file of `size` bytes. */
export function tooLargeProblem(name: string, size: number, max: number): Problem {
  return problem(name, {
    code: 'too-large',
    found: `a file of ${mb(size)}`,
    expected: `at most ${mb(max)}`,
    fix: 'Split the file (e.g. one file per year), or save it as Parquet, which is usually several times smaller.',
  });
}
