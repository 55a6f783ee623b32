/**
 * The validation report as text, in the order the app shows it (src/ui/import/ReportView.tsx): per file its
 * name, what it was recognised as and its rows, then each problem with where, found, expected, fix,
 * suggestions and how many more rows have it, in English or Albanian (`--lang`; the words come from the
 * problem catalogs, src/i18n/problems.*.json). Text from the file is printed with control characters
 * escaped, so a cell cannot move the cursor or recolour the terminal.
 */
import { localProblem, msg, problemTitle, renderMsg, type MsgKey } from '../contract/problem-text';
import type { FileReport, MsgParam, Problem } from '../contract/problem-types';
import type { Lang } from '../i18n/numbers';

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

/** One text of the report's own words (`problems.report.*`). */
function say(lang: Lang, key: MsgKey, params?: Record<string, MsgParam>): string {
  return renderMsg(msg(key, params), lang);
}

function where(p: Problem, lang: Lang): string {
  const parts = [
    p.row !== null ? say(lang, 'problems.report.row', { row: p.row }) : null,
    p.column ? say(lang, 'problems.report.column', { column: inert(p.column) }) : null,
  ];
  return parts.filter(Boolean).join(', ') || say(lang, 'problems.report.wholeFile');
}

/** Labels padded to one width, so the texts after them line up. */
function padded(lang: Lang, keys: readonly MsgKey[], extra: number): string[] {
  const words = keys.map((k) => say(lang, k));
  const width = Math.max(...words.map((w) => w.length)) + extra;
  return words.map((w) => w.padEnd(width));
}

/** One problem, indented under its file. */
export function formatProblem(p: Problem, lang: Lang = 'en'): string[] {
  const [error = '', warning = ''] = padded(lang, ['problems.report.error', 'problems.report.warning'], 0);
  const [found, expected, fix] = padded(
    lang,
    ['problems.report.found', 'problems.report.expected', 'problems.report.fix'],
    1,
  );
  const text = localProblem(p, lang);
  const title = problemTitle(p.code, lang);
  const lines = [
    `  ${p.severity === 'error' ? error : warning} ${title}: ${where(p, lang)}  [${p.code}]`,
    `          ${found}${inert(text.found)}`,
    `          ${expected}${inert(text.expected)}`,
    `          ${fix}${inert(text.fix)}`,
  ];
  if (p.suggestions && p.suggestions.length > 0) {
    lines.push(
      `          ${say(lang, 'problems.report.didYouMean', { list: p.suggestions.map(inert).join(', ') })}`,
    );
  }
  if (p.more) lines.push(`          ${say(lang, 'problems.report.more', { count: p.more })}`);
  return lines;
}

/** One file's report. */
export function formatReport(r: FileReport, lang: Lang = 'en'): string {
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const warnings = r.problems.length - errors;
  const verdict = say(
    lang,
    errors > 0
      ? 'problems.report.rejected'
      : warnings > 0
        ? 'problems.report.okWarnings'
        : 'problems.report.ok',
  );
  const kind = r.kind
    ? say(lang, 'problems.report.recognised', { kind: r.kind })
    : say(lang, 'problems.report.notRecognised');
  const rows = say(lang, 'problems.report.rows', { count: r.rows });
  const bytes = say(lang, 'problems.report.bytes', { count: r.bytes });
  const head = `${inert(r.file)}: ${verdict} (${kind}, ${rows}, ${bytes})`;
  const counts =
    r.problems.length > 0
      ? [
          `  ${say(lang, 'problems.report.errors', { count: errors })}, ${say(lang, 'problems.report.warnings', { count: warnings })}`,
        ]
      : [];
  return [head, ...counts, ...r.problems.flatMap((p) => formatProblem(p, lang))].join('\n');
}

/** Every file's report and the verdict for the batch. */
export function formatReports(reports: readonly FileReport[], ok: boolean, lang: Lang = 'en'): string {
  const verdict = say(lang, ok ? 'problems.report.batchOk' : 'problems.report.batchErrors');
  return [...reports.map((r) => formatReport(r, lang)), verdict].join('\n\n');
}

/** A problem that stops a command which reads one file (classify, hotspots): what was found and the fix. */
export function problemLine(p: Problem, lang: Lang = 'en'): { found: string; fix: string; fixLabel: string } {
  const text = localProblem(p, lang);
  return { found: inert(text.found), fix: inert(text.fix), fixLabel: say(lang, 'problems.report.fix') };
}
