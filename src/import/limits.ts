/**
 * How big a file the browser takes, and the problem that says so. Kept apart from the reader so the import
 * panel can refuse a file by its size before reading a byte of it.
 */
import { problem } from './read-problems';
import type { ReadLimits } from './read-types';
import { msg } from '../contract/problem-text';
import type { Problem } from '../contract/problem-types';

/** 200 MB: the browser holds a file several times over while decoding it. */
export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 1024 * 1024 };

/** Megabytes to one decimal. */
function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** The 'too-large' problem of a file of `size` bytes. */
export function tooLargeProblem(name: string, size: number, max: number): Problem {
  return problem(name, {
    code: 'too-large',
    found: msg('problems.too-large.size.found', { size: mb(size) }),
    expected: msg('problems.too-large.size.expected', { max: mb(max) }),
    fix: msg('problems.too-large.size.fix'),
  });
}
