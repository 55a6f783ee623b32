import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, VIEWS, type AtlasState } from '../src/state/store';
import { fromSearch, toSearch } from '../src/state/url';

const state = fc.record<AtlasState>({
  view: fc.constantFrom(...VIEWS),
  indicator: fc.constantFrom('cp_cases_rate', 'child_pop', 'dropout_rate'),
  year: fc.integer({ min: 2015, max: 2025 }),
  selected: fc.option(fc.constantFrom('AL111', 'AL123'), { nil: null }),
  lang: fc.constantFrom('en' as const, 'sq' as const),
  k: fc.integer({ min: 3, max: 20 }),
  level: fc.constantFrom('municipality' as const, 'county' as const),
  county: fc.option(fc.constantFrom('AL-09', 'AL-11'), { nil: null }),
  method: fc.constantFrom(...CLASS_METHODS),
  classes: fc.integer({ min: 3, max: 9 }),
  palette: fc.constantFrom('', 'viridis', 'RdBu'),
  manual: fc
    .uniqueArray(
      // A URL cannot tell -0 from 0, and the state never holds both: generate breaks as a user can type them.
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
      { maxLength: 4, comparator: 'SameValueZero' },
    )
    .map((a) => a.sort((x, y) => x - y)),
  fixed: fc.boolean(),
  measure: fc.constantFrom('rate' as const, 'count' as const, 'smoothed' as const),
  compare: fc.constantFrom('none' as const, 'side' as const, 'change' as const),
  year2: fc.integer({ min: 2015, max: 2025 }),
  catchment: fc.constantFrom('self', 'border', '25km', '200km'),
  own: fc.boolean(),
  hotspots: fc.constantFrom('', 'm=gistar&w=queen'),
  planner: fc.constantFrom('', 'eyJrIjozfQ'),
  cases: fc.constantFrom('', 'tabuse*neglect.mAL111.r'),
});

describe('shareable state', () => {
  it('a link restores every field that matters', () => {
    fc.assert(
      fc.property(state, (s) => {
        const back = { ...s, ...fromSearch(toSearch(s)) };
        const expected = {
          ...s,
          manual: s.method === 'manual' ? s.manual : back.manual,
          year2: s.compare === 'none' ? back.year2 : s.year2,
        };
        expect({ ...back, manual: [...back.manual] }).toEqual({ ...expected, manual: [...expected.manual] });
      }),
      { numRuns: 300 },
    );
  });

  it('ignores invalid values rather than trusting the URL', () => {
    const s = fromSearch(
      '?view=admin&year=20x5&k=1&classes=12&method=magic&catchment=9999km&sel=<script>&lang=de',
    );
    expect(s.view).toBeUndefined();
    expect(s.year).toBeUndefined();
    expect(s.k).toBeUndefined();
    expect(s.classes).toBeUndefined();
    expect(s.method).toBeUndefined();
    expect(s.catchment).toBeUndefined();
    expect(s.selected).toBeNull();
    expect(s.lang).toBe('en');
  });

  it('manual breaks that are not strictly increasing are dropped', () => {
    expect(fromSearch('?method=manual&breaks=3,2').manual).toEqual([]);
    expect(fromSearch('?method=manual&breaks=1.5,2,10').manual).toEqual([1.5, 2, 10]);
  });
});
