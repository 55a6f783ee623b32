/**
 * The validation report as text, in the order the app shows it (src/ui/import/ReportView.tsx): per file its
 * name, what it was recognised as and its rows, then each problem with where, found, expected, fix,
 * suggestions and how many more rows have it. Text from the file is printed with control characters
 * escaped, so a cell cannot move the cursor or recolour the terminal.
 */
import type { FileReport, Problem } from '../contract/problem-types';

/** Escapes control characters (C0, DEL, C1, bidi overrides) as \u{..} so file text prints inert. */
export function inert(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u{${c.charCodeAt(0).toString(16)}}`;
  });
}

function where(p: Problem): string {
  const parts = [p.row !== null ? `row ${p.row}` : null, p.column ? `column "${inert(p.column)}"` : null];
  return parts.filter(Boolean).join(', ') || 'whole file';
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** One problem, indented under its file. */
export function formatProblem(p: Problem): string[] {
  const lines = [
    `  ${p.severity === 'error' ? 'ERROR  ' : 'warning'} ${where(p)}  [${p.code}]`,
    `          found:    ${inert(p.found)}`,
    `          expected: ${inert(p.expected)}`,
    `          fix:      ${inert(p.fix)}`,
  ];
  if (p.suggestions && p.suggestions.length > 0) {
    lines.push(`          did you mean: ${p.suggestions.map(inert).join(', ')}`);
  }
  if (p.more) lines.push(`          and ${plural(p.more, 'more row', 'more rows')} like this`);
  return lines;
}

/** One file's report. */
export function formatReport(r: FileReport): string {
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const warnings = r.problems.length - errors;
  const verdict = errors > 0 ? 'REJECTED' : warnings > 0 ? 'ok, with warnings' : 'ok';
  const kind = r.kind ? `recognised as ${r.kind}` : 'not recognised';
  const head = `${inert(r.file)}: ${verdict} (${kind}, ${plural(r.rows, 'row', 'rows')}, ${plural(r.bytes, 'byte', 'bytes')})`;
  const counts =
    r.problems.length > 0
      ? [`  ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`]
      : [];
  return [head, ...counts, ...r.problems.flatMap(formatProblem)].join('\n');
}

/** Every file's report and the verdict for the batch. */
export function formatReports(reports: readonly FileReport[], ok: boolean): string {
  const verdict = ok
    ? 'No errors: the files can be loaded.'
    : 'Errors found: nothing is loaded until they are fixed.';
  return [...reports.map(formatReport), verdict].join('\n\n');
}
