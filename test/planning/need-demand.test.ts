import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catchmentGeometry, parseCatchment, type MunicipalityFeature } from '../../src/analysis/catchment';
import { coverageGap } from '../../src/analysis/planning/gap';
import { childrenAtRisk, siteReach, sitingInstance } from '../../src/analysis/planning/need-demand';
import type { NeedScore } from '../../src/analysis/planning/need-index';

const score = (lau_code: string, s: number, rank: number): NeedScore => ({
  lau_code,
  score: s,
  rank,
  contributions: {},
  missing: [],
});

describe('childrenAtRisk', () => {
  it('children x need rescaled to [0, 1]; unknown child counts reported', () => {
    const r = childrenAtRisk(
      [score('A', 2, 1), score('B', 1, 2), score('C', 0, 3), score('D', 1.5, 4)],
      new Map([
        ['A', 100],
        ['B', 200],
        ['C', 300],
        ['D', null],
      ]),
    );
    expect([...r.demand]).toEqual([
      ['A', 100],
      ['B', 100],
      ['C', 0],
    ]);
    expect(r.unknown).toEqual(['D']);
  });

  it('equal scores: every child counts', () => {
    const r = childrenAtRisk(
      [score('A', 0.3, 1), score('B', 0.3, 2)],
      new Map([
        ['A', 5],
        ['B', 7],
      ]),
    );
    expect([...r.demand.values()]).toEqual([5, 7]);
  });
});

describe('sitingInstance on the real boundaries', () => {
  const b = JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as {
    features: MunicipalityFeature[];
  };
  const geom = catchmentGeometry(b.features);
  const demand = new Map(geom.places.map((p, i) => [p.lau_code, i + 1]));

  it('one candidate per municipality, existing units fixed; own municipality always covered', () => {
    const p = geom.places[0]!;
    const inst = sitingInstance(
      demand,
      siteReach(geom, parseCatchment('self'), [{ id: 'u1', lau_code: p.lau_code, lon: p.lon, lat: p.lat }]),
    );
    expect(inst.sites.filter((s) => !s.existing)).toHaveLength(61);
    expect(inst.sites.filter((s) => s.existing).map((s) => s.id)).toEqual(['unit:u1']);
    for (const q of geom.places) expect(inst.coverage.get(q.lau_code)).toEqual([q.lau_code]);
    const gap = coverageGap(inst);
    expect(gap.rows.find((r) => r.id === p.lau_code)!.covered).toBe(true);
    expect(gap.uncoveredDemand).toBe(gap.totalDemand - demand.get(p.lau_code)!);
  });

  it('a wider catchment never reaches fewer municipalities; coverage only names demand points', () => {
    const small = siteReach(geom, parseCatchment('10km'), []);
    const large = siteReach(geom, parseCatchment('50km'), []);
    for (const [id, laus] of small.reach) {
      expect(large.reach.get(id)!.length).toBeGreaterThanOrEqual(laus.length);
    }
    const some = new Map([...demand].slice(0, 10));
    const inst = sitingInstance(some, large);
    for (const laus of inst.coverage.values()) for (const l of laus) expect(some.has(l)).toBe(true);
  });
});
