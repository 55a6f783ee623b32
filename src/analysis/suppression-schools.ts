/**
 * The small-count policy of the school tables the hotspots view shows (src/engine/schools-shown.ts), for
 * data loaded in full (a planner's own schools file): the policy the published files are written with
 * (./disclosure/served-schools.ts, one linked table per year: schools within their municipality's total of
 * their level, levels within all-levels totals, municipalities within Albania), applied in the browser at
 * the threshold on screen, so that a planner's local view and a site published from the same data at the
 * same k show the same figures. A school's all-levels figure is the sum of its levels, hidden where one is.
 *
 * Nested in k: the policy at k also hides whatever it hides at any threshold from the smallest a viewer can
 * choose up to k, so a larger k hides a superset and two views of the same data at two thresholds tell
 * nothing the smaller one does not (test/privacy/thresholds.test.ts; test/privacy/schools.test.ts checks the
 * policy by brute force over every table consistent with what is shown).
 */
import { ALL_LEVELS, serveSchools } from './disclosure/served-schools';
import { HIDDEN, NATIONAL_CODE } from './disclosure/served-values';

export { ALL_LEVELS } from './disclosure/served-schools';

/**
 * The smallest threshold a viewer can choose (the threshold control and the link, src/ui/Controls.tsx and
 * src/state/url.ts, allow 3 to 20). A served dataset's own k is a higher floor: it is served as it is.
 */
export const LOWEST_K = 3;

/** One school at one level in one year. */
export interface SchoolCount {
  school: string;
  /** Its municipality ('' when unknown). */
  lau: string;
  level: string;
  /** Dropouts; null when not known. */
  dropouts: number | null;
}

/** What is hidden in one view (`all` or a level). */
export interface ViewSuppression {
  /** Schools whose figure is hidden. */
  schools: Set<string>;
  /** Municipalities whose figure is hidden. */
  municipalities: Set<string>;
  /** Whether Albania's figure is hidden. */
  national: boolean;
}

/** What is hidden in every view, by view (`all` and each level present). */
export type SchoolSuppression = Map<string, ViewSuppression>;

const emptyView = (): ViewSuppression => ({ schools: new Set(), municipalities: new Set(), national: false });

/** The published files' policy at one threshold, by view. */
function suppressAt(rows: readonly SchoolCount[], k: number): SchoolSuppression {
  const served = serveSchools(
    rows.map((r) => ({
      school_id: r.school,
      lau_code: r.lau,
      lon: null,
      lat: null,
      level: r.level,
      year: 0,
      enrolled: 0,
      dropouts: r.dropouts,
    })),
    k,
  );
  const out: SchoolSuppression = new Map([[ALL_LEVELS, emptyView()]]);
  const view = (level: string) => {
    let v = out.get(level);
    if (!v) out.set(level, (v = emptyView()));
    return v;
  };
  for (const s of served.schools) {
    if (s.status !== HIDDEN) continue;
    view(s.level).schools.add(s.school_id);
    view(ALL_LEVELS).schools.add(s.school_id);
  }
  for (const t of served.totals) {
    const v = view(t.school_level);
    if (t.status !== HIDDEN) continue;
    if (t.level === 'national' && t.code === NATIONAL_CODE) v.national = true;
    else v.municipalities.add(t.code);
  }
  for (const r of rows) view(r.level);
  return out;
}

/** Whether every figure of every view that has a dropout in it is hidden (a larger k can hide no more). */
function hidesAll(policy: SchoolSuppression, rows: readonly SchoolCount[]): boolean {
  for (const [level, h] of policy) {
    const inView = rows.filter((r) => level === ALL_LEVELS || r.level === level);
    if (inView.length > 0 && !h.national) return false;
    for (const r of inView)
      if (r.dropouts !== 0 && (!h.schools.has(r.school) || !h.municipalities.has(r.lau))) return false;
  }
  return true;
}

/**
 * What the policy hides of one year's schools at threshold k, in every view, and whatever it hides at a
 * smaller threshold from `lowest` up too (see the module comment).
 */
export function suppressSchools(
  rows: readonly SchoolCount[],
  k: number,
  lowest: number = LOWEST_K,
): SchoolSuppression {
  const out = suppressAt(rows, k);
  if (hidesAll(out, rows)) return out;
  // Beyond the largest figure every positive count is hidden anyway.
  const largest = rows.reduce((s, r) => s + (r.dropouts ?? 0), 0);
  for (let j = Math.max(2, lowest); j < Math.min(k, largest + 2); j++) {
    for (const [level, h] of suppressAt(rows, j)) {
      const o = out.get(level)!;
      h.schools.forEach((s) => o.schools.add(s));
      h.municipalities.forEach((m) => o.municipalities.add(m));
      o.national ||= h.national;
    }
  }
  return out;
}
