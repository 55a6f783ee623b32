/**
 * The coverage, hotspots and planner views' figures (bench/view-interactions.ts): each interaction kind's
 * measures summarised and checked against issue 14's goals (p95 ≤ 50 ms from input to painted frame, the
 * first of its kind in a load included; the planner's Solve usable ≤ 3 s after navigation, median), as
 * tables for the terminal and for bench/results/latest.md.
 */
import { MARKS, type InteractionKind } from '../src/common/perf';
import { measureName } from './interactions';
import type { Goal } from './result';
import { summarize, type Summary } from './stats';
import { markdownTable, textTable, type Table } from './table';
import type { ViewRunResult } from './view-interactions';
import { VIEW_KINDS, type BenchView } from './view-steps';

/** Issue 14's limits for these views. */
export const VIEW_LIMITS = { interactionP95Ms: 50, solveReadyMs: 3000 } as const;

/** What latest.json records of the views. */
export interface ViewsResult {
  runs: ViewRunResult[];
  /** Per view and kind: the whole measure, its `:render` part and the long tasks inside it (ms). */
  kinds: { view: BenchView; kind: InteractionKind; all: Summary; render: Summary; longTasks: Summary }[];
  /** `atlas:planner-solve-ready` since navigation, over the planner's loads. */
  solveReady: Summary;
  goals: Goal[];
}

const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(0));

/** Summaries and goals of the views' runs. */
export function analyseViews(runs: ViewRunResult[]): ViewsResult {
  const kinds = (Object.keys(VIEW_KINDS) as BenchView[]).flatMap((view) =>
    VIEW_KINDS[view].map((kind) => {
      const samples = runs
        .filter((r) => r.view === view)
        .flatMap((r) => r.samples.filter((s) => s.kind === kind));
      return {
        view,
        kind,
        all: summarize(samples.map((s) => s.durationMs)),
        render: summarize(samples.map((s) => s.renderMs)),
        longTasks: summarize(samples.map((s) => s.longTaskMs)),
      };
    }),
  );
  const solveReady = summarize(
    runs.filter((r) => r.view === 'planner').flatMap((r) => r.marks[MARKS.plannerSolveReady] ?? []),
  );
  const le = (v: number | null, limit: number) => (v === null ? null : v <= limit);
  const goals: Goal[] = [
    ...kinds.map((k) => ({
      name: `${measureName(k.kind)} p95 (input to painted frame, first of each load included)`,
      measured: ms(k.all.p95),
      limit: `≤ ${VIEW_LIMITS.interactionP95Ms} ms`,
      pass: le(k.all.p95, VIEW_LIMITS.interactionP95Ms),
    })),
    {
      name: `${MARKS.plannerSolveReady} (median since navigation, cold load)`,
      measured: ms(solveReady.median),
      limit: `≤ ${VIEW_LIMITS.solveReadyMs} ms`,
      pass: le(solveReady.median, VIEW_LIMITS.solveReadyMs),
    },
  ];
  return { runs, kinds, solveReady, goals };
}

function viewTable(v: ViewsResult): Table {
  const row = (name: string, s: Summary) => [
    name,
    String(s.n),
    num(s.median),
    num(s.p95),
    num(s.min),
    num(s.max),
  ];
  return {
    head: ['metric (ms)', 'n', 'median', 'p95', 'min', 'max'],
    rows: [
      row(`${MARKS.plannerSolveReady} (since navigation)`, v.solveReady),
      ...v.kinds.flatMap((k) => [
        row(measureName(k.kind), k.all),
        row('↳ :render (after the answer arrived)', k.render),
        row('↳ of which main-thread long tasks', k.longTasks),
      ]),
    ],
    right: [1, 2, 3, 4, 5],
  };
}

function describeRuns(v: ViewsResult): string {
  const loads = (view: BenchView) => v.runs.filter((r) => r.view === view).length;
  const failed = v.runs.filter((r) => r.errors.length > 0).length;
  return (
    `coverage, hotspots and planner views: ${loads('coverage')}, ${loads('hotspots')} and ${loads('planner')} ` +
    `cold loads (\`?view=…&lang=en\`, fresh context each)${failed ? `, ${failed} with errors` : ''}; ` +
    'each kind interleaved from the first input of the load'
  );
}

const failures = (v: ViewsResult) => [
  ...v.runs.flatMap((r) => r.errors.map((e) => `${r.view} run ${r.run}: ${e}`)),
  ...v.runs.flatMap((r) => r.console.map((e) => `${r.view} run ${r.run}: console: ${e}`)),
];

/** The views' section of the terminal report. */
export function viewsTextReport(v: ViewsResult): string {
  const f = failures(v);
  return [
    describeRuns(v),
    textTable(viewTable(v)),
    ...(f.length ? ['', ...f.map((x) => `  ${x}`)] : []),
  ].join('\n');
}

/** The views' section of bench/results/latest.md. */
export function viewsMarkdownReport(v: ViewsResult): string {
  const f = failures(v);
  return [
    '## Coverage, hotspots and planner views',
    '',
    `${describeRuns(v)}. Each measure runs from the input to the painted frame that shows its result ` +
      '(the map when it changes, else the committed controls), including any query or worker run it waits for.',
    '',
    markdownTable(viewTable(v)),
    ...(f.length ? ['', ...f.map((x) => `- ${x}`)] : []),
  ].join('\n');
}
