import { describe, expect, it } from 'vitest';
import { planParts } from '../../src/import/read-parquet-parts';
import { progressPercent } from '../../src/import/progress';

describe('planParts', () => {
  it('groups whole row groups into parts of at most the limit', () => {
    expect(planParts([4, 4, 4, 10, 1], 8)).toEqual({ groups: [[0, 1], [2], [3], [4]], rows: [8, 4, 10, 1] });
  });
  it('keeps one part for one row group', () => {
    expect(planParts([3], 8)).toEqual({ groups: [[0]], rows: [3] });
  });
});

describe('progressPercent', () => {
  it('moves through reading, checking and committing', () => {
    expect(progressPercent(0, 1, { stage: 'reading', bytes: 1, done: 5, rows: 10 })).toBe(23);
    expect(progressPercent(0, 1, { stage: 'checking', rows: 10, done: 1, of: 2 })).toBe(68);
    expect(progressPercent(0, 1, { stage: 'committing', rows: 10 })).toBe(90);
    expect(progressPercent(1, 2)).toBe(50);
    expect(progressPercent(0, 0)).toBe(0);
  });
});
