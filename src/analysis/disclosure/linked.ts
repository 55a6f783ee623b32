/**
 * Secondary suppression over linked totals: cells that are members of several totals at once (a
 * municipality's basic-school dropouts are part of its all-levels total and of Albania's basic total), and
 * totals that are cells of other totals. The rules of ../suppression-secondary.ts hold for every total that
 * is shown: it never has exactly one hidden member, and its hidden members add up to at least k (or to 0).
 * A total whose members cannot be protected is hidden itself, and a hidden total keeps at least one hidden
 * member (else it is the sum of what is shown, and gives back whatever it is a member of). Hiding a cell for one total can break another
 * that holds it, so the totals are gone over again until nothing changes (every pass only hides more, so
 * this ends). Cells are hidden smallest first, zeros never (they add nothing to the hidden sum).
 */

/** A total and the cells it adds up (all by id). */
export interface LinkedTotal {
  total: string;
  members: readonly string[];
}

/** Hides more cells of `counts` (hidden: `primary`, which is not changed) until every shown total is safe. */
export function suppressLinked(
  counts: ReadonlyMap<string, number | null>,
  totals: readonly LinkedTotal[],
  primary: ReadonlySet<string>,
  k: number,
): Set<string> {
  const hidden = new Set(primary);
  const count = (id: string) => counts.get(id) ?? 0;
  const safe = (members: readonly string[]) => {
    const h = members.filter((m) => hidden.has(m));
    return h.length === 0 || (h.length >= 2 && h.reduce((s, m) => s + count(m), 0) >= k);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of totals) {
      const members = t.members.filter((m) => counts.get(m) !== null && counts.has(m));
      const candidates = members
        .filter((m) => !hidden.has(m) && count(m) > 0)
        .sort((a, b) => count(a) - count(b) || (a < b ? -1 : 1));
      if (hidden.has(t.total)) {
        // A hidden total whose members are all shown is their sum: one of them must be hidden with it.
        if (members.some((m) => hidden.has(m)) || candidates.length === 0) continue;
        hidden.add(candidates[0]!);
        changed = true;
        continue;
      }
      if (safe(members)) continue;
      for (const c of candidates) {
        hidden.add(c);
        if (safe(members)) break;
      }
      if (!safe(members)) hidden.add(t.total);
      changed = true;
    }
  }
  return hidden;
}
