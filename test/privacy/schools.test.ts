/**
 * The school tables' small-count policy (src/analysis/suppression-schools.ts: the published files' policy,
 * src/analysis/disclosure/served-schools.ts, at the threshold on screen and nested in k) by brute force: for small
 * random tables of schools at one or two levels in two or three municipalities, every table of whole numbers
 * that shows the same figures (every school, municipality and national figure of every level and of all
 * levels together) is enumerated, and no hidden school-level cell may be pinned down, nor known to be
 * below k. The test does not trust the rules it checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_LEVELS, suppressSchools, type SchoolCount } from '../../src/analysis/suppression-schools';
import { schoolYear, type SchoolRow } from '../../src/engine/schools-shown';

const K = 5;
/** Generated counts are 0..MAX; a hidden cell is tried at 0..CAP (two hidden cells' sum, at most). */
const MAX = 6;
const CAP = 2 * MAX;

/** A school-level cell: its id is `school|level`. */
const cellId = (r: SchoolCount) => `${r.school}|${r.level}`;

/** Every figure a viewer sees: the indices of the cells it adds up, by name. */
function shownFigures(rows: readonly SchoolCount[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [view, hidden] of suppressSchools(rows, K)) {
    const inView = rows.map((r, i) => ({ r, i })).filter(({ r }) => view === ALL_LEVELS || r.level === view);
    const cells = (keep: (r: SchoolCount) => boolean) => inView.filter(({ r }) => keep(r)).map(({ i }) => i);
    for (const school of new Set(inView.map(({ r }) => r.school)))
      if (!hidden.schools.has(school))
        out.set(
          `${view}|s|${school}`,
          cells((r) => r.school === school),
        );
    for (const lau of new Set(inView.map(({ r }) => r.lau)))
      if (!hidden.municipalities.has(lau))
        out.set(
          `${view}|m|${lau}`,
          cells((r) => r.lau === lau),
        );
    if (!hidden.national)
      out.set(
        `${view}|n`,
        cells(() => true),
      );
  }
  return out;
}

/**
 * For each cell not shown in its own level: the values it can take, given every figure shown. Depth-first
 * over the hidden cells, each figure checked as soon as its last hidden cell has a value.
 */
function feasible(rows: readonly SchoolCount[]): Map<string, Set<number>> {
  const policy = suppressSchools(rows, K);
  const values = rows.map((r) => r.dropouts!);
  const unknown = rows.flatMap((r, i) => (policy.get(r.level)!.schools.has(r.school) ? [i] : []));
  const order = new Map(unknown.map((cell, u) => [cell, u]));
  const checks: { cells: number[]; total: number }[][] = unknown.map(() => []);
  for (const cells of shownFigures(rows).values()) {
    const last = Math.max(-1, ...cells.map((c) => order.get(c) ?? -1));
    if (last >= 0) checks[last]!.push({ cells, total: cells.reduce((s, c) => s + values[c]!, 0) });
  }
  const ranges = unknown.map(() => new Set<number>());
  const assign = (u: number) => {
    if (u === unknown.length) {
      unknown.forEach((c, i) => ranges[i]!.add(values[c]!));
      return;
    }
    const cell = unknown[u]!;
    const truth = values[cell]!;
    for (let x = 0; x <= CAP; x++) {
      values[cell] = x;
      if (checks[u]!.every((f) => f.cells.reduce((s, c) => s + values[c]!, 0) === f.total)) assign(u + 1);
    }
    values[cell] = truth;
  };
  assign(0);
  return new Map(unknown.map((c, i) => [cellId(rows[c]!), ranges[i]!]));
}

/** 1 to 4 school-level rows: schools in municipalities A, B, C at one or both levels. */
const tableArb = fc
  .array(
    fc.record({
      school: fc.constantFrom('s1', 's2', 's3', 's4'),
      lau: fc.constantFrom('A', 'B', 'C'),
      level: fc.constantFrom('basic', 'upper'),
      dropouts: fc.nat({ max: MAX }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rs) => {
    // One row per school and level; a school keeps one municipality.
    const first = new Map<string, string>();
    const out: SchoolCount[] = [];
    const keys = new Set<string>();
    for (const r of rs) {
      const lau = first.get(r.school) ?? r.lau;
      first.set(r.school, lau);
      const key = `${r.school}|${r.level}`;
      if (keys.has(key)) continue;
      keys.add(key);
      out.push({ school: r.school, lau, level: r.level, dropouts: r.dropouts });
    }
    return out;
  });

describe('school tables: small-count policy', { timeout: 60_000 }, () => {
  it('never shows a school, municipality or national figure of 1 to k-1 dropouts, in any view', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const policy = suppressSchools(rows, K);
        for (const [view, hidden] of policy) {
          const inView = rows.filter((r) => view === ALL_LEVELS || r.level === view);
          const total = (keep: (r: SchoolCount) => boolean) =>
            inView.filter(keep).reduce((s, r) => s + r.dropouts!, 0);
          const small = (n: number) => n >= 1 && n < K;
          for (const r of inView) {
            if (small(total((x) => x.school === r.school))) expect(hidden.schools.has(r.school)).toBe(true);
            if (small(total((x) => x.lau === r.lau))) expect(hidden.municipalities.has(r.lau)).toBe(true);
          }
          if (small(total(() => true))) expect(hidden.national).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('no hidden cell can be recovered, or known to be small, from every figure shown (brute force)', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        for (const [id, values] of feasible(rows)) {
          expect(values.size, `cell ${id} is pinned down`).toBeGreaterThan(1);
          expect(Math.max(...values), `cell ${id} is known to be small`).toBeGreaterThanOrEqual(K);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('hides a NULL, its municipality and Albania; shows a large table whole', () => {
    const row = (school_id: string, lau_code: string, dropouts: number | null): SchoolRow => ({
      year: 2025,
      school_id,
      lau_code,
      level: 'basic',
      lon: 20,
      lat: 41,
      enrolled: 100,
      dropouts,
    });
    const rows = [row('a', 'A', null), row('b', 'A', 30), row('c', 'B', 12)];
    const t = schoolYear(rows, [], K)('basic');
    expect([...t.hidden.schools]).toEqual(['a']);
    expect([...t.hidden.municipalities]).toEqual(['A']);
    expect(t.hidden.national).toBe(true);
    expect(t.municipalInput.ids).toEqual(['B']);
    const whole = suppressSchools(
      rows.map((r) => ({ school: r.school_id, lau: r.lau_code!, level: r.level, dropouts: r.dropouts ?? 9 })),
      K,
    );
    expect(whole.get(ALL_LEVELS)).toEqual({ schools: new Set(), municipalities: new Set(), national: false });
  });
});
