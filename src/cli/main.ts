/**
 * `npm run atlas -- <command>`: the app's import checks on the command line. Arguments are checked before
 * the engine starts (a usage error costs nothing); the engine is always closed, so the process never hangs.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 a file has an error (or the CLI failed), 2 usage error.
 */
import { publishCommand } from './publish';
import { casesCommand } from './cases';
import { serveCommand } from './serve/serve';
import { DataError } from '../engine/errors';
import { parseArgs, UsageError, type Command } from './args';
import { classifyCommand } from './classify';
import { hotspotsCommand } from './hotspots';
import { importCommand } from './import';
import { planCommand } from './plan';
import { processIo, type Io } from './io';
import { openSession, type Session } from './session';
import { validateCommand } from './validate';

/** The help text. */
export const USAGE = `Safety Net Atlas command line: check and load data files as the app does.

Usage:
  npm run atlas -- validate <file>... [--json] [--k <n>] [--lang en|sq]
  npm run atlas -- import <file>... --out <dir> [--json] [--k <n>] [--lang en|sq]
  npm run atlas -- classify --input <csv|parquet> --column <name> [--method <m>] [--classes <n>]
                            [--breaks a,b,c] [--json] [--lang en|sq]
  npm run atlas -- hotspots --input <file> --column <name> [options]   (hotspots --help)
  npm run atlas -- plan --k <n> | --budget <amount> --cost <c> [options]   (plan --help: where to open new units)
  npm run atlas -- cases --rows <n> --seed <s> --out <file.parquet> [--json]   (synthetic case records)
  npm run atlas -- serve --data <dir> [--port <p>] [--host <h>] [--token <t>]   (serve --help: the case
                            explorer's questions over HTTP, perturbed and suppressed)
  npm run atlas -- help

Commands:
  validate   Check files (CSV, Parquet, GeoJSON) against the data contract (docs/data-contract.md) and
             print the report the app shows: per file its table, rows and every problem with row,
             column, what was found, what was expected and how to fix it.
  import     Check the files exactly like validate; when no file has an error, load them on top of
             the demo dataset and write the Parquet files the app loads into <dir>: values.parquet,
             facilities.parquet, caseload.parquet, and schools.parquet, cases.parquet, catalog.json,
             municipalities.geojson when the batch has them. With any error, nothing is written.
  classify   Class breaks of one numeric column, by the code the map uses: the upper bound of each
             class, one per line, the last being the maximum. --method quantile (default), equal,
             fisher, stddev or manual (with --breaks, the inner upper bounds); --classes 3..9 (default
             5). Cells that are not numbers are skipped with a warning. --json prints
             { method, classes, breaks, thresholds, counts, n, min, max, skipped }. Needs no engine.

Options:
  --json     Print JSON: { files: FileReport[], ok } (import adds what was written).
  --k <n>    Small-count threshold (default 5): the import summary counts the cells the app hides
             (counts 1 to n-1 of sensitive indicators).
  --out <dir>  Output folder for import (created when missing).

  publish <file>... --out <dir> [--k <n>] [--title <text>] [--lang sq|en] [--mapping <m.json>]
             Checks the files as import does (any error: nothing written, exit 1), then writes a static
             site in <dir>: the built app (run npm run build first) with the user's data alone, suppressed
             at source with k (default 5, never below 5), and data/publish.json (input hashes, k, what is
             withheld, version). --title names the site, --lang is its first language (default sq).
             docs/deploy.md: how to host it.
  --sheet <name|number>  The sheet of a workbook to read (default: the first whose header is
             recognised; hidden sheets are skipped).
  --mapping <m.json>  A column mapping for files the Atlas does not recognise: { "indicator",
             "indicators", "sheet", "headerRow", "columns": { header: role } } (docs/data-contract.md).
  --lang <en|sq>  The language problems are printed in (default en; sq is Albanian). --json keeps the
             English texts and adds each text's catalog key and values (problem.text).

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.`;

/** Runs a parsed command on a session. */
async function dispatch(cmd: Exclude<Command, { name: 'help' }>, session: Session, io: Io): Promise<number> {
  switch (cmd.name) {
    case 'validate':
      return validateCommand(session, cmd, io);
    case 'import':
      return importCommand(session, cmd, io);
  }
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function run(
  argv: readonly string[],
  io: Io = processIo,
  open: () => Promise<Session> = openSession,
): Promise<number> {
  if (argv[0] === 'classify') return classifyCommand(argv.slice(1), io);
  if (argv[0] === 'hotspots') return hotspotsCommand(argv.slice(1), io);
  if (argv[0] === 'plan') return planCommand(argv.slice(1), io, open);
  if (argv[0] === 'publish') return publishCommand(argv.slice(1), io, open);
  if (argv[0] === 'cases') return casesCommand(argv.slice(1), io, open);
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`atlas: ${err.message}\nRun "npm run atlas -- help" for usage.`);
    return 2;
  }
  if (cmd.name === 'help') {
    io.out(USAGE);
    return 0;
  }
  let session: Session | undefined;
  try {
    session = await open();
    return await dispatch(cmd, session, io);
  } catch (err) {
    if (err instanceof DataError) {
      // A refusal the user can act on (e.g. a commit that found an unresolved place): not a crash.
      io.err(`atlas: ${err.file}: ${err.found}\n  expected: ${err.expected}\n  fix: ${err.fix}`);
    } else {
      io.err(`atlas: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    return 1;
  } finally {
    await session?.close();
  }
}
