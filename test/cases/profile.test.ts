/**
 * The distributions of synthetic case records name exactly the contract's categories, with a weight for
 * every one, and the hidden-cell share-out (fill) keeps its promises.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/analysis/cases/allocate';
import * as P from '../../src/analysis/cases/profile';
import { CONTRACT } from '../../src/contract/contract-tables';
import { thresholds, U16 } from '../../src/engine/queries-cases-pick';

const values = (name: string) => CONTRACT.cases.columns.find((c) => c.name === name)?.values;

describe('the profile of synthetic cases', () => {
  it('names the contract categories in the contract order', () => {
    expect(P.CASE_TYPES).toEqual(values('case_type'));
    expect(P.AGE_BANDS).toEqual(values('age_band'));
    expect(P.SEXES).toEqual(values('sex'));
    expect(P.REFERRAL_SOURCES).toEqual(values('referral_source'));
  });

  it('gives every category a positive weight, by case type where it depends on it', () => {
    const positive = (w: readonly number[], n: number) => w.length === n && w.every((x) => x > 0);
    expect(positive(P.CASE_TYPE_WEIGHTS, P.CASE_TYPES.length)).toBe(true);
    expect(positive(P.MONTH_WEIGHTS, 12)).toBe(true);
    for (const [table, n] of [
      [P.AGE_WEIGHTS, P.AGE_BANDS.length],
      [P.SEX_WEIGHTS, P.SEXES.length],
      [P.REFERRAL_WEIGHTS, P.REFERRAL_SOURCES.length],
    ] as const) {
      expect(table).toHaveLength(P.CASE_TYPES.length);
      expect(table.every((w) => positive(w, n) && positive(P.schoolOff(w), n))).toBe(true);
    }
  });

  it('thresholds: nondecreasing up to 65536, a value for every positive weight and none for a zero', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 80 }), (w) => {
        fc.pre(w.some((x) => x > 0));
        const t = thresholds(w);
        const widths = t.map((x, i) => x - (i === 0 ? 0 : t[i - 1]!));
        return (
          t[t.length - 1] === U16 &&
          widths.every((d, i) => (w[i]! > 0 ? d >= 1 : d === 0)) &&
          widths.every((d) => d >= 0)
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fill: a total shared among bounded cells', () => {
  const bounds = fc.array(
    fc.tuple(fc.nat({ max: 6 }), fc.option(fc.nat({ max: 10 }), { nil: undefined })).map(([lo, span]) => ({
      lo,
      hi: span === undefined ? Infinity : lo + span,
    })),
    { minLength: 1, maxLength: 8 },
  );

  it('sums to the total within the bounds, as evenly as they allow, or says it cannot', () => {
    fc.assert(
      fc.property(bounds, fc.nat({ max: 80 }), (b, total) => {
        const priority = b.map((_, i) => i).reverse();
        const x = fill(total, b, priority);
        const least = b.reduce((s, c) => s + c.lo, 0);
        const most = b.reduce((s, c) => s + c.hi, 0);
        if (total < least || total > most) return x === null;
        if (x === null || x.reduce((s, v) => s + v, 0) !== total) return false;
        if (x.some((v, i) => v < b[i]!.lo || v > b[i]!.hi)) return false;
        // Even: a cell below another by 2 or more must be at its upper bound, or the other at its lower.
        return x.every((v, i) => x.every((w, j) => w - v < 2 || v === b[i]!.hi || w === b[j]!.lo));
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives the remainder to the cells first in priority', () => {
    const free = { lo: 0, hi: Infinity };
    expect(fill(7, [free, free, free], [2, 0, 1])).toEqual([2, 2, 3]);
    expect(fill(8, [free, free, free], [2, 0, 1])).toEqual([3, 2, 3]);
    expect(fill(5, [{ lo: 1, hi: 1 }, free], [0, 1])).toEqual([1, 4]);
  });
});
