/**
 * The engine's questions about schools: enrolment and dropouts by school and year (issue 6).
 * Composed into the one engine by {@link createEngine}; SQL lives in src/engine/queries-schools.ts.
 *
 * Every rate a view may show passes the one suppression policy (dropouts from 1 to k-1 are hidden). The
 * analysis input (`AnalysisInput`) carries every unit's rate unsuppressed: it goes to the statistics only
 * (a worker), whose outputs are classes and z-scores; views must never render it.
 */
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { Connector } from './connector';
import type { Shown } from './shown';
import { ensureTable } from './tables';
import {
  municipalDropoutQuery,
  nationalDropoutQuery,
  schoolPointsQuery,
  schoolYearsQuery,
  type SchoolLevel,
} from './queries-schools';

export type { SchoolLevel } from './queries-schools';

/** The values a statistic runs on: dropout rates (%) per unit id. Never rendered. */
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

/** One year of a cluster's dropout rate against Albania's. */
export interface DropoutTrendPoint {
  year: number;
  cluster: Shown;
  national: Shown;
}

/** Questions about schools. */
export interface SchoolQuestions {
  /** Years with school data, ascending (empty without schools). */
  schoolYears(): Promise<number[]>;
  /** Every municipality with pupils in the year: shown rates and the analysis input (lau_code order). */
  municipalDropout(
    year: number,
    level: SchoolLevel,
    k?: number,
  ): Promise<{ rows: MunicipalDropout[]; input: AnalysisInput }>;
  /** The analysis input of every year, ascending, for persistence. */
  municipalDropoutSeries(level: SchoolLevel): Promise<{ year: number; input: AnalysisInput }[]>;
  /** Located schools of a year (school_id order): shown rates, analysis input and points. */
  schoolDropout(
    year: number,
    level: SchoolLevel,
    k?: number,
  ): Promise<{ rows: SchoolPoint[]; input: AnalysisInput; points: [number, number][] }>;
  /** Dropout rate of a set of municipalities, summed, against the national rate, every year. */
  dropoutTrend(lauCodes: readonly string[], level: SchoolLevel, k?: number): Promise<DropoutTrendPoint[]>;
}

interface MunicipalRow {
  year: number;
  lau_code: string;
  enrolled: number;
  /** Null where withheld at source (a served dataset). */
  dropouts: number | null;
  schools: number;
}

interface PointRow {
  school_id: string;
  lau_code: string;
  lon: number;
  lat: number;
  enrolled: number;
  /** Null where withheld at source (a served dataset). */
  dropouts: number | null;
}

interface NationalRow {
  year: number;
  enrolled: number;
  dropouts: number | null;
}

const RATE = { sensitive: true, aggregation: 'ratio' } as const;

/** A rate (per 100) with the policy applied to its numerator; withheld dropouts (null) are hidden. */
function shownRate(dropouts: number | null, enrolled: number, k: number): Shown {
  if (dropouts === null) return { value: null, suppressed: true };
  const value = enrolled > 0 ? (100 * dropouts) / enrolled : null;
  const suppressed = isSuppressed(RATE, value, dropouts, k);
  return { value: suppressed ? null : value, suppressed };
}

/** The school questions over one connector, and how to forget their cached answers. */
export function schoolQuestions(conn: Connector): {
  questions: SchoolQuestions;
  invalidate: () => void;
} {
  const series = new Map<SchoolLevel, Promise<MunicipalRow[]>>();
  const load = (level: SchoolLevel): Promise<MunicipalRow[]> => {
    let cached = series.get(level);
    if (!cached) {
      cached = hasSchools().then((has) =>
        has ? conn.query<MunicipalRow>(municipalDropoutQuery(level)) : [],
      );
      cached.catch(() => series.delete(level));
      series.set(level, cached);
    }
    return cached;
  };
  let present: Promise<boolean> | undefined;
  // The served totals' table is there, empty, where a dataset has none (the queries read it).
  const hasSchools = () =>
    (present ??= ensureTable(conn, 'school_totals')
      .then(() =>
        conn.query<{ n: number }>({
          sql: "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'schools'",
          params: [],
        }),
      )
      .then((r) => (r[0]?.n ?? 0) > 0));
  // Withheld units (no dropouts served) cannot enter a statistic.
  const input = (rows: readonly MunicipalRow[]): AnalysisInput => {
    const used = rows.filter((r) => r.enrolled > 0 && r.dropouts !== null);
    return { ids: used.map((r) => r.lau_code), values: used.map((r) => (100 * r.dropouts!) / r.enrolled) };
  };

  const questions: SchoolQuestions = {
    async schoolYears() {
      if (!(await hasSchools())) return [];
      return (await conn.query<{ year: number }>(schoolYearsQuery())).map((r) => r.year);
    },
    async municipalDropout(year, level, k = DEFAULT_K) {
      const rows = (await load(level)).filter((r) => r.year === year && r.enrolled > 0);
      return {
        rows: rows.map((r) => {
          const shown = shownRate(r.dropouts, r.enrolled, k);
          return {
            lau_code: r.lau_code,
            rate: shown.value,
            suppressed: shown.suppressed,
            schools: r.schools,
          };
        }),
        input: input(rows),
      };
    },
    async municipalDropoutSeries(level) {
      const rows = await load(level);
      const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
      return years.map((year) => ({ year, input: input(rows.filter((r) => r.year === year)) }));
    },
    async schoolDropout(year, level, k = DEFAULT_K) {
      if (!(await hasSchools())) return { rows: [], input: { ids: [], values: [] }, points: [] };
      const rows = await conn.query<PointRow>(schoolPointsQuery(year, level));
      const used = rows.filter((r) => r.dropouts !== null);
      return {
        rows: rows.map((r) => {
          const shown = shownRate(r.dropouts, r.enrolled, k);
          return {
            school_id: r.school_id,
            lau_code: r.lau_code,
            lon: r.lon,
            lat: r.lat,
            enrolled: r.enrolled,
            rate: shown.value,
            suppressed: shown.suppressed,
          };
        }),
        input: {
          ids: used.map((r) => r.school_id),
          values: used.map((r) => (100 * r.dropouts!) / r.enrolled),
        },
        points: used.map((r) => [r.lon, r.lat]),
      };
    },
    async dropoutTrend(lauCodes, level, k = DEFAULT_K) {
      const wanted = new Set(lauCodes);
      // A sum over a withheld figure is withheld (null); Albania's comes served where it is.
      const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
      const byYear = new Map<number, { ce: number; cd: number | null; ne: number; nd: number | null }>();
      for (const r of await load(level)) {
        const acc = byYear.get(r.year) ?? { ce: 0, cd: 0, ne: 0, nd: 0 };
        acc.ne += r.enrolled;
        acc.nd = add(acc.nd, r.dropouts);
        if (wanted.has(r.lau_code)) {
          acc.ce += r.enrolled;
          acc.cd = add(acc.cd, r.dropouts);
        }
        byYear.set(r.year, acc);
      }
      const national = new Map(
        (await conn.query<NationalRow>(nationalDropoutQuery(level))).map((r) => [r.year, r]),
      );
      return [...byYear.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([year, a]) => {
          const served = national.get(year);
          return {
            year,
            cluster: shownRate(a.cd, a.ce, k),
            national: served ? shownRate(served.dropouts, served.enrolled, k) : shownRate(a.nd, a.ne, k),
          };
        });
    },
  };
  return {
    questions,
    invalidate: () => {
      series.clear();
      present = undefined;
    },
  };
}
