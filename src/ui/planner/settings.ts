/**
 * The planner's settings and saved scenarios, carried in the URL as one opaque string (`state.planner`):
 * base64url of compact JSON. Decoding never trusts the URL: every field is checked, anything invalid is
 * dropped and a default used instead, so a damaged link opens the planner with defaults rather than failing.
 * Links from before the budget option (no `b` field) open with "limit by number of new units".
 */
import { NORMALISATIONS, type Normalisation } from '../../analysis/planning/normalise';
import { isCatchment } from '../../state/url';

/** A solved siting, as kept with a scenario (enough to redraw and print it without solving again). */
export interface SavedResult {
  /** lau_codes of the chosen new sites, in the order chosen. */
  sites: string[];
  /** Marginal gain (children at risk newly covered) of each site, aligned with `sites`. */
  gains: number[];
  /** Children at risk covered by existing and new units together. */
  covered: number;
  /** Children at risk covered by the existing units alone. */
  baseline: number;
  /** Children at risk in total. */
  total: number;
  /** 'optimal' (exact) or 'feasible' / 'greedy' (with `gap`). */
  status: string;
  method: string;
  /** Relative optimality gap (0 when proven optimal); null when unknown. */
  gap: number | null;
}

/** How the new units are limited: a number of them, or a budget with a cost per unit (EUR per year). */
export interface BudgetSettings {
  mode: 'k' | 'budget';
  /** Most the new units may cost in total, EUR per year (budget mode). */
  budget: number;
  /** Cost of a new unit, EUR per year, wherever the costs file gives none. */
  unitCost: number;
  /** Costs by lau_code from a costs file, or null for the same cost everywhere. */
  costs: Record<string, number> | null;
  /** Name of that file (shown and printed), null without one. */
  costsFile: string | null;
}

/** The default limit: 3 new units; in budget mode 180,000 EUR/yr at 60,000 EUR/yr per unit. */
export const DEFAULT_BUDGET: BudgetSettings = {
  mode: 'k',
  budget: 180_000,
  unitCost: 60_000,
  costs: null,
  costsFile: null,
};
/** The budget may be at most this many times the dearest unit's cost. */
export const BUDGET_FACTOR = 100;
/** Largest cost per unit accepted (EUR per year). */
export const MAX_UNIT_COST = 1e9;

/** The largest budget the settings accept: BUDGET_FACTOR x the dearest cost (default or from the file). */
export function budgetMax(b: Pick<BudgetSettings, 'unitCost' | 'costs'>): number {
  const dearest = Math.max(b.unitCost, ...Object.values(b.costs ?? {}));
  return BUDGET_FACTOR * dearest;
}

/** The cost of a new unit at a site under these settings. */
export function siteCost(b: BudgetSettings, lau: string): number {
  return b.costs?.[lau] ?? b.unitCost;
}

/** A named scenario: the weights, normalisation, catchment, year, k or budget, and its result. */
export interface Scenario {
  name: string;
  weights: Record<string, number>;
  norm: Normalisation;
  catchment: string;
  year: number;
  k: number;
  budget: BudgetSettings;
  result: SavedResult | null;
  /** ISO date (yyyy-mm-dd) it was saved. */
  saved: string;
}

/** The planner's live settings plus its scenarios. */
export interface PlannerSettings {
  /** Whole percentages of the chosen indicators (summing to 100); an indicator not listed is not used. */
  weights: Record<string, number>;
  norm: Normalisation;
  /** Number of new units to site (1..10). */
  k: number;
  /** Limit by k or by a budget. */
  budget: BudgetSettings;
  scenarios: Scenario[];
  /** Indices of the two scenarios compared side by side, or null. */
  compare: [number, number] | null;
}

/** Largest k the planner offers (the curve runs 1..K_MAX). */
export const K_MAX = 10;
/** Most new sites a saved result keeps (a budget can buy more than K_MAX). */
const MAX_SITES = 100;
const MAX_COSTS = 200;
const MAX_FILE = 80;
const MAX_SCENARIOS = 12;
const MAX_NAME = 60;
const ID = /^[a-z0-9_]{1,40}$/;
const LAU = /^[A-Za-z0-9_.-]{1,40}$/;

/** The default settings: the given weights, min-max, 3 new units, no scenarios. */
export function defaultSettings(weights: Record<string, number>): PlannerSettings {
  return { weights, norm: 'minmax', k: 3, budget: DEFAULT_BUDGET, scenarios: [], compare: null };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The budget settings, compact: [mode (0 k, 1 budget), budget, cost per unit, costs?, file?]. */
function encodeBudget(b: BudgetSettings): unknown[] {
  const out: unknown[] = [b.mode === 'budget' ? 1 : 0, b.budget, b.unitCost];
  if (b.costs) out.push(b.costs, b.costsFile ?? '');
  return out;
}

/** The settings as the URL's opaque string. */
export function encodeSettings(s: PlannerSettings): string {
  const compact = {
    w: s.weights,
    n: s.norm,
    k: s.k,
    b: encodeBudget(s.budget),
    s: s.scenarios.map((sc) => ({
      a: sc.name,
      w: sc.weights,
      n: sc.norm,
      c: sc.catchment,
      y: sc.year,
      k: sc.k,
      b: encodeBudget(sc.budget),
      d: sc.saved,
      r: sc.result && [
        sc.result.sites,
        sc.result.gains.map((g) => Math.round(g * 10) / 10),
        Math.round(sc.result.covered * 10) / 10,
        Math.round(sc.result.baseline * 10) / 10,
        Math.round(sc.result.total * 10) / 10,
        sc.result.status,
        sc.result.method,
        sc.result.gap,
      ],
    })),
    ...(s.compare ? { x: s.compare } : {}),
  };
  return toBase64Url(JSON.stringify(compact));
}

const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const num = (v: unknown, min: number, max: number): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : null;
const int = (v: unknown, min: number, max: number): number | null => {
  const n = num(v, min, max);
  return n !== null && Number.isInteger(n) ? n : null;
};

function weightsOf(v: unknown): Record<string, number> | null {
  const o = obj(v);
  if (!o) return null;
  const out: Record<string, number> = {};
  for (const [id, w] of Object.entries(o)) {
    const n = num(w, 0, 100);
    if (!ID.test(id) || n === null) return null;
    out[id] = n;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function normOf(v: unknown): Normalisation | null {
  return NORMALISATIONS.find((n) => n === v) ?? null;
}

function resultOf(v: unknown): SavedResult | null {
  if (!Array.isArray(v) || v.length !== 8) return null;
  const [sites, gains, covered, baseline, total, status, method, gap] = v as unknown[];
  if (!Array.isArray(sites) || !sites.every((x) => typeof x === 'string' && LAU.test(x))) return null;
  if (sites.length > MAX_SITES) return null;
  if (!Array.isArray(gains) || gains.length !== sites.length) return null;
  const g = gains.map((x) => num(x, 0, 1e9));
  const c = num(covered, 0, 1e9);
  const base = num(baseline, 0, 1e9);
  const tot = num(total, 0, 1e9);
  const word = /^[a-z-]{1,20}$/;
  if (g.some((x) => x === null) || c === null || base === null || tot === null) return null;
  if (typeof status !== 'string' || !word.test(status) || typeof method !== 'string' || !word.test(method))
    return null;
  const gp = gap === null ? null : num(gap, 0, 1e6);
  if (gap !== null && gp === null) return null;
  return {
    sites: sites as string[],
    gains: g as number[],
    covered: c,
    baseline: base,
    total: tot,
    status,
    method,
    gap: gp,
  };
}

function costsOf(v: unknown): Record<string, number> | null {
  const o = obj(v);
  if (!o) return null;
  const entries = Object.entries(o);
  if (entries.length === 0 || entries.length > MAX_COSTS) return null;
  const out: Record<string, number> = {};
  for (const [lau, c] of entries) {
    const n = num(c, 0, MAX_UNIT_COST);
    if (!LAU.test(lau) || n === null) return null;
    out[lau] = n;
  }
  return out;
}

/** The budget settings of a link; a missing or damaged field takes the default's value. */
function budgetOf(v: unknown): BudgetSettings {
  if (!Array.isArray(v)) return DEFAULT_BUDGET;
  const [mode, budget, unitCost, costs, file] = v as unknown[];
  const cost = num(unitCost, 0, MAX_UNIT_COST) ?? DEFAULT_BUDGET.unitCost;
  const table = costsOf(costs);
  const name =
    table && typeof file === 'string' && file.length <= MAX_FILE
      ? [...file].filter((ch) => ch.charCodeAt(0) >= 32).join('')
      : null;
  const max = budgetMax({ unitCost: cost, costs: table });
  return {
    mode: mode === 1 ? 'budget' : 'k',
    budget: num(budget, 0, max) ?? Math.min(DEFAULT_BUDGET.budget, max),
    unitCost: cost,
    costs: table,
    costsFile: table ? name || null : null,
  };
}

function scenarioOf(v: unknown): Scenario | null {
  const o = obj(v);
  if (!o) return null;
  const name = typeof o.a === 'string' ? o.a.slice(0, MAX_NAME).trim() : '';
  const weights = weightsOf(o.w);
  const norm = normOf(o.n);
  const catchment = typeof o.c === 'string' && isCatchment(o.c) ? o.c : null;
  const year = int(o.y, 1900, 2100);
  const k = int(o.k, 1, K_MAX);
  const saved = typeof o.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.d) ? o.d : '';
  if (!name || !weights || !norm || !catchment || year === null || k === null) return null;
  return { name, weights, norm, catchment, year, k, budget: budgetOf(o.b), result: resultOf(o.r), saved };
}

/** The settings of a URL string; anything missing or invalid takes its value from `defaults`. */
export function decodeSettings(code: string, defaults: PlannerSettings): PlannerSettings {
  if (!code) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(code));
  } catch {
    return defaults;
  }
  const o = obj(raw);
  if (!o) return defaults;
  const scenarios = Array.isArray(o.s)
    ? o.s
        .slice(0, MAX_SCENARIOS)
        .map(scenarioOf)
        .filter((x): x is Scenario => x !== null)
    : [];
  const x = o.x;
  const compare =
    Array.isArray(x) &&
    x.length === 2 &&
    x.every((i) => int(i, 0, scenarios.length - 1) !== null) &&
    x[0] !== x[1]
      ? ([x[0], x[1]] as [number, number])
      : null;
  return {
    weights: weightsOf(o.w) ?? defaults.weights,
    norm: normOf(o.n) ?? defaults.norm,
    k: int(o.k, 1, K_MAX) ?? defaults.k,
    budget: o.b === undefined ? defaults.budget : budgetOf(o.b),
    scenarios,
    compare,
  };
}

/** How many scenarios a link keeps. */
export const SCENARIO_LIMIT = MAX_SCENARIOS;
