/**
 * How many case records the demo has in each municipality-year (n) and how many of them are trafficking or
 * exploitation (t), from the indicators as served: n is cp_cases_rate's numerator and t is
 * trafficking_referrals, exactly, wherever they are shown. A cell hidden by suppression gets a count that
 * keeps every shown figure true: its county's hidden cells share out the county total less the shown cells
 * (evenly, within bounds: at least 1, a cell's t never above its n, its n never below a shown t). Where the
 * county total is hidden too, a hidden cell gets a small count (1 to k-1, as a primary-suppressed cell is).
 * Nothing hidden is recovered: the counts are made from shown figures only.
 */
import { fill, type Bounds } from './allocate';
import { recordHash } from './mix32';

/** One municipality-year as served: null where the figure is hidden (or missing). */
export interface ServedCell {
  lau_code: string;
  county: string;
  year: number;
  /** cp_cases_rate's numerator. */
  n: number | null;
  /** trafficking_referrals. */
  t: number | null;
}

/** A county-year total as served (null where hidden or missing). */
export interface ServedTotal {
  county: string;
  year: number;
  n: number | null;
  t: number | null;
}

/** A cell of the demo's records: n cases, the first t of them trafficking or exploitation. */
export interface CaseCell {
  /** The cell's number (its identity in the record hashes): its index in the input. */
  cell: number;
  lau_code: string;
  year: number;
  n: number;
  t: number;
}

const groupKey = (county: string, year: number) => `${county}\u0000${year}`;

/** A small count in 1..k-1 for a hidden cell whose group total is not known, fixed by the cell. */
function small(seed: number, cell: number, salt: number, k: number): number {
  return 1 + (recordHash(seed, cell, salt) % Math.max(1, k - 1));
}

/** Shares `total` (null: unknown) among the hidden cells `idx` with `bounds`, else small counts capped. */
function share(
  total: number | null,
  idx: readonly number[],
  bounds: readonly Bounds[],
  fallback: (i: number) => number,
  seed: number,
): number[] {
  const priority = idx
    .map((_, j) => j)
    .sort((a, b) => recordHash(seed, idx[a]!, 7) - recordHash(seed, idx[b]!, 7));
  const filled = total === null ? null : fill(total, bounds, priority);
  return filled ?? idx.map((i, j) => clamp(fallback(i), bounds[j]!));
}

const clamp = (x: number, b: Bounds) => Math.min(b.hi, Math.max(b.lo, x));

/** The demo's cells, in the order given, from the served cells and county totals. */
export function demoCaseCells(
  cells: readonly ServedCell[],
  totals: readonly ServedTotal[],
  seed: number,
  k: number,
): CaseCell[] {
  const total = new Map(totals.map((t) => [groupKey(t.county, t.year), t]));
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const key = groupKey(c.county, c.year);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const n = cells.map((c) => (c.n === null ? null : Math.round(c.n)));
  const t = cells.map((c, i) => (c.t === null ? null : Math.min(Math.round(c.t), n[i] ?? Infinity)));
  for (const [key, members] of groups) {
    const shown = (xs: (number | null)[]) => members.reduce((s, i) => s + (xs[i] ?? 0), 0);
    const known = total.get(key);
    // Cases first: a hidden cell holds at least one case, and at least its shown trafficking count.
    const hiddenN = members.filter((i) => n[i] === null);
    const nTotal = known?.n == null ? null : Math.round(known.n) - shown(n);
    const nBounds = hiddenN.map((i) => ({ lo: Math.max(1, t[i] ?? 0), hi: Infinity }));
    const nShare = share(nTotal, hiddenN, nBounds, (i) => small(seed, i, 1, k), seed);
    hiddenN.forEach((i, j) => (n[i] = nShare[j]!));
    // Then trafficking: never more than the cell's cases.
    const hiddenT = members.filter((i) => t[i] === null);
    const tTotal = known?.t == null ? null : Math.round(known.t) - shown(t);
    const tBounds = hiddenT.map((i) => ({ lo: Math.min(1, n[i]!), hi: n[i]! }));
    const tShare = share(tTotal, hiddenT, tBounds, (i) => small(seed, i, 2, k), seed);
    hiddenT.forEach((i, j) => (t[i] = tShare[j]!));
  }
  return cells.map((c, i) => ({ cell: i, lau_code: c.lau_code, year: c.year, n: n[i]!, t: t[i]! }));
}

/** Municipalities and years with a weight each: what synthetic records are drawn over. */
export interface PlaceWeights {
  lauCodes: readonly string[];
  /** Nonnegative weight of each municipality (not all 0). */
  lauWeights: readonly number[];
  years: readonly number[];
  yearWeights: readonly number[];
}

/** The demo's cases per municipality (codes in order) and per year (in order): the CLI's weights. */
export function placeWeights(cells: readonly CaseCell[]): PlaceWeights {
  const sum = (key: (c: CaseCell) => string | number) => {
    const m = new Map<string | number, number>();
    for (const c of cells) m.set(key(c), (m.get(key(c)) ?? 0) + c.n);
    return m;
  };
  const byLau = sum((c) => c.lau_code);
  const byYear = sum((c) => c.year);
  const lauCodes = [...byLau.keys()].map(String).sort();
  const years = [...byYear.keys()].map(Number).sort((a, b) => a - b);
  return {
    lauCodes,
    lauWeights: lauCodes.map((l) => byLau.get(l) ?? 0),
    years,
    yearWeights: years.map((y) => byYear.get(y) ?? 0),
  };
}
