/** The cases bench's result (the issue's shape, with more beside it) and its Markdown report. */
import type { BrowserCases } from './cases-browser';
import type { NativeCases } from './cases-native';
import { CASE_KINDS, type CasePlan } from './cases-plan';
import { summarize } from './stats';
import type { TabMemory } from './tab-memory';

/** One interaction's figures, in ms. */
export interface CaseInteraction {
  name: string;
  dim: string;
  n: number;
  /** Input to the painted frame with its answer (the view's `atlas:cases-filter`). */
  wasm_p50: number | null;
  wasm_p95: number | null;
  /** The engine's part in the tab: the question to its answer (`atlas:cases-filter:query`: the worker's
   * round trip and DuckDB-WASM), the same span as native's. */
  wasm_query_p50: number | null;
  wasm_query_p95: number | null;
  /** Input to the answer's arrival (`atlas:cases-filter` less its `:render`: the query and one render). */
  wasm_answer_p50: number | null;
  wasm_answer_p95: number | null;
  /** The same filter states, question to answer, on native DuckDB. */
  native_p50: number | null;
  native_p95: number | null;
  /** wasm_p95 / native_p95 and wasm_query_p95 / native_p95. */
  ratio_p95: number | null;
  query_ratio_p95: number | null;
}

/** A goal and whether it holds. */
export interface CaseGoal {
  goal: string;
  value: number | null;
  limit: number;
  pass: boolean | null;
}

/** Everything one run measured. */
export interface CasesBenchResult {
  rows: number;
  interactions: CaseInteraction[];
  memory: { afterLoad: TabMemory; afterInputs: TabMemory; nativeRssMb: number };
  goals: CaseGoal[];
  load: {
    fileMb: number;
    importMs: number;
    firstAnswerMs: number;
    nativeLoadMs: number;
    nativeFirstAnswerMs: number;
  };
  plan: CasePlan;
  environment: {
    date: string;
    machine: string;
    chromium: string;
    loadavg: { before: number; after: number };
  };
}

const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : r1(a / b);

/** Puts the browser's and native figures together. */
export function casesResult(input: {
  rows: number;
  fileMb: number;
  plan: CasePlan;
  browser: BrowserCases;
  native: NativeCases;
  environment: CasesBenchResult['environment'];
}): CasesBenchResult {
  const { browser, native } = input;
  const interactions = CASE_KINDS.map((kind): CaseInteraction => {
    const w = browser.samples.filter((s) => s.dim === kind.dim);
    const total = summarize(w.map((s) => s.totalMs));
    const answer = summarize(w.map((s) => s.totalMs - s.renderMs));
    const query = summarize(w.map((s) => s.queryMs));
    const nat = summarize(native.samples.filter((s) => s.dim === kind.dim).map((s) => s.ms));
    return {
      name: kind.name,
      dim: kind.dim,
      n: total.n,
      wasm_p50: r1(total.median),
      wasm_p95: r1(total.p95),
      wasm_query_p50: r1(query.median),
      wasm_query_p95: r1(query.p95),
      wasm_answer_p50: r1(answer.median),
      wasm_answer_p95: r1(answer.p95),
      native_p50: r1(nat.median),
      native_p95: r1(nat.p95),
      ratio_p95: ratio(total.p95, nat.p95),
      query_ratio_p95: ratio(query.p95, nat.p95),
    };
  });
  const limit = input.rows <= 1_000_000 ? 100 : 500;
  const worst = (f: (x: CaseInteraction) => number | null) => {
    const xs = interactions.map(f);
    return xs.some((x) => x === null) ? null : Math.max(...(xs as number[]));
  };
  const goal = (name: string, value: number | null, max: number): CaseGoal => ({
    goal: name,
    value,
    limit: max,
    pass: value === null ? null : value <= max,
  });
  return {
    rows: input.rows,
    interactions,
    memory: { ...browser.memory, nativeRssMb: native.rssMb },
    goals: [
      goal(
        `input to painted frame, worst p95 (ms, at ${input.rows <= 1_000_000 ? '1M' : '10M'})`,
        worst((x) => x.wasm_p95),
        limit,
      ),
      goal(
        'WASM p95 / native p95, worst',
        worst((x) => x.ratio_p95),
        5,
      ),
      goal(
        'WASM query p95 / native p95, worst (the same engine call)',
        worst((x) => x.query_ratio_p95),
        5,
      ),
    ],
    load: {
      fileMb: input.fileMb,
      importMs: browser.importMs,
      firstAnswerMs: browser.firstAnswerMs,
      nativeLoadMs: Math.round(native.loadMs),
      nativeFirstAnswerMs: Math.round(native.firstAnswerMs),
    },
    plan: input.plan,
    environment: input.environment,
  };
}

const cell = (x: number | null | boolean) =>
  x === null ? 'n/a' : x === true ? 'yes' : x === false ? '**no**' : String(x);
const memory = (m: TabMemory) =>
  `page JS heap ${cell(m.pageHeapMb)} MB, DuckDB worker JS heap ${cell(m.workerHeapMb)} MB, renderer resident (both heaps, DuckDB's wasm memory and the rest of the tab) ${cell(m.rendererRssMb)} MB, peak ${cell(m.rendererPeakMb)} MB`;

/** The report as Markdown. */
export function casesMarkdown(r: CasesBenchResult): string {
  const e = r.environment;
  return `# Case explorer bench, ${r.rows.toLocaleString('en')} records

${e.date}, ${e.machine}, Chromium ${e.chromium} (headless, SwiftShader), load average ${e.loadavg.before.toFixed(2)} before, ${e.loadavg.after.toFixed(2)} after.
${r.plan.rounds} rounds of ${r.plan.inputs} inputs per interaction, ${r.plan.settleMs} ms after pointing at a chart, ${r.plan.gapMs} ms between inputs. WASM: the view's \`atlas:cases-filter\` (input to painted frame) and its \`:query\` (the engine asked to its answer: the worker's round trip and DuckDB-WASM); native: the same filter states through the same engine module on @duckdb/node-api (2 threads), the same call timed.

| interaction | n | WASM p50 | WASM p95 | WASM query p50 | WASM query p95 | native p50 | native p95 | p95 ratio | query p95 ratio |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${r.interactions.map((x) => `| ${x.name} | ${x.n} | ${cell(x.wasm_p50)} | ${cell(x.wasm_p95)} | ${cell(x.wasm_query_p50)} | ${cell(x.wasm_query_p95)} | ${cell(x.native_p50)} | ${cell(x.native_p95)} | ${cell(x.ratio_p95)} | ${cell(x.query_ratio_p95)} |`).join('\n')}

| goal | value | limit | met |
| --- | --- | --- | --- |
${r.goals.map((g) => `| ${g.goal} | ${cell(g.value)} | ${g.limit} | ${cell(g.pass)} |`).join('\n')}

Loading: a ${r.load.fileMb} MB Parquet file imported in ${(r.load.importMs / 1000).toFixed(1)} s, the view's first charts ${(r.load.firstAnswerMs / 1000).toFixed(1)} s after opening it (the cube is built then); native: loaded in ${(r.load.nativeLoadMs / 1000).toFixed(1)} s, first answer ${(r.load.nativeFirstAnswerMs / 1000).toFixed(1)} s.

Memory after the import and first answer: ${memory(r.memory.afterLoad)}.
After the inputs: ${memory(r.memory.afterInputs)}. Native process resident: ${r.memory.nativeRssMb} MB.
`;
}
