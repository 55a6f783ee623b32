/**
 * The plan command line -> {@link PlanOptions}. Without a catchment option the plan uses
 * {@link DEFAULT_CATCHMENT} (a unit serves its own municipality, as in the app); `--contiguity` adds the
 * bordering municipalities, `--radius-km` those within a distance, `--self` names the default.
 */
import { DEFAULT_CATCHMENT, parseCatchment, type Catchment } from '../analysis/catchment';
import { PlanUsageError, type PlanOptions } from './plan-options';
import { limitOf, parseWeights, whole } from './plan-values';

export { PlanUsageError, type PlanOptions } from './plan-options';

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

/** Splits argv into valued options and flags; throws PlanUsageError on an unknown, repeated or empty one. */
function tokens(argv: readonly string[]): { values: Record<string, string>; flags: Set<string> } {
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
  return { values, flags };
}

/** At most one of --radius-km, --contiguity and --self; none: the default catchment. */
function catchmentOf(values: Record<string, string>, flags: ReadonlySet<string>): Catchment {
  const radius = values['radius-km'];
  const kinds = [radius !== undefined, flags.has('contiguity'), flags.has('self')].filter(Boolean).length;
  if (kinds > 1) throw new PlanUsageError('choose one of --radius-km, --contiguity and --self');
  if (radius !== undefined) {
    const km = Number(radius);
    if (!Number.isFinite(km) || km <= 0 || km > 1000) {
      throw new PlanUsageError(`--radius-km needs a distance in km above 0, got "${radius}"`);
    }
    return { kind: 'radius', km };
  }
  if (flags.has('contiguity')) return { kind: 'border' };
  if (flags.has('self')) return { kind: 'self' };
  return parseCatchment(DEFAULT_CATCHMENT);
}

/** Parses the options after `plan`; throws PlanUsageError. */
export function parsePlanArgs(argv: readonly string[]): PlanOptions {
  const { values, flags } = tokens(argv);
  const limit = limitOf(values);
  const catchment = catchmentOf(values, flags);
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
