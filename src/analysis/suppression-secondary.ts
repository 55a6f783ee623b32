/**
 * Secondary suppression: after primary suppression hides counts 1..k-1, a hidden cell must not be
 * recoverable from a total that is shown (county or national) minus the cells that are shown. Rules, applied
 * per group (a county) and then across groups (the nation), as statistical offices do (e.g. the UK DfE):
 *
 * 1. A group whose total is shown never has exactly one hidden cell: subtracting the shown cells from the
 *    total would give it back.
 * 2. The hidden cells of a group add up to at least k, or to 0: otherwise the total would still tell that
 *    every hidden cell is small (below k), which is what suppression hides.
 * Cells are hidden in ascending order of their count (the least information lost); when a group cannot
 * meet the rules, its total is hidden too, and the same rules then apply to the group totals under the
 * national total.
 */

/** One cell: a count (or a rate's numerator) of a municipality in a group (its county). */
export interface Cell {
  id: string;
  group: string;
  /** The count the cell rests on; null when missing (a missing cell hides nothing and reveals nothing). */
  count: number | null;
}

/** What may be shown. */
export interface SuppressionResult {
  /** Cells hidden, primary and secondary. */
  cells: Set<string>;
  /** Group totals hidden. */
  groups: Set<string>;
  /** True when the national total must be hidden too. */
  national: boolean;
}

interface Member {
  key: string;
  count: number;
}

function hiddenState(members: readonly Member[], hidden: ReadonlySet<string>): { n: number; sum: number } {
  let n = 0;
  let sum = 0;
  for (const m of members) {
    if (hidden.has(m.key)) {
      n++;
      sum += m.count;
    }
  }
  return { n, sum };
}

/** The rules hold for a group: no hidden cell, or at least two adding up to at least k. */
function safe(members: readonly Member[], hidden: ReadonlySet<string>, k: number): boolean {
  const { n, sum } = hiddenState(members, hidden);
  return n === 0 || (n >= 2 && sum >= k);
}

/**
 * Hides more members, smallest count first, until the rules hold. Zeros are never chosen: they add nothing
 * to the hidden sum. Returns false when the members run out first.
 */
function protect(members: readonly Member[], hidden: Set<string>, k: number): boolean {
  const candidates = members
    .filter((m) => !hidden.has(m.key) && m.count > 0)
    .sort((a, b) => a.count - b.count || (a.key < b.key ? -1 : 1));
  for (const c of candidates) {
    if (safe(members, hidden, k)) return true;
    hidden.add(c.key);
  }
  return safe(members, hidden, k);
}

/**
 * Primary plus secondary suppression of one table of cells whose group totals and national total are shown
 * elsewhere. `primary` holds the ids hidden by the small-count rule ({@link isSuppressed}). A group that
 * cannot be protected has its total hidden, and then the national total is hidden as well, so that it cannot
 * give that group total back.
 */
export function secondarySuppression(
  cells: readonly Cell[],
  primary: ReadonlySet<string>,
  k: number,
): SuppressionResult {
  const hidden = new Set<string>();
  const groups = new Map<string, Member[]>();
  for (const c of cells) {
    if (c.count === null) continue;
    if (primary.has(c.id)) hidden.add(c.id);
    const list = groups.get(c.group) ?? [];
    list.push({ key: c.id, count: c.count });
    groups.set(c.group, list);
  }
  const hiddenGroups = new Set<string>();
  for (const [group, members] of groups) {
    if (!protect(members, hidden, k)) hiddenGroups.add(group);
  }
  return { cells: hidden, groups: hiddenGroups, national: hiddenGroups.size > 0 };
}
