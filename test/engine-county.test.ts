import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuppressed } from '../src/analysis/suppression';
import type { Connector } from '../src/engine/connector';
import { createEngine, type Engine } from '../src/engine/engine';
import type { Catalog } from '../src/engine/schema';
import { demoConnector, demoMunicipalities } from './engine-setup';
import { buildDemo } from '../data/demo/build';

const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as Catalog;
const meta = (id: string) => catalog.indicators.find((i) => i.id === id)!;

// The full data: the served county totals were computed from it at build time (the served file withholds
// the small cells, so adding up what it holds would not give them).
const rows = buildDemo().values;
const countyOf = new Map(demoMunicipalities().map((m) => [m.lau_code, m.qark_code]));

let conn: Connector;
let engine: Engine;
beforeAll(async () => {
  conn = await demoConnector();
  engine = createEngine(conn);
});
afterAll(() => conn.close());

describe('county level', () => {
  it('rates are summed numerators over summed denominators, computed independently in JS', async () => {
    const m = meta('cp_cases_rate');
    const years = await engine.countyYears(m, 5);
    const y2025 = years.get(2025)!;
    expect(y2025).toHaveLength(12);
    for (const c of y2025) {
      const mine = rows.filter(
        (r) => r.indicator === m.id && r.year === 2025 && countyOf.get(r.lau_code) === c.lau_code,
      );
      const num = mine.reduce((s, r) => s + (r.numerator ?? 0), 0);
      const den = mine.reduce((s, r) => s + (r.denominator ?? 0), 0);
      if (c.suppressed) expect(c.value).toBeNull();
      else expect(c.value).toBeCloseTo((num / den) * m.scale, 9);
    }
  });

  it('counts add up, and no county value shown rests on a small count', async () => {
    for (const id of ['child_pop', 'cp_cases_rate']) {
      const m = meta(id);
      for (const k of [5, 20]) {
        for (const list of (await engine.countyYears(m, k)).values()) {
          for (const c of list) {
            if (c.suppressed) continue;
            expect(isSuppressed(m, c.value, c.numerator ?? null, k)).toBe(false);
          }
        }
      }
    }
  });

  it('every year at once equals the one-year answer, with numerators only where the value is shown', async () => {
    const m = meta('cp_cases_rate');
    const all = await engine.allYears(m, 5);
    expect([...all.keys()].sort()).toEqual(Array.from({ length: 11 }, (_, i) => 2015 + i));
    const one = await engine.choropleth(m, 2020, 5);
    expect(all.get(2020)).toEqual(one);
    for (const v of one) if (v.suppressed) expect([v.numerator, v.denominator]).toEqual([null, null]);
  });
});
