/**
 * The noise follows the documented distribution: over random record sets with random record keys, the noise
 * of each row appears with the ptable's frequencies (within 4.5 standard errors), its mean is near 0, and
 * the cell keys are uniform. The exact distribution, over all 256 keys, is checked in cell-key.test.ts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildPTable,
  cellKeyOf,
  DEFAULT_CELL_KEY_PARAMS,
  perturbCell,
  RECORD_KEY_RANGE,
} from '../../src/analysis/disclosure/cell-key';
import { rowMoments } from '../../src/analysis/disclosure/ptable';

const RUNS = 20_000;
const Z = 4.5;
const table = buildPTable(DEFAULT_CELL_KEY_PARAMS);

/** Noise seen per ptable row, and how often each cell key came up. */
const seen = new Map<number, number[]>();
const keyCounts = new Array<number>(RECORD_KEY_RANGE).fill(0);

describe('the noise distribution', { timeout: 120_000 }, () => {
  it('draws noise from random record sets', () => {
    fc.assert(
      fc.property(
        // Sizes spread over the rows that are not the last, and the last (counts from nClip up).
        fc.oneof(fc.integer({ min: 1, max: table.nClip - 1 }), fc.integer({ min: table.nClip, max: 80 })),
        fc.infiniteStream(fc.integer({ min: 0, max: RECORD_KEY_RANGE - 1 })),
        (n, keys) => {
          const recordKeys = [...keys.take(n)];
          const cellKey = cellKeyOf(recordKeys);
          keyCounts[cellKey]! += 1;
          const row = Math.min(n, table.nClip);
          seen.set(row, [...(seen.get(row) ?? []), perturbCell(n, cellKey) - n]);
        },
      ),
      { numRuns: RUNS, seed: 20_261_207 },
    );
    expect(keyCounts.reduce((s, c) => s + c, 0)).toBe(RUNS);
  });

  it('matches the ptable row by row, with mean noise near 0', () => {
    for (const [n, noise] of seen) {
      const count = noise.length;
      if (count < 500) continue;
      const row = table.rows[n]!;
      for (const { noise: x, keys } of row.entries) {
        const p = keys / RECORD_KEY_RANGE;
        const f = noise.filter((y) => y === x).length / count;
        expect(Math.abs(f - p), `row ${n}, noise ${x}`).toBeLessThanOrEqual(
          Z * Math.sqrt((p * (1 - p)) / count) + 1 / count,
        );
      }
      expect(noise.every((y) => row.entries.some((e) => e.noise === y))).toBe(true);
      const mean = noise.reduce((s, y) => s + y, 0) / count;
      expect(Math.abs(mean), `row ${n}`).toBeLessThanOrEqual(Z * Math.sqrt(rowMoments(row).variance / count));
    }
    // The last row (most counts) got about half the draws; each other row a few hundred at least.
    expect(seen.get(table.nClip)!.length).toBeGreaterThan(RUNS / 3);
  });

  it('gets uniform cell keys from uniform record keys (chi-square, 255 degrees of freedom)', () => {
    const expected = RUNS / RECORD_KEY_RANGE;
    const chi2 = keyCounts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // The 99.99th percentile of chi-square with 255 degrees of freedom is about 350.
    expect(chi2).toBeLessThan(350);
  });
});

afterAll(() => seen.clear());
