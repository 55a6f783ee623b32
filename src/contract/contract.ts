/**
 * Recognising which table of the contract a file is, from its header alone, and binding each header to a
 * contract column. User column names never reach SQL: the stager renames the Arrow columns to the contract
 * names returned here before DuckDB sees them.
 */
import type { Problem, TableKind } from './problem-types';
import type { ColumnSpec, TableSpec } from './contract-columns';
import { CONTRACT } from './contract-tables';
import { truncate } from './problems';

export { CONTRACT, type ColumnSpec, type LogicalType, type Role, type TableSpec } from './contract-tables';

/** A header of the file bound to a contract column. */
export interface BoundColumn {
  /** Contract column name (an SQL identifier). */
  name: string;
  /** Position of the column in the file. */
  index: number;
  /** The header as the file spells it, for messages. */
  header: string;
}

/** What detectKind found: the kind (or null), header problems and the bound columns. */
export interface Detection {
  kind: TableKind | null;
  problems: Problem[];
  columns: BoundColumn[];
}

/** Options of detectKind. */
export interface DetectOptions {
  /** File name for the problems. */
  file?: string;
  /** Known indicator ids: a header named like one means the file is in wide format. */
  indicatorIds?: readonly string[];
}

/**
 * Header spelling -> comparison form: BOM and diacritics dropped, lower case, runs of anything else
 * turned into one "_": " LAU Code " -> "lau_code", "Viti" -> "viti", "Value (%)" -> "value".
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Headers that suggest personal data in a record-level file: the app ignores them, but they should not be
// in the file at all (see the privacy notes of docs/data-contract.md).
const PERSONAL =
  /(^|_)(name|emri|mbiemri|surname|birth|dob|datelindja|address|adresa|phone|telefon|nid|personal)(_|$)/;

interface Fit {
  spec: TableSpec;
  columns: BoundColumn[];
  duplicates: { header: string; of: string }[];
  unexpected: string[];
  missing: string[];
  needed: number;
}

function fit(spec: TableSpec, headers: readonly string[]): Fit {
  const byHeader = new Map<string, ColumnSpec>();
  for (const c of spec.columns) for (const h of [c.name, ...(c.aliases ?? [])]) byHeader.set(h, c);
  const columns: BoundColumn[] = [];
  const duplicates: Fit['duplicates'] = [];
  const unexpected: string[] = [];
  headers.forEach((header, index) => {
    const c = byHeader.get(normaliseHeader(header));
    const bound = c && columns.find((b) => b.name === c.name);
    if (!c) unexpected.push(header);
    else if (bound) duplicates.push({ header, of: bound.header });
    else columns.push({ name: c.name, index, header });
  });
  const has = (n: string) => columns.some((b) => b.name === n);
  const missing = spec.columns.filter((c) => c.required && !has(c.name)).map((c) => c.name);
  for (const group of spec.oneOf ?? []) if (!group.some(has)) missing.push(group.join(' or '));
  const needed = spec.columns.filter((c) => c.required).length + (spec.oneOf?.length ?? 0);
  return { spec, columns, duplicates, unexpected, missing, needed };
}

const problem = (file: string, p: Omit<Problem, 'file' | 'row'>): Problem => ({ file, row: null, ...p });

/**
 * Recognises the table a header belongs to. Headers are compared trimmed, case- and diacritic-insensitive,
 * with the aliases of contract-tables.ts (`LAU_CODE`, `lau`, `viti`, `bashkia` for municipality names...).
 * A complete fit wins (most bound columns, then fewest unexpected ones); otherwise the closest table with at
 * least half of its required columns is returned with `missing-column` errors ("looks like indicator_values
 * but lacks value"); otherwise kind is null with `unknown-table`. Unknown headers are `unexpected-column`
 * warnings (the column is ignored), a second header for the same column too.
 */
export function detectKind(columns: readonly string[], options: DetectOptions = {}): Detection {
  const file = options.file ?? '';
  const fits = Object.values(CONTRACT).map((spec) => fit(spec, columns));
  const complete = fits
    .filter((f) => f.missing.length === 0)
    .sort((a, b) => b.columns.length - a.columns.length || a.unexpected.length - b.unexpected.length);
  const partial = fits
    .filter((f) => f.needed - f.missing.length >= 2 && f.missing.length <= f.needed / 2)
    .sort((a, b) => b.columns.length - a.columns.length);
  // A wide file (one column per indicator) matches little of anything: say what it is, not "cases".
  const ids = new Set(options.indicatorIds ?? []);
  const isWide = columns.some((h) => ids.has(normaliseHeader(h)));
  const best = complete[0] ?? (isWide ? fits.find((f) => f.spec.kind === 'indicator_values') : partial[0]);
  if (!best) {
    const shapes = Object.values(CONTRACT).map(
      (s) =>
        `${s.kind} (${s.columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(', ')})`,
    );
    return {
      kind: null,
      columns: [],
      problems: [
        problem(file, {
          severity: 'error',
          code: 'unknown-table',
          column: null,
          found: truncate(`columns ${columns.join(', ') || '(none)'}`),
          expected: `the columns of one of: ${shapes.join('; ')}`,
          fix: 'Rename the header row to the column names of docs/data-contract.md.',
        }),
      ],
    };
  }
  const kind = best.spec.kind;
  const wide = best.unexpected.filter((h) => ids.has(normaliseHeader(h)));
  const problems: Problem[] = best.missing.map((m) =>
    problem(file, {
      severity: 'error',
      code: 'missing-column',
      column: m,
      found: truncate(`no ${m} among ${columns.join(', ')}`),
      expected: `the ${kind} columns, including ${m}`,
      fix:
        wide.length > 0
          ? `This looks like wide format (one column per indicator: ${wide.join(', ')}). Reshape it to long format: one row per lau_code, year, indicator with the number in value.`
          : `This looks like ${kind} but lacks ${m}: add a column named ${m}.`,
    }),
  );
  for (const h of best.unexpected) {
    const personal = kind === 'cases' && PERSONAL.test(normaliseHeader(h));
    problems.push(
      problem(file, {
        severity: 'warning',
        code: 'unexpected-column',
        column: h,
        found: truncate(h),
        expected: `only the ${kind} columns`,
        fix: personal
          ? 'This column looks like personal data. The app ignores it, but remove it from the file: case records must be anonymised.'
          : 'The app ignores this column. Rename it if it is one of the contract columns.',
      }),
    );
  }
  for (const d of best.duplicates) {
    problems.push(
      problem(file, {
        severity: 'warning',
        code: 'unexpected-column',
        column: d.header,
        found: truncate(d.header),
        expected: `one column per field (${d.of} is already read as this field)`,
        fix: `Remove one of ${d.of} and ${d.header}; only the first is read.`,
      }),
    );
  }
  return { kind, problems, columns: best.columns };
}

/** The contract column spec of a kind by name (throws for a name outside the contract: a programming error). */
export function columnSpec(kind: TableKind, name: string): ColumnSpec {
  const c = CONTRACT[kind].columns.find((x) => x.name === name);
  if (!c) throw new Error(`${name} is not a ${kind} column`);
  return c;
}

/** How well a row of cells reads as a header: the most columns any table binds, and whether one binds fully. */
export function headerFit(columns: readonly string[]): { bound: number; complete: boolean } {
  let bound = 0;
  let complete = false;
  for (const spec of Object.values(CONTRACT)) {
    const f = fit(spec, columns);
    bound = Math.max(bound, f.columns.length);
    if (f.missing.length === 0 && f.columns.length >= 2) complete = true;
  }
  return { bound, complete };
}
