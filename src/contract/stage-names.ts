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
