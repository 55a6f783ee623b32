/**
 * The whole small-count policy for one indicator in one year, over every municipality: primary suppression
 * of counts 1..k-1 (or rates resting on them), then secondary suppression against the county and national
 * totals. The map, the chart, the table and the precomputed first view all go through this one function.
 */
import { isSuppressed } from './suppression';
import { secondarySuppression } from './suppression-secondary';

/** One municipality's figures and its county. */
export interface PolicyRow {
  id: string;
  group: string;
  value: number | null;
  numerator: number | null;
  /**
   * Withheld at source: hidden whatever its count (absent from the served file). Its `value`/`numerator` then
   * stand for its share of what the shown totals say the withheld cells add up to (./disclosure/withheld-shares.ts).
   */
  withheld?: boolean;
}

/** What may be shown of one indicator-year. */
export interface PolicyResult {
  /** Ids of the hidden cells. */
  hidden: Set<string>;
  /** Counties whose totals are hidden. */
  hiddenGroups: Set<string>;
  /** True when the national total is hidden. */
  nationalHidden: boolean;
}

/** Applies primary and secondary suppression to one indicator-year. */
export function suppressTable(
  meta: { sensitive: boolean; aggregation: 'sum' | 'ratio' },
  rows: readonly PolicyRow[],
  k: number,
): PolicyResult {
  if (!meta.sensitive) return { hidden: new Set(), hiddenGroups: new Set(), nationalHidden: false };
  const primary = new Set(
    rows.filter((r) => r.withheld === true || isSuppressed(meta, r.value, r.numerator, k)).map((r) => r.id),
  );
  const cells = rows.map((r) => ({
    id: r.id,
    group: r.group,
    count: meta.aggregation === 'sum' ? r.value : r.numerator,
  }));
  const result = secondarySuppression(cells, primary, k);
  return { hidden: result.cells, hiddenGroups: result.groups, nationalHidden: result.national };
}
