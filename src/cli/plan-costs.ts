/** The site costs of `atlas plan --budget`: one `--cost` per site, a `--costs` file by municipality, or both. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { withCosts } from '../analysis/planning/costs';
import { PlanningError, type PlanningInstance } from '../analysis/planning/problem';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import { costsFromRead } from '../import/costs-file';
import { readInput } from '../import/read';
import type { PlanOptions } from './plan-options';

/** Reads a costs file; without a default cost it must name every known municipality. */
function readCosts(
  file: string,
  fallback: number | undefined,
  known: ReadonlySet<string>,
): Map<string, number> {
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    throw new PlanningError(`--costs: ${err instanceof Error ? err.message : String(err)}`);
  }
  const costs = costsFromRead(name, readInput({ name, bytes }, loadParquetModuleNode()), known);
  if (fallback === undefined) {
    const missing = [...known].filter((code) => !costs.has(code)).sort();
    if (missing.length > 0) {
      throw new PlanningError(
        `${name} has no cost for ${missing.length} municipalities (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}): add them, or give --cost for the rest`,
      );
    }
  }
  return costs;
}

/** The instance with the site costs of --cost / --costs (unchanged for --k), and where the costs came from. */
export function costed(
  instance: PlanningInstance,
  o: PlanOptions,
  known: ReadonlySet<string>,
): { instance: PlanningInstance; costSource: string | null } {
  if ('k' in o.limit) return { instance, costSource: null };
  const costs = o.costs ? readCosts(o.costs, o.cost, known) : null;
  const sources = [
    costs ? `file ${basename(o.costs!)} (${costs.size} sites)` : null,
    o.cost !== undefined ? `${o.cost} per site${costs ? ' elsewhere' : ''}` : null,
  ];
  return {
    instance: withCosts(instance, o.cost ?? 0, costs),
    costSource: sources.filter(Boolean).join(', '),
  };
}
