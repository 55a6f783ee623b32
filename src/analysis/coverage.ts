/**
 * Coverage of Child Protection Units (issue 4): for a year and a catchment model, which municipalities some
 * active unit reaches, how many children live within reach, and per county and nationally the units, the
 * children within reach and their share, the children assisted per unit and the caseload per worker.
 *
 * Definitions (shown to users in the view's notes):
 * - A unit is active in year y when opened <= y and (closed is null or y < closed).
 * - A municipality is covered when it is within reach ({@link reach}) of at least one active unit; the
 *   children within reach of an area are the children of its covered municipalities (wherever the unit is).
 * - Units, staff and children assisted belong to the area where the unit is located. Children assisted per
 *   unit divides the area's total by its active units that reported a caseload that year; caseload per worker
 *   divides it by those units' staff.
 * - Children assisted are a sensitive count: every unit's figure and every total goes through the one
 *   small-count policy ({@link suppressTable}: primary and secondary suppression, units grouped by county),
 *   and the per-unit and per-worker figures are hidden whenever the total they rest on is. Units, staff and
 *   child population (a public census-based count) are not sensitive.
 *
 * Pure: no DOM, no DuckDB.
 */
import { reach, type Catchment, type CatchmentGeometry } from './catchment';
import { isSuppressed } from './suppression';
import { suppressTable } from './suppression-table';

/** A unit (a row of facilities). */
export interface Unit {
  id: string;
  lau_code: string;
  name: string;
  lon: number;
  lat: number;
  opened: number;
  closed: number | null;
  supporter: string;
  staff: number;
}

/** Children assisted by one unit in one year (a row of caseload). */
export interface Assisted {
  facility_id: string;
  year: number;
  children_assisted: number | null;
}

/** Child population of one municipality in one year (indicator child_pop). */
export interface ChildCount {
  lau_code: string;
  year: number;
  children: number | null;
}

/** A municipality and its county: the universe of the figures. */
export interface Area {
  lau_code: string;
  qark_code: string;
}

/** Everything the coverage figures are computed from. */
export interface CoverageInput {
  units: readonly Unit[];
  caseload: readonly Assisted[];
  children: readonly ChildCount[];
  municipalities: readonly Area[];
  geometry: CatchmentGeometry;
}

/** A value that may be hidden by small-count suppression (`value` is then null). */
export interface Shown {
  value: number | null;
  suppressed: boolean;
}

/** One municipality in one year. */
export interface MunicipalityCoverage {
  lau_code: string;
  qark_code: string;
  children: number | null;
  covered: boolean;
  /** Ids of the active units reaching it, sorted. */
  units: string[];
}

/** One active unit in one year. */
export interface UnitFigures {
  id: string;
  name: string;
  lau_code: string;
  qark_code: string;
  lon: number;
  lat: number;
  supporter: string;
  opened: number;
  staff: number;
  /** Municipalities within its reach, sorted. */
  reach: string[];
  assisted: Shown;
}

/** Figures of a county (`code` = qark_code) or of Albania (`code` = {@link NATIONAL}). */
export interface AreaFigures {
  code: string;
  units: number;
  staff: number;
  municipalities: number;
  uncovered: number;
  /** All children of the area (known values summed). */
  children: number;
  /** Children of its covered municipalities. */
  covered: number;
  /** covered / children, in [0, 1]; null when the area has no children on record. */
  share: number | null;
  assisted: Shown;
  perUnit: Shown;
  perWorker: Shown;
}

/** The coverage of one year. */
export interface CoverageYear {
  year: number;
  municipalities: MunicipalityCoverage[];
  units: UnitFigures[];
  counties: AreaFigures[];
  national: AreaFigures;
  /** Active units per supporter, most units first (ties by name). */
  bySupporter: { supporter: string; units: number }[];
}

/** The code of the national row. */
export const NATIONAL = 'AL';

/** Whether a unit is active in `year`: opened <= year and (closed is null or year < closed). */
export function isActive(unit: Pick<Unit, 'opened' | 'closed'>, year: number): boolean {
  return unit.opened <= year && (unit.closed === null || year < unit.closed);
}

const SENSITIVE_COUNT = { sensitive: true, aggregation: 'sum' } as const;

const hidden: Shown = { value: null, suppressed: true };
const shown = (value: number | null): Shown => ({ value, suppressed: false });

/** The reach of every unit under one catchment (independent of the year). */
export function unitReaches(
  units: readonly Unit[],
  geometry: CatchmentGeometry,
  catchment: Catchment,
): Map<string, string[]> {
  return new Map(units.map((u) => [u.id, reach(geometry, catchment, u)]));
}

/** Lookups shared by every year of a series. */
interface Prepared {
  input: CoverageInput;
  reaches: Map<string, string[]>;
  county: Map<string, string>;
  counties: string[];
  assisted: Map<string, number | null>;
  children: Map<string, number | null>;
}

function prepare(input: CoverageInput, catchment: Catchment): Prepared {
  const key = (a: string, y: number) => `${a}|${y}`;
  const county = new Map(input.municipalities.map((m) => [m.lau_code, m.qark_code]));
  return {
    input,
    reaches: unitReaches(input.units, input.geometry, catchment),
    county,
    counties: [...new Set(county.values())].sort(),
    assisted: new Map(input.caseload.map((c) => [key(c.facility_id, c.year), c.children_assisted])),
    children: new Map(input.children.map((c) => [key(c.lau_code, c.year), c.children])),
  };
}

function yearOf(p: Prepared, year: number, k: number): CoverageYear {
  const { input, reaches, county } = p;
  const active = input.units.filter((u) => isActive(u, year));
  const reachedBy = new Map<string, string[]>();
  for (const u of active) {
    for (const lau of reaches.get(u.id) ?? []) {
      const list = reachedBy.get(lau);
      if (list) list.push(u.id);
      else reachedBy.set(lau, [u.id]);
    }
  }
  const municipalities: MunicipalityCoverage[] = input.municipalities.map((m) => {
    const by = (reachedBy.get(m.lau_code) ?? []).sort();
    return {
      lau_code: m.lau_code,
      qark_code: m.qark_code,
      children: p.children.get(`${m.lau_code}|${year}`) ?? null,
      covered: by.length > 0,
      units: by,
    };
  });

  // Children assisted: the one policy decides what is shown, units grouped by their county.
  const raw = active.map((u) => ({ u, n: p.assisted.get(`${u.id}|${year}`) ?? null }));
  const policy = suppressTable(
    SENSITIVE_COUNT,
    raw.map(({ u, n }) => ({ id: u.id, group: county.get(u.lau_code) ?? '', value: n, numerator: n })),
    k,
  );
  const units: UnitFigures[] = raw.map(({ u, n }) => ({
    id: u.id,
    name: u.name,
    lau_code: u.lau_code,
    qark_code: county.get(u.lau_code) ?? '',
    lon: u.lon,
    lat: u.lat,
    supporter: u.supporter,
    opened: u.opened,
    staff: u.staff,
    reach: reaches.get(u.id) ?? [],
    assisted: policy.hidden.has(u.id) ? hidden : shown(n),
  }));

  const area = (code: string, inArea: (lau: string) => boolean, totalHidden: boolean): AreaFigures => {
    const ms = municipalities.filter((m) => inArea(m.lau_code));
    const us = raw.filter(({ u }) => inArea(u.lau_code));
    const reporting = us.filter(({ n }) => n !== null);
    const children = ms.reduce((s, m) => s + (m.children ?? 0), 0);
    const covered = ms.reduce((s, m) => s + (m.covered ? (m.children ?? 0) : 0), 0);
    const total = reporting.length > 0 ? reporting.reduce((s, { n }) => s + n!, 0) : null;
    const staff = reporting.reduce((s, { u }) => s + u.staff, 0);
    const hide = totalHidden || isSuppressed(SENSITIVE_COUNT, total, total, k);
    const ratio = (d: number) => (hide ? hidden : shown(total === null || d === 0 ? null : total / d));
    return {
      code,
      units: us.length,
      staff: us.reduce((s, { u }) => s + u.staff, 0),
      municipalities: ms.length,
      uncovered: ms.filter((m) => !m.covered).length,
      children,
      covered,
      share: children > 0 ? covered / children : null,
      assisted: hide ? hidden : shown(total),
      perUnit: ratio(reporting.length),
      perWorker: ratio(staff),
    };
  };
  const counties = p.counties.map((q) => area(q, (lau) => county.get(lau) === q, policy.hiddenGroups.has(q)));
  const national = area(NATIONAL, (lau) => county.has(lau), policy.nationalHidden);

  const supporters = new Map<string, number>();
  for (const u of active) supporters.set(u.supporter, (supporters.get(u.supporter) ?? 0) + 1);
  const bySupporter = [...supporters]
    .map(([supporter, n]) => ({ supporter, units: n }))
    .sort((a, b) => b.units - a.units || (a.supporter < b.supporter ? -1 : 1));
  return { year, municipalities, units, counties, national, bySupporter };
}

/**
 * The coverage of one year under one catchment, with children assisted suppressed at threshold `k`
 * (counts 1..k-1 never shown).
 */
export function coverageYear(
  input: CoverageInput,
  catchment: Catchment,
  year: number,
  k: number,
): CoverageYear {
  return yearOf(prepare(input, catchment), year, k);
}

/** Every year that has child population on record, ascending. */
export function coverageYears(input: Pick<CoverageInput, 'children'>): number[] {
  return [...new Set(input.children.map((c) => c.year))].sort((a, b) => a - b);
}

/** The coverage of every year with child population on record ({@link coverageYears}), ascending. */
export function coverageSeries(input: CoverageInput, catchment: Catchment, k: number): CoverageYear[] {
  const p = prepare(input, catchment);
  return coverageYears(input).map((y) => yearOf(p, y, k));
}
