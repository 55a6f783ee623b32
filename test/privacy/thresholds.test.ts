/**
 * Raising k hides more, never less: what the policy hides at k is hidden at every larger k too (cells,
 * county or municipal totals, the national total), for the indicator tables and for the school tables. So a
 * viewer who looks at the same data at two thresholds (the browser may raise k) learns nothing that the
 * smaller threshold alone does not show: every figure shown at the larger k is shown, the same, at the
 * smaller.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSchools } from '../../src/analysis/suppression-schools';
import { suppressTable } from '../../src/analysis/suppression-table';

const subset = <T>(a: Iterable<T>, b: ReadonlySet<T>) => [...a].every((x) => b.has(x));

describe('thresholds: a larger k hides a superset', { timeout: 60_000 }, () => {
  it('indicator tables (municipalities in counties, counts and rates)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom('A', 'B', 'C'),
            n: fc.option(fc.nat({ max: 14 }), { freq: 8 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.constantFrom('sum', 'ratio'),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        (cells, aggregation, k, more) => {
          const rows = cells.map((c, i) => ({ id: `m${i}`, group: c.group, value: c.n, numerator: c.n }));
          const meta = { sensitive: true, aggregation } as const;
          const [a, b] = [suppressTable(meta, rows, k), suppressTable(meta, rows, k + more)];
          expect(subset(a.hidden, b.hidden)).toBe(true);
          expect(subset(a.hiddenGroups, b.hiddenGroups)).toBe(true);
          expect(!a.nationalHidden || b.nationalHidden).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('school tables (schools in municipalities, every level and all levels)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            school: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
            lau: fc.constantFrom('A', 'B', 'C'),
            level: fc.constantFrom('basic', 'upper'),
            dropouts: fc.option(fc.nat({ max: 14 }), { freq: 12 }),
            located: fc.nat({ max: 7 }).map((n) => n > 0),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        (raw, k, more) => {
          const seen = new Set<string>();
          const rows = raw.filter(
            (r) => !seen.has(`${r.school}|${r.level}`) && seen.add(`${r.school}|${r.level}`),
          );
          // From the smallest threshold up (here 2, the smallest that hides anything).
          const [a, b] = [suppressSchools(rows, k, 2), suppressSchools(rows, k + more, 2)];
          for (const [view, h] of a) {
            const g = b.get(view)!;
            expect(subset(h.schools, g.schools)).toBe(true);
            expect(subset(h.municipalities, g.municipalities)).toBe(true);
            expect(!h.national || g.national).toBe(true);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
