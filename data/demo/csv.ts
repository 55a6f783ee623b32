/**
 * A minimal CSV reader for the small fact tables in data/facts. They contain quoted fields with
 * commas (the `note` column), so a plain split(',') is not enough; no dependency is needed though.
 */
import { readFileSync } from 'node:fs';

/** Splits CSV text (RFC 4180: double quotes, "" escapes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** Reads a CSV file with a header line into records keyed by column name. */
export function readCsvRecords(path: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  if (header === undefined) throw new Error(`${path}: empty CSV`);
  return body.map((fields) => {
    if (fields.length !== header.length) {
      throw new Error(`${path}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}
