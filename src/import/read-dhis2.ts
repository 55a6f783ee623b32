/**
 * DHIS2 exports in JSON: the `api/analytics` response (`headers`, `rows`, `metaData.items`) and a data value
 * set (`dataValues`), into the reader's table. Identifiers of data elements, organisation units and
 * category options are replaced by their names from `metaData.items` when the export has them (periods
 * keep their ids: `2024Q1` is what the period step reads); what stays an identifier is reported by the
 * stage ("export with names, or map them").
 */
import type { IndicatorNames } from '../contract/wide';
import type { Problem } from '../contract/problem-types';
import { gridResult, type Cell } from './grid-table';
import { problem } from './read-problems';
import { emptyResult, type ReadResult } from './read-types';

interface AnalyticsHeader {
  name?: string;
  column?: string;
}

/** True when the start of a JSON text looks like a DHIS2 export rather than GeoJSON. */
export function looksLikeDhis2(text: string): boolean {
  const start = text.slice(0, 4096);
  return /"(headers|dataValues)"\s*:/.test(start) && !/"FeatureCollection"/.test(start);
}

const text = (v: unknown): Cell => (v === null || v === undefined ? null : String(v));

function analytics(o: Record<string, unknown>): { header: string[]; rows: Cell[][] } | null {
  if (!Array.isArray(o.headers) || !Array.isArray(o.rows)) return null;
  const headers = o.headers as AnalyticsHeader[];
  const meta = (o.metaData as { items?: Record<string, { name?: string }> } | undefined)?.items ?? {};
  const named = headers.map((h) => h.name !== 'pe' && h.name !== 'value');
  const header = headers.map((h) => h.column ?? h.name ?? '');
  const rows = (o.rows as unknown[][]).map((r) =>
    header.map((_, c) => {
      const v = text(r[c]);
      return v !== null && named[c] ? (meta[v]?.name ?? v) : v;
    }),
  );
  return { header, rows };
}

function dataValueSet(o: Record<string, unknown>): { header: string[]; rows: Cell[][] } | null {
  if (!Array.isArray(o.dataValues)) return null;
  const values = o.dataValues as Record<string, unknown>[];
  const header = ['dataElement', 'orgUnit', 'period', 'categoryOptionCombo', 'value'];
  return { header, rows: values.map((v) => header.map((h) => text(v[h]))) };
}

/** Reads a DHIS2 JSON export; `null` when the JSON is not one (the caller reads it as GeoJSON). */
export function readDhis2Json(file: string, json: string, names: IndicatorNames): ReadResult | null {
  let o: unknown;
  try {
    o = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const table = analytics(o as Record<string, unknown>) ?? dataValueSet(o as Record<string, unknown>);
  if (!table) return null;
  const problems: Problem[] = [];
  if (table.rows.length === 0) {
    problems.push(
      problem(file, {
        code: 'empty-file',
        found: 'a DHIS2 export without rows',
        expected: 'at least one data value',
        fix: 'Check the period and organisation units of the DHIS2 query, and export again.',
      }),
    );
    return emptyResult('dhis2', problems);
  }
  return gridResult(file, 'dhis2', [table.header, ...table.rows], { row: -1, col: 0 }, names, problems, true);
}
