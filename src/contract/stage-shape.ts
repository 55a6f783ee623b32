/**
 * The shape of a file before the contract's checks: the user's column mapping applied to its headers, wide
 * tables (years or indicators as columns) recognised, and the wide cells unpivoted in DuckDB into the long
 * rows the checks expect, each keeping the file's row (`__line`) and its column ("F (2021)", `__cell`).
 */
import type { Connector } from '../engine/connector';
import type { ColumnMapping, ColumnRole } from './mapping';
import { createDataTable, ident } from './sql';
import { detectShape, indicatorOf, yearOfHeader, type IndicatorNames, type WideColumn } from './wide';
import { columnLetter } from './column-letter';
import { normaliseHeader } from './contract';

/** How the stager reads a file's columns. */
export interface ShapePlan {
  /** Headers as detectKind sees them: mapped names, wide columns removed, virtual ones added. */
  headers: string[];
  /** For each of `headers`, the file column it is (-1 for a virtual column the unpivot fills). */
  indexOf: number[];
  wide: { kind: 'years' | 'indicators'; columns: WideColumn[] } | null;
  /** The indicator of a table with years as columns and no indicator column, when known. */
  indicator: string | null;
}

const CONTRACT_ROLES: Partial<Record<ColumnRole, string>> = {
  place: 'municipality',
  lau_code: 'lau_code',
  municipality: 'municipality',
  year: 'year',
  indicator: 'indicator',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
};

/** The indicator a title row or sheet name names ("Shkalla e braktisjes (%)"), or null. */
function indicatorOfTitles(titles: readonly string[], names: IndicatorNames): string | null {
  for (const t of titles) {
    const id = indicatorOf(t, names);
    if (id) return id;
  }
  // A title that contains a name ("Tabela 3. Shkalla e braktisjes së shkollës sipas bashkive"): the longest.
  let best: { id: string; length: number } | null = null;
  for (const t of titles) {
    const key = `_${normaliseHeader(t)}_`;
    for (const [name, id] of names)
      if (name.length >= 10 && key.includes(`_${name}_`) && (!best || name.length > best.length))
        best = { id, length: name.length };
  }
  return best?.id ?? null;
}

/** Plans the shape from the headers, the user's mapping and the title lines above the header. */
export function planShape(
  columns: readonly string[],
  names: IndicatorNames,
  mapping: ColumnMapping | undefined,
  titles: readonly string[],
  firstColumn: number,
): ShapePlan {
  const roles = mapping?.columns ?? {};
  const cell = (i: number, h: string) => `${columnLetter(firstColumn + i)} (${h})`;
  const headers: string[] = [];
  const indexOf: number[] = [];
  const years: WideColumn[] = [];
  const inds: WideColumn[] = [];
  columns.forEach((header, index) => {
    const role = roles[header];
    if (role === 'ignore') return;
    if (role === 'years') {
      const year = yearOfHeader(header);
      years.push({ index, header, cell: cell(index, header), ...(year !== null ? { year } : {}) });
      return;
    }
    if (role === 'indicators') {
      const indicator = indicatorOf(header, names) ?? header;
      inds.push({ index, header, cell: cell(index, header), indicator });
      return;
    }
    headers.push(role ? (CONTRACT_ROLES[role] ?? header) : header);
    indexOf.push(index);
  });
  let wide: ShapePlan['wide'] = null;
  if (years.length > 0) wide = { kind: 'years', columns: years };
  else if (inds.length > 0) wide = { kind: 'indicators', columns: inds };
  else {
    const shape = detectShape(headers, names, 0);
    if (shape.kind !== 'long') {
      const taken = new Set(shape.columns.map((c) => c.index));
      const real = shape.columns.map((c) => ({
        ...c,
        index: indexOf[c.index]!,
        cell: cell(indexOf[c.index]!, c.header),
      }));
      wide = { kind: shape.kind, columns: real };
      const keep = headers.map((_, i) => !taken.has(i));
      const h2 = headers.filter((_, i) => keep[i]);
      const x2 = indexOf.filter((_, i) => keep[i]);
      headers.splice(0, headers.length, ...h2);
      indexOf.splice(0, indexOf.length, ...x2);
    }
  }
  let indicator: string | null = null;
  if (wide) {
    headers.push('value');
    indexOf.push(-1);
    const has = (n: string) => headers.some((h) => h.trim().toLowerCase() === n);
    if (wide.kind === 'years') {
      headers.push('year');
      indexOf.push(-1);
      if (!has('indicator') && !has('treguesi') && !has('tregues')) {
        indicator = mapping?.indicator ?? indicatorOfTitles(titles, names);
        if (indicator !== null) {
          headers.push('indicator');
          indexOf.push(-1);
        }
      }
    } else {
      headers.push('indicator');
      indexOf.push(-1);
    }
  }
  return { headers, indexOf, wide, indicator };
}

/** The staging name of the wide column number `k` (before the unpivot). */
export const wideName = (k: number): string => `w_${k}`;

/**
 * Unpivots `<staging>_wide` into `<staging>_in`: the long columns `kept`, then year, indicator and value
 * from the wide columns (empty cells are no data and give no row), `__line` (the file's data row) and
 * `__cell` (the column as the spreadsheet names it). In DuckDB (UNPIVOT), not in JavaScript.
 */
export async function unpivotWide(
  conn: Connector,
  staging: string,
  kept: readonly string[],
  plan: ShapePlan,
): Promise<void> {
  const wide = plan.wide!;
  const map = `${staging}_wmap`;
  await createDataTable(conn, map, [
    { name: 'wcol', type: 'VARCHAR', values: wide.columns.map((_, k) => wideName(k)) },
    { name: 'year', type: 'DOUBLE', values: wide.columns.map((c) => c.year ?? null) },
    { name: 'indicator', type: 'VARCHAR', values: wide.columns.map((c) => c.indicator ?? plan.indicator) },
    { name: 'cell', type: 'VARCHAR', values: wide.columns.map((c) => c.cell) },
  ]);
  const long = kept.filter(
    (c) => !(wide.kind === 'years' ? ['year', 'value'] : ['indicator', 'value']).includes(c),
  );
  const wcols = wide.columns.map((_, k) => ident(wideName(k)));
  const cast = wcols.map((w) => `CAST(${w} AS VARCHAR) AS ${w}`);
  const keptCols = long.map((c) => `u.${ident(c)}`);
  const year = wide.kind === 'years' ? ['CAST(CAST(m.year AS INTEGER) AS VARCHAR) AS year'] : [];
  const indicatorCol =
    wide.kind === 'indicators' || plan.indicator !== null ? ['m.indicator AS indicator'] : [];
  await conn.exec(`DROP TABLE IF EXISTS ${ident(`${staging}_in`)}`);
  await conn.exec(`CREATE TABLE ${ident(`${staging}_in`)} AS
SELECT ${[...keptCols, ...year, ...indicatorCol, 'u.value AS value', 'u.__line AS __line', 'm.cell AS __cell'].join(', ')}
FROM (UNPIVOT (SELECT rowid + 1 AS __line, ${[...long.map(ident), ...cast].join(', ')} FROM ${ident(`${staging}_wide`)})
  ON ${wcols.join(', ')} INTO NAME __wcol VALUE value) u
JOIN ${ident(map)} m ON m.wcol = u.__wcol
ORDER BY u.__line, length(m.wcol), m.wcol`);
}
