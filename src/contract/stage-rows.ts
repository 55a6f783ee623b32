/**
 * Rows that are not data, as ministries' tables have them: blank rows are dropped; total rows ("Gjithsej",
 * "Totali", "Total", "Shqipëri", "Albania"), county subtotals ("Qarku Dibër") and notes below the table
 * ("Burimi: INSTAT") are skipped with one warning each, never loaded as a municipality. Runs on the staging
 * table before the places are resolved; the distinct place texts are few, so they are classified here and
 * the rows removed in SQL.
 */
import type { Connector } from '../engine/connector';
import type { Problem } from './problem-types';
import type { TableSpec } from './contract';
import { nameKey } from './names-text';
import { createDataTable, ident, rawOf } from './sql';

const TOTALS = new Set(
  [
    'gjithsej',
    'totali',
    'total',
    'totale',
    'shuma',
    'shqiperi',
    'shqiperia',
    'albania',
    'republika e shqiperise',
    'te gjitha',
    'all',
    'grand total',
    'national',
    'kombetare',
  ].map(nameKey),
);
const COUNTY = /^(qarku|qark|prefektura|county|region|rajoni)\b/;
const NOTE = /^(burimi|burim|shenim|shenime|source|sources|note|notes|perllogaritur)\b|^\*/;

/** Why a place cell is not a municipality, or null when it may be one. */
export function nonDataPlace(text: string): 'total' | 'county' | 'note' | null {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (TOTALS.has(nameKey(text)) || TOTALS.has(folded) || /^(gjithsej|totali|total)\b/.test(folded))
    return 'total';
  if (COUNTY.test(folded)) return 'county';
  if (NOTE.test(folded) || (text.length > 60 && !/^[=+\-@]/.test(text))) return 'note';
  return null;
}

/** Drops blank rows and skips total, subtotal and note rows; one warning per skipped row of the file. */
export async function skipNonDataRows(
  conn: Connector,
  staging: string,
  spec: TableSpec,
  file: string,
  rowOffset: number,
  placeHeader: string,
): Promise<Problem[]> {
  const s = ident(staging);
  const raws = spec.columns.map((c) => rawOf(c.name));
  await conn.exec(`DELETE FROM ${s} WHERE ${raws.map((r) => `coalesce(trim(${r}), '') = ''`).join(' AND ')}`);
  const places = await conn.query<{ place: string }>({
    sql: `SELECT DISTINCT CAST(__place AS VARCHAR) AS place FROM ${s} WHERE __place IS NOT NULL`,
    params: [],
  });
  const skip = places.flatMap((p) => {
    const why = nonDataPlace(p.place);
    return why ? [{ place: p.place, why }] : [];
  });
  if (skip.length === 0) return [];
  const table = `${staging}_skip`;
  await createDataTable(conn, table, [
    { name: 'place', type: 'VARCHAR', values: skip.map((x) => x.place) },
    { name: 'why', type: 'VARCHAR', values: skip.map((x) => x.why) },
  ]);
  const rows = await conn.query<{ row: number; place: string; why: string }>({
    sql: `SELECT DISTINCT s.__row AS row, k.place, k.why FROM ${s} s JOIN ${ident(table)} k
ON CAST(s.__place AS VARCHAR) = k.place ORDER BY row LIMIT 200`,
    params: [],
  });
  await conn.exec(`DELETE FROM ${s} WHERE CAST(__place AS VARCHAR) IN (SELECT place FROM ${ident(table)})`);
  await conn.exec(`DROP TABLE IF EXISTS ${ident(table)}`);
  return rows.map((r) => ({
    file,
    severity: 'warning',
    code: 'skipped-row',
    row: r.row + rowOffset,
    column: placeHeader,
    found:
      r.why === 'note'
        ? `a note, not a municipality ("${r.place.slice(0, 60)}")`
        : r.why === 'county'
          ? `a county subtotal ("${r.place}")`
          : `a total row ("${r.place}")`,
    expected: 'one row per municipality',
    fix:
      r.why === 'note'
        ? 'Nothing to do: the row is skipped.'
        : 'Nothing to do: the row is skipped, and the Atlas computes county and national figures from the municipalities.',
  }));
}
