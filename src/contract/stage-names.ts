/**
 * Small parts of staging a file as people name things: indicator names (ids, English or Albanian labels,
 * the user's own names) turned into catalog ids in SQL, DHIS2 exports recognised by their headers, and the
 * messages of a wide table that does not say which indicator it holds.
 */
import type { Connector } from '../engine/connector';
import { normaliseHeader } from './contract';
import type { Problem } from './problem-types';
import { createDataTable, ident } from './sql';
import type { ShapePlan } from './stage-shape';
import type { IndicatorNames } from './wide';

/** normaliseHeader in SQL: accents dropped, lower case, runs of other characters as one "_". */
const NORMALISED = (c: string) =>
  `trim(regexp_replace(lower(strip_accents(trim(CAST(${c} AS VARCHAR)))), '[^a-z0-9]+', '_', 'g'), '_')`;

/** Replaces indicator names in `table`'s indicator column by their catalog ids. */
export async function mapIndicatorNames(
  conn: Connector,
  table: string,
  names: IndicatorNames,
): Promise<void> {
  const lookup = `${table}_names`;
  await createDataTable(conn, lookup, [
    { name: 'name', type: 'VARCHAR', values: [...names.keys()] },
    { name: 'id', type: 'VARCHAR', values: [...names.values()] },
  ]);
  await conn.exec(`UPDATE ${ident(table)} AS t SET indicator = m.id FROM ${ident(lookup)} m
WHERE m.name = ${NORMALISED('t.indicator')} AND CAST(t.indicator AS VARCHAR) <> m.id`);
  await conn.exec(`DROP TABLE IF EXISTS ${ident(lookup)}`);
}

const DHIS2_DATA = new Set(['data', 'dx', 'data_element', 'dataelement']);
const DHIS2_OU = new Set(['organisation_unit', 'organization_unit', 'org_unit', 'orgunit', 'ou']);
const DHIS2_PE = new Set(['period', 'pe']);

/** True when the headers are those of a DHIS2 export (data, organisation unit, period). */
export function isDhis2(headers: readonly string[]): boolean {
  const h = headers.map(normaliseHeader);
  return h.some((x) => DHIS2_DATA.has(x)) && h.some((x) => DHIS2_OU.has(x)) && h.some((x) => DHIS2_PE.has(x));
}

/** The contract columns a wide table's unpivot fills (value, year or indicator). */
export function virtualColumns(plan: ShapePlan): string[] {
  return plan.headers.filter((_, i) => plan.indexOf[i] === -1);
}

/** A wide table's detection problems, with a fix that says how to name its indicator. */
export function wideProblems(problems: readonly Problem[], plan: ShapePlan): Problem[] {
  const years =
    plan.wide?.columns
      .map((c) => c.header)
      .slice(0, 4)
      .join(', ') ?? '';
  return problems.map((p) =>
    p.code === 'missing-column' && p.column === 'indicator'
      ? {
          ...p,
          found: `years as columns (${years}${(plan.wide?.columns.length ?? 0) > 4 ? ', …' : ''}) but nothing says which indicator they hold`,
          fix: 'Choose the indicator in the column mapping (or give --mapping with "indicator": "<catalog id>"), or add an indicator column.',
        }
      : p,
  );
}

/** A DHIS2 identifier (11 characters, a letter first, with a digit): not a name anyone would write. */
const UID = `regexp_full_match(CAST(s.%c AS VARCHAR), '[A-Za-z][A-Za-z0-9]{10}') AND regexp_matches(CAST(s.%c AS VARCHAR), '[0-9]')`;

/** One error per column whose cells are mostly DHIS2 identifiers instead of names. */
export async function uidProblems(
  conn: Connector,
  staging: string,
  file: string,
  rowOffset: number,
  columns: readonly { name: string; header: string }[],
): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const c of columns) {
    const test = UID.replaceAll('%c', ident(`${c.name}__raw`));
    const [r] = await conn.query<{ n: number; uids: number; row: number | null; example: string | null }>({
      sql: `SELECT count(*) AS n, count(*) FILTER (WHERE ${test}) AS uids, min(s.__row) FILTER (WHERE ${test}) AS row,
  min(CAST(s.${ident(`${c.name}__raw`)} AS VARCHAR)) FILTER (WHERE ${test}) AS example FROM ${ident(staging)} s`,
      params: [],
    });
    if (!r || r.uids === 0 || r.uids * 2 < r.n) continue;
    out.push({
      file,
      severity: 'error',
      code: 'uid-not-name',
      row: r.row === null ? null : r.row + rowOffset,
      column: c.header,
      found: `DHIS2 identifiers instead of names (${r.uids} cells, e.g. "${r.example}")`,
      expected: c.name === 'indicator' ? 'indicator names or catalog ids' : 'municipality names or LAU codes',
      fix: 'Export from DHIS2 with names (Show names / displayProperty=NAME, "Include names" in the download), or map the identifiers to names in the column mapping.',
    });
  }
  return out;
}
