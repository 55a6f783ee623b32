/**
 * Properties of the siting core on random instances: covered demand never drops when a site is added, the
 * optimum for k + 1 is at least that for k, existing units are never dropped (and what they cover stays
 * covered), the curve is monotone, the set cover is minimal (brute force), and the coverage gap adds up.
 */
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageCurve } from '../../src/analysis/planning/curve';
import { coverageGap } from '../../src/analysis/planning/gap';
import {
  compileInstance,
  coveredDemand,
  coveredMask,
  existingSites,
} from '../../src/analysis/planning/problem';
import { minimumCover } from '../../src/analysis/planning/set-cover';
import { solvePlan } from '../../src/analysis/planning/solve';
import { arbInstance, bruteForceCover } from './instances';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

describe('siting properties', { timeout: 60_000 }, () => {
  it('adding a site never lowers the covered demand', () => {
    fc.assert(
      fc.property(
        arbInstance(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.nat(),
        (instance, picks, extra) => {
          const p = compileInstance(instance);
          const n = p.siteIds.length;
          const set = picks.map((x) => x % n);
          expect(coveredDemand(p, [...set, extra % n])).toBeGreaterThanOrEqual(coveredDemand(p, set));
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('the optimum for k + 1 is at least the optimum for k, and the curve agrees', () => {
    fc.assert(
      fc.property(arbInstance({ maxSites: 10 }), (instance) => {
        const curve = coverageCurve(instance, 5, { method: 'exact' }, highs);
        let previous = solvePlan(instance, { k: 0 }, { method: 'exact' }, highs).objective;
        for (const point of curve) {
          expect(point.objective).toBeGreaterThanOrEqual(previous - tol(previous));
          expect(point.gain).toBeCloseTo(point.objective - previous, 6);
          previous = point.objective;
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('existing units are never dropped, and what they cover stays covered', () => {
    fc.assert(
      fc.property(arbInstance(), fc.integer({ min: 0, max: 5 }), fc.boolean(), (instance, k, exact) => {
        const p = compileInstance(instance);
        const fixed = existingSites(p).map((j) => p.siteIds[j]!);
        const s = solvePlan(instance, { k }, { method: exact ? 'exact' : 'greedy' }, highs);
        expect(s.existing).toEqual(fixed);
        expect(s.sites.some((id) => fixed.includes(id))).toBe(false);
        const mask = coveredMask(p, existingSites(p));
        const covered = new Set(s.covered);
        p.demandIds.forEach((id, i) => {
          if (mask[i]) expect(covered.has(id)).toBe(true);
        });
        expect(s.objective).toBeGreaterThanOrEqual(s.baseline - tol(s.baseline));
        // Marginal gains add up to what the new sites add, and each site adds something.
        const gains = s.marginalGains.reduce((a, g) => a + g.gain, 0);
        expect(gains).toBeCloseTo(s.objective - s.baseline, 6);
        for (const g of s.marginalGains) expect(g.gain).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('the set cover is the smallest full cover of reachable demand (brute force), greedy never smaller', () => {
    fc.assert(
      fc.property(arbInstance({ costs: true }), (instance) => {
        const exact = minimumCover(instance, highs);
        const greedy = minimumCover(instance);
        const best = bruteForceCover(instance);
        expect(exact.status).toBe('optimal');
        expect(exact.cost).toBe(best);
        expect(greedy.cost).toBeGreaterThanOrEqual(best);
        // Both really cover everything a site can reach.
        const p = compileInstance(instance);
        const all = coveredDemand(
          p,
          p.siteIds.map((_, j) => j),
        );
        for (const c of [exact, greedy]) {
          const open = [...existingSites(p), ...c.sites.map((id) => p.siteIds.indexOf(id))];
          expect(coveredDemand(p, open)).toBe(all);
        }
      }),
      { numRuns: 120, seed: 13 },
    );
  });

  it('the coverage gap and the k = 0 plan agree', () => {
    fc.assert(
      fc.property(arbInstance(), (instance) => {
        const gap = coverageGap(instance);
        const plan = solvePlan(instance, { k: 0 }, { method: 'greedy' });
        expect(gap.coveredDemand).toBeCloseTo(plan.baseline, 6);
        expect(gap.uncoveredDemand + gap.coveredDemand).toBeCloseTo(gap.totalDemand, 6);
        for (const r of gap.rows) expect(r.covered).toBe(r.reachedBy.length > 0);
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
