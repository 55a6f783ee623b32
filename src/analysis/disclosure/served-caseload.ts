/**
 * Suppression at source for the units' caseload (children assisted, a sensitive count): per year, the one
 * policy over every unit grouped by its county, as the coverage view applies it (src/analysis/coverage.ts).
 * A withheld row keeps its unit and year, with children_assisted null and status {@link HIDDEN}; the reader
 * then withholds every total the row is part of, since it cannot add a figure it does not have.
 */
import { suppressTable } from '../suppression-table';
import { HIDDEN } from './served-values';

/** One unit-year of caseload. */
export interface FullCaseload {
  facility_id: string;
  year: number;
  children_assisted: number | null;
}

/** A caseload row as served. */
export interface ServedCaseload extends FullCaseload {
  status: string | null;
}

const COUNT = { sensitive: true, aggregation: 'sum' } as const;

/** Suppresses every year's caseload at threshold `k`; `countyOf` maps a unit's id to its county. */
export function serveCaseload(
  rows: readonly FullCaseload[],
  countyOf: ReadonlyMap<string, string>,
  k: number,
): { caseload: ServedCaseload[]; hidden: number } {
  const years = [...new Set(rows.map((r) => r.year))];
  const hidden = new Set<FullCaseload>();
  for (const year of years) {
    const list = rows.filter((r) => r.year === year);
    const policy = suppressTable(
      COUNT,
      list.map((r, i) => ({
        id: String(i),
        group: countyOf.get(r.facility_id) ?? '',
        value: r.children_assisted,
        numerator: r.children_assisted,
      })),
      k,
    );
    list.forEach((r, i) => {
      if (policy.hidden.has(String(i))) hidden.add(r);
    });
  }
  const caseload = rows.map((r): ServedCaseload =>
    hidden.has(r) ? { ...r, children_assisted: null, status: HIDDEN } : { ...r, status: null },
  );
  return { caseload, hidden: hidden.size };
}
