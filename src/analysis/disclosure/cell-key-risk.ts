/**
 * What a differencing attacker learns about a hidden small cell from cell-key-perturbed counts
 * (docs/privacy.md, "Cell-key perturbation"). The attack: a cell A whose part "A and not B" holds c records,
 * 1 <= c <= k-1, is shown, and so is "A and B"; shown(A) - shown(A and B) estimates c.
 *
 * Because the records' keys are uniform and unknown, the key of "A and not B" (c >= 1 records) is uniform
 * and independent of the key of "A and B", so the cell keys of A and of "A and B" are independent: the
 * likelihood of what is shown is a product of ptable probabilities. Two attackers are modelled, both knowing
 * the ptable and that 1 <= c <= k-1 (uniform prior on it):
 *
 * - the **pair attacker** sees only the two shown counts;
 * - the **informed attacker** knows the true count of "A and B" exactly (say from many other tables) and sees
 *   shown(A); the worst case for one differencing.
 */
import { buildPTable, RECORD_KEY_RANGE, type CellKeyParams, type PTable } from './ptable';

/** The probability that a cell of true count n shows `shown` (its key uniform). */
export function showProbability(table: PTable, n: number, shown: number): number {
  const row = table.rows[Math.min(n, table.nClip)]!;
  return (row.entries.find((e) => n + e.noise === shown)?.keys ?? 0) / RECORD_KEY_RANGE;
}

/** The hidden counts 1 .. k-1. */
function smallCounts(table: PTable): number[] {
  return Array.from({ length: table.params.k - 1 }, (_, i) => i + 1);
}

/**
 * The informed attacker's posterior over the hidden count c in 1 .. k-1, given the true count `rest` of
 * "A and B" and shown(A). Zero-probability values are absent; the values add up to 1.
 */
export function informedPosterior(params: CellKeyParams, rest: number, shownA: number): Map<number, number> {
  const table = buildPTable(params);
  const like = smallCounts(table).map((c) => [c, showProbability(table, rest + c, shownA)] as const);
  const total = like.reduce((s, [, l]) => s + l, 0);
  return new Map(like.filter(([, l]) => l > 0).map(([c, l]) => [c, l / total]));
}

/** The hidden counts in 1 .. k-1 the pair attacker cannot rule out, given shown(A) and shown(A and B). */
export function pairConsistent(params: CellKeyParams, shownA: number, shownAB: number): number[] {
  const table = buildPTable(params);
  const d = params.maxNoise;
  const candidates: number[] = [];
  for (let rest = Math.max(0, shownAB - d); rest <= shownAB + d; rest++) {
    if (showProbability(table, rest, shownAB) > 0) candidates.push(rest);
  }
  return smallCounts(table).filter((c) =>
    candidates.some((rest) => showProbability(table, rest + c, shownA) > 0),
  );
}

/** The informed attacker's risk for one configuration, over the 256 equally likely keys of A. */
export interface InformedRisk {
  /** The probability that shown(A) leaves only the true c possible (an exact disclosure). */
  exact: number;
  /** The expected posterior probability of the true c. */
  expectedPosterior: number;
}

/** {@link InformedRisk} when "A and B" has `rest` records and "A and not B" has `c` (1 <= c <= k-1). */
export function informedRisk(params: CellKeyParams, rest: number, c: number): InformedRisk {
  const table = buildPTable(params);
  const row = table.rows[Math.min(rest + c, table.nClip)]!;
  let exact = 0;
  let expectedPosterior = 0;
  for (const e of row.entries) {
    const posterior = informedPosterior(params, rest, rest + c + e.noise);
    const p = e.keys / RECORD_KEY_RANGE;
    if (posterior.size === 1) exact += p;
    expectedPosterior += p * posterior.get(c)!;
  }
  return { exact, expectedPosterior };
}

/**
 * The largest {@link InformedRisk} over every configuration: rest from 0 to nClip and c from 1 to k-1. That
 * covers all: from rest = nClip up, every count involved uses the last row, so the risk no longer changes.
 */
export function worstInformedRisk(params: CellKeyParams): InformedRisk & { rest: number; c: number } {
  const table = buildPTable(params);
  let worst = { exact: 0, expectedPosterior: 0, rest: 0, c: 1 };
  for (let rest = 0; rest <= table.nClip; rest++) {
    for (const c of smallCounts(table)) {
      const r = informedRisk(params, rest, c);
      if (
        r.exact > worst.exact ||
        (r.exact === worst.exact && r.expectedPosterior > worst.expectedPosterior)
      ) {
        worst = { ...r, rest, c };
      }
    }
  }
  return worst;
}

/**
 * The probability that the pair attacker's plain difference shown(A) - shown(A and B) equals the hidden c:
 * that the two independent noises coincide.
 */
export function exactDifferenceProbability(params: CellKeyParams, rest: number, c: number): number {
  const table = buildPTable(params);
  const a = table.rows[Math.min(rest + c, table.nClip)]!;
  const b = table.rows[Math.min(rest, table.nClip)]!;
  return a.entries.reduce((s, e) => {
    const same = b.entries.find((f) => f.noise === e.noise);
    return s + (e.keys * (same?.keys ?? 0)) / RECORD_KEY_RANGE ** 2;
  }, 0);
}
