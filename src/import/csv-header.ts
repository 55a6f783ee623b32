/**
 * Checks on the first row of a CSV file, which the data contract requires to name the columns: no empty
 * or clashing names (DuckDB does not tell "Year" from "year"), and no data where names should be.
 */
import { columnLetter } from '../contract/column-letter';
import { parseNumberLoose } from './csv-numbers';
import { problem } from './read-problems';
import type { Problem } from '../contract/problem-types';

export { columnLetter };

/** "column 3 (C)". */
export function columnLabel(index: number): string {
  return `column ${index + 1} (${columnLetter(index)})`;
}

/** Header text as a column name: trimmed, without a stray byte-order mark. */
export function cleanName(raw: string): string {
  return raw.replace(/\ufeff/g, '').trim();
}

const LAU_CODE = /^AL\d{3}$/i;
const YEAR = /^(19|20)\d\d$/;

function isNumber(s: string): boolean {
  return parseNumberLoose(s, false) !== null || parseNumberLoose(s, true) !== null;
}

/**
 * True when the first row reads like data: a municipality code where a name should be, or numbers
 * heading columns that hold numbers (years are allowed: "2019" may head a column of a wide table).
 */
export function headerLooksLikeData(
  names: readonly string[],
  samples: readonly (readonly string[])[],
): boolean {
  if (names.some((n) => LAU_CODE.test(n))) return true;
  let against = 0;
  let forHeader = 0;
  names.forEach((name, c) => {
    const values = (samples[c] ?? []).filter((v) => v.trim() !== '');
    const numeric = values.length > 0 && values.filter(isNumber).length >= values.length * 0.8;
    if (!numeric || name === '' || YEAR.test(name)) return;
    if (isNumber(name)) against++;
    else forHeader++;
  });
  return against > 0 && against >= forHeader;
}

/** Unique names for the Arrow table and the problems with the header. */
export interface HeaderCheck {
  names: string[];
  problems: Problem[];
}

/** Checks the (cleaned) names of the first row. */
export function checkHeader(file: string, row: number, names: readonly string[]): HeaderCheck {
  const problems: Problem[] = [];
  const firstAt = new Map<string, number>();
  const used = new Set<string>();
  const out = names.map((name, c) => {
    if (name === '') {
      problems.push(
        problem(file, {
          code: 'csv-parse',
          row,
          found: `${columnLabel(c)} has no name in the first row`,
          expected: 'a name for every column',
          fix: `Type a column name above ${columnLabel(c)}, or delete the column if it is empty.`,
        }),
      );
    } else {
      const key = name.toLowerCase();
      const first = firstAt.get(key);
      if (first === undefined) firstAt.set(key, c);
      else {
        const other = names[first]!;
        const same =
          other === name
            ? `both named "${name}"`
            : `named "${other}" and "${name}", which count as the same name`;
        problems.push(
          problem(file, {
            code: 'csv-parse',
            row,
            column: name,
            found: `${columnLabel(first)} and ${columnLabel(c)} are ${same}`,
            expected: 'each column name once',
            fix: `Rename or delete one of the two columns named "${name}".`,
          }),
        );
      }
    }
    // Names for the Arrow table must be unique whatever the problems; the errors above stop loading.
    let unique = name === '' ? `column_${c + 1}` : name;
    for (let k = 2; used.has(unique.toLowerCase()); k++) unique = `${name || `column_${c + 1}`}_${k}`;
    used.add(unique.toLowerCase());
    return unique;
  });
  return { names: out, problems };
}
