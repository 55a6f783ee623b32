/**
 * lowbias32 (src/analysis/cases/mix32.ts) in DuckDB SQL, on BIGINT columns holding unsigned 32-bit values.
 * Only +, *, &, <<, >> and xor() on BIGINT, fully parenthesised (DuckDB ranks << and & below +), with every
 * intermediate below 2^50, so DuckDB-WASM 1.4.3 and native DuckDB 1.5 give the same bits (no overflow
 * errors, no version-dependent hash()). A 32 x 32-bit
 * product modulo 2^32 is taken as x * lo16(c) + (x * hi16(c) mod 2^16) * 2^16, each term below 2^48.
 *
 * Every step is its own projection (a nested SELECT * REPLACE): a step reads its column twice, so writing the
 * whole mix as one expression would repeat it 2^5 times. Nested subqueries (not CTEs) are never materialised.
 */
import { MIX_MULTIPLIERS, MIX_SHIFTS } from '../analysis/cases/mix32';

const MASK32 = 4294967295;

/** A relation: SQL that can follow FROM. */
export type Relation = string;

/** `SELECT <list> FROM (<from>)`. */
export function select(list: string, from: Relation): Relation {
  return `(SELECT ${list} FROM ${from})`;
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer constant: ${n}`);
  return String(n);
}

/** x * c mod 2^32 for a column x in [0, 2^32) and a constant c in [0, 2^32). */
export function mulMod32(x: string, c: number): string {
  const lo = c & 0xffff;
  const hi = Math.floor(c / 65536);
  return `((((${x}) * ${integer(lo)}) + ((((${x}) * ${integer(hi)}) & 65535) << 16)) & ${MASK32})`;
}

/** x xor (x >> s). */
function xorShift(x: string, s: number): string {
  return `xor(${x}, ${x} >> ${integer(s)})`;
}

/** Replaces each of `columns` of `from` by its lowbias32 mix; the other columns pass through. */
export function mixColumns(from: Relation, columns: readonly string[]): Relation {
  const step = (rel: Relation, f: (c: string) => string) =>
    select(`* REPLACE (${columns.map((c) => `${f(c)} AS ${c}`).join(', ')})`, rel);
  let rel = step(from, (c) => xorShift(c, MIX_SHIFTS[0]));
  rel = step(rel, (c) => mulMod32(c, MIX_MULTIPLIERS[0]));
  rel = step(rel, (c) => xorShift(c, MIX_SHIFTS[1]));
  rel = step(rel, (c) => mulMod32(c, MIX_MULTIPLIERS[1]));
  return step(rel, (c) => xorShift(c, MIX_SHIFTS[2]));
}

/** The expression `xor(column, constant)` for a constant in [0, 2^32). */
export function xorConstant(column: string, c: number): string {
  if (!(c >= 0 && c <= MASK32)) throw new Error(`not a 32-bit constant: ${c}`);
  return `xor(${column}, ${integer(c)})`;
}
