/** Building problems with the file name filled in, and capping repeated ones to a few examples. */
import { problemTexts } from '../contract/problem-text';
import type { Msg, Problem, ProblemCode, Severity } from '../contract/problem-types';

/** Everything in a Problem but the file, with its texts as messages of the problem catalogs. */
export interface ProblemInit {
  code: ProblemCode;
  severity?: Severity;
  row?: number | null;
  column?: string | null;
  found: Msg;
  expected: Msg;
  fix: Msg;
  more?: number;
}

/** A problem in `file` (errors unless said otherwise). */
export function problem(file: string, init: ProblemInit): Problem {
  const p: Problem = {
    file,
    severity: init.severity ?? 'error',
    code: init.code,
    row: init.row ?? null,
    column: init.column ?? null,
    ...problemTexts({ found: init.found, expected: init.expected, fix: init.fix }),
  };
  if (init.more !== undefined && init.more > 0) p.more = init.more;
  return p;
}

/** How many examples of one repeated problem are listed; the rest are counted. */
export const MAX_EXAMPLES = 5;

/**
 * Collects the first few examples of one kind of problem; the count of the others goes into `more` on
 * the last example listed, so a file with 40,000 ragged rows gives five lines, not 40,000.
 */
export class Examples {
  private readonly list: Problem[] = [];
  private extra = 0;

  constructor(private readonly limit = MAX_EXAMPLES) {}

  /** True while another example would still be listed (lets callers skip building its text). */
  wants(): boolean {
    return this.list.length < this.limit;
  }

  /** Adds an example, or counts it when enough are listed. */
  add(p: Problem): void {
    if (this.wants()) this.list.push(p);
    else this.extra++;
  }

  /** Counts an example without building it. */
  count(): void {
    this.extra++;
  }

  /** The listed examples, the last carrying `more`. */
  done(): Problem[] {
    const out = this.list.map((p) => ({ ...p }));
    const last = out[out.length - 1];
    if (last && this.extra > 0) last.more = this.extra;
    return out;
  }
}

/** "3,456" — numbers in messages are read by people. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** The file's extension in lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
