/**
 * The engine the views talk to: named questions in, suppressed plain rows out. Views never see SQL, a
 * connector or a small count: every value passes the one suppression policy (src/analysis) first.
 */
import { DEFAULT_K } from '../analysis/suppression';
import type { CaseQuestions } from './cases-types';
import type { Connector } from './connector';
import { caseQuestions } from './engine-cases';
import { routedCaseQuestions } from './cases-route';
import { coverageQuestions, type CoverageQuestions } from './engine-coverage';
import { schoolQuestions, type SchoolQuestions } from './engine-schools';
import { valueQuestions } from './engine-values';
import { countiesQuery } from './queries';
import { valueSourcesQuery, valuesTable, type ValuesScope } from './queries-values';
import type { IndicatorMeta } from './schema';
import type { MapValue, TrendPoint, ValueSource } from './values-types';

export type { Shown } from './shown';
export type { Basis, ValuesScope } from './queries-values';
export type { GroupShown, MapValue, TrendPoint, ValueSource } from './values-types';

/** The questions the views can ask. */
export interface Engine extends CoverageQuestions, SchoolQuestions, CaseQuestions {
  /** Values of every municipality; `k` is the small-count threshold (counts 1..k-1 are never shown). */
  choropleth(meta: IndicatorMeta, year: number, k?: number): Promise<MapValue[]>;
  /** Every year's values at once (for classifications fixed across years, and comparisons). */
  allYears(meta: IndicatorMeta, k?: number): Promise<Map<number, MapValue[]>>;
  /**
   * Values per county (qark) and year; `lau_code` holds the county's `qark_code`. A county is hidden when
   * its own count is small or when secondary suppression of its municipalities requires it.
   */
  countyYears(meta: IndicatorMeta, k?: number): Promise<Map<number, MapValue[]>>;
  /** The municipality's series with its county and Albania, suppressed with the same `k`. */
  trend(meta: IndicatorMeta, lauCode: string, k?: number): Promise<TrendPoint[]>;
  /** Ids of the indicators that have values in the loaded data (of this scope). */
  indicatorsPresent(): Promise<string[]>;
  /** Per indicator, rows from the user's files and rows still the demo's (whatever the scope). */
  valueSources(): Promise<ValueSource[]>;
  /** The engine of all loaded values (`all`) or of the user's own only (`own`): the same questions. */
  scope(scope: ValuesScope): Engine;
  /** Forgets cached answers, of every scope, after the loaded data changed (an import). */
  invalidate(): void;
  close(): Promise<void>;
}

/** How the engine is made. */
export interface EngineOptions {
  /** The loaded data are the bundled demo: the case explorer then makes the demo's records (when no cases file is loaded). */
  demoCases?: boolean;
  /**
   * The case explorer's questions of an `atlas serve` (src/engine/cases-route.ts), asked on its first
   * question: when it finds one, the explorer's answers come from there instead of this engine's records.
   */
  remoteCases?: () => Promise<CaseQuestions | null>;
}

/**
 * Wraps a loaded connector: the engine of all loaded values, whose {@link Engine.scope} gives the engine of
 * the user's own values (cached apart; both forget their answers on {@link Engine.invalidate}).
 */
export function createEngine(conn: Connector, options: EngineOptions = {}): Engine {
  let counties: Promise<Map<string, string>> | undefined;
  const countyOf = () =>
    (counties ??= conn
      .query<{ lau_code: string; qark_code: string }>(countiesQuery())
      .then((rows) => new Map(rows.map((r) => [r.lau_code, r.qark_code]))));
  const engines = new Map<ValuesScope, Engine>();
  // Schools are not indicator values: one set of answers serves both scopes.
  const schools = schoolQuestions(conn);
  // Case records are not indicator values either: the explorer is the same in both scopes.
  const cases = caseQuestions(conn, { demo: options.demoCases ?? false });
  const caseAnswers = options.remoteCases
    ? routedCaseQuestions(cases.questions, options.remoteCases)
    : cases.questions;
  const parts: { invalidate: () => void }[] = [schools, cases];
  const invalidate = () => {
    counties = undefined;
    for (const p of parts) p.invalidate();
  };
  const make = (scope: ValuesScope): Engine => {
    const values = valueQuestions(conn, scope, countyOf);
    const coverage = coverageQuestions(conn, valuesTable(scope));
    parts.push(values, coverage);
    return {
      ...coverage.questions,
      ...schools.questions,
      ...caseAnswers,
      async choropleth(meta, year, k = DEFAULT_K) {
        return (await values.load(meta, k)).get(year)?.values ?? [];
      },
      async allYears(meta, k = DEFAULT_K) {
        const views = await values.load(meta, k);
        return new Map([...views].map(([year, v]) => [year, v.values]));
      },
      countyYears: (meta, k = DEFAULT_K) => values.counties(meta, k),
      trend: (meta, lauCode, k = DEFAULT_K) => values.trend(meta, lauCode, k),
      indicatorsPresent: () => values.present(),
      valueSources: () => conn.query<ValueSource>(valueSourcesQuery()),
      scope: (s) => get(s),
      invalidate,
      close: () => conn.close(),
    };
  };
  const get = (scope: ValuesScope): Engine => {
    let e = engines.get(scope);
    if (!e) engines.set(scope, (e = make(scope)));
    return e;
  };
  return get('all');
}
