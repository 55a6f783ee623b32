import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secondarySuppression, type Cell } from '../src/analysis/suppression-secondary';
import { DEFAULT_K, isSuppressed } from '../src/analysis/suppression';

const count = { sensitive: true, aggregation: 'sum' } as const;

function run(cells: Cell[], k = DEFAULT_K) {
  const primary = new Set(cells.filter((c) => isSuppressed(count, c.count, null, k)).map((c) => c.id));
  return secondarySuppression(cells, primary, k);
}

/**
 * Everything an onlooker can learn of the hidden cells: for each hidden cell, the smallest and largest value
 * it can take given the shown cells and the shown group and national totals (hidden values are whole numbers
 * >= 0). Found by brute force, so the test does not trust the rules it checks.
 */
function feasibleRanges(
  cells: Cell[],
  hidden: Set<string>,
  hiddenGroups: Set<string>,
  national: boolean,
  cap: number,
) {
  const unknown = cells.filter((c) => hidden.has(c.id) && c.count !== null);
  const ranges = new Map(unknown.map((c) => [c.id, new Set<number>()]));
  const groupTotal = (g: string, vals: Map<string, number>) =>
    cells
      .filter((c) => c.group === g && c.count !== null)
      .reduce((s, c) => s + (vals.get(c.id) ?? c.count!), 0);
  const groups = [...new Set(cells.map((c) => c.group))];
  const truth = new Map<string, number>();
  const assign = (i: number, vals: Map<string, number>) => {
    if (i === unknown.length) {
      for (const g of groups)
        if (!hiddenGroups.has(g) && groupTotal(g, vals) !== groupTotal(g, truth)) return;
      if (!national) {
        const sum = (v: Map<string, number>) => groups.reduce((s, g) => s + groupTotal(g, v), 0);
        if (sum(vals) !== sum(truth)) return;
      }
      for (const [id, v] of vals) ranges.get(id)!.add(v);
      return;
    }
    for (let v = 0; v <= cap; v++) {
      vals.set(unknown[i]!.id, v);
      assign(i + 1, vals);
    }
    vals.delete(unknown[i]!.id);
  };
  assign(0, new Map());
  return ranges;
}

const cellsArb = fc
  .array(
    fc.record({ group: fc.constantFrom('A', 'B', 'C'), count: fc.option(fc.nat({ max: 12 }), { freq: 8 }) }),
    {
      minLength: 1,
      maxLength: 9,
    },
  )
  .map((rs) => rs.map((r, i) => ({ id: `m${i}`, group: r.group, count: r.count })));

describe('secondary suppression', () => {
  it('never shows a count between 1 and k - 1', () => {
    fc.assert(
      fc.property(cellsArb, fc.integer({ min: 2, max: 10 }), (cells, k) => {
        const r = run(cells, k);
        for (const c of cells)
          if (c.count !== null && c.count >= 1 && c.count < k) expect(r.cells.has(c.id)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves no group with a shown total holding exactly one hidden cell, or hidden cells adding up to less than k', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const r = run(cells);
        for (const g of new Set(cells.map((c) => c.group))) {
          if (r.groups.has(g)) continue;
          const hidden = cells.filter((c) => c.group === g && r.cells.has(c.id));
          const sum = hidden.reduce((s, c) => s + c.count!, 0);
          expect(hidden.length === 0 || (hidden.length >= 2 && sum >= DEFAULT_K)).toBe(true);
        }
        if (!r.national) expect(r.groups.size).toBe(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('no hidden cell can be recovered from the shown cells and totals (brute force over every consistent table)', () => {
    fc.assert(
      fc.property(
        cellsArb.filter((cs) => cs.length <= 6),
        (cells) => {
          const r = run(cells);
          const ranges = feasibleRanges(cells, r.cells, r.groups, r.national, 9);
          for (const [id, values] of ranges) {
            expect(values.size, `cell ${id} is pinned down`).toBeGreaterThan(1);
            // ... and an onlooker cannot even tell it is below k: a value of k or more is possible.
            expect(Math.max(...values), `cell ${id} is known to be small`).toBeGreaterThanOrEqual(DEFAULT_K);
          }
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('hides the next smallest cell of the county when one cell is hidden', () => {
    const cells: Cell[] = [
      { id: 'a', group: 'X', count: 3 },
      { id: 'b', group: 'X', count: 40 },
      { id: 'c', group: 'X', count: 12 },
      { id: 'd', group: 'Y', count: 9 },
    ];
    const r = run(cells);
    expect([...r.cells].sort()).toEqual(['a', 'c']);
    expect(r.groups.size).toBe(0);
    expect(r.national).toBe(false);
  });

  it('hides the county total, and so the national total, when a county cannot be protected', () => {
    const r = run([
      { id: 'a', group: 'X', count: 1 },
      { id: 'b', group: 'X', count: 2 },
      { id: 'c', group: 'Y', count: 30 },
    ]);
    expect([...r.cells].sort()).toEqual(['a', 'b']);
    expect([...r.groups]).toEqual(['X']);
    expect(r.national).toBe(true);
  });

  it('changes nothing where nothing is small', () => {
    const r = run([
      { id: 'a', group: 'X', count: 0 },
      { id: 'b', group: 'X', count: 7 },
      { id: 'c', group: 'Y', count: null },
    ]);
    expect(r.cells.size + r.groups.size).toBe(0);
    expect(r.national).toBe(false);
  });
});
