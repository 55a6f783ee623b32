/**
 * Greedy siting with a stated optimality gap. Covered demand is a monotone submodular function of the open
 * sites, so for any set S and the optimum O under the same limit:
 *
 *   f(O) <= f(S) + sum of j in O of gain_j(S) <= f(S) + (best gains of S that fit the limit)
 *
 * i.e. a (fractional) knapsack of the marginal gains w.r.t. S: the k largest for a count, the gain/cost
 * ratio fill for a budget. Evaluated after every greedy step, the smallest is the upper bound (Nemhauser,
 * Wolsey & Fisher 1978; Minoux 1978). For a count limit the classic (1 - 1/e) guarantee is folded in too.
 * The exact solver's LP relaxation can tighten it further (see mclp-highs.ts).
 */
import {
  candidateSites,
  checkLimit,
  coveredMask,
  existingSites,
  type CompiledInstance,
  type SitingLimit,
} from './problem';

/** The greedy choice and the best upper bound it proves. */
export interface GreedyResult {
  /** New sites in the order they were picked. */
  sites: number[];
  /** Covered demand (existing + new). */
  objective: number;
  /** Upper bound on the optimum under the same limit. */
  upperBound: number;
}

const ONE_MINUS_INV_E = 1 - 1 / Math.E;

function gainsOf(p: CompiledInstance, mask: Uint8Array, candidates: readonly number[]): Float64Array {
  return Float64Array.from(candidates, (j) => {
    let g = 0;
    for (const i of p.covers[j]!) if (!mask[i]) g += p.weights[i]!;
    return g;
  });
}

/** f(S) + the best marginal gains that fit the limit (fractional knapsack): an upper bound on the optimum. */
function onlineBound(
  p: CompiledInstance,
  value: number,
  gains: Float64Array,
  candidates: readonly number[],
  limit: SitingLimit,
): number {
  if ('k' in limit) {
    const top = [...gains].sort((a, b) => b - a).slice(0, limit.k);
    return value + top.reduce((s, g) => s + g, 0);
  }
  let room = limit.budget;
  let bound = value;
  const items = candidates
    .map((j, at) => ({ gain: gains[at]!, cost: p.costs[j]! }))
    .filter((it) => it.gain > 0)
    .sort(
      (a, b) => (b.cost === 0 ? Infinity : b.gain / b.cost) - (a.cost === 0 ? Infinity : a.gain / a.cost),
    );
  for (const it of items) {
    if (it.cost <= room) {
      bound += it.gain;
      room -= it.cost;
    } else {
      bound += (it.gain * room) / it.cost;
      break;
    }
  }
  return bound;
}

function sumCovered(p: CompiledInstance, mask: Uint8Array): number {
  let v = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) v += p.weights[i]!;
  return v;
}

/** One greedy pass: by gain for a count, by gain per cost for a budget. */
function greedyPass(
  p: CompiledInstance,
  limit: SitingLimit,
  byRatio: boolean,
): { sites: number[]; objective: number; bound: number } {
  const mask = coveredMask(p, existingSites(p));
  const base = sumCovered(p, mask);
  const left = candidateSites(p);
  const all = [...left];
  const sites: number[] = [];
  let value = base;
  let room = 'k' in limit ? limit.k : limit.budget;
  let bound = Infinity;
  for (;;) {
    const gains = gainsOf(p, mask, all);
    bound = Math.min(bound, onlineBound(p, value, gains, all, limit));
    if (room <= 0 && 'k' in limit) break;
    let best = -1;
    let bestScore = 0;
    left.forEach((j, at) => {
      const g = gains[all.indexOf(j)]!;
      const cost = 'k' in limit ? 1 : p.costs[j]!;
      if (g <= 0 || cost > room + 1e-9 * Math.max(1, room)) return;
      const score = byRatio ? (cost === 0 ? Infinity : g / cost) : g;
      if (best < 0 || score > bestScore) {
        best = at;
        bestScore = score;
      }
    });
    if (best < 0) break;
    const j = left.splice(best, 1)[0]!;
    for (const i of p.covers[j]!) mask[i] = 1;
    value = sumCovered(p, mask);
    room -= 'k' in limit ? 1 : p.costs[j]!;
    sites.push(j);
  }
  if ('k' in limit && limit.k > 0) {
    bound = Math.min(bound, base + (value - base) / ONE_MINUS_INV_E);
  }
  return { sites, objective: value, bound: Math.max(bound, value) };
}

/**
 * Greedy siting. For a count limit: the site with the largest gain, k times. For a budget: the best of the
 * gain-per-cost greedy and the plain gain greedy (that pair is what the budgeted guarantee rests on).
 */
export function greedySolve(p: CompiledInstance, limit: SitingLimit): GreedyResult {
  checkLimit(limit);
  if ('k' in limit) {
    const r = greedyPass(p, limit, false);
    return { sites: r.sites, objective: r.objective, upperBound: r.bound };
  }
  const ratio = greedyPass(p, limit, true);
  const plain = greedyPass(p, limit, false);
  const best = plain.objective > ratio.objective ? plain : ratio;
  return { sites: best.sites, objective: best.objective, upperBound: Math.min(ratio.bound, plain.bound) };
}
