/**
 * Cell-key perturbation (src/analysis/disclosure/cell-key.ts): the ptable meets its constraints for every
 * threshold, no shown count is small, and a cell shows the same value by every route to it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPTable,
  cellKeyOf,
  cellKeyParamsFor,
  combineCellKeys,
  DEFAULT_CELL_KEY_PARAMS,
  perturbCell,
  perturbCells,
  ptableRows,
  RECORD_KEY_RANGE,
  shownCount,
} from '../../src/analysis/disclosure/cell-key';
import { PTableInfeasible, rowMoments } from '../../src/analysis/disclosure/ptable';
import { MIN_SERVED_K } from '../../src/engine/serve/served-types';

const THRESHOLDS = [3, 4, 5, 6, 7, 8];
const PARAMS = [
  ...THRESHOLDS.map(cellKeyParamsFor),
  { k: 5, maxNoise: 5, variance: 2 },
  { k: 5, maxNoise: 8, variance: 3 },
];

describe('the perturbation table', { timeout: 60_000 }, () => {
  it('defaults to the served threshold', () => {
    expect(DEFAULT_CELL_KEY_PARAMS.k).toBe(MIN_SERVED_K);
    expect(RECORD_KEY_RANGE).toBe(256);
  });

  it.each(PARAMS)('meets every constraint: %o', (params) => {
    const table = buildPTable(params);
    expect(table.nClip).toBe(params.maxNoise + params.k);
    expect(table.rows.map((r) => r.n)).toEqual([...Array(table.nClip + 1).keys()]);
    expect(table.rows[0]!.entries).toEqual([{ noise: 0, keys: RECORD_KEY_RANGE }]);
    for (const row of table.rows) {
      expect(row.entries.reduce((s, e) => s + e.keys, 0)).toBe(RECORD_KEY_RANGE);
      // Exactly unbiased: the integer sum of keys x noise is 0.
      expect(row.entries.reduce((s, e) => s + e.keys * e.noise, 0)).toBe(0);
      for (const { noise, keys } of row.entries) {
        expect(keys).toBeGreaterThan(0);
        expect(Math.abs(noise)).toBeLessThanOrEqual(params.maxNoise);
        const shown = row.n + noise;
        expect(shown === 0 || shown >= params.k).toBe(true);
      }
      // The key-to-noise map has the entries' counts, in ascending noise order.
      const byKey = [...row.noiseByKey];
      expect(byKey).toEqual([...byKey].sort((a, b) => a - b));
      for (const e of row.entries) expect(byKey.filter((x) => x === e.noise).length).toBe(e.keys);
      // Counts of k and more: the variance V, up to rounding to whole keys.
      if (row.n >= params.k) expect(Math.abs(rowMoments(row).variance - params.variance)).toBeLessThan(0.15);
    }
    // Every blocked count reaches the same shown values.
    const shownSets = table.rows.slice(1, params.k).map((r) => r.entries.map((e) => r.n + e.noise).join(','));
    expect(new Set(shownSets).size).toBeLessThanOrEqual(1);
  });

  it('refuses parameters that cannot be unbiased or are out of range', () => {
    expect(() => buildPTable({ k: 5, maxNoise: 3, variance: 2 })).toThrow(PTableInfeasible);
    expect(() => buildPTable({ k: 5, maxNoise: 6, variance: 40 })).toThrow(PTableInfeasible);
    expect(() => buildPTable({ k: 0, maxNoise: 6, variance: 2 })).toThrow(RangeError);
    expect(() => buildPTable({ k: 5, maxNoise: 6, variance: 0 })).toThrow(RangeError);
    expect(() => perturbCell(-1, 0)).toThrow(RangeError);
    expect(() => perturbCell(2.5, 0)).toThrow(RangeError);
    expect(() => perturbCell(3, 256)).toThrow(RangeError);
    expect(() => cellKeyOf([1, -1])).toThrow(RangeError);
  });

  it('as SQL rows gives what perturbCell gives', () => {
    const table = buildPTable(DEFAULT_CELL_KEY_PARAMS);
    const rows = ptableRows();
    expect(rows).toHaveLength((table.nClip + 1) * RECORD_KEY_RANGE);
    const lookup = new Map(rows.map((r) => [`${r.n_clip}|${r.key}`, r.noise]));
    for (let n = 0; n <= table.nClip + 5; n++) {
      for (let key = 0; key < RECORD_KEY_RANGE; key++) {
        expect(n + lookup.get(`${Math.min(n, table.nClip)}|${key}`)!).toBe(perturbCell(n, key));
      }
    }
  });
});

describe('shown counts', { timeout: 60_000 }, () => {
  it('are never 1 .. k-1, stay within D, and a zero stays zero', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PARAMS),
        fc.nat({ max: 300 }),
        fc.integer({ min: 0, max: RECORD_KEY_RANGE - 1 }),
        (params, n, key) => {
          const shown = perturbCell(n, key, params);
          expect(shown === 0 || shown >= params.k).toBe(true);
          expect(Math.abs(shown - n)).toBeLessThanOrEqual(params.maxNoise);
          if (n === 0) expect(shown).toBe(0);
          expect(shownCount(n, key, true, params)).toBe(shown);
          // Perturbation off (locally, behind a warning): the true count, small ones still suppressed.
          expect(shownCount(n, key, false, params)).toBe(n >= 1 && n < params.k ? null : n);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

const record = fc.record({
  lau: fc.constantFrom('AL011', 'AL012', 'AL021'),
  sex: fc.constantFrom('F', 'M'),
  age: fc.constantFrom('0-5', '6-14', '15-17'),
  type: fc.constantFrom('neglect', 'violence', 'trafficking'),
  key: fc.integer({ min: 0, max: RECORD_KEY_RANGE - 1 }),
});
type Rec = typeof record extends fc.Arbitrary<infer R> ? R : never;
const ATTRS = ['lau', 'sex', 'age', 'type'] as const;

describe('the same cell by every route', { timeout: 60_000 }, () => {
  it('filter orders, groupings and sums of sub-cells in any order show the same value', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 120 }),
        fc.record({ lau: fc.constantFrom('AL011', 'AL012'), sex: fc.constantFrom('F', 'M') }),
        fc.shuffledSubarray([...ATTRS], { minLength: 4, maxLength: 4 }),
        fc.nat(),
        (records, cell, order, seed) => {
          const inCell = (r: Rec) => r.lau === cell.lau && r.sex === cell.sex;
          // Route 1: filter by municipality, then by sex.
          const one = records.filter((r) => r.lau === cell.lau).filter((r) => r.sex === cell.sex);
          // Route 2: filter by sex, then by municipality, records reversed.
          const two = [...records]
            .reverse()
            .filter((r) => r.sex === cell.sex)
            .filter((r) => r.lau === cell.lau);
          // Route 3: group by every attribute in a random order, add up the cell's sub-cells in a shuffled order.
          const groups = new Map<string, Rec[]>();
          for (const r of records.filter(inCell)) {
            const g = order.map((a) => r[a]).join('|');
            groups.set(g, [...(groups.get(g) ?? []), r]);
          }
          const parts = [...groups.values()].sort(
            (x, y) => ((x.length * 7919 + seed) % 13) - ((y.length * 7919 + seed) % 13),
          );
          const n3 = parts.reduce((s, p) => s + p.length, 0);
          const key3 = combineCellKeys(parts.map((p) => cellKeyOf(p.map((r) => r.key))));
          const shown = [
            perturbCell(one.length, cellKeyOf(one.map((r) => r.key))),
            perturbCell(two.length, cellKeyOf(two.map((r) => r.key))),
            perturbCell(n3, key3),
          ];
          expect(new Set(shown).size).toBe(1);
          expect(perturbCells([{ n: n3, cellKey: key3 }])).toEqual([shown[0]]);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('docs/privacy.md', () => {
  it('prints the default ptable as generated', () => {
    const text = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    const lines = text.split('\n').filter((l) => /^\| +\d+\+? \|/.test(l));
    const table = buildPTable(DEFAULT_CELL_KEY_PARAMS);
    expect(lines).toHaveLength(table.rows.length);
    const noises = Array.from(
      { length: 2 * DEFAULT_CELL_KEY_PARAMS.maxNoise + 1 },
      (_, i) => i - DEFAULT_CELL_KEY_PARAMS.maxNoise,
    );
    lines.forEach((line, n) => {
      const cells = line
        .split('|')
        .slice(2, 2 + noises.length)
        .map((c) => c.trim());
      const printed = noises.flatMap((noise, i) => (cells[i] ? [{ noise, keys: Number(cells[i]) }] : []));
      expect(printed, `row ${n}`).toEqual(table.rows[n]!.entries);
    });
  });
});
