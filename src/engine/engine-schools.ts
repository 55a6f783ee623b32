/**
 * The engine's questions about schools: enrolment and dropouts by school and year (issue 6).
 * Composed into the one engine by {@link createEngine}; SQL lives in src/engine/queries-schools.ts.
 *
 * Every rate a view may show passes the school tables' small-count policy: as served for a dataset written
 * suppressed at source (its withheld figures hidden, its served municipal and national totals standing for
 * the sums), or the same policy applied here to data loaded in full (./schools-shown.ts). The analysis input
 * (`AnalysisInput`) holds only the units whose rate is shown, so the statistics never see a hidden value.
 */
import { DEFAULT_K } from '../analysis/suppression';
import type { Connector } from './connector';
import { schoolRowsQuery, schoolTotalsQuery, schoolYearsQuery, type SchoolLevel } from './queries-schools';
import {
  clusterFigures,
  schoolYear,
  type AnalysisInput,
  type LevelTables,
  type MunicipalDropout,
  type SchoolPoint,
  type SchoolRow,
  type SchoolTotalRow,
} from './schools-shown';
import type { Shown } from './shown';
import { ensureTable } from './tables';

export type { SchoolLevel } from './queries-schools';
export type { AnalysisInput, MunicipalDropout, SchoolPoint } from './schools-shown';

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
  /**
   * Every municipality with pupils in the year: shown rates, and the analysis input of those shown
   * (lau_code order).
   */
  municipalDropout(
    year: number,
    level: SchoolLevel,
    k?: number,
  ): Promise<{ rows: MunicipalDropout[]; input: AnalysisInput }>;
  /** The analysis input of every year, ascending, for persistence (shown rates only). */
  municipalDropoutSeries(level: SchoolLevel, k?: number): Promise<{ year: number; input: AnalysisInput }[]>;
  /**
   * Located schools of a year (school_id order): shown rates, and the analysis input and points of those
   * shown.
   */
  schoolDropout(
    year: number,
    level: SchoolLevel,
    k?: number,
  ): Promise<{ rows: SchoolPoint[]; input: AnalysisInput; points: [number, number][] }>;
  /**
   * Dropout rate of a set of municipalities, summed, against the national rate, every year; the set's rate
   * is hidden in a year where one of them is.
   */
  dropoutTrend(lauCodes: readonly string[], level: SchoolLevel, k?: number): Promise<DropoutTrendPoint[]>;
}

/** The school questions over one connector, and how to forget their cached answers. */
export function schoolQuestions(conn: Connector): {
  questions: SchoolQuestions;
  invalidate: () => void;
} {
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
  // Every row once (about 16,500 for the demo's decade) with the served totals; each year's tables per
  // threshold, when first asked.
  type Year = { rows: SchoolRow[]; totals: SchoolTotalRow[] };
  let rows: Promise<Map<number, Year>> | undefined;
  const byYear = () => {
    if (!rows) {
      const loading = hasSchools().then(async (has) => {
        const out = new Map<number, Year>();
        const of = (year: number) => {
          let y = out.get(year);
          if (!y) out.set(year, (y = { rows: [], totals: [] }));
          return y;
        };
        if (!has) return out;
        for (const r of await conn.query<SchoolRow>(schoolRowsQuery())) of(r.year).rows.push(r);
        for (const t of await conn.query<SchoolTotalRow>(schoolTotalsQuery())) of(t.year).totals.push(t);
        return out;
      });
      loading.catch(() => {
        if (rows === loading) rows = undefined;
      });
      rows = loading;
    }
    return rows;
  };
  let years = new Map<string, (level: string) => LevelTables>();
  const tables = async (year: number, level: SchoolLevel, k: number): Promise<LevelTables | null> => {
    const all = await byYear();
    const data = all.get(year);
    if (!data) return null;
    const key = `${year}|${k}`;
    let of = years.get(key);
    if (!of) years.set(key, (of = schoolYear(data.rows, data.totals, k)));
    return of(level);
  };
  const sortedYears = async () => [...(await byYear()).keys()].sort((a, b) => a - b);

  const questions: SchoolQuestions = {
    async schoolYears() {
      if (!(await hasSchools())) return [];
      return (await conn.query<{ year: number }>(schoolYearsQuery())).map((r) => r.year);
    },
    async municipalDropout(year, level, k = DEFAULT_K) {
      const t = await tables(year, level, k);
      return { rows: t?.municipalities ?? [], input: t?.municipalInput ?? { ids: [], values: [] } };
    },
    async municipalDropoutSeries(level, k = DEFAULT_K) {
      const out: { year: number; input: AnalysisInput }[] = [];
      for (const year of await sortedYears()) {
        const t = await tables(year, level, k);
        if (t) out.push({ year, input: t.municipalInput });
      }
      return out;
    },
    async schoolDropout(year, level, k = DEFAULT_K) {
      const t = await tables(year, level, k);
      if (!t) return { rows: [], input: { ids: [], values: [] }, points: [] };
      return { rows: t.schools, input: t.schoolInput, points: t.points };
    },
    async dropoutTrend(lauCodes, level, k = DEFAULT_K) {
      const out: DropoutTrendPoint[] = [];
      for (const year of await sortedYears()) {
        const t = await tables(year, level, k);
        if (t) out.push({ year, ...clusterFigures(t, lauCodes, k) });
      }
      return out;
    },
  };
  return {
    questions,
    invalidate: () => {
      rows = undefined;
      years = new Map();
      present = undefined;
    },
  };
}
