/**
 * Suppression at source for school data (issue 12). A school's dropouts of 1 to k-1 are withheld (its rate
 * would give them back with its enrolment), and so is a further school of the municipality wherever the
 * municipality's total would otherwise give a withheld school back. The municipality totals of each level
 * are computed here from the full data, then suppressed against the national total, so that no browser adds
 * up schools it cannot see. Enrolment is not sensitive and stays.
 *
 * Served per level only: the "all levels" figure of a school or a municipality is the sum of its shown
 * levels, worked out by the reader (and withheld when a level is), so no served cell is the sum of others.
 */
import { secondarySuppression, type Cell } from '../suppression-secondary';
import { HIDDEN, NATIONAL_CODE } from './served-values';

/** One school-level-year as the full data has it (the `schools` table). */
export interface FullSchool {
  school_id: string;
  lau_code: string;
  lon: number | null;
  lat: number | null;
  level: string;
  year: number;
  enrolled: number;
  dropouts: number | null;
}

/** A school row as served: dropouts null and status {@link HIDDEN} when withheld. */
export interface ServedSchool extends FullSchool {
  status: string | null;
}

/** A municipality's or Albania's dropouts of one level and year, as served. */
export interface ServedSchoolTotal {
  level: 'municipality' | 'national';
  code: string;
  year: number;
  school_level: string;
  enrolled: number;
  dropouts: number | null;
  schools: number;
  status: string | null;
}

/** How much was withheld. */
export interface ServedSchoolCounts {
  primary: number;
  secondary: number;
  municipalities: number;
  national: number;
}

const small = (n: number | null, k: number) => n !== null && n >= 1 && n < k;

/** Suppresses the schools of every year and level at threshold `k` and computes the totals. */
export function serveSchools(
  rows: readonly FullSchool[],
  k: number,
): { schools: ServedSchool[]; totals: ServedSchoolTotal[]; counts: ServedSchoolCounts } {
  const slices = new Map<string, FullSchool[]>();
  for (const r of rows) {
    const key = `${r.year}\u0000${r.level}`;
    const list = slices.get(key);
    if (list) list.push(r);
    else slices.set(key, [r]);
  }
  const hidden = new Set<FullSchool>();
  const totals: ServedSchoolTotal[] = [];
  const counts: ServedSchoolCounts = { primary: 0, secondary: 0, municipalities: 0, national: 0 };
  for (const list of slices.values()) {
    const { year, level } = list[0]!;
    // Schools within their municipality.
    const cells: Cell[] = list.map((r, i) => ({ id: String(i), group: r.lau_code, count: r.dropouts }));
    const primary = new Set(cells.filter((c) => small(c.count, k)).map((c) => c.id));
    const schools = secondarySuppression(cells, primary, k);
    list.forEach((r, i) => {
      if (!schools.cells.has(String(i))) return;
      hidden.add(r);
      if (primary.has(String(i))) counts.primary++;
      else counts.secondary++;
    });
    // Municipalities within Albania.
    const byLau = new Map<string, FullSchool[]>();
    for (const r of list) byLau.set(r.lau_code, [...(byLau.get(r.lau_code) ?? []), r]);
    const codes = [...byLau.keys()].sort();
    const sums = codes.map((code) => {
      const ms = byLau.get(code)!;
      const reported = ms.filter((r) => r.dropouts !== null);
      return {
        code,
        enrolled: ms.reduce((s, r) => s + r.enrolled, 0),
        dropouts: reported.length === 0 ? null : reported.reduce((s, r) => s + r.dropouts!, 0),
        schools: new Set(ms.map((r) => r.school_id)).size,
      };
    });
    const mCells: Cell[] = sums.map((m) => ({ id: m.code, group: NATIONAL_CODE, count: m.dropouts }));
    const mPrimary = new Set([
      ...sums.filter((m) => small(m.dropouts, k) || schools.groups.has(m.code)).map((m) => m.code),
    ]);
    const municipal = secondarySuppression(mCells, mPrimary, k);
    for (const m of sums) {
      const hide = municipal.cells.has(m.code);
      if (hide) counts.municipalities++;
      totals.push({
        level: 'municipality',
        year,
        school_level: level,
        ...m,
        dropouts: hide ? null : m.dropouts,
        status: hide ? HIDDEN : null,
      });
    }
    const reported = sums.filter((m) => m.dropouts !== null);
    const national = reported.length === 0 ? null : reported.reduce((s, m) => s + m.dropouts!, 0);
    const hideNational = municipal.groups.has(NATIONAL_CODE) || small(national, k);
    if (hideNational) counts.national++;
    totals.push({
      level: 'national',
      code: NATIONAL_CODE,
      year,
      school_level: level,
      enrolled: sums.reduce((s, m) => s + m.enrolled, 0),
      dropouts: hideNational ? null : national,
      schools: new Set(list.map((r) => r.school_id)).size,
      status: hideNational ? HIDDEN : null,
    });
  }
  const schools = rows.map((r): ServedSchool =>
    hidden.has(r) ? { ...r, dropouts: null, status: HIDDEN } : { ...r, status: null },
  );
  return { schools, totals, counts };
}
