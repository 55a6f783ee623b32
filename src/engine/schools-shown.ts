/**
 * One year's school tables as the small-count policy lets them be shown, from the `schools` rows: each
 * municipality's and each located school's dropout rate at a level (or all levels), Albania's, and the
 * analysis input of the hotspot statistics. Two cases:
 * - a **served** dataset (one with `school_totals`: written suppressed at source, src/analysis/disclosure/
 *   served-schools.ts) is shown as served: its withheld figures (null) are hidden, its municipal and
 *   national figures are its served totals, and a threshold above the served one hides the figures below it;
 * - data loaded **in full** (a planner's own file) passes the same policy here, at the threshold on screen
 *   (src/analysis/suppression-schools.ts), so that it shows what a site published from it would.
 *
 * The analysis input holds only the units whose rate is shown: a hidden unit is left out of the statistic,
 * as PySAL leaves out a missing value, so no statistic, z, p or class depends on a hidden value (the
 * policy of docs/privacy.md: derived numbers are computed from shown values only). Pure (no DuckDB), so
 * test/privacy/ checks it on random tables.
 */
import { isSuppressed } from '../analysis/suppression';
import {
  ALL_LEVELS,
  suppressSchools,
  type SchoolSuppression,
  type ViewSuppression,
} from '../analysis/suppression-schools';
import type { Shown } from './shown';

/** A row of the `schools` table (dropouts null in a file served already suppressed). */
export interface SchoolRow {
  year: number;
  school_id: string;
  lau_code: string | null;
  level: string;
  lon: number | null;
  lat: number | null;
  enrolled: number;
  dropouts: number | null;
}

/** A served municipal or national total (`school_totals`), dropouts null where withheld. */
export interface SchoolTotalRow {
  level: string;
  code: string;
  year: number;
  school_level: string;
  enrolled: number;
  dropouts: number | null;
}

/** The values a statistic runs on: dropout rates (%) of the units whose rate is shown, per unit id. */
export interface AnalysisInput {
  ids: string[];
  values: number[];
}

/** A municipality's dropout rate as a view may show it. */
export interface MunicipalDropout {
  lau_code: string;
  /** Dropouts per 100 enrolled; null when suppressed or no pupils. */
  rate: number | null;
  suppressed: boolean;
  schools: number;
}

/** A located school as a view may show it. */
export interface SchoolPoint {
  school_id: string;
  lau_code: string;
  lon: number;
  lat: number;
  enrolled: number;
  /** Dropouts per 100 enrolled; null when suppressed. */
  rate: number | null;
  suppressed: boolean;
}

/** Dropouts (null when not known) and enrolment. */
interface Sum {
  enrolled: number;
  dropouts: number | null;
}

/** A municipality's sums at one level. */
interface Sums {
  enrolled: number;
  dropouts: number | null;
  schools: Set<string>;
}

/** One year's tables at one level. */
export interface LevelTables {
  municipalities: MunicipalDropout[];
  /** Input of the municipal statistics (lau_code order, shown rates only). */
  municipalInput: AnalysisInput;
  schools: SchoolPoint[];
  /** Input of the school statistics (school_id order, shown rates only) and its points. */
  schoolInput: AnalysisInput;
  points: [number, number][];
  /** Dropouts and enrolment per municipality (for cluster figures); dropouts null when not known. */
  sums: Map<string, Sum>;
  /** Albania's. */
  national: Sum;
  /** Municipalities and schools whose rate is hidden, and whether Albania's is. */
  hidden: { municipalities: ReadonlySet<string>; schools: ReadonlySet<string>; national: boolean };
}

const rateOf = (dropouts: number | null, enrolled: number): number | null =>
  dropouts === null || enrolled <= 0 ? null : (100 * dropouts) / enrolled;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The shown rate of a sum, hidden when `hidden`. */
export function shownRate(dropouts: number | null, enrolled: number, hidden: boolean): Shown {
  const value = rateOf(dropouts, enrolled);
  return hidden || (value === null && enrolled > 0)
    ? { value: null, suppressed: true }
    : { value, suppressed: false };
}

const RATE = { sensitive: true, aggregation: 'ratio' } as const;
const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * One year's school tables at threshold k (each level computed once, when first asked), from its rows and,
 * for a served dataset, its served totals.
 */
export function schoolYear(
  rows: readonly SchoolRow[],
  totals: readonly SchoolTotalRow[],
  k: number,
): (level: string) => LevelTables {
  const placed = rows.filter((r) => r.lau_code !== null);
  // Served: shown as served (withheld figures are null). In full: the policy at k.
  const policy: SchoolSuppression | null =
    totals.length > 0
      ? null
      : suppressSchools(
          placed.map((r) => ({
            school: r.school_id,
            lau: r.lau_code!,
            level: r.level,
            dropouts: r.dropouts,
          })),
          k,
        );
  const cache = new Map<string, LevelTables>();
  return (level) => {
    let tables = cache.get(level);
    if (!tables) {
      const served = totals.filter((t) => t.school_level === level);
      tables = levelTables(placed, level, policy?.get(level), served, k);
      cache.set(level, tables);
    }
    return tables;
  };
}

function levelTables(
  rows: readonly SchoolRow[],
  level: string,
  policy: ViewSuppression | undefined,
  served: readonly SchoolTotalRow[],
  k: number,
): LevelTables {
  const view = policy ?? { schools: new Set<string>(), municipalities: new Set<string>(), national: false };
  const inView = rows.filter((r) => level === ALL_LEVELS || r.level === level);
  const sums = new Map<string, Sums>();
  const schoolSums = new Map<string, SchoolRow>();
  for (const r of inView) {
    const lau = r.lau_code!;
    const s = sums.get(lau) ?? { enrolled: 0, dropouts: 0, schools: new Set<string>() };
    s.enrolled += r.enrolled;
    s.dropouts = add(s.dropouts, r.dropouts);
    s.schools.add(r.school_id);
    sums.set(lau, s);
    if (r.lon === null || r.lat === null) continue;
    const p = schoolSums.get(r.school_id);
    if (!p) schoolSums.set(r.school_id, { ...r });
    else {
      p.enrolled += r.enrolled;
      p.dropouts = add(p.dropouts, r.dropouts);
      p.lon = Math.min(p.lon!, r.lon);
      p.lat = Math.min(p.lat!, r.lat);
      p.lau_code = p.lau_code! < lau ? p.lau_code : lau;
    }
  }
  // A served dataset's totals stand for the sums (its schools withhold some dropouts).
  let national: Sum = { enrolled: 0, dropouts: 0 };
  for (const s of sums.values())
    national = { enrolled: national.enrolled + s.enrolled, dropouts: add(national.dropouts, s.dropouts) };
  for (const t of served) {
    if (t.level === 'national') national = { enrolled: t.enrolled, dropouts: t.dropouts };
    else {
      const s = sums.get(t.code) ?? { enrolled: 0, dropouts: 0, schools: new Set<string>() };
      sums.set(t.code, { ...s, enrolled: t.enrolled, dropouts: t.dropouts });
    }
  }
  // Hidden: by the policy, withheld at source (null), or below the threshold on screen.
  const hides = (set: ReadonlySet<string>, id: string, n: number | null) =>
    set.has(id) || n === null || isSuppressed(RATE, null, n, k);
  const hiddenMunis = new Set(
    [...sums].filter(([lau, s]) => hides(view.municipalities, lau, s.dropouts)).map(([l]) => l),
  );
  const hiddenSchools = new Set(
    [...schoolSums.values()]
      .filter((s) => hides(view.schools, s.school_id, s.dropouts))
      .map((s) => s.school_id),
  );
  const nationalHidden =
    view.national || national.dropouts === null || isSuppressed(RATE, null, national.dropouts, k);
  const municipalities = [...sums]
    .filter(([, s]) => s.enrolled > 0)
    .sort((a, b) => byId(a[0], b[0]))
    .map(([lau, s]): MunicipalDropout => {
      const shown = shownRate(s.dropouts, s.enrolled, hiddenMunis.has(lau));
      return { lau_code: lau, rate: shown.value, suppressed: shown.suppressed, schools: s.schools.size };
    });
  const schools = [...schoolSums.values()]
    .filter((s) => s.enrolled > 0)
    .sort((a, b) => byId(a.school_id, b.school_id))
    .map((s): SchoolPoint => {
      const shown = shownRate(s.dropouts, s.enrolled, hiddenSchools.has(s.school_id));
      return {
        school_id: s.school_id,
        lau_code: s.lau_code!,
        lon: s.lon!,
        lat: s.lat!,
        enrolled: s.enrolled,
        rate: shown.value,
        suppressed: shown.suppressed,
      };
    });
  const shownMunis = municipalities.filter((m) => !m.suppressed && m.rate !== null);
  const shownSchools = schools.filter((s) => !s.suppressed && s.rate !== null);
  return {
    municipalities,
    municipalInput: { ids: shownMunis.map((m) => m.lau_code), values: shownMunis.map((m) => m.rate!) },
    schools,
    schoolInput: { ids: shownSchools.map((s) => s.school_id), values: shownSchools.map((s) => s.rate!) },
    points: shownSchools.map((s) => [s.lon, s.lat]),
    sums: new Map([...sums].map(([lau, s]) => [lau, { enrolled: s.enrolled, dropouts: s.dropouts }])),
    national,
    hidden: { municipalities: hiddenMunis, schools: hiddenSchools, national: nationalHidden },
  };
}

/**
 * A set of municipalities' dropout rate (their dropouts and enrolment summed) and Albania's, in one year's
 * tables: the set's rate is hidden when one of them is hidden (it would give that one back, less the
 * others), Albania's when the policy hides it.
 */
export function clusterFigures(
  t: LevelTables,
  lauCodes: readonly string[],
  k: number,
): { cluster: Shown; national: Shown } {
  const sum = (laus: Iterable<string>) => {
    let enrolled = 0;
    let dropouts: number | null = 0;
    for (const lau of laus) {
      const s = t.sums.get(lau);
      if (!s) continue;
      enrolled += s.enrolled;
      dropouts = dropouts === null || s.dropouts === null ? null : dropouts + s.dropouts;
    }
    return { enrolled, dropouts };
  };
  const figure = (s: { enrolled: number; dropouts: number | null }, hidden: boolean) =>
    shownRate(s.dropouts, s.enrolled, hidden || isSuppressed(RATE, null, s.dropouts, k));
  const memberHidden = lauCodes.some((lau) => t.hidden.municipalities.has(lau));
  return {
    cluster: figure(sum(lauCodes), memberHidden),
    national: figure(t.national, t.hidden.national),
  };
}
