/**
 * A column mapping: how to read a file whose headers the Atlas does not recognise, or reads otherwise than
 * meant. Written by the import panel (and downloadable as JSON) or by hand for the CLI's `--mapping`; the
 * schema is in docs/data-contract.md ("Column mapping").
 */

/** What a column of the file is. */
export type ColumnRole =
  | 'place'
  | 'lau_code'
  | 'municipality'
  | 'year'
  | 'indicator'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'years'
  | 'indicators'
  | 'ignore';

/** The roles, in the order the mapping panel offers them. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'place',
  'lau_code',
  'municipality',
  'year',
  'indicator',
  'value',
  'numerator',
  'denominator',
  'years',
  'indicators',
  'ignore',
];

/** The mapping of one file (every field optional). */
export interface ColumnMapping {
  /** The catalog id of the file's one indicator, when the file does not say (e.g. years as columns). */
  indicator?: string;
  /** The names the file uses for indicators (cells or headers) -> catalog ids. */
  indicators?: Record<string, string>;
  /** The sheet of a workbook: its name or its number counting from 1. */
  sheet?: string | number;
  /** The 1-based row of the header in the sheet or file. */
  headerRow?: number;
  /** Header (as the file spells it) -> what the column is. */
  columns?: Record<string, ColumnRole>;
}

const ROLE_SET = new Set<string>(COLUMN_ROLES);
const ID = /^[a-z0-9_]+$/;

/** Checks a parsed JSON mapping; returns it, or the list of what is wrong (each a sentence). */
export function parseMapping(json: unknown): { mapping: ColumnMapping } | { errors: string[] } {
  const errors: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { errors: ['the mapping must be a JSON object, e.g. {"indicator": "dropout_rate"}'] };
  const o = json as Record<string, unknown>;
  const known = new Set(['indicator', 'indicators', 'sheet', 'headerRow', 'columns', '$schema', 'note']);
  for (const k of Object.keys(o))
    if (!known.has(k))
      errors.push(`unknown field "${k}" (known: indicator, indicators, sheet, headerRow, columns)`);
  const m: ColumnMapping = {};
  if (o.indicator !== undefined) {
    if (typeof o.indicator === 'string' && ID.test(o.indicator)) m.indicator = o.indicator;
    else errors.push('"indicator" must be a catalog id such as "dropout_rate" ([a-z0-9_])');
  }
  if (o.indicators !== undefined) {
    const ind = o.indicators;
    if (typeof ind !== 'object' || ind === null || Array.isArray(ind))
      errors.push('"indicators" must be an object from the names the file uses to catalog ids');
    else {
      m.indicators = {};
      for (const [k, v] of Object.entries(ind)) {
        if (typeof v === 'string' && ID.test(v)) m.indicators[k] = v;
        else errors.push(`"indicators"."${k}" must be a catalog id ([a-z0-9_]), got ${JSON.stringify(v)}`);
      }
    }
  }
  if (o.sheet !== undefined) {
    if (
      (typeof o.sheet === 'string' && o.sheet !== '') ||
      (Number.isInteger(o.sheet) && (o.sheet as number) >= 1)
    )
      m.sheet = o.sheet as string | number;
    else errors.push('"sheet" must be a sheet name or a number counting from 1');
  }
  if (o.headerRow !== undefined) {
    if (Number.isInteger(o.headerRow) && (o.headerRow as number) >= 1) m.headerRow = o.headerRow as number;
    else errors.push('"headerRow" must be a row number counting from 1');
  }
  if (o.columns !== undefined) {
    const cols = o.columns;
    if (typeof cols !== 'object' || cols === null || Array.isArray(cols))
      errors.push('"columns" must be an object from headers to roles');
    else {
      m.columns = {};
      for (const [k, v] of Object.entries(cols)) {
        if (typeof v === 'string' && ROLE_SET.has(v)) m.columns[k] = v as ColumnRole;
        else
          errors.push(
            `"columns"."${k}": ${JSON.stringify(v)} is not a role (one of ${COLUMN_ROLES.join(', ')})`,
          );
      }
    }
  }
  return errors.length > 0 ? { errors } : { mapping: m };
}
