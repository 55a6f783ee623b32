/**
 * `npm run atlas -- plan`: where to open k new Child Protection Units, on the same code as the app's planner
 * (need index -> children at risk -> siting instance -> HiGHS / greedy), over the bundled data loaded into
 * DuckDB-WASM exactly as `atlas validate` does.
 *
 * Demand per municipality: the `--demand` file (lau_code, demand) when given; otherwise children (child_pop)
 * x relative need, the need index of the `--weights` indicators (default: equal weights over the catalog's
 * higher-is-worse rates), min-max normalised. Existing units: the facilities active in `--year`, or the
 * municipalities named by `--existing` (a unit at each one's representative point; `none` for no unit).
 *
 * The limit is `--k` new units, or `--budget` with a cost per site (`--cost` for every site, `--costs` for a
 * file of costs by municipality, the two together for a file with a default): the solver's `{ budget }`
 * limit, as in the app.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import loadHighs from 'highs';
import {
  catchmentCode,
  catchmentGeometry,
  type Catchment,
  type MunicipalityFeature,
} from '../analysis/catchment';
import { isActive } from '../analysis/coverage';
import { withCosts } from '../analysis/planning/costs';
import { costsFromRead } from '../import/costs-file';
import { coverageCurve } from '../analysis/planning/curve';
import { coverageGap, type CoverageGap } from '../analysis/planning/gap';
import { needIndex } from '../analysis/planning/need-index';
import {
  childrenAtRisk,
  siteReach,
  sitingInstance,
  type UnitLocation,
} from '../analysis/planning/need-demand';
import { PlanningError, type PlanningInstance, type SitingLimit } from '../analysis/planning/problem';
import { minimumCover, type CoverSolution } from '../analysis/planning/set-cover';
import { limitText, type PlanSolution, type SolveMethod } from '../analysis/planning/solution';
import { solvePlan } from '../analysis/planning/solve';
import { createEngine } from '../engine/engine';
import { readInput } from '../import/read';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import { readValues } from './hotspots';
import type { Io } from './io';
import type { Session } from './session';

/** Usage of the plan command. */
export const PLAN_USAGE = `Usage:
  npm run atlas -- plan (--k <n> | --budget <amount> (--cost <per site> | --costs <csv|parquet>))
      [--radius-km <r> | --contiguity | --self] [--year <y>]
      [--existing <lau,lau,...|none>] [--weights <indicator=w,...>] [--demand <csv|parquet>]
      [--method exact|greedy] [--curve <kMax>] [--cover] [--gap] [--emit-coverage] [--json]

Chooses k new units (municipality sites), or new units whose total cost fits a budget, that maximise the
demand covered together with the existing units (Maximal Covering Location Problem, solved exactly by
HiGHS; --method greedy for the heuristic with its optimality gap). Coverage: municipalities whose
representative points lie within --radius-km of the site, or that share a border with it (--contiguity,
the default), or only its own (--self).
  --k           the number of new units (give --k or --budget, not both)
  --budget      the most the new units may cost in total (e.g. 180000, in the currency of the costs)
  --cost        the cost of a new unit at any site (with --costs: at sites the file leaves out)
  --costs       file with columns lau_code, cost (CSV or Parquet); without --cost it must list every
                municipality
  --year        data year (default: the catalog's default year); existing units are those active then
  --existing    lau_codes of the existing units instead of the facilities data ("none": no unit)
  --weights     need index weights, e.g. econ_aid_share=2,dropout_rate=1 (default: equal weights over the
                higher-is-worse rates); demand = children x relative need
  --demand      file with columns lau_code, demand (replaces the need index)
  --curve <n>   also the best coverage for k = 1..n
  --cover       also the fewest new units covering all reachable demand (set covering)
  --gap         also the coverage gap of the existing units by municipality
  --emit-coverage  print the coverage sets used (site -> municipalities)
  --json        JSON instead of text`;

/** The plan command's options. */
export interface PlanOptions {
  /** At most k new units, or a budget for their summed cost. */
  limit: SitingLimit;
  /** Cost of a new unit wherever the costs file gives none (budget only). */
  cost?: number;
  /** The costs file (budget only). */
  costs?: string;
  catchment: Catchment;
  year?: number;
  existing?: string[];
  weights?: Record<string, number>;
  demand?: string;
  method: SolveMethod;
  curve?: number;
  cover: boolean;
  gap: boolean;
  emitCoverage: boolean;
  json: boolean;
}

/** A mistake on the plan command line (exit code 2). */
export class PlanUsageError extends Error {}

const FLAGS = ['contiguity', 'self', 'cover', 'gap', 'emit-coverage', 'json'];
const VALUED = [
  'k',
  'budget',
  'cost',
  'costs',
  'radius-km',
  'year',
  'existing',
  'weights',
  'demand',
  'method',
  'curve',
];

function whole(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new PlanUsageError(`--${name} needs a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function amount(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new PlanUsageError(`--${name} needs an amount >= 0 such as 180000 or 60000.5, got "${text}"`);
  }
  return value;
}

/** The limit: exactly one of --k and --budget; --cost / --costs only (and one of them always) with --budget. */
function limitOf(values: Record<string, string>): Pick<PlanOptions, 'limit' | 'cost' | 'costs'> {
  const { k, budget, cost, costs } = values;
  if (k !== undefined && budget !== undefined) {
    throw new PlanUsageError('give --k (a number of new units) or --budget (a total cost), not both');
  }
  if (budget === undefined) {
    if (k === undefined) {
      throw new PlanUsageError('--k <n> (the number of new units) or --budget <amount> is required');
    }
    if (cost !== undefined || costs !== undefined) {
      throw new PlanUsageError('--cost and --costs only apply with --budget');
    }
    return { limit: { k: whole('k', k, 0, 61) } };
  }
  if (cost === undefined && costs === undefined) {
    throw new PlanUsageError('--budget needs the cost of a site: --cost <per site> or --costs <file>');
  }
  return {
    limit: { budget: amount('budget', budget) },
    ...(cost !== undefined ? { cost: amount('cost', cost) } : {}),
    ...(costs !== undefined ? { costs } : {}),
  };
}

function parseWeights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [id, w, extra] = part.split('=').map((s) => s.trim());
    const value = Number(w);
    if (!id || w === undefined || extra !== undefined || w === '' || !Number.isFinite(value) || value < 0) {
      throw new PlanUsageError(`--weights needs indicator=weight pairs (weights >= 0), got "${part}"`);
    }
    if (id in out) throw new PlanUsageError(`--weights names ${id} twice`);
    out[id] = value;
  }
  return out;
}

/** Parses the options after `plan`; throws PlanUsageError. */
export function parsePlanArgs(argv: readonly string[]): PlanOptions {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new PlanUsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    if (FLAGS.includes(key)) {
      if (eq >= 0) throw new PlanUsageError(`--${key} takes no value`);
      flags.add(key);
      continue;
    }
    if (!VALUED.includes(key)) throw new PlanUsageError(`unknown option "--${key}"`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new PlanUsageError(`--${key} needs a value`);
    if (key in values) throw new PlanUsageError(`option --${key} given twice`);
    values[key] = value;
  }
  const limit = limitOf(values);
  const kinds = ['radius-km' in values, flags.has('contiguity'), flags.has('self')].filter(Boolean).length;
  if (kinds > 1) throw new PlanUsageError('choose one of --radius-km, --contiguity and --self');
  let catchment: Catchment = { kind: 'border' };
  if (values['radius-km'] !== undefined) {
    const km = Number(values['radius-km']);
    if (!Number.isFinite(km) || km <= 0 || km > 1000) {
      throw new PlanUsageError(`--radius-km needs a distance in km above 0, got "${values['radius-km']}"`);
    }
    catchment = { kind: 'radius', km };
  } else if (flags.has('self')) catchment = { kind: 'self' };
  const method = values['method'] ?? 'exact';
  if (method !== 'exact' && method !== 'greedy') {
    throw new PlanUsageError(`--method must be exact or greedy, got "${method}"`);
  }
  if (values['demand'] !== undefined && values['weights'] !== undefined) {
    throw new PlanUsageError('--weights has no effect with --demand: give one of them');
  }
  const existing = values['existing'];
  return {
    ...limit,
    catchment,
    year: values['year'] === undefined ? undefined : whole('year', values['year'], 1990, 2050),
    existing:
      existing === undefined
        ? undefined
        : existing === 'none'
          ? []
          : existing.split(',').map((s) => s.trim()),
    weights: values['weights'] === undefined ? undefined : parseWeights(values['weights']),
    demand: values['demand'],
    method,
    curve: values['curve'] === undefined ? undefined : whole('curve', values['curve'], 1, 61),
    cover: flags.has('cover'),
    gap: flags.has('gap'),
    emitCoverage: flags.has('emit-coverage'),
    json: flags.has('json'),
  };
}

/** The instance the plan is solved on, and where its parts came from. */
export interface PlanInputs {
  instance: PlanningInstance;
  year: number;
  demandSource: string;
  weights: Record<string, number> | null;
  /** Municipalities without demand (no need score, no child count, or absent from the demand file). */
  noDemand: string[];
  existing: UnitLocation[];
  /** Where the site costs came from (budget only), e.g. "60000 per site" or "file costs.csv". */
  costSource: string | null;
}

/** Builds the siting instance from the loaded data (the planner view's recipe). */
export async function planInputs(session: Session, o: PlanOptions): Promise<PlanInputs> {
  const { catalog, boundaries } = session;
  const engine = createEngine(session.conn);
  const year = o.year ?? catalog.defaultYear;
  const features = boundaries.features as unknown as MunicipalityFeature[];
  const geom = catchmentGeometry(features);
  const known = new Set(geom.places.map((p) => p.lau_code));
  let units: UnitLocation[];
  if (o.existing) {
    units = o.existing.map((code) => {
      const place = geom.places.find((p) => p.lau_code === code);
      if (!place) throw new PlanningError(`--existing: no municipality with lau_code "${code}"`);
      return { id: code, ...place };
    });
  } else {
    units = (await engine.facilities())
      .filter((u) => isActive(u, year))
      .map((u) => ({ id: u.id, lau_code: u.lau_code, lon: u.lon, lat: u.lat }));
  }
  let demand: Map<string, number>;
  let demandSource: string;
  let weights: Record<string, number> | null = null;
  const noDemand: string[] = [];
  if (o.demand) {
    let read: ReturnType<typeof readValues>;
    try {
      read = readValues(basename(o.demand), new Uint8Array(readFileSync(o.demand)), 'demand');
    } catch (err) {
      throw new PlanningError(`--demand: ${err instanceof Error ? err.message : String(err)}`);
    }
    demand = new Map();
    read.ids.forEach((id, i) => {
      if (!known.has(id)) throw new PlanningError(`${o.demand}: no municipality with lau_code "${id}"`);
      demand.set(id, read.values[i]!);
    });
    demandSource = `file ${basename(o.demand)} (column demand)`;
  } else {
    const rates = catalog.indicators.filter((m) => m.higherIsWorse && m.aggregation === 'ratio');
    weights = o.weights ?? Object.fromEntries(rates.map((m) => [m.id, 1]));
    const metas = Object.keys(weights).map((id) => {
      const meta = catalog.indicators.find((m) => m.id === id);
      if (!meta) {
        throw new PlanningError(
          `--weights: unknown indicator "${id}" (known: ${catalog.indicators.map((m) => m.id).join(', ')})`,
        );
      }
      return meta;
    });
    const values = await Promise.all(metas.map((m) => engine.choropleth(m, year)));
    const rows = geom.places.map((p) => ({
      lau_code: p.lau_code,
      values: Object.fromEntries(
        metas.map((m, i) => [m.id, values[i]!.find((v) => v.lau_code === p.lau_code)?.value ?? null]),
      ),
    }));
    const index = needIndex({
      indicators: metas.map((m) => ({ id: m.id, higherIsWorse: m.higherIsWorse, weight: weights![m.id]! })),
      rows,
      normalisation: 'minmax',
    });
    const excluded = new Set(index.excluded);
    const children = new Map(
      (await engine.childPopulation()).filter((c) => c.year === year).map((c) => [c.lau_code, c.children]),
    );
    const atRisk = childrenAtRisk(
      index.scores.filter((s) => !excluded.has(s.lau_code)),
      children,
    );
    demand = atRisk.demand;
    noDemand.push(...index.excluded, ...atRisk.unknown);
    demandSource = `children (child_pop ${year}) x relative need (min-max need index)`;
  }
  for (const code of known) if (!demand.has(code) && !noDemand.includes(code)) noDemand.push(code);
  noDemand.sort();
  const plain = sitingInstance(demand, siteReach(geom, o.catchment, units));
  const { instance, costSource } = costed(plain, o, known);
  return { instance, year, demandSource, weights, noDemand, existing: units, costSource };
}

/** The instance with the site costs of --cost / --costs (unchanged for --k). */
function costed(
  instance: PlanningInstance,
  o: PlanOptions,
  known: ReadonlySet<string>,
): { instance: PlanningInstance; costSource: string | null } {
  if ('k' in o.limit) return { instance, costSource: null };
  let costs: Map<string, number> | null = null;
  if (o.costs) {
    const name = basename(o.costs);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(o.costs));
    } catch (err) {
      throw new PlanningError(`--costs: ${err instanceof Error ? err.message : String(err)}`);
    }
    costs = costsFromRead(name, readInput({ name, bytes }, loadParquetModuleNode()), known);
    if (o.cost === undefined) {
      const missing = [...known].filter((code) => !costs!.has(code)).sort();
      if (missing.length > 0) {
        throw new PlanningError(
          `${name} has no cost for ${missing.length} municipalities (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}): add them, or give --cost for the rest`,
        );
      }
    }
  }
  const sources = [
    costs ? `file ${basename(o.costs!)} (${costs.size} sites)` : null,
    o.cost !== undefined ? `${o.cost} per site${costs ? ' elsewhere' : ''}` : null,
  ];
  return {
    instance: withCosts(instance, o.cost ?? 0, costs),
    costSource: sources.filter(Boolean).join(', '),
  };
}

/** One point of the printed coverage curve. */
interface CurveRow {
  k: number;
  objective: number;
  share: number;
  gain: number;
  sites: string[];
  status: string;
  gap: number;
  ms: number;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function solutionJson(s: PlanSolution) {
  return {
    method: s.method,
    status: s.status,
    sites: s.sites,
    marginalGains: s.marginalGains,
    objective: s.objective,
    baseline: s.baseline,
    totalDemand: s.totalDemand,
    reachableDemand: s.reachableDemand,
    upperBound: s.upperBound,
    gap: s.gap,
    cost: s.cost,
    covered: s.covered,
    ms: round(s.ms),
  };
}

function pct(x: number, total: number): string {
  return total > 0 ? `${((100 * x) / total).toFixed(1)}%` : 'n/a';
}

function text(inputs: PlanInputs, o: PlanOptions, s: PlanSolution, extra: Record<string, unknown>): string {
  const lines = [
    `Year ${inputs.year}, catchment ${catchmentCode(o.catchment)}, ${limitText(o.limit)}, method ${s.method}`,
    ...('budget' in o.limit
      ? [
          `Costs: ${inputs.costSource}; total cost of the new sites ${round(s.cost)}, budget left ${round(o.limit.budget - s.cost)}`,
        ]
      : []),
    `Demand: ${inputs.demandSource}${inputs.weights ? `; weights ${JSON.stringify(inputs.weights)}` : ''}`,
    `Existing units: ${inputs.existing.length} (${inputs.existing.map((u) => u.id).join(', ') || 'none'})`,
    `Status: ${s.status}; solved in ${s.ms.toFixed(1)} ms; gap ${(100 * s.gap).toFixed(2)}% (bound ${round(s.upperBound)})`,
    `Covered demand: ${round(s.objective)} of ${round(s.totalDemand)} (${pct(s.objective, s.totalDemand)}); existing units alone ${round(s.baseline)} (${pct(s.baseline, s.totalDemand)})`,
    'New sites (marginal gain, demand only it covers):',
    ...s.marginalGains.map(
      (g, i) =>
        `  ${i + 1}. ${g.site}  +${round(g.gain)}  (unique ${round(g.unique)})${'budget' in o.limit ? `  cost ${round(g.cost)}` : ''}`,
    ),
  ];
  if (s.marginalGains.length === 0) lines.push('  (none adds coverage)');
  if (inputs.noDemand.length > 0) lines.push(`No demand computed for: ${inputs.noDemand.join(', ')}`);
  const curve = extra['curve'] as CurveRow[] | undefined;
  if (curve) {
    lines.push('Coverage curve (k: covered, share, gain, sites, status, ms):');
    for (const p of curve) {
      lines.push(
        `  ${p.k}: ${round(p.objective)}  ${(100 * p.share).toFixed(1)}%  +${round(p.gain)}  ${p.sites.join(' ')}  ${p.status}  ${p.ms.toFixed(1)}`,
      );
    }
  }
  const cover = extra['cover'] as CoverSolution | undefined;
  if (cover) {
    lines.push(
      `Full coverage of reachable demand: ${cover.count} new unit(s) (${cover.method}, ${cover.status}): ${cover.sites.join(' ') || 'none needed'}` +
        (cover.unreachable.length > 0 ? `; unreachable: ${cover.unreachable.join(' ')}` : ''),
    );
  }
  const gap = extra['coverageGap'] as CoverageGap | undefined;
  if (gap) {
    lines.push(
      `Coverage gap of the existing units: ${round(gap.uncoveredDemand)} of ${round(gap.totalDemand)} (${pct(gap.uncoveredDemand, gap.totalDemand)}) not within reach:`,
    );
    for (const r of gap.rows.filter((row) => !row.covered)) lines.push(`  ${r.id}  ${round(r.uncovered)}`);
  }
  if (extra['coverage']) {
    lines.push(`Demand: ${JSON.stringify(extra['demand'])}`);
    lines.push(`Coverage sets: ${JSON.stringify(extra['coverage'])}`);
  }
  return lines.join('\n');
}

/** Runs `plan` on a session; returns the exit code (2 usage, 1 data or solver problem, 0 done). */
export async function planCommand(
  argv: readonly string[],
  io: Io,
  open: () => Promise<Session>,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(PLAN_USAGE);
    return 0;
  }
  let o: PlanOptions;
  try {
    o = parsePlanArgs(argv);
  } catch (err) {
    if (!(err instanceof PlanUsageError)) throw err;
    io.err(`atlas plan: ${err.message}\n${PLAN_USAGE}`);
    return 2;
  }
  let session: Session | undefined;
  try {
    session = await open();
    const inputs = await planInputs(session, o);
    const highs = await loadHighs();
    const solution = solvePlan(inputs.instance, o.limit, { method: o.method }, highs);
    const extra: Record<string, unknown> = {};
    if (o.curve !== undefined) {
      extra['curve'] = coverageCurve(inputs.instance, o.curve, { method: o.method }, highs).map(
        (p): CurveRow => ({
          k: p.k,
          objective: p.objective,
          share: p.share,
          gain: p.gain,
          sites: p.solution.sites,
          status: p.solution.status,
          gap: p.solution.gap,
          ms: round(p.solution.ms),
        }),
      );
    }
    if (o.cover) extra['cover'] = minimumCover(inputs.instance, highs);
    if (o.gap) extra['coverageGap'] = coverageGap(inputs.instance);
    if (o.emitCoverage) {
      extra['demand'] = Object.fromEntries(inputs.instance.demand.map((d) => [d.id, d.weight]));
      extra['coverage'] = Object.fromEntries(inputs.instance.coverage);
    }
    if (o.json) {
      io.out(
        JSON.stringify(
          {
            year: inputs.year,
            catchment: catchmentCode(o.catchment),
            limit: o.limit,
            ...('k' in o.limit
              ? { k: o.limit.k }
              : {
                  budget: o.limit.budget,
                  costSource: inputs.costSource,
                  totalCost: solution.cost,
                  budgetLeft: o.limit.budget - solution.cost,
                }),
            demandSource: inputs.demandSource,
            weights: inputs.weights,
            existing: inputs.existing.map((u) => u.id),
            noDemand: inputs.noDemand,
            ...solutionJson(solution),
            ...extra,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(text(inputs, o, solution, extra));
    }
    return 0;
  } catch (err) {
    if (err instanceof PlanningError || err instanceof RangeError) {
      io.err(`atlas plan: ${err.message}`);
      return 1;
    }
    io.err(`atlas plan: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  } finally {
    await session?.close();
  }
}
