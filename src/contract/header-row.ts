/**
 * Where the header is in a sheet as ministries write it: title rows, notes and blank rows come first, so
 * the header is the first of the first 20 rows that reads as one (a complete table of the contract, or a
 * place column with years or indicators as columns); failing that, the row that binds the most columns.
 */
import { headerFit, normaliseHeader } from './contract';
import { PLACE } from './contract-columns';
import { detectShape, type IndicatorNames } from './wide';

/** Rows looked at for a header. */
export const HEADER_SEARCH_ROWS = 20;

/** Every header spelling of a place column (codes and names, DHIS2's organisation unit included). */
const PLACE_HEADERS = new Set(PLACE.flatMap((c) => [c.name, ...(c.aliases ?? [])]));

/** How well `cells` reads as a header (0 = not at all). */
export function headerScore(cells: readonly string[], names: IndicatorNames): number {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length < 2) return 0;
  const { bound, complete } = headerFit(cells);
  if (complete) return 1000 + bound;
  const place = cells.some((c) => PLACE_HEADERS.has(normaliseHeader(c)));
  const shape = detectShape(cells, names);
  if (place && shape.kind !== 'long') return 500 + shape.columns.length;
  return bound >= 2 ? bound : 0;
}

/** A header row found: its 0-based index among the rows and its score (0 when no row reads as a header). */
export interface HeaderFound {
  index: number;
  score: number;
}

/** The header among `rows` (only the first 20 are looked at); index 0 when none reads as one. */
export function findHeaderRow(rows: readonly (readonly string[])[], names: IndicatorNames): HeaderFound {
  let best = 0;
  let bestScore = 0;
  const n = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < n; r++) {
    const score = headerScore(rows[r]!, names);
    if (score >= 500) return { index: r, score };
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return { index: best, score: bestScore };
}
