/**
 * Differencing against cell-key perturbation (docs/privacy.md, "Cell-key perturbation"): random record sets
 * where "A and not B" holds a hidden small count c (1 .. k-1), and an attacker who sees shown(A) and
 * shown(A and B). What is asserted, and nothing more:
 *
 * - the plain difference shown(A) - shown(A and B) equals c only when the two noises coincide, which happens
 *   as often as the ptable says, and then the two shown counts are still consistent with at least two
 *   hidden values: the attacker cannot tell a right guess from a wrong one;
 * - an informed attacker who even knows the true count of "A and B" pins c down exactly with a probability
 *   no larger than the worst case computed from the ptable (under 4% for the defaults, under 0.5% once
 *   "A and B" holds nClip records or more), and the simulated attacks hit exactly as often as that
 *   model predicts (so the two cell keys do behave as independent);
 * - not asserted, because it is false: that no single attack ever recovers c. Bounded noise cannot promise
 *   that; the guarantee is the probability, and that nobody can verify which attacks succeeded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPTable,
  cellKeyOf,
  DEFAULT_CELL_KEY_PARAMS as PARAMS,
  perturbCell,
  RECORD_KEY_RANGE,
} from '../../src/analysis/disclosure/cell-key';
import {
  exactDifferenceProbability,
  informedPosterior,
  informedRisk,
  pairConsistent,
  worstInformedRisk,
} from '../../src/analysis/disclosure/cell-key-risk';

const RUNS = 20_000;
const Z = 4.5;
const table = buildPTable(PARAMS);
const key = fc.integer({ min: 0, max: RECORD_KEY_RANGE - 1 });
const records = (region: 'N' | 'S', sex: fc.Arbitrary<'F' | 'M'>, min: number, max: number) =>
  fc.array(fc.record({ region: fc.constant(region), sex, key }), { minLength: min, maxLength: max });

/** A record set: "A" is region N, "B" is sex F; "A and not B" holds 1 .. k-1 records. */
const dataset = fc
  .tuple(
    fc.oneof(records('N', fc.constant('F'), 0, 14), records('N', fc.constant('F'), 15, 120)),
    records('N', fc.constant('M'), 1, PARAMS.k - 1),
    records('S', fc.constantFrom('F', 'M'), 0, 30),
  )
  .map(([ab, anb, out]) => [...out, ...anb, ...ab]);

describe('differencing two shown counts', { timeout: 120_000 }, () => {
  it('never verifiably gives away a hidden small count', () => {
    const worst = worstInformedRisk(PARAMS);
    let informedHits = 0;
    let informedExpected = 0;
    let informedVariance = 0;
    let naiveHits = 0;
    let naiveExpected = 0;
    let naiveVariance = 0;
    fc.assert(
      fc.property(dataset, (all) => {
        const a = all.filter((r) => r.region === 'N');
        const ab = a.filter((r) => r.sex === 'F');
        const c = a.length - ab.length;
        const shownA = perturbCell(a.length, cellKeyOf(a.map((r) => r.key)));
        const shownAB = perturbCell(ab.length, cellKeyOf(ab.map((r) => r.key)));
        for (const s of [shownA, shownAB]) expect(s === 0 || s >= PARAMS.k).toBe(true);

        // The pair attacker: the truth is among the values it cannot rule out.
        const consistent = pairConsistent(PARAMS, shownA, shownAB);
        expect(consistent).toContain(c);
        if (shownA - shownAB === c) {
          naiveHits += 1;
          expect(consistent.length).toBeGreaterThanOrEqual(2);
        }
        const pNaive = exactDifferenceProbability(PARAMS, ab.length, c);
        naiveExpected += pNaive;
        naiveVariance += pNaive * (1 - pNaive);

        // The informed attacker (knows |A and B|): the truth has positive posterior; exact disclosure is rare.
        const posterior = informedPosterior(PARAMS, ab.length, shownA);
        expect(posterior.get(c)).toBeGreaterThan(0);
        if (posterior.size === 1) informedHits += 1;
        const risk = informedRisk(PARAMS, ab.length, c);
        expect(risk.exact).toBeLessThanOrEqual(worst.exact);
        if (ab.length >= table.nClip) expect(risk.exact).toBeLessThan(0.005);
        informedExpected += risk.exact;
        informedVariance += risk.exact * (1 - risk.exact);
      }),
      { numRuns: RUNS, seed: 15 },
    );
    // The documented bounds.
    expect(worst.exact).toBeLessThan(0.04);
    // Simulation and model agree (the keys of A and of "A and B" act as independent).
    expect(Math.abs(informedHits - informedExpected)).toBeLessThanOrEqual(
      Z * Math.sqrt(informedVariance) + 1,
    );
    expect(Math.abs(naiveHits - naiveExpected)).toBeLessThanOrEqual(Z * Math.sqrt(naiveVariance) + 1);
    // And the plain difference is wrong far more often than right.
    expect(naiveHits / RUNS).toBeLessThan(0.5);
  });

  it('exhaustively: a plain difference equal to c is always consistent with two values or more', () => {
    let cases = 0;
    for (let rest = 0; rest <= table.nClip + PARAMS.k; rest++) {
      for (let c = 1; c < PARAMS.k; c++) {
        const rowA = table.rows[Math.min(rest + c, table.nClip)]!;
        const rowAB = table.rows[Math.min(rest, table.nClip)]!;
        for (const { noise } of rowA.entries.filter((e) => rowAB.entries.some((f) => f.noise === e.noise))) {
          cases += 1;
          const consistent = pairConsistent(PARAMS, rest + c + noise, rest + noise);
          expect(consistent).toContain(c);
          expect(consistent.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
  });

  it('the informed worst case covers larger counts too (the last row repeats)', () => {
    const worst = worstInformedRisk(PARAMS);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: PARAMS.k - 1 }),
        (rest, c) => {
          const risk = informedRisk(PARAMS, rest, c);
          expect(risk.exact).toBeLessThanOrEqual(worst.exact);
          if (rest >= table.nClip) expect(risk).toEqual(informedRisk(PARAMS, table.nClip, c));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
