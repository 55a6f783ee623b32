/**
 * The case explorer's User Timing: `atlas:cases-ready` once, after the first paint of the charts with data,
 * and `atlas:cases-filter` from each input to the painted frame that shows its answer (the map's WebGL draw
 * runs in the same animation frame as the charts' commit, so the paint after it shows both).
 */
import { afterNextPaint, MARKS, markOnce, MEASURES } from '../../common/perf';

interface Pending {
  name: string;
  start: number;
  /** When the engine's answer arrived, if after the input. */
  arrived?: number;
  /** When the engine was asked for that answer. */
  asked?: number;
  /** The view key ({@link casesViewKey}) whose paint ends the measure. */
  key: string;
}
let pending: Pending[] = [];

/** The identity of what the view paints: the answer's key and the measure shown. */
export function casesViewKey(answerKey: string, measure: string): string {
  return `${answerKey}|${measure}`;
}

/** Records an input named `name` (a dimension, `measure`, `perturb`, `reset`) whose result is the view `key`. */
export function beginCasesFilter(name: string, key: string): void {
  pending.push({ name, start: performance.now(), key });
}

/**
 * The engine's answer for the filters of `answerKey`, asked at `askedAt`, has arrived: inputs waiting for it
 * are also measured from now, as `atlas:cases-filter:render` (the repaint alone; the full measure includes
 * the query), and from `askedAt` to now as `atlas:cases-filter:query` (the engine's part: the worker's round
 * trip and DuckDB).
 */
export function casesArrived(answerKey: string, askedAt: number): void {
  const now = performance.now();
  for (const p of pending)
    if (p.arrived === undefined && p.key.startsWith(`${answerKey}|`)) {
      p.arrived = now;
      p.asked = askedAt;
    }
}

/**
 * The view `key` has been committed with data: after the frame is painted, marks the first draw and
 * measures the inputs waiting for `key` (older ones, superseded by a later input, are dropped).
 */
export function casesPainted(key: string): void {
  afterNextPaint(() => {
    markOnce(MARKS.casesReady);
    const end = performance.now();
    const last = pending.map((p) => p.key).lastIndexOf(key);
    if (last < 0) return;
    for (const p of pending.slice(0, last + 1))
      if (p.key === key) {
        const detail = { name: p.name };
        performance.measure(MEASURES.casesFilter, { start: p.start, end, detail });
        performance.measure(`${MEASURES.casesFilter}:render`, { start: p.arrived ?? p.start, end, detail });
        const query = { start: p.asked ?? p.start, end: p.arrived ?? p.start, detail };
        performance.measure(`${MEASURES.casesFilter}:query`, query);
      }
    pending = pending.slice(last + 1);
  });
}
