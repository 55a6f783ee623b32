/**
 * The SQL building blocks of validation. Every identifier comes from the contract (checked against [a-z_]+
 * here) or from a staging name this module made; every literal is a contract constant (checked too). Values
 * from a user's file only ever travel as data: Arrow tables or `?` parameters.
 */
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Connector } from '../engine/connector';
import type { TableKind } from './problem-types';
import type { ColumnSpec } from './contract';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** A quoted identifier; throws for anything outside [a-z_][a-z0-9_]* (a programming error, never user input). */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an allow-listed identifier: ${name}`);
  return `"${name}"`;
}

/** A quoted contract constant (enum values); throws for characters that could leave the literal. */
export function lit(s: string): string {
  if (!/^[A-Za-z0-9_\- .]*$/.test(s)) throw new Error(`not a contract constant: ${s}`);
  return `'${s}'`;
}

/** The staging column holding a contract column's cell as text, for messages ("found"). */
export const rawOf = (column: string): string => ident(`${column}__raw`);

let counter = 0;

/**
 * A new staging table name, `stage_<kind>_<n>`: the only tables validation creates (plus `_in`, `_map` and
 * `_ind` helpers). The counter keeps two files of the same kind in one batch apart.
 */
export function newStagingName(kind: TableKind): string {
  counter += 1;
  return `stage_${kind}_${counter}`;
}

/** True when `name` is a staging name this module could have made for `kind`. */
export function isStagingName(name: string, kind: TableKind): boolean {
  return new RegExp(`^stage_${kind}_\\d+$`).test(name);
}

// Spaces, tabs, line breaks and no-break spaces (Excel's thousands separator in some locales), as the
// literal characters: trim() with a constant set is several times faster than with `chr(9) || ...`.
const WS = `' \t\n\r\u00a0'`;
const clean = (r: string) => `trim(${r}, ${WS})`;

/** A cell that means "no value", given its trimmed text (see isMissing). */
const missingTrimmed = (t: string) =>
  `(${t} IS NULL OR upper(${t}) IN ('', 'NA', 'N/A', 'NULL', '..', '-', chr(8212)))`;

/**
 * A cell that means "no value": empty, NA (R), N/A, NULL, ".." and "-" / "—" (statistical tables). NaN is not
 * one of them: it is a number that is not finite and gets its own problem.
 */
export function isMissing(r: string): string {
  return missingTrimmed(clean(r));
}

/** The staging column holding a cell's trimmed text, only while the staging table is built. */
export const trimmedOf = (column: string): string => ident(`${column}__t`);

/** `<c>__raw` trimmed once as `<c>__t`: the typed expressions read it instead of trimming again and again. */
export function trimmedColumn(column: string): string {
  return `${clean(rawOf(column))} AS ${trimmedOf(column)}`;
}

/** How enum spellings are compared: lower case, no accents, en dash as hyphen, no spaces or underscores. */
export function enumKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u2013/g, '-')
    .replace(/[\s_]+/g, '');
}
// Plain replace() rather than a regular expression: this runs on every cell of every enum column.
const enumKeySql = (t: string) =>
  `replace(replace(strip_accents(lower(replace(${t}, chr(8211), '-'))), ' ', ''), '_', '')`;

// Numbers as src/import/csv-numbers.ts reads them (parseNumberLoose), in SQL: a decimal point, or with
// `decimalComma` a decimal comma; thousands separators of the other kind and spaces between groups of three;
// a Unicode minus. Unlike parseNumberLoose, NaN and infinity are read (as numbers that are not finite), so
// that they are reported as such rather than as text.
const SPACES = `'[ \u00a0\u202f\u2009]'`;
const POINT_DECIMAL = `'[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?'`;
const POINT_GROUPED = `'[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?'`;
const COMMA_DECIMAL = `'[+-]?(\\d+,?\\d*|,\\d+)([eE][+-]?\\d+)?'`;
const COMMA_GROUPED = `'[+-]?\\d{1,3}(\\.\\d{3})+(,\\d*)?'`;
const SPACE_GROUPED = `'[+-]?\\d{1,3}([ \u00a0\u202f\u2009]\\d{3})+([.,]\\d*)?'`;
const NOT_FINITE = `'[+-]?(nan|inf|infinity)'`;

/** The DOUBLE a trimmed cell `t` stands for, or NULL when it is not a number (see parseNumberLoose). */
export function numberSql(t: string, decimalComma: boolean): string {
  const m = `replace(${t}, chr(8722), '-')`;
  const s = `regexp_replace(${m}, ${SPACES}, '', 'g')`;
  const cast = (e: string) => `TRY_CAST(${e} AS DOUBLE)`;
  const spacedWrong = `regexp_matches(${m}, ${SPACES}) AND NOT regexp_full_match(${m}, ${SPACE_GROUPED})`;
  // Digits only (years, months, counts: most cells) first, with the simplest pattern: on a 100,000-row cases
  // file this halves the time of the typed copy.
  const common = `WHEN regexp_full_match(${t}, '[0-9]+') THEN ${cast(t)}
    WHEN regexp_full_match(lower(${m}), ${NOT_FINITE}) THEN ${cast(m)} WHEN ${spacedWrong} THEN NULL`;
  if (decimalComma) {
    // "1.234" is read by COMMA_GROUPED (1234) before the decimal-point fallback, as in parseNumberLoose.
    return `CASE ${common}
    WHEN regexp_full_match(${s}, ${COMMA_DECIMAL}) THEN ${cast(`replace(${s}, ',', '.')`)}
    WHEN regexp_full_match(${s}, ${COMMA_GROUPED}) THEN ${cast(`replace(replace(${s}, '.', ''), ',', '.')`)}
    WHEN regexp_full_match(${s}, ${POINT_DECIMAL}) THEN ${cast(s)}
    END`;
  }
  // Before the space removal: plain decimals ("12.5").
  return `CASE ${common} WHEN regexp_full_match(${m}, ${POINT_DECIMAL}) THEN ${cast(m)}
    WHEN regexp_full_match(${s}, ${POINT_DECIMAL}) THEN ${cast(s)}
    WHEN regexp_full_match(${s}, ${POINT_GROUPED}) THEN ${cast(`replace(${s}, ',', '')`)}
    END`;
}

/**
 * The typed value of a contract column, parsed from its trimmed text `<c>__t` (see trimmedColumn); numbers
 * by numberSql. Integers stay DOUBLE here so that 2.5 can be reported as "not a whole number" rather than
 * silently rounded (DuckDB's TRY_CAST('2.5' AS INTEGER) gives 3); they are cast to INTEGER on commit.
 */
export function typedOf(c: ColumnSpec, decimalComma: boolean): string {
  const t = trimmedOf(c.name);
  const value = (e: string) => `CASE WHEN ${missingTrimmed(t)} THEN NULL ELSE ${e} END`;
  switch (c.type) {
    case 'text':
      return value(c.role === 'id' ? `lower(${t})` : t);
    case 'integer':
    case 'number':
      return value(numberSql(t, decimalComma));
    case 'boolean':
      return value(`CASE WHEN lower(${t}) IN ('true', 't', 'yes', 'y', 'po', '1', '1.0') THEN true
        WHEN lower(${t}) IN ('false', 'f', 'no', 'n', 'jo', '0', '0.0') THEN false END`);
    case 'enum': {
      const pairs = new Map<string, string>();
      for (const v of c.values ?? []) pairs.set(enumKey(v), v);
      for (const [k, v] of Object.entries(c.valueAliases ?? {})) pairs.set(enumKey(k), v);
      const whens = [...pairs].map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ');
      return value(`CASE ${enumKeySql(t)} ${whens} END`);
    }
  }
}

/** A column of a small helper table built from JS values (never from SQL text). */
export interface DataColumn {
  name: string;
  type: 'VARCHAR' | 'DOUBLE';
  values: (string | number | null)[];
}

/**
 * Creates table `name` (dropping an older one) from JS values via Arrow: how user values (municipality
 * spellings, indicator ids) get into joins without being written into SQL.
 */
export async function createDataTable(conn: Connector, name: string, columns: DataColumn[]): Promise<void> {
  await conn.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
  if ((columns[0]?.values.length ?? 0) === 0) {
    await conn.exec(
      `CREATE TABLE ${ident(name)} (${columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`,
    );
    return;
  }
  const vectors = Object.fromEntries(
    columns.map((c) => [c.name, vectorFromArray(c.values, c.type === 'DOUBLE' ? new Float64() : new Utf8())]),
  );
  await conn.insertArrowIPC(name, tableToIPC(new Table(vectors), 'stream'));
}

/** Drops tables made by validation (names checked like any identifier). */
export async function dropTables(conn: Connector, names: string[]): Promise<void> {
  for (const n of names) await conn.exec(`DROP TABLE IF EXISTS ${ident(n)}`);
}
