/**
 * Checks that relate several rows or the catalog: duplicate keys, indicator ids against the catalog, and
 * ratios (numerator, denominator, scale).
 */
import { similarity } from './names-text';
import type { IndicatorMeta } from '../engine/schema';
import type { TableSpec } from './contract';
import type { Check } from './problems';
import { ident, isMissing } from './sql';

/** Joins the place lookup of a staging table as `m` (empty when the kind has no place column). */
export function placeJoin(staging: string, hasPlace: boolean): string {
  return hasPlace ? `LEFT JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place` : '';
}

/**
 * Rows that share a key with another row (after names are resolved: "Durrës" and "AL121" are the same
 * key). The fix names the first rows of the group as spreadsheet rows.
 */
export function duplicateCheck(
  spec: TableSpec,
  staging: string,
  hasPlace: boolean,
  rowOffset: number,
): Check | null {
  if (spec.key.length === 0) return null;
  const keys = spec.key.map((k) => (k === 'lau_code' && hasPlace ? 'm.lau_code' : `s.${ident(k)}`));
  // The place as written, with the code it resolved to when that differs ("Durres (AL121)").
  const placeShown = `CASE WHEN s.__place = s.__key_place THEN s.__place ELSE s.__place || ' (' || s.__key_place || ')' END`;
  const shown = spec.key.map((k) => (k === 'lau_code' && hasPlace ? placeShown : `s.${ident(`${k}__raw`)}`));
  return {
    code: 'duplicate-key',
    severity: 'error',
    column: spec.key[0] === 'lau_code' && hasPlace ? 'lau_code' : spec.key[0]!,
    from: `(SELECT s.*, ${hasPlace ? 'm.lau_code' : 'NULL'} AS __key_place, count(*) OVER w AS __n,
        array_to_string(list_sort(list(s.__row) OVER w)[1:5], ',') AS __rows
      FROM ${ident(staging)} s ${placeJoin(staging, hasPlace)}
      WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')}
      WINDOW w AS (PARTITION BY ${keys.join(', ')})) s`,
    where: 's.__n > 1',
    found: shown.map((k) => `coalesce(${k}, '')`).join(` || ' / ' || `),
    detail: 's.__rows',
    expected: `one row per ${spec.key.join(', ')}`,
    fix: (d) => {
      const rows = d.split(',').map((r) => Number(r) + rowOffset);
      return `Rows ${rows.join(', ')} have the same ${spec.key.join(', ')}: keep one (or add them up if they are parts of one figure).`;
    },
  };
}

/** Suggestions for an unknown indicator id: the catalog ids closest in spelling. */
function indicatorSuggestions(indicators: readonly IndicatorMeta[]) {
  return (found: string) =>
    indicators
      .map((i) => ({ id: i.id, score: similarity(found.toLowerCase(), i.id) }))
      .filter((x) => x.score >= 0.5)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((x) => x.id);
}

// Ratios are allowed to differ from numerator / denominator x scale by rounding: the demo data rounds to two
// decimals and people round to one, so 0.05 absolute or 0.5 % relative, whichever is larger.
const EXPECTED = 's.numerator / s.denominator * i.scale';
// A DOUBLE as people write it: 100 rather than DuckDB's 100.0.
const num = (e: string) => `regexp_replace(CAST(${e} AS VARCHAR), '\\.0$', '')`;

/** Indicator rows against the catalog (`i` is the run's join of `<staging>_ind`). */
export function indicatorChecks(indicators: readonly IndicatorMeta[]): Check[] {
  const ratio = `i.aggregation = 'ratio'`;
  return [
    {
      code: 'unknown-indicator',
      severity: 'error',
      column: 'indicator',
      where: 's.indicator IS NOT NULL AND i.id IS NULL',
      detail: 's.indicator',
      expected: `an indicator id of the catalog (${indicators.map((i) => i.id).join(', ')})`,
      fix: 'Use an id of the catalog, or load a catalog file that defines it together with this file.',
      suggest: indicatorSuggestions(indicators),
    },
    {
      // A rate alone is fine (counties are then weighted, see src/engine/queries-values.ts), and so is a
      // rate with one of its parts; one part without the rate and without the other part says nothing.
      code: 'invalid-value',
      severity: 'error',
      column: 'numerator',
      where: `${ratio} AND s.value IS NULL AND ${isMissing('s.value__raw')}
        AND (s.numerator IS NULL) <> (s.denominator IS NULL)`,
      found: `coalesce(s.numerator__raw, '(empty)') || ' / ' || coalesce(s.denominator__raw, '(empty)')`,
      expected: 'the value, or numerator and denominator, for a ratio indicator',
      fix: 'Give the rate in value, or both numerator and denominator (the value is then computed from them).',
    },
    {
      code: 'numerator-above-denominator',
      severity: 'error',
      column: 'numerator',
      where: `${ratio} AND s.numerator > s.denominator`,
      found: `s.numerator__raw || ' > ' || s.denominator__raw`,
      expected: 'a numerator no larger than its denominator',
      fix: 'Check whether the two columns are swapped.',
    },
    {
      code: 'rate-above-100',
      severity: 'error',
      column: 'value',
      where: `${ratio} AND i.scale = 100 AND s.value > 100`,
      found: 'coalesce(s.value__raw, CAST(s.value AS VARCHAR))',
      expected: 'a percentage from 0 to 100',
      fix: 'A share cannot exceed 100 %: check the numerator and denominator, or whether the value is per 1,000.',
    },
    ...['value', 'numerator', 'denominator'].map((c): Check => ({
      code: 'negative-count',
      severity: 'error',
      column: c,
      where: `s.${ident(c)} < 0`,
      found: `coalesce(s.${ident(`${c}__raw`)}, CAST(s.${ident(c)} AS VARCHAR))`,
      expected: 'a value of 0 or more (the catalog indicators are counts and rates of counts)',
      fix: 'Check the sign, or the formula that produced it.',
    })),
    {
      code: 'value-mismatch',
      severity: 'warning',
      column: 'value',
      where: `${ratio} AND s.value IS NOT NULL AND s.denominator > 0
        AND abs(s.value - ${EXPECTED}) > greatest(0.05, 0.005 * abs(${EXPECTED}))`,
      detail: `${num(`round(${EXPECTED}, 2)`)} || ' (scale ' || ${num('i.scale')} || ')'`,
      expected: (d) => `numerator / denominator x scale = ${d}`,
      fix: 'The value is loaded as given, but the county and national lines are computed from numerator and denominator: check which one is right.',
    },
    {
      // 0 / 0 is undefined: a value given with it (often 0 %) cannot be checked and may stand for "no data"
      code: 'invalid-value',
      severity: 'warning',
      column: 'denominator',
      where: `${ratio} AND s.denominator = 0`,
      found: `coalesce(s.value__raw, '(empty)') || ' for ' || coalesce(s.numerator__raw, '(empty)') || ' / ' || s.denominator__raw`,
      expected: 'a denominator above 0 (a ratio over 0 is undefined)',
      fix: 'The row is loaded as given, but its county and national lines leave it out: if there is no population to count, leave the value empty; otherwise fill in the real denominator.',
    },
  ];
}
