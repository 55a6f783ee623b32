/** The planner keeps what it built from the early data when the engine's answer is the same (src/ui/planner). */
import { describe, expect, it } from 'vitest';
import { sameValues, type ValuesByIndicator } from '../src/ui/planner/usePlannerValues';
import { sameUnits, type NamedUnit } from '../src/ui/planner/useUnits';

const values = (rows: [string, string, number | null, boolean][]): ValuesByIndicator => {
  const out: ValuesByIndicator = new Map();
  for (const [id, lau_code, value, suppressed] of rows) {
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(lau_code, { lau_code, value, suppressed });
  }
  return out;
};

describe('the early data kept', () => {
  const base: [string, string, number | null, boolean][] = [
    ['a', 'L1', 1.5, false],
    ['a', 'L2', null, true],
    ['b', 'L1', 3, false],
  ];
  it('values: the same values and suppression are the same; any difference is not', () => {
    expect(sameValues(values(base), values(base))).toBe(true);
    // The engine adds counts the planner does not read.
    const engine = values(base);
    engine
      .get('a')!
      .set('L1', { lau_code: 'L1', value: 1.5, suppressed: false, numerator: 3, denominator: 2 });
    expect(sameValues(values(base), engine)).toBe(true);
    expect(sameValues(values(base), values([...base.slice(0, 2), ['b', 'L1', 4, false]]))).toBe(false);
    expect(sameValues(values(base), values([...base.slice(0, 2), ['b', 'L1', 3, true]]))).toBe(false);
    expect(sameValues(values(base), values(base.slice(0, 2)))).toBe(false);
    expect(sameValues(values(base), values([...base, ['b', 'L2', 1, false]]))).toBe(false);
  });

  it('units: the same units in the same order are the same', () => {
    const u: NamedUnit[] = [
      { id: 'U1', lau_code: 'L1', lon: 19.8, lat: 41.3, name: 'One' },
      { id: 'U2', lau_code: 'L2', lon: 20.1, lat: 40.6, name: 'Two' },
    ];
    expect(
      sameUnits(
        u,
        u.map((x) => ({ ...x })),
      ),
    ).toBe(true);
    expect(sameUnits(u, [u[1]!, u[0]!])).toBe(false);
    expect(sameUnits(u, [u[0]!, { ...u[1]!, lat: 40.7 }])).toBe(false);
    expect(sameUnits(u, u.slice(1))).toBe(false);
  });
});
