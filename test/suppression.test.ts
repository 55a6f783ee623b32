import { describe, expect, it } from 'vitest';
import { DEFAULT_K, isSuppressed } from '../src/analysis/suppression';

const count = { sensitive: true, aggregation: 'sum' } as const;
const ratio = { sensitive: true, aggregation: 'ratio' } as const;
const open = { sensitive: false, aggregation: 'sum' } as const;

describe('isSuppressed', () => {
  it('uses k = 5 by default', () => {
    expect(DEFAULT_K).toBe(5);
  });

  it('shows a sensitive count of 0: an observed zero discloses nobody', () => {
    expect(isSuppressed(count, 0, null)).toBe(false);
  });

  it('hides sensitive counts from 1 to k - 1', () => {
    expect(isSuppressed(count, 1, null)).toBe(true);
    expect(isSuppressed(count, 4, null)).toBe(true);
  });

  it('shows sensitive counts from k upwards', () => {
    expect(isSuppressed(count, 5, null)).toBe(false);
    expect(isSuppressed(count, 1234, null)).toBe(false);
  });

  it('does not suppress null: it already means "no data"', () => {
    expect(isSuppressed(count, null, null)).toBe(false);
    expect(isSuppressed(ratio, null, null)).toBe(false);
  });

  it('never suppresses non-sensitive indicators', () => {
    expect(isSuppressed(open, 1, null)).toBe(false);
    expect(isSuppressed({ sensitive: false, aggregation: 'ratio' }, 0.3, 3)).toBe(false);
  });

  it('judges a ratio by its numerator, not its value', () => {
    // 3 cases among 514 children = 5.84 per 1,000: the rate looks large, the count is tiny.
    expect(isSuppressed(ratio, 5.84, 3)).toBe(true);
    expect(isSuppressed(ratio, 0.4, 5)).toBe(false);
    expect(isSuppressed(ratio, 0, 0)).toBe(false);
    expect(isSuppressed(ratio, 12.5, null)).toBe(false);
  });

  it('honours a custom threshold', () => {
    expect(isSuppressed(count, 9, null, 10)).toBe(true);
    expect(isSuppressed(count, 10, null, 10)).toBe(false);
    expect(isSuppressed(ratio, 1, 2, 3)).toBe(true);
    expect(isSuppressed(ratio, 1, 3, 3)).toBe(false);
  });
});
