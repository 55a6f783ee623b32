/**
 * Second tables that show the same figures as a first: a count moved between two hidden cells that only a
 * shown total ties together (or no shown total at all) leaves every shown cell and total as it was.
 */

/** A hidden cell: where it is, what ties it to other hidden cells (a shown total), and its count. */
export interface Movable {
  index: number;
  group: string;
  value: number;
}

/**
 * Moves part of one hidden cell's count to another hidden cell of the same group, chosen by `pick`; returns
 * the two cells' new counts by index, or null when no group has two cells or there is nothing to move.
 */
export function moveWithin(
  cells: readonly Movable[],
  pick: readonly [number, number, number],
): Map<number, number> | null {
  const groups = new Map<string, Movable[]>();
  for (const c of cells) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const candidates = [...groups.values()].filter((g) => g.length >= 2 && g.some((c) => c.value > 0));
  if (candidates.length === 0) return null;
  const group = candidates[pick[0] % candidates.length]!;
  const givers = group.filter((c) => c.value > 0);
  const from = givers[pick[1] % givers.length]!;
  const others = group.filter((c) => c !== from);
  const to = others[pick[2] % others.length]!;
  const amount = 1 + (pick[2] % from.value);
  return new Map([
    [from.index, from.value - amount],
    [to.index, to.value + amount],
  ]);
}
