/**
 * The case explorer's named questions and their answers (src/engine/engine-cases.ts answers them on any
 * connector: DuckDB-WASM in the browser, native DuckDB in the bench and `atlas serve`). Views and the server
 * see only shown counts: perturbed by the cell-key method (src/analysis/disclosure/cell-key.ts) or, with
 * perturbation off (a user's own file, locally, behind a warning), true counts with 1..k-1 suppressed (null).
 */

/** The dimensions a user can filter on; `period` is a month index, year * 12 + (month - 1). */
export const CASE_DIMS = ['lau_code', 'case_type', 'referral_source', 'age_band', 'sex', 'period'] as const;
/** One of {@link CASE_DIMS}. */
export type CaseDim = (typeof CASE_DIMS)[number];
/** The dimensions whose filter is a set of category values (all but `period`). */
export type CaseCategoryDim = Exclude<CaseDim, 'period'>;

/**
 * The active filters: a set of values per category dimension (absent or empty: no filter) and an inclusive
 * range of month indexes. A record passes when it passes every filter.
 */
export interface CaseFilters {
  lau_code?: readonly string[];
  case_type?: readonly string[];
  referral_source?: readonly string[];
  age_band?: readonly string[];
  sex?: readonly string[];
  /** [first, last] month index (year * 12 + month - 1), both included. */
  period?: readonly [number, number];
}

/** How counts are shown. */
export interface CaseShowOptions {
  /** Small-count threshold: no shown count is 1..k-1. */
  k: number;
  /** Cell-key perturbation on (the default, and always on anything served). */
  perturb: boolean;
}

/** One bar of a chart (or one municipality of the map): its value and its shown count. */
export interface CaseBar {
  /** The category value, or the month index for `period`. */
  key: string | number;
  /** The shown count (perturbed, or true with 1..k-1 as null); null means suppressed. */
  count: number | null;
  /**
   * `lau_code` only: cases per 1,000 children per year over the period (shown count over the mean child
   * population of the period's years, times 12 over its months); null without a population or a count.
   */
  rate?: number | null;
}

/**
 * The answer to one state of the filters: each facet counted under every filter except its own (so a chart
 * shows what choosing another of its bars would give, as in crossfilter and Mosaic), and the total under all.
 */
export interface CaseFacets {
  /** The shown count of the records passing every filter (a cell of its own: its own noise). */
  total: number | null;
  /** Bars in a stable order: categories as listed by {@link CasesInfo}, months ascending, zeros included. */
  facets: Record<CaseDim, CaseBar[]>;
}

/** What records are loaded. */
export interface CasesInfo {
  /**
   * `demo`: the demo's synthetic records made in the engine; `own`: the user's cases file; `server`: the
   * records of the `atlas serve` this page came from (src/engine/cases-remote.ts), always perturbed there.
   */
  source: 'demo' | 'own' | 'server';
  /** Number of records (not shown to a user as such when it is small: the view rounds it). */
  rows: number;
  /** The values of every category dimension present, in display order. */
  categories: Record<CaseCategoryDim, string[]>;
  /** First and last month index with records. */
  periods: [number, number];
}

/** The explorer's questions. */
export interface CaseQuestions {
  /**
   * The loaded records' description, or null when there are none to explore (a published site serves no
   * records, only aggregates).
   */
  casesInfo(): Promise<CasesInfo | null>;
  /** The facets and total under `filters`. */
  caseFacets(filters: CaseFilters, show: CaseShowOptions): Promise<CaseFacets>;
  /**
   * Prepares fast answers for changes of `dim`'s filter while the other filters stay as in `filters`
   * (Mosaic's "activate": called when a pointer enters or focus reaches a chart). Optional to call.
   */
  activateCases(dim: CaseDim, filters: CaseFilters): Promise<void>;
}
