/**
 * The indicators made from cases, as in public/data/catalog.json: cp_cases_rate is cases per 1,000 children
 * (denominator: the loaded child_pop of the same municipality and year); trafficking_referrals counts the
 * trafficking and exploitation cases. Here, below src/contract (which counts a cases file into them) and
 * the demo's case records (./engine-cases-demo.ts), which are drawn to agree with them.
 */
export const CASE_INDICATORS = {
  rate: { id: 'cp_cases_rate', scale: 1000, denominator: 'child_pop' },
  trafficking: { id: 'trafficking_referrals', caseTypes: ['trafficking', 'exploitation'] },
} as const;
