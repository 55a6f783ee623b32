/**
 * `npm run atlas -- plan`: where to open k new Child Protection Units, on the same code as the app's planner
 * (need index -> children at risk -> siting instance -> HiGHS / greedy), over the bundled data loaded into
 * DuckDB-WASM exactly as `atlas validate` does.
 *
 * The parts: the command line (plan-args.ts, plan-values.ts, the help in plan-usage.ts), the instance from
 * the data (plan-data.ts with plan-demand.ts and plan-costs.ts), the solve (plan-solve.ts), the output
 * (plan-text.ts, plan-json.ts). Without a catchment option the plan uses the default catchment, a unit
 * serving its own municipality (DEFAULT_CATCHMENT in src/analysis/catchment.ts).
 */
import loadHighs from 'highs';
import { PlanningError } from '../analysis/planning/problem';
import type { Io } from './io';
import { parsePlanArgs, PlanUsageError, type PlanOptions } from './plan-args';
import { planInputs } from './plan-data';
import { planJsonText } from './plan-json';
import { solveWithExtras } from './plan-solve';
import { planText } from './plan-text';
import { PLAN_USAGE } from './plan-usage';
import type { Session } from './session';

export { parsePlanArgs, PlanUsageError, type PlanOptions } from './plan-args';
export { planInputs, type PlanInputs } from './plan-data';
export { PLAN_USAGE } from './plan-usage';

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
    const { solution, extras } = solveWithExtras(inputs.instance, o, await loadHighs());
    io.out((o.json ? planJsonText : planText)(inputs, o, solution, extras));
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
