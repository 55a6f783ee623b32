/**
 * Numbers as people type them in spreadsheets: "12.5", "12,5" (Albanian and most European locales write a
 * decimal comma), "1,234.5", "1.234,5", "1 234,5". The reader keeps every CSV cell as text; the validator
 * converts with this and complains about what it cannot read.
 */

// Spaces used as thousands separators: plain, no-break, narrow no-break, thin.
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const POINT_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const POINT_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const COMMA_DECIMAL = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;

/**
 * Parses a number written with a decimal point or (when `decimalComma`) a decimal comma, allowing
 * thousands separators of the other kind and spaces, a leading "+" and a Unicode minus. Returns null for
 * anything else (empty, "n/a", "12%", "1,2,3", NaN, Infinity).
 */
export function parseNumberLoose(s: string, decimalComma: boolean): number | null {
  let t = s.trim().replace(/^\u2212/, '-');
  if (t === '') return null;
  const spaced = t.replace(GROUP_SPACES, '');
  // Spaces only count as grouping between digit groups of three ("1 234"), never inside a group.
  if (spaced !== t && !/^[+-]?\d{1,3}([ \u00a0\u202f\u2009]\d{3})+([.,]\d*)?$/.test(t)) return null;
  t = spaced;
  let plain: string | null = null;
  if (decimalComma) {
    if (COMMA_DECIMAL.test(t)) plain = t.replace(',', '.');
    else if (COMMA_GROUPED.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
    else if (POINT_DECIMAL.test(t) && !/^[+-]?\d{1,3}\.\d{3}$/.test(t)) plain = t; // "12.5" is still clear
  } else {
    if (POINT_DECIMAL.test(t)) plain = t;
    else if (POINT_GROUPED.test(t)) plain = t.replace(/,/g, '');
  }
  if (plain === null) return null;
  const x = Number(plain);
  return Number.isFinite(x) ? x : null;
}

/** Cells that can only be decimal-comma numbers ("12,5", "0,25", "1.234,5"). */
const ONLY_COMMA = /^[+-]?(\d*,\d+|\d{1,3}(\.\d{3})+,\d+)$/;
/** Cells that can only be decimal-point numbers ("12.5", but not "1.234", which could be 1234). */
const ONLY_POINT = /^[+-]?(\d*\.\d{1,2}|\d*\.\d{4,}|\d{4,}\.\d+|\d{1,3}(,\d{3})+\.\d+)$/;

/**
 * True when more cells read as decimal-comma numbers than as decimal-point numbers. "1,234" counts as
 * neither: it is 1.234 in Tirana and 1234 in London.
 */
export function usesDecimalComma(cells: Iterable<string>): boolean {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const c = raw.trim();
    if (ONLY_COMMA.test(c) && !/^[+-]?\d{1,3},\d{3}$/.test(c)) comma++;
    else if (ONLY_POINT.test(c)) point++;
  }
  return comma > point;
}
