/**
 * Checks as data and the one function that runs them: each check is a predicate over the staging table; the
 * runner returns the first offending rows (as spreadsheet rows) with the value found, and how many more.
 */
import type { Connector, SqlValue } from '../engine/connector';
import type { Problem, ProblemCode, Severity } from './problem-types';

/** One check: which rows are wrong (`where`, over alias `s`), and what to tell the user about each. */
export interface Check {
  code: ProblemCode;
  severity: Severity;
  /** Contract column the problem is reported on (shown with the file's own header). */
  column: string;
  /** SQL predicate built from allow-listed identifiers; user-dependent values go in `params`. */
  where: string;
  params?: SqlValue[];
  /** SQL expression shown as "found" (default: the column's text cell). */
  found?: string;
  /** SQL expression passed to `expected`, `fix` and `suggest` (e.g. the value a ratio should have). */
  detail?: string;
  expected: string | ((detail: string) => string);
  fix: string | ((detail: string) => string);
  suggest?: (detail: string) => string[] | undefined;
  /** FROM clause (default: the staging table with the run's joins); must alias the staging rows as `s`. */
  from?: string;
}

/** What every check of one file shares. */
export interface CheckRun {
  conn: Connector;
  file: string;
  /** FROM clause with the staging table as `s` and its lookups joined. */
  from: string;
  rowOffset: number;
  maxListed: number;
  /** Contract column -> the file's header, for messages. */
  headers: ReadonlyMap<string, string>;
  /** Columns whose cells come from a wide table's columns: named per row by `s.__cell` ("F (2021)"). */
  cellColumns?: ReadonlySet<string>;
}

/** Found values are cut to about 60 characters: enough to recognise, short enough for a table cell. */
export function truncate(s: string | null, max = 60): string {
  if (s === null) return '(empty)';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface Hit {
  row: number;
  found: string | null;
  detail: string | null;
  cell: string | null;
  total: number;
}

/** Runs one check: at most `maxListed` problems, the last carrying `more` when there are further rows. */
export async function runCheck(run: CheckRun, check: Check): Promise<Problem[]> {
  const found = check.found ?? `s."${check.column}__raw"`;
  const perCell = run.cellColumns?.has(check.column) ?? false;
  const hits = await run.conn.query<Hit>({
    sql: `SELECT s.__row AS row, left(CAST(${found} AS VARCHAR), 200) AS found,
  CAST(${check.detail ?? 'NULL'} AS VARCHAR) AS detail, ${perCell ? 's.__cell' : 'NULL'} AS cell,
  count(*) OVER () AS total
FROM ${check.from ?? run.from} WHERE ${check.where} ORDER BY s.__row LIMIT ?`,
    params: [...(check.params ?? []), run.maxListed],
  });
  const text = (t: Check['expected'], d: string | null) => (typeof t === 'string' ? t : t(d ?? ''));
  const problems = hits.map((h): Problem => {
    const suggestions = check.suggest?.(h.detail ?? '');
    return {
      file: run.file,
      severity: check.severity,
      code: check.code,
      row: h.row + run.rowOffset,
      column: (perCell ? h.cell : null) ?? run.headers.get(check.column) ?? check.column,
      found: truncate(h.found),
      expected: text(check.expected, h.detail),
      fix: text(check.fix, h.detail),
      ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
    };
  });
  const total = hits[0]?.total ?? 0;
  const last = problems[problems.length - 1];
  if (last && total > problems.length) last.more = total - problems.length;
  return problems;
}

/**
 * Keeps at most `max` listed problems per code and column across checks (two checks can share both), adding
 * the rest to `more`, and orders them by row so a report reads top to bottom.
 */
export function limitProblems(problems: Problem[], max: number): Problem[] {
  const kept = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = `${p.code}\u0000${p.column ?? ''}`;
    const list = kept.get(k) ?? [];
    if (list.length < max) list.push(p);
    else list[list.length - 1]!.more = (list[list.length - 1]!.more ?? 0) + 1 + (p.more ?? 0);
    kept.set(k, list);
  }
  return [...kept.values()]
    .flat()
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.code.localeCompare(b.code));
}
