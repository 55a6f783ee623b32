/**
 * User Timing instrumentation. The names are a contract: the browser tests and `npm run bench` read them.
 */

/** Marks set once per page load. */
export const MARKS = {
  duckdbReady: 'atlas:duckdb-ready',
  dataLoaded: 'atlas:data-loaded',
  firstChoropleth: 'atlas:first-choropleth',
  /** The WebGL map (MapLibre + deck.gl) has drawn data and taken over from the first-paint map. */
  mapInteractive: 'atlas:map-interactive',
  /**
   * The planner's Solve is usable: the button is enabled (values, need index, existing units and the siting
   * problem built) and the solver worker has HiGHS loaded, so a press answers with the exact plan at once
   * instead of waiting for the solver to start. Set by the planner view when both hold.
   */
  plannerSolveReady: 'atlas:planner-solve-ready',
  /** The case explorer's charts are first drawn with data (after the paint). */
  casesReady: 'atlas:cases-ready',
} as const;

/** Measures of rarer events (each may happen more than once). */
export const MEASURES = {
  /** The engine's worker died: from noticing it to the engine ready again, tables loaded. */
  engineRecovered: 'atlas:engine-recovered',
  /**
   * The case explorer: from an input (a bar's click, a brush, a select) to the painted frame showing its
   * answer; `detail.name` names the input (the dimension filtered, `measure`, `perturb` or `reset`). Also as
   * `atlas:cases-filter:render`, from the engine's answer to the same frame (the repaint alone).
   */
  casesFilter: 'atlas:cases-filter',
} as const;

/** The indicator map's interactions. */
export type MapInteractionKind = 'indicator' | 'year' | 'class' | 'level';

/** Interactions measured from input to the next painted frame that shows their result. */
export type InteractionKind =
  | MapInteractionKind
  // The coverage view: the catchment model, the year, the "units opened since" year.
  | 'coverage-catchment'
  | 'coverage-year'
  | 'coverage-since'
  // The hotspots view: the statistic, the school level, the year, the unit of analysis.
  | 'hotspots-method'
  | 'hotspots-level'
  | 'hotspots-year'
  | 'hotspots-unit'
  // The planner: a weight slider, the number of new units, the normalisation.
  | 'planner-weights'
  | 'planner-k'
  | 'planner-norm';

/** Sets a mark once (later calls are ignored). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

interface Pending {
  kind: InteractionKind;
  start: number;
  key: string;
  /** When the values the view needs arrived, if that was after the input (a query answered). */
  arrived?: number;
}
let pending: Pending[] = [];

/** Records the input of an interaction whose result is the view with `key`. */
export function beginInteraction(kind: InteractionKind, key: string): void {
  pending.push({ kind, start: performance.now(), key });
}

/** Runs `cb` after the next frame has been painted (rAF runs before paint; the task after it, after). */
export function afterNextPaint(cb: () => void): void {
  requestAnimationFrame(() => setTimeout(cb, 0));
}

/**
 * The values of the views whose key starts with `prefix` (`indicator|level|revision`) have arrived: an
 * interaction still waiting for them is measured from now too, as `atlas:interaction:<kind>:render` (the
 * repaint after the query, which is what the 100 ms goal is about; the full measure includes the query).
 */
export function dataArrived(prefix: string): void {
  const now = performance.now();
  for (const p of pending) if (p.arrived === undefined && p.key.startsWith(`${prefix}#`)) p.arrived = now;
}

/**
 * A renderer calls this when it has drawn the view `key`. After the frame is painted: the first call marks
 * the first choropleth and sets `data-atlas-ready`; pending interactions for `key` are measured, and older
 * ones (superseded by a later input) are dropped.
 *
 * `inFrame`: the caller is inside the animation frame that draws the view (deck.gl's `onAfterRender` runs in
 * its requestAnimationFrame callback), so the paint comes when this task ends and a task queued now runs
 * after it. Otherwise (a React commit) the view is painted in the next frame.
 */
export function viewDrawn(key: string, inFrame = false): void {
  (inFrame ? (cb: () => void) => setTimeout(cb, 0) : afterNextPaint)(() => {
    if (document.documentElement.dataset.atlasReady !== 'true') {
      markOnce(MARKS.firstChoropleth);
      document.documentElement.dataset.atlasReady = 'true';
    }
    measurePending(key);
  });
}

/**
 * A part of a view other than its map (a control, a table) shows `key`, committed by React now: pending
 * interactions for `key` are measured after the next painted frame, as by {@link viewDrawn} (without its
 * first-choropleth mark: only a map's draw sets that).
 */
export function viewCommitted(key: string): void {
  afterNextPaint(() => measurePending(key));
}

function measurePending(key: string): void {
  const end = performance.now();
  const last = pending.map((p) => p.key).lastIndexOf(key);
  if (last < 0) return;
  for (const p of pending.slice(0, last + 1)) {
    if (p.key !== key) continue;
    performance.measure(`atlas:interaction:${p.kind}`, { start: p.start, end });
    performance.measure(`atlas:interaction:${p.kind}:render`, { start: p.arrived ?? p.start, end });
  }
  pending = pending.slice(last + 1);
}
