/** The planner's budget inputs (src/ui/planner/budget.ts): what a person may type, and the plan's cost. */
import { describe, expect, it } from 'vitest';
import { amountText, checkBudget, checkUnitCost, parseAmount, planCost } from '../../src/ui/planner/budget';
import { DEFAULT_BUDGET } from '../../src/ui/planner/settings';

describe('budget inputs', () => {
  it('reads amounts as each language writes them, and nothing else', () => {
    expect(parseAmount('180000', 'en')).toBe(180000);
    expect(parseAmount(' 180,000 ', 'en')).toBe(180000);
    expect(parseAmount('180 000', 'en')).toBe(180000);
    expect(parseAmount('60,000.5', 'en')).toBe(60000.5);
    expect(parseAmount('0', 'en')).toBe(0);
    expect(parseAmount('180000', 'sq')).toBe(180000);
    expect(parseAmount('180.000', 'sq')).toBe(180000);
    expect(parseAmount('180\u00a0000,25', 'sq')).toBe(180000.25);
    expect(parseAmount('60000,5', 'sq')).toBe(60000.5);
    for (const bad of ['', '-5', '1e5', 'abc', '18,00', 'Infinity', '€100', '1.2.3', '1,2.3']) {
      expect(parseAmount(bad, 'en'), bad).toBeNull();
    }
    expect(parseAmount('60000.5', 'sq')).toBeNull();
    expect(amountText(60000.5, 'sq')).toBe('60000,5');
    expect(parseAmount(amountText(1234.56, 'en'), 'en')).toBe(1234.56);
  });

  it('keeps the budget within 100 x the dearest unit and the cost finite', () => {
    expect(checkUnitCost('60000', 'en')).toEqual({ value: 60000 });
    expect(checkUnitCost('x', 'en')).toEqual({ error: 'notNumber' });
    expect(checkUnitCost('2000000000', 'en')).toMatchObject({ error: 'costTooLarge' });
    expect(checkBudget('6000000', DEFAULT_BUDGET, 'en')).toEqual({ value: 6_000_000 });
    expect(checkBudget('6000001', DEFAULT_BUDGET, 'en')).toEqual({
      error: 'budgetTooLarge',
      values: { max: 6_000_000 },
    });
    expect(checkBudget('7000000', { unitCost: 60000, costs: { AL111: 70000 } }, 'en')).toEqual({
      value: 7_000_000,
    });
  });

  it('a plan costs the file cost where there is one, else the cost per unit', () => {
    const b = { ...DEFAULT_BUDGET, costs: { AL111: 10 } };
    expect(planCost(b, ['AL111', 'AL112', 'AL113'])).toBe(120010);
    expect(planCost(DEFAULT_BUDGET, [])).toBe(0);
  });
});
