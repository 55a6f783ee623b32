/** The bench's recorded result: raw runs, their summaries, and the goals checked against them. */
import type { BenchOptions } from './args';
import { ALL_MARKS } from './browser-runs';
import type { RunResult } from './browser-runs';
import { KINDS, measureName } from './interactions';
import type { ParquetReport } from './parquet-readers';
import type { PrecacheSize, RepeatVisitResult } from './repeat-visit';
import type { DistSizes } from './sizes';
import type { ViewsResult } from './view-report';
import { median, summarize } from './stats';
import type { Summary } from './stats';
import { MARKS } from '../src/common/perf';

/** One goal: measured value against its limit; `pass` is null when there was nothing to measure. */
export interface Goal {
  name: string;
  measured: string;
  limit: string;
  pass: boolean | null;
}

/** Where and when the figures were taken. */
export interface Environment {
  date: string;
  commit: string;
  /** The working tree had uncommitted changes (figures may not match `commit`). */
  dirty: boolean;
  node: string;
  chromium: string;
  /** The WebGL renderer the page got (from the first load). */
  webgl: string | null;
  cpus: string;
  /** 1-minute load average before and after the browser runs: other work on the machine skews timings. */
  loadavg: { before: number; after: number };
}

/** Everything written to bench/results/latest.json. */
export interface BenchResult {
  environment: Environment;
  options: BenchOptions;
  runs: RunResult[];
  marks: Record<string, Summary>;
  interactions: Record<string, Summary>;
  /** Per interaction measure: main-thread long-task time inside each measured interaction (ms). */
  longTasks: Record<string, Summary>;
  ratio: { perRun: number[]; medianOfRatios: number | null; ratioOfMedians: number | null };
  goals: Goal[];
  sizes: DistSizes;
  parquet: ParquetReport | null;
  /** Reloads served by the service worker (null when skipped), and what it precaches. */
  repeatVisit?: (RepeatVisitResult & { summary: Summary }) | null;
  precache?: PrecacheSize | null;
  /** The coverage, hotspots and planner views' loads and interactions (bench/view-report.ts). */
  views?: ViewsResult | null;
}

/** Goal limits (from the project brief). */
export const LIMITS = {
  ratio: 0.5,
  interactionP95Ms: 100,
  initialJsGzipBytes: 350_000,
  repeatDuckdbReadyMs: 1500,
} as const;

const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);

/** Summarises the runs and checks the goals. */
export function analyse(
  runs: RunResult[],
  sizes: DistSizes,
  repeat: RepeatVisitResult | null = null,
): Pick<BenchResult, 'marks' | 'interactions' | 'longTasks' | 'ratio' | 'goals' | 'repeatVisit'> {
  const marks = Object.fromEntries(
    ALL_MARKS.map((m) => [m, summarize(runs.flatMap((r) => (r.marks[m] == null ? [] : [r.marks[m]])))]),
  );
  const interactions = Object.fromEntries(
    KINDS.flatMap((k) => [
      [measureName(k), summarize(runs.flatMap((r) => r.interactions[k]))],
      [`${measureName(k)}:render`, summarize(runs.flatMap((r) => r.renders?.[k] ?? []))],
    ]),
  );
  const longTasks = Object.fromEntries(
    KINDS.map((k) => [
      measureName(k),
      summarize(runs.flatMap((r) => r.samples.filter((x) => x.kind === k).map((x) => x.longTaskMs))),
    ]),
  );
  const perRun = runs.flatMap((r) => {
    const first = r.marks[MARKS.firstChoropleth];
    const duck = r.marks[MARKS.duckdbReady];
    return first != null && duck != null && duck > 0 ? [first / duck] : [];
  });
  const medFirst = marks[MARKS.firstChoropleth]?.median ?? null;
  const medDuck = marks[MARKS.duckdbReady]?.median ?? null;
  const ratio = {
    perRun,
    medianOfRatios: median(perRun),
    ratioOfMedians: medFirst !== null && medDuck ? medFirst / medDuck : null,
  };
  const le = (v: number | null, limit: number) => (v === null ? null : v <= limit);
  const goals: Goal[] = [
    {
      name: 'first-choropleth / duckdb-ready (median of per-run ratios)',
      measured: ratio.medianOfRatios?.toFixed(3) ?? 'n/a',
      limit: `≤ ${LIMITS.ratio}`,
      pass: le(ratio.medianOfRatios, LIMITS.ratio),
    },
    {
      name: 'first-choropleth / duckdb-ready (ratio of medians)',
      measured: ratio.ratioOfMedians?.toFixed(3) ?? 'n/a',
      limit: `≤ ${LIMITS.ratio}`,
      pass: le(ratio.ratioOfMedians, LIMITS.ratio),
    },
    // The goal: the repaint after the query (a year, class or level change needs no query, so there the
    // two measures are the same interaction; an indicator switch waits for DuckDB first).
    ...KINDS.map((k) => {
      const p95 = interactions[`${measureName(k)}:render`]?.p95 ?? null;
      return {
        name: `${measureName(k)}:render p95 (after the query)`,
        measured: ms(p95),
        limit: `≤ ${LIMITS.interactionP95Ms} ms`,
        pass: le(p95, LIMITS.interactionP95Ms),
      };
    }),
    {
      name: 'initial JS, gzip',
      measured: `${(sizes.initialJsGzip / 1000).toFixed(1)} kB`,
      limit: `≤ ${LIMITS.initialJsGzipBytes / 1000} kB`,
      pass: le(sizes.initialJsGzip, LIMITS.initialJsGzipBytes),
    },
  ];
  const repeatVisit = repeat && { ...repeat, summary: summarize(repeat.reloads) };
  if (repeatVisit) {
    // The goal is the typical repeat visit (median); the table gives the p95 beside it.
    const med = repeatVisit.summary.median;
    goals.push({
      name: `${MARKS.duckdbReady}, repeat visit (median of ${repeatVisit.summary.n} reloads, service worker)`,
      measured: ms(med),
      limit: `≤ ${LIMITS.repeatDuckdbReadyMs} ms`,
      pass: repeatVisit.uncontrolled > 0 ? false : le(med, LIMITS.repeatDuckdbReadyMs),
    });
  }
  return { marks, interactions, longTasks, ratio, goals, repeatVisit };
}
