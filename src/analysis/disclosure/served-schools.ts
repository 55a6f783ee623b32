/**
 * Suppression at source for school data (issue 12). A school's dropouts of 1 to k-1 are withheld (its rate
 * would give them back with its enrolment), and so is a further school of the municipality wherever the
 * municipality's total would otherwise give a withheld school back. The municipality totals of each level
 * are computed here from the full data, then suppressed against the national total, so that no browser adds
 * up schools it cannot see. Enrolment is not sensitive and stays.
 *
 * Municipality and national totals are served per level and for all levels together, protected as one
 * linked table per year (./linked.ts). A school's all-levels figure is not served: the reader adds its shown
 * levels (and withholds the sum where a level is withheld).
 */
import { suppressLinked, type LinkedTotal } from './linked';
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

/** The levels' sum, served beside the levels themselves. */
export const ALL_LEVELS = 'all';

interface Slice {
  year: number;
  schools: FullSchool[];
}

const sumOrNull = (xs: readonly (number | null)[]) =>
  xs.some((x) => x === null) || xs.length === 0 ? null : xs.reduce<number>((s, x) => s + x!, 0);

/**
 * Suppresses one year: schools within their municipality's total of their level; municipality totals of each
 * level and of all levels within Albania's; a municipality's levels within its all-levels total, Albania's
 * likewise. One linked table, protected by {@link suppressLinked}.
 */
function serveYear({ year, schools }: Slice, k: number) {
  const counts = new Map<string, number | null>();
  const totals: LinkedTotal[] = [];
  const primary = new Set<string>();
  const cell = (id: string, n: number | null) => {
    counts.set(id, n);
    if (small(n, k)) primary.add(id);
  };
  schools.forEach((r, i) => cell(`s${i}`, r.dropouts));
  const levels = [...new Set(schools.map((r) => r.level))].sort();
  const laus = [...new Set(schools.map((r) => r.lau_code))].sort();
  const figures = new Map<string, { enrolled: number; schools: number }>();
  const mId = (level: string, lau: string) => `m|${level}|${lau}`;
  const nId = (level: string) => `n|${level}`;
  for (const level of [...levels, ALL_LEVELS]) {
    for (const lau of laus) {
      const idx = schools.flatMap((r, i) =>
        r.lau_code === lau && (level === ALL_LEVELS || r.level === level) ? [i] : [],
      );
      if (idx.length === 0) continue;
      const mine = idx.map((i) => schools[i]!);
      cell(mId(level, lau), sumOrNull(mine.map((r) => r.dropouts)));
      figures.set(mId(level, lau), {
        enrolled: mine.reduce((s, r) => s + r.enrolled, 0),
        schools: new Set(mine.map((r) => r.school_id)).size,
      });
      if (level !== ALL_LEVELS) totals.push({ total: mId(level, lau), members: idx.map((i) => `s${i}`) });
    }
    const ms = laus.map((lau) => mId(level, lau)).filter((id) => counts.has(id));
    cell(nId(level), sumOrNull(ms.map((id) => counts.get(id)!)));
    figures.set(nId(level), {
      enrolled: ms.reduce((s, id) => s + figures.get(id)!.enrolled, 0),
      schools: new Set(
        schools.filter((r) => level === ALL_LEVELS || r.level === level).map((r) => r.school_id),
      ).size,
    });
    totals.push({ total: nId(level), members: ms });
  }
  if (levels.length > 1) {
    for (const lau of laus) {
      const parts = levels.map((l) => mId(l, lau)).filter((id) => counts.has(id));
      totals.push({ total: mId(ALL_LEVELS, lau), members: parts });
    }
    totals.push({ total: nId(ALL_LEVELS), members: levels.map(nId) });
  }
  const hidden = suppressLinked(counts, totals, primary, k);
  const rows: ServedSchoolTotal[] = [];
  for (const id of counts.keys()) {
    if (id.startsWith('s')) continue;
    const [kind, level = '', code = NATIONAL_CODE] = id.split('|');
    const f = figures.get(id)!;
    const withheld = hidden.has(id);
    rows.push({
      level: kind === 'm' ? 'municipality' : 'national',
      code,
      year,
      school_level: level,
      enrolled: f.enrolled,
      schools: f.schools,
      dropouts: withheld ? null : counts.get(id)!,
      status: withheld ? HIDDEN : null,
    });
  }
  return { hidden, primary, rows };
}

/** Suppresses the schools of every year at threshold `k` and computes the totals. */
export function serveSchools(
  rows: readonly FullSchool[],
  k: number,
): { schools: ServedSchool[]; totals: ServedSchoolTotal[]; counts: ServedSchoolCounts } {
  const years = new Map<number, FullSchool[]>();
  for (const r of rows) years.set(r.year, [...(years.get(r.year) ?? []), r]);
  const withheld = new Set<FullSchool>();
  const totals: ServedSchoolTotal[] = [];
  const counts: ServedSchoolCounts = { primary: 0, secondary: 0, municipalities: 0, national: 0 };
  for (const [year, schools] of years) {
    const r = serveYear({ year, schools }, k);
    schools.forEach((s, i) => {
      if (!r.hidden.has(`s${i}`)) return;
      withheld.add(s);
      if (r.primary.has(`s${i}`)) counts.primary++;
      else counts.secondary++;
    });
    for (const t of r.rows) {
      if (t.status === null) continue;
      if (t.level === 'municipality') counts.municipalities++;
      else counts.national++;
    }
    totals.push(...r.rows);
  }
  const schools = rows.map((r): ServedSchool =>
    withheld.has(r) ? { ...r, dropouts: null, status: HIDDEN } : { ...r, status: null },
  );
  return { schools, totals, counts };
}
