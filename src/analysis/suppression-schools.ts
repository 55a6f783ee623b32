/**
 * The small-count policy of the school tables the hotspots view shows (src/engine/engine-schools.ts): one
 * year's dropouts per school, per municipality and for Albania, at each school level and at all levels
 * together. A viewer can combine all of them (a municipality's rate minus its shown schools, a level's
 * figure minus the other level's), so they are protected together:
 *
 * - **Each level on its own** (basic, upper secondary) is a three-tier table: schools in municipalities in
 *   Albania. Primary: a school or municipality whose dropouts are 1 to k-1, or not known (a file served
 *   already suppressed holds NULL there), is hidden; a school without coordinates is never shown on its own,
 *   so it counts as hidden too. Secondary, per municipality whose figure is shown
 *   ({@link secondarySuppression}): no municipality with exactly one hidden school, and its hidden schools
 *   add up to at least k (otherwise more schools are hidden, smallest first, or the municipality's figure
 *   is). Then Albania: what the national figure leaves unknown, once the shown municipalities are taken
 *   away, is the sum of the hidden schools of the hidden municipalities; the same two rules apply to them
 *   (hiding more of them, or else the national figure).
 * - **All levels together** shows a figure only when every level's figure it adds up is shown: a school's,
 *   a municipality's or Albania's all-level figure is hidden as soon as one of its levels is. Every shown
 *   all-level figure is then the sum of shown level figures, so the all-level table tells nothing the
 *   level tables do not, and the level tables share no unknown (a school's basic and upper-secondary
 *   dropouts are different cells): protecting each level protects the whole.
 *
 * Checked by brute force over every table consistent with what is shown (test/privacy/schools.test.ts), and
 * nested in k (test/privacy/thresholds.test.ts).
 */
import { secondarySuppression, type Cell } from './suppression-secondary';

/**
 * The smallest threshold a viewer can choose (the threshold control and the link, src/ui/Controls.tsx and
 * src/state/url.ts, allow 3 to 20): the policy at k also hides what it hides at any threshold from this one
 * up, so that two views of the same data at two thresholds tell nothing the smaller one does not.
 */
export const LOWEST_K = 3;

/** The view that sums every level. */
export const ALL_LEVELS = 'all';

/** One school at one level in one year. */
export interface SchoolCount {
  school: string;
  /** Its municipality ('' when unknown). */
  lau: string;
  level: string;
  /** Dropouts; null when not known (a served file that hides them). */
  dropouts: number | null;
  /** False for a school without coordinates: it is never shown on its own. */
  located: boolean;
}

/** What is hidden in one view (`all` or a level). */
export interface ViewSuppression {
  /** Schools whose figure is hidden (unlocated ones included). */
  schools: Set<string>;
  /** Municipalities whose figure is hidden. */
  municipalities: Set<string>;
  /** Whether Albania's figure is hidden. */
  national: boolean;
}

/** What is hidden in every view, by view (`all` and each level present). */
export type SchoolSuppression = Map<string, ViewSuppression>;

const small = (n: number | null, k: number): boolean => n === null || (n >= 1 && n < k);

/** Adds nullable counts: null as soon as one part is not known. */
function add(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

/** Primary and secondary suppression of one level's schools, municipalities and national figure. */
function protectLevel(rows: readonly SchoolCount[], k: number): ViewSuppression {
  const schools = new Set<string>();
  const munis = new Map<string, number | null>();
  let anyUnknown = false;
  for (const r of rows) {
    if (small(r.dropouts, k) || !r.located) schools.add(r.school);
    munis.set(r.lau, munis.has(r.lau) ? add(munis.get(r.lau)!, r.dropouts) : r.dropouts);
    if (r.dropouts === null) anyUnknown = true;
  }
  const municipalities = new Set([...munis].filter(([, n]) => small(n, k)).map(([lau]) => lau));
  const cellsOf = (keep: (r: SchoolCount) => boolean, group: (r: SchoolCount) => string): Cell[] =>
    rows
      .filter((r) => r.dropouts !== null && keep(r))
      .map((r) => ({ id: r.school, group: group(r), count: r.dropouts }));
  // Municipalities whose figure is shown: their schools.
  const inShown = secondarySuppression(
    cellsOf(
      (r) => !municipalities.has(r.lau),
      (r) => r.lau,
    ),
    schools,
    k,
  );
  inShown.cells.forEach((s) => schools.add(s));
  inShown.groups.forEach((m) => municipalities.add(m));
  // Albania: the hidden schools of the hidden municipalities are what its figure leaves unknown.
  const inHidden = secondarySuppression(
    cellsOf(
      (r) => municipalities.has(r.lau),
      () => 'national',
    ),
    schools,
    k,
  );
  inHidden.cells.forEach((s) => schools.add(s));
  return { schools, municipalities, national: anyUnknown || inHidden.national };
}

/** The policy at one threshold (see the module comment). */
function suppressAt(byLevel: ReadonlyMap<string, readonly SchoolCount[]>, k: number): SchoolSuppression {
  const out: SchoolSuppression = new Map();
  const all: ViewSuppression = { schools: new Set(), municipalities: new Set(), national: false };
  for (const level of [...byLevel.keys()].sort()) {
    const view = protectLevel(byLevel.get(level)!, k);
    out.set(level, view);
    view.schools.forEach((s) => all.schools.add(s));
    view.municipalities.forEach((m) => all.municipalities.add(m));
    all.national ||= view.national;
  }
  out.set(ALL_LEVELS, all);
  return out;
}

/**
 * What the policy hides of one year's schools at threshold k, in every view: each level protected as a
 * three-tier table, the all-level view hiding every figure one of whose levels is hidden (see the module
 * comment); and whatever the policy hides at a smaller threshold from `lowest` up too. A larger k so hides a
 * superset: the same data seen at two thresholds (the browser may raise k) shows nothing the smaller one
 * does not (without it, a national figure hidden at k could be shown at k + 1, once a municipality is
 * hidden in its own right, and give back what k's municipal figures left unknown).
 */
export function suppressSchools(
  rows: readonly SchoolCount[],
  k: number,
  lowest: number = LOWEST_K,
): SchoolSuppression {
  const byLevel = new Map<string, SchoolCount[]>();
  for (const r of rows) {
    const list = byLevel.get(r.level);
    if (list) list.push(r);
    else byLevel.set(r.level, [r]);
  }
  const out = suppressAt(byLevel, k);
  // Beyond the largest figure every positive count is hidden anyway; nothing to add once everything is.
  const largest = Math.max(
    0,
    ...[...byLevel.values()].map((r) => r.reduce((s, x) => s + (x.dropouts ?? 0), 0)),
  );
  if (hidesAll(out, byLevel)) return out;
  for (let j = Math.max(2, lowest); j < Math.min(k, largest + 2); j++) {
    for (const [view, h] of suppressAt(byLevel, j)) {
      const o = out.get(view)!;
      h.schools.forEach((s) => o.schools.add(s));
      h.municipalities.forEach((m) => o.municipalities.add(m));
      o.national ||= h.national;
    }
  }
  return out;
}

/** Whether every level's every school, municipality and national figure with a dropout in it is hidden. */
function hidesAll(policy: SchoolSuppression, byLevel: ReadonlyMap<string, readonly SchoolCount[]>): boolean {
  for (const [level, rows] of byLevel) {
    const h = policy.get(level)!;
    if (!h.national) return false;
    for (const r of rows)
      if (r.dropouts !== 0 && (!h.schools.has(r.school) || !h.municipalities.has(r.lau))) return false;
  }
  return true;
}
