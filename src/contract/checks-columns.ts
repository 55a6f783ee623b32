/**
 * Checks that follow from a column's type and role alone, generated for every column the file has: empty
 * required cells, wrong types, values outside an enum, NaN/±Inf, negative counts, years out of range, and
 * text that a spreadsheet would run as a formula or a browser would parse as HTML.
 */
import type { ColumnSpec, TableSpec } from './contract';
import { columnDescription } from './contract-text';
import { msg } from './problem-text';
import type { TableKind } from './problem-types';
import type { Check } from './problems';
import { ident, isMissing, rawOf } from './sql';
import type { ValidationContext } from './types';

function typeChecks(kind: TableKind, c: ColumnSpec, decimalComma: boolean): Check[] {
  const description = columnDescription(kind, c.name);
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
        expected: msg('problems.invalid-value.enum.expected', { values }),
        fix: msg('problems.invalid-value.enum.fix', { values, description }),
      },
    ];
  }
  if (c.type === 'text') return [];
  const point = msg(decimalComma ? 'problems.wrong-type.pointComma' : 'problems.wrong-type.pointDot');
  const type = c.type;
  const checks: Check[] = [
    {
      code: 'wrong-type',
      severity: 'error',
      column: c.name,
      where:
        c.type === 'integer'
          ? `(${unparsed}) OR (isfinite(${v}) AND (${v} <> round(${v}) OR abs(${v}) >= 2147483648))`
          : unparsed,
      expected: msg(`problems.wrong-type.${type}`),
      fix:
        type === 'boolean'
          ? msg('problems.wrong-type.fixBoolean', { column: c.name })
          : msg(type === 'integer' ? 'problems.wrong-type.fixInteger' : 'problems.wrong-type.fixNumber', {
              point,
            }),
    },
  ];
  if (c.type === 'boolean') return checks;
  checks.push({
    code: 'not-finite',
    severity: 'error',
    column: c.name,
    where: `NOT isfinite(${v})`,
    expected: msg('problems.not-finite.expected'),
    fix: msg('problems.not-finite.fix'),
  });
  if (c.role === 'count') {
    checks.push({
      code: 'negative-count',
      severity: 'error',
      column: c.name,
      where: `${v} < 0`,
      expected: msg('problems.negative-count.count.expected'),
      fix: msg('problems.negative-count.count.fix'),
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
      expected:
        c.max !== undefined
          ? msg('problems.invalid-value.range.expected', { min: String(min), max: String(max) })
          : msg('problems.invalid-value.range.above0'),
      fix: msg('problems.invalid-value.range.fix', { column: c.name, description }),
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
        expected: msg('problems.year-out-of-range.event.expected', { last: String(last) }),
        fix: msg('problems.year-out-of-range.event.fix'),
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
      expected: msg('problems.year-out-of-range.data.expected', { first: String(first), last: String(last) }),
      fix: msg('problems.year-out-of-range.data.fix'),
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
      expected: msg('problems.year-out-of-range.catalog.expected', {
        first: String(cat.first),
        last: String(cat.last),
      }),
      fix: msg('problems.year-out-of-range.catalog.fix'),
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
      expected: msg('problems.formula-injection.expected'),
      fix: msg('problems.formula-injection.fix'),
    },
    {
      code: 'invalid-value',
      severity: 'warning',
      column: c.name,
      where: `regexp_matches(${raw}, ${HTML})`,
      expected: msg('problems.invalid-value.html.expected'),
      fix: msg('problems.invalid-value.html.fix'),
    },
  ];
  if (c.role === 'id') {
    checks.push({
      code: 'invalid-value',
      severity: 'error',
      column: c.name,
      where: `NOT regexp_full_match(s.${ident(c.name)}, '[a-z0-9_]+')`,
      expected: msg('problems.invalid-value.id.expected'),
      fix: msg('problems.invalid-value.id.fix'),
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
        expected: msg(key ? 'problems.null-key.cell.expectedKey' : 'problems.null-key.cell.expected', {
          column: c.name,
        }),
        fix: msg('problems.null-key.cell.fix', {
          column: c.name,
          description: columnDescription(spec.kind, c.name),
        }),
      });
    }
    checks.push(...typeChecks(spec.kind, c, decimalComma));
    if (c.role === 'year' || c.role === 'event-year') checks.push(...yearChecks(c, ctx));
    if (c.type === 'text') checks.push(...textChecks(c));
  }
  return checks;
}
