/**
 * What the Atlas makes of a file's columns by itself, as column-mapping roles (the panel's starting point),
 * and a signature of a header, under which a user's mapping is remembered for the next file shaped alike.
 */
import { CONTRACT, normaliseHeader } from './contract';
import type { ColumnMapping, ColumnRole } from './mapping';
import { planShape } from './stage-shape';
import type { IndicatorNames } from './wide';

/** The indicator-values columns that are roles of their own (the others of a table keep their names). */
const ROLE_OF: Record<string, ColumnRole> = {
  lau_code: 'lau_code',
  municipality: 'municipality',
  year: 'year',
  indicator: 'indicator',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
};

/** What the reading of a header found. */
export interface Recognised {
  /** For each column of the file (in order): its role, or null when the Atlas does not read it as one. */
  roles: (ColumnRole | null)[];
  /** The indicator of a table with years as columns, when a title row or the sheet's name says it. */
  indicator: string | null;
}

/**
 * The roles the Atlas reads in `columns` with `mapping` applied (as it would stage them for indicator values):
 * years or indicators as columns, then the long columns by their names and aliases.
 */
export function recognisedRoles(
  columns: readonly string[],
  names: IndicatorNames,
  titles: readonly string[] = [],
  mapping?: ColumnMapping,
): Recognised {
  const plan = planShape(columns, names, mapping, titles, 0);
  const roles: (ColumnRole | null)[] = columns.map((h) => {
    const r = mapping?.columns?.[h];
    return r === 'ignore' ? 'ignore' : null;
  });
  for (const c of plan.wide?.columns ?? []) roles[c.index] = plan.wide!.kind;
  const byName = new Map<string, string>();
  for (const c of CONTRACT.indicator_values.columns)
    for (const h of [c.name, ...(c.aliases ?? [])]) byName.set(h, c.name);
  const taken = new Set<string>();
  plan.headers.forEach((header, i) => {
    const index = plan.indexOf[i]!;
    if (index < 0) return;
    const name = byName.get(normaliseHeader(header));
    const role = name ? ROLE_OF[name] : undefined;
    if (!role || taken.has(role)) return;
    taken.add(role);
    roles[index] = role;
  });
  return { roles, indicator: plan.indicator };
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The signature of a header: its cells normalised (case, accents, spacing and punctuation do not count) and
 * hashed, with their number. Two files with the same columns in the same order have the same signature.
 */
export function headerSignature(columns: readonly string[]): string {
  const cells = columns.map(normaliseHeader);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return `h${cells.length}-${fnv1a(cells.join('\u001f'))}`;
}
