/**
 * The budget inputs' rules, apart from the view so they are tested: an amount typed by a person (EUR per
 * year, written as the screen's language writes numbers), checked to be finite, >= 0 and within bounds; and the total cost
 * of a plan under the budget settings. Messages are i18n keys with their values.
 */
import type { TFunction } from 'i18next';
import { formatNumber, type Lang } from '../../i18n';
import { budgetMax, MAX_UNIT_COST, siteCost, type BudgetSettings } from './settings';

/** An accepted amount, or the i18n key (under planner.budget) of what is wrong and its values. */
export type Checked = { value: number } | { error: string; values?: Record<string, number> };

/**
 * A typed amount as a number, as the language writes it: English "180,000.5" (comma between thousands,
 * point for decimals), Albanian "180.000,5" or "180 000,5" (point or space between thousands, comma for
 * decimals); plain digits "180000" in either. Anything else (signs, exponents, currency) is null.
 */
export function parseAmount(text: string, lang: Lang): number | null {
  const t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const [group, decimal] = lang === 'sq' ? ['[. ]', ','] : ['[, ]', '\\.'];
  const pattern = new RegExp(`^(\\d+|\\d{1,3}(${group}\\d{3})+)(${decimal}\\d+)?$`);
  if (!pattern.test(t)) return null;
  const parts = t.split(lang === 'sq' ? ',' : '.');
  const x = Number(`${parts[0]!.replace(/[^\d]/g, '')}${parts[1] !== undefined ? `.${parts[1]}` : ''}`);
  return Number.isFinite(x) ? x : null;
}

/** An amount as the input shows it: no thousands separator, the language's decimal mark. */
export function amountText(x: number, lang: Lang): string {
  const s = String(Math.round(x * 100) / 100);
  return lang === 'sq' ? s.replace('.', ',') : s;
}

/** Checks a cost per unit: a number from 0 to MAX_UNIT_COST. */
export function checkUnitCost(text: string, lang: Lang): Checked {
  const x = parseAmount(text, lang);
  if (x === null) return { error: 'notNumber' };
  if (x > MAX_UNIT_COST) return { error: 'costTooLarge', values: { max: MAX_UNIT_COST } };
  return { value: x };
}

/** Checks a budget: a number from 0 to budgetMax of the settings (100 x the dearest unit). */
export function checkBudget(
  text: string,
  b: Pick<BudgetSettings, 'unitCost' | 'costs'>,
  lang: Lang,
): Checked {
  const x = parseAmount(text, lang);
  if (x === null) return { error: 'notNumber' };
  const max = budgetMax(b);
  if (x > max) return { error: 'budgetTooLarge', values: { max } };
  return { value: x };
}

/** Total cost of the chosen sites under the budget settings. */
export function planCost(b: BudgetSettings, sites: readonly string[]): number {
  return sites.reduce((sum, s) => sum + siteCost(b, s), 0);
}

/** The limit in words: "3" new units, or "Budget 180,000 EUR/yr at 60,000 per unit[; costs from f.csv]". */
export function limitSummary(t: TFunction, s: { k: number; budget: BudgetSettings }, lang: Lang): string {
  const b = s.budget;
  if (b.mode === 'k') return String(s.k);
  const values = {
    budget: formatNumber(b.budget, lang, 0),
    cost: formatNumber(b.unitCost, lang, 0),
    file: b.costsFile ?? '',
  };
  return t(b.costs ? 'planner.budget.summaryFile' : 'planner.budget.summary', values);
}
