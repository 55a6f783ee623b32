/**
 * How synthetic case records are distributed: integer weights (relative, any total) for every category of
 * the data contract's `cases` table (docs/data-contract.md; test/cases/profile.test.ts checks the lists
 * against src/contract/contract-tables.ts). Plausible, not measured: trafficking mostly of adolescent girls,
 * exploitation (begging, child labour) mostly of boys aged 6-14, neglect mostly of young children, schools
 * referring little in July and August and for children under 6, a dip in reports over the summer holidays.
 */

export const CASE_TYPES = ['trafficking', 'abuse', 'violence', 'exploitation', 'neglect', 'other'] as const;
export const AGE_BANDS = ['0-5', '6-11', '12-14', '15-17'] as const;
export const SEXES = ['F', 'M', 'X'] as const;
export const REFERRAL_SOURCES = [
  'school',
  'police',
  'health',
  'social_services',
  'ngo',
  'family',
  'other',
] as const;

export type CaseType = (typeof CASE_TYPES)[number];

/** Weights of each case type among all cases (the CLI's records). */
export const CASE_TYPE_WEIGHTS: readonly number[] = [4, 18, 30, 5, 33, 10];

/**
 * The case types that count into trafficking_referrals (src/contract/cases.ts): the demo's records of a
 * municipality-year hold exactly that many of them, split between the two by these weights.
 */
export const TRAFFICKING_TYPES: readonly CaseType[] = ['trafficking', 'exploitation'];

/** Age band weights (0-5, 6-11, 12-14, 15-17) by case type, in CASE_TYPES order. */
export const AGE_WEIGHTS: readonly (readonly number[])[] = [
  [5, 15, 30, 50],
  [15, 30, 30, 25],
  [20, 35, 25, 20],
  [5, 35, 35, 25],
  [40, 35, 15, 10],
  [20, 30, 25, 25],
];

/** Sex weights (F, M, X) by case type. */
export const SEX_WEIGHTS: readonly (readonly number[])[] = [
  [72, 26, 2],
  [62, 36, 2],
  [48, 50, 2],
  [40, 58, 2],
  [49, 49, 2],
  [47, 48, 5],
];

/** Referral source weights (school ... other) by case type, in term time for school-age children. */
export const REFERRAL_WEIGHTS: readonly (readonly number[])[] = [
  [5, 45, 5, 15, 25, 3, 2],
  [25, 20, 15, 15, 10, 12, 3],
  [20, 30, 10, 15, 8, 14, 3],
  [10, 35, 3, 25, 20, 5, 2],
  [25, 8, 15, 35, 7, 6, 4],
  [15, 15, 10, 30, 10, 12, 8],
];

/** Schools refer this share (percent) of their usual weight in July and August and for children under 6. */
export const SCHOOL_OFF_PERCENT = 20;

/** Months without school (1-12). */
export const SCHOOL_HOLIDAY_MONTHS: readonly number[] = [7, 8];

/** Month weights, January to December: fewer reports over the summer and winter holidays. */
export const MONTH_WEIGHTS: readonly number[] = [80, 85, 95, 95, 100, 90, 75, 70, 90, 105, 105, 85];

/** The share (in percent) of trafficking among the demo's trafficking-or-exploitation cases. */
export const TRAFFICKING_PERCENT = 55;

/** Referral weights with the school's weight cut to SCHOOL_OFF_PERCENT (school is the first source). */
export function schoolOff(weights: readonly number[]): number[] {
  return weights.map((w, i) => (i === 0 ? (w * SCHOOL_OFF_PERCENT) / 100 : w));
}
