/** Published files are never written with a threshold below this (docs/privacy.md). */
export const MIN_SERVED_K = 5;

/** What a served data folder withholds (catalog.json `served.withheld`, publish.json). */

export interface Withheld {
  k: number;
  values: { primary: number; secondary: number; counties: number; national: number };
  schools?: { primary: number; secondary: number; municipalities: number; national: number };
  caseload?: number;
}
