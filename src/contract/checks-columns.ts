/**
 * Checks that follow from a column's type and role alone, generated for every column the file has: empty
 * required cells, wrong types, values outside an enum, NaN/±Inf, negative counts, years out of range, and
 * text that a spreadsheet would run as a formula or a browser would parse as HTML.
 */
import type { ColumnSpec, TableSpec } from './contract';
import type { Check } from './problems';
import { ident, isMissing, rawOf } from './sql';
import type { ValidationContext } from './types';

const typeName: Record<'integer' | 'number' | 'boolean', string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false (also yes/no, po/jo, 1/0)',
};

function typeChecks(c: ColumnSpec, decimalComma: boolean): Check[] {
  const v = `s.${ident(c.name)}`;
  const raw = `s.${rawOf(c.name)}`;
  const unparsed = `NOT ${isMissing(raw)} AND ${v} IS NULL`;
  if (c.type === 'enum') {
    const values = (c.values ?? []).join(', ');
    return [
      {
        code: 'invalid-value',
        severity: 'error',
        column: c.name,
        where: unparsed,
        expected: `one of: ${values}`,
        fix: `Use one of ${values} (${c.description}).`,
      },
    ];
  }
  if (c.type === 'text') return [];
  const point = decimalComma ? '"," as the decimal point (as this file does)' : '"." as the decimal point';
  const checks: Check[] = [
    {
      code: 'wrong-type',
      severity: 'error',
      column: c.name,
      where:
        c.type === 'integer'
          ? `(${unparsed}) OR (isfinite(${v}) AND (${v} <> round(${v}) OR abs(${v}) >= 2147483648))`
          : unparsed,
      expected: typeName[c.type],
      fix:
        c.type === 'boolean'
          ? `Write true or false in ${c.name}.`
          : `Write ${typeName[c.type]} with ${point}, without units, % signs or words; leave the cell empty for no data.`,
    },
  ];
  if (c.type === 'boolean') return checks;
  checks.push({
    code: 'not-finite',
    severity: 'error',
    column: c.name,
    where: `NOT isfinite(${v})`,
    expected: 'a finite number',
    fix: 'NaN and infinity are not values: leave the cell empty for no data, or fix the division that made it.',
  });
  if (c.role === 'count') {
    checks.push({
      code: 'negative-count',
      severity: 'error',
      column: c.name,
      where: `${v} < 0`,
      expected: 'a count of 0 or more',
      fix: 'Counts cannot be negative: check the sign or the formula that produced it.',
    });
  }
  if (c.min !== undefined || c.max !== undefined) {
    const min = c.min ?? -Number.MAX_VALUE;
    const max = c.max ?? Number.MAX_VALUE;
    checks.push({
      code: 'invalid-value',
      severity: 'error',
      column: c.name,
      where: `(${v} < ? OR ${v} > ?)`,
      params: [min, max],
      expected: c.max !== undefined ? `a value from ${min} to ${max}` : `a value above 0`,
      fix: `Fix ${c.name}: ${c.description}.`,
    });
  }
  return checks;
}

function yearChecks(c: ColumnSpec, ctx: ValidationContext): Check[] {
  const v = `s.${ident(c.name)}`;
  const { first, last } = ctx.years;
  if (c.role === 'event-year') {
    return [
      {
        code: 'year-out-of-range',
        severity: 'error',
        column: c.name,
        where: `(${v} < 1900 OR ${v} > ?)`,
        params: [last],
        expected: `a year from 1900 to ${last}`,
        fix: 'Write the four-digit year.',
      },
    ];
  }
  const checks: Check[] = [
    {
      code: 'year-out-of-range',
      severity: 'error',
      column: c.name,
      where: `(${v} < ? OR ${v} > ?)`,
      params: [first, last],
      expected: `a year from ${first} to ${last}`,
      fix: 'Write the four-digit calendar year the figure refers to.',
    },
  ];
  const cat = ctx.catalogYears;
  if (cat) {
    checks.push({
      code: 'year-out-of-range',
      severity: 'warning',
      column: c.name,
      where: `${v} BETWEEN ? AND ? AND (${v} < ? OR ${v} > ?)`,
      params: [first, last, cat.first, cat.last],
      expected: `a year of the catalog, ${cat.first} to ${cat.last}`,
      fix: 'The row is loaded, but the year slider only shows the catalog years: extend the catalog years to see it.',
    });
  }
  return checks;
}

// Spreadsheets run a cell starting with = as a formula, and + - @ followed by a letter or "(" too.
const FORMULA = `'^[[:space:]]*(=|[-+@][[:space:]]*[A-Za-z(])'`;
const HTML = `'<[[:space:]]*/?[[:space:]]*[A-Za-z!]'`;

function textChecks(c: ColumnSpec): Check[] {
  const raw = `s.${rawOf(c.name)}`;
  const checks: Check[] = [
    {
      code: 'formula-injection',
      severity: 'warning',
      column: c.name,
      where: `regexp_matches(${raw}, ${FORMULA})`,
      expected: 'plain text',
      fix: 'The app shows it as text, so it is harmless here, but a spreadsheet opening this file (or an export of it) would run it as a formula. Remove the leading =, +, - or @ unless it is meant.',
    },
    {
      code: 'invalid-value',
      severity: 'warning',
      column: c.name,
      where: `regexp_matches(${raw}, ${HTML})`,
      expected: 'plain text without HTML',
      fix: 'The app shows this as text, never as HTML, so it is harmless here; remove the markup if it was not meant.',
    },
  ];
  if (c.role === 'id') {
    checks.push({
      code: 'invalid-value',
      severity: 'error',
      column: c.name,
      where: `NOT regexp_full_match(s.${ident(c.name)}, '[a-z0-9_]+')`,
      expected: 'an id of lower-case letters, digits and _ (e.g. cp_cases_rate)',
      fix: 'Use the indicator id, not its label.',
    });
  }
  return checks;
}

/** The checks for every bound column of `spec` (place columns are checked by places.ts). */
export function columnChecks(
  spec: TableSpec,
  bound: ReadonlySet<string>,
  ctx: ValidationContext,
  decimalComma: boolean,
): Check[] {
  const checks: Check[] = [];
  for (const c of spec.columns) {
    if (!bound.has(c.name) || c.role === 'place') continue;
    if (c.notNull) {
      const key = spec.key.includes(c.name);
      checks.push({
        code: c.nullCode ?? (key ? 'null-key' : 'invalid-value'),
        severity: 'error',
        column: c.name,
        where: isMissing(`s.${rawOf(c.name)}`),
        expected: key ? `a value (${c.name} is part of the key)` : `a value for ${c.name}`,
        fix: `Fill in ${c.name} (${c.description}) or remove the row.`,
      });
    }
    checks.push(...typeChecks(c, decimalComma));
    if (c.role === 'year' || c.role === 'event-year') checks.push(...yearChecks(c, ctx));
    if (c.type === 'text') checks.push(...textChecks(c));
  }
  return checks;
}
