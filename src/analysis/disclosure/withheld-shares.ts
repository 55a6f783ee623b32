/**
 * Cells withheld at source, as the policy sees them in a viewer. A served file at threshold k0 withholds
 * cells; a viewer may raise the threshold to k > k0 and the secondary rules must then hold at k. They need
 * the sum of each county's hidden cells, which an onlooker knows anyway when the county's total is served:
 * total minus the shown cells. Each withheld cell of the county stands for an equal share of it (the rules
 * look only at how many cells are hidden and what they add up to). Where the total is itself withheld (or
 * not served), nothing is known and each withheld cell stands for k: the group's total is hidden in any
 * case, and the rules then ask for nothing more of it.
 */
import type { PolicyRow } from '../suppression-table';

/** The status of a figure withheld at source. */
export { HIDDEN as WITHHELD } from './served-values';

/** A served county total (as a count: a rate's numerator). */
export interface GroupTotal {
  code: string;
  count: number | null;
  withheld: boolean;
}

/** `rows` with each withheld cell's value and numerator set to its share of its county's withheld sum. */
export function withheldShares(
  meta: { aggregation: 'sum' | 'ratio' },
  rows: readonly PolicyRow[],
  totals: readonly GroupTotal[],
  k: number,
): PolicyRow[] {
  if (!rows.some((r) => r.withheld)) return [...rows];
  const total = new Map(totals.map((t) => [t.code, t]));
  const share = new Map<string, number>();
  for (const group of new Set(rows.filter((r) => r.withheld).map((r) => r.group))) {
    const members = rows.filter((r) => r.group === group);
    const hidden = members.filter((r) => r.withheld).length;
    const t = total.get(group);
    if (!t || t.withheld || t.count === null) {
      share.set(group, k);
      continue;
    }
    const shown = members.filter((r) => !r.withheld).reduce((s, r) => s + (r.numerator ?? 0), 0);
    share.set(group, Math.max(0, t.count - shown) / hidden);
  }
  return rows.map((r) => {
    if (!r.withheld) return r;
    const n = share.get(r.group) ?? k;
    return { ...r, value: meta.aggregation === 'sum' ? n : r.value, numerator: n };
  });
}
