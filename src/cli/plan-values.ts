/** The values of the plan command's options: numbers, amounts, the k / budget limit, need-index weights. */
import { PlanUsageError, type PlanOptions } from './plan-options';

/** A whole number in [min, max]; throws PlanUsageError naming the option. */
export function whole(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new PlanUsageError(`--${name} needs a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** A plain non-negative amount such as 180000 or 60000.5. */
export function amount(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new PlanUsageError(`--${name} needs an amount >= 0 such as 180000 or 60000.5, got "${text}"`);
  }
  return value;
}

/** The limit: exactly one of --k and --budget; --cost / --costs only (and one of them always) with --budget. */
export function limitOf(values: Record<string, string>): Pick<PlanOptions, 'limit' | 'cost' | 'costs'> {
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

/** `indicator=weight,...` (weights >= 0, each indicator once). */
export function parseWeights(text: string): Record<string, number> {
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
