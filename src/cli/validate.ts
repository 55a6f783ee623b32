/**
 * `atlas validate <file>... [--json]`: the report the app shows for the batch, as text or as
 * `{ files: FileReport[], ok }`. Nothing is loaded. Exit code 0 without errors (warnings allowed), 1 with any.
 */
import { readFiles, validateFiles } from './check';
import type { Io } from './io';
import { formatReports } from './report';
import type { Session } from './session';
import type { ReadOptions } from './args';

/** Runs the validate command; returns the exit code. */
export async function validateCommand(
  session: Session,
  opts: { files: string[]; json: boolean; read?: ReadOptions },
  io: Io,
): Promise<number> {
  const r = await validateFiles(session, readFiles(opts.files, opts.read));
  io.out(
    opts.json ? JSON.stringify({ files: r.reports, ok: r.ok }, null, 2) : formatReports(r.reports, r.ok),
  );
  for (const c of r.crashes) io.err(`atlas: the reader crashed on ${c.file} (a bug): ${c.error}`);
  return r.ok ? 0 : 1;
}
