/**
 * `atlas validate <file>... [--json] [--lang en|sq]`: the report the app shows for the batch, as text (in
 * the language asked for) or as `{ files: FileReport[], ok }` (English texts with their catalog keys in
 * each problem's `text`). Nothing is loaded. Exit code 0 without errors (warnings allowed), 1 with any.
 */
import { readFiles, validateFiles } from './check';
import type { Io } from './io';
import { formatReports } from './report';
import type { Session } from './session';
import type { Lang } from '../i18n/numbers';
import type { ReadOptions } from './args';

/** Runs the validate command; returns the exit code. */
export async function validateCommand(
  session: Session,
  opts: { files: string[]; json: boolean; read?: ReadOptions; lang?: Lang },
  io: Io,
): Promise<number> {
  const r = await validateFiles(session, readFiles(opts.files, opts.read));
  io.out(
    opts.json
      ? JSON.stringify({ files: r.reports, ok: r.ok }, null, 2)
      : formatReports(r.reports, r.ok, opts.lang ?? 'en'),
  );
  for (const c of r.crashes) io.err(`atlas: the reader crashed on ${c.file} (a bug): ${c.error}`);
  return r.ok ? 0 : 1;
}
