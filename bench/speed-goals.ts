/**
 * The goals of issue 14 ("Speed"), checked against one bench run: start-up marks (medians), the indicator
 * map's interactions from input to painted frame (p95, the first of each kind in a load included), the
 * build's size and what a first visit downloads, and Lighthouse. The coverage, hotspots and planner views'
 * goals come from bench/view-report.ts.
 */
import { MARKS } from '../src/common/perf';
import { KINDS, measureName } from './interactions';
import type { LighthouseResult } from './lighthouse';
import type { Goal } from './result';
import type { Summary } from './stats';

/** The limits, as the issue states them. */
export const SPEED_LIMITS = {
  firstChoroplethMs: 600,
  mapInteractiveMs: 2000,
  duckdbReadyMs: 3000,
  interactionP95Ms: 50,
  distBytes: 45_000_000,
  firstVisitGzipBytes: 15_000_000,
  lighthouseDesktop: 0.9,
  lighthouseMobile: 0.6,
  tbtDesktopMs: 200,
} as const;

/** What the goals read. */
export interface SpeedInputs {
  marks: Record<string, Summary>;
  interactions: Record<string, Summary>;
  distRaw: number | undefined;
  /** gzip bytes of the files a cold load asked for until ready, and of the service worker's precache. */
  firstLoadGzip: number | null;
  precacheGzip: number | null;
  lighthouse: LighthouseResult | null;
}

const ms = (v: number | null | undefined) => (v == null ? 'n/a' : `${Math.round(v)} ms`);
const mb = (v: number | null | undefined) => (v == null ? 'n/a' : `${(v / 1e6).toFixed(1)} MB`);
const at = (v: number | null | undefined, limit: number) => (v == null ? null : v <= limit);

export function speedGoals(x: SpeedInputs): Goal[] {
  const L = SPEED_LIMITS;
  const mark = (name: string) => x.marks[name]?.median ?? null;
  const goals: Goal[] = [
    {
      name: `${MARKS.firstChoropleth} median`,
      measured: ms(mark(MARKS.firstChoropleth)),
      limit: `≤ ${L.firstChoroplethMs} ms`,
      pass: at(mark(MARKS.firstChoropleth), L.firstChoroplethMs),
    },
    {
      name: `${MARKS.mapInteractive} (WebGL map drawn) median`,
      measured: ms(mark(MARKS.mapInteractive)),
      limit: `≤ ${L.mapInteractiveMs} ms`,
      pass: at(mark(MARKS.mapInteractive), L.mapInteractiveMs),
    },
    {
      name: `${MARKS.duckdbReady} median, cold load`,
      measured: ms(mark(MARKS.duckdbReady)),
      limit: `≤ ${L.duckdbReadyMs} ms`,
      pass: at(mark(MARKS.duckdbReady), L.duckdbReadyMs),
    },
    ...KINDS.map((k) => {
      const p95 = x.interactions[measureName(k)]?.p95 ?? null;
      return {
        name: `${measureName(k)} p95, input to painted frame (query included)`,
        measured: ms(p95),
        limit: `≤ ${L.interactionP95Ms} ms`,
        pass: at(p95, L.interactionP95Ms),
      };
    }),
    {
      name: 'dist/, every file',
      measured: mb(x.distRaw),
      limit: `≤ ${L.distBytes / 1e6} MB`,
      pass: at(x.distRaw, L.distBytes),
    },
    {
      name: 'first visit download, gzip (the service worker precaches every file; the load itself needs fewer)',
      measured: `${mb(x.precacheGzip)} (load until ready: ${mb(x.firstLoadGzip)})`,
      limit: `≤ ${L.firstVisitGzipBytes / 1e6} MB`,
      pass: at(x.precacheGzip, L.firstVisitGzipBytes),
    },
  ];
  const lh = x.lighthouse?.summary;
  if (lh) {
    goals.push(
      {
        name: `Lighthouse ${x.lighthouse!.version} performance, desktop preset (median of ${lh.desktop.score.n})`,
        measured: lh.desktop.score.median?.toFixed(2) ?? 'n/a',
        limit: `≥ ${L.lighthouseDesktop}`,
        pass: lh.desktop.score.median == null ? null : lh.desktop.score.median >= L.lighthouseDesktop,
      },
      {
        name: `Lighthouse performance, mobile preset (median of ${lh.mobile.score.n})`,
        measured: lh.mobile.score.median?.toFixed(2) ?? 'n/a',
        limit: `≥ ${L.lighthouseMobile}`,
        pass: lh.mobile.score.median == null ? null : lh.mobile.score.median >= L.lighthouseMobile,
      },
      {
        name: 'Lighthouse total blocking time, desktop (median)',
        measured: ms(lh.desktop.tbt.median),
        limit: `≤ ${L.tbtDesktopMs} ms`,
        pass: at(lh.desktop.tbt.median, L.tbtDesktopMs),
      },
    );
  }
  return goals;
}
