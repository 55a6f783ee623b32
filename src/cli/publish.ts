/**
 * `atlas publish <file>... --out <dir>`: a static site on the user's data, safe to host (issue 12). The files
 * are checked exactly as `import` checks them (any error: the report, nothing written, exit 1), committed,
 * and then only what the batch brought is written for serving, suppressed at source at k >= 5 by the same
 * code as the demo's build (src/engine/serve/), into a copy of the built app (dist/). publish.json records
 * the inputs' hashes, k, what is withheld and the version. docs/deploy.md says how to host the folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import { buildPublication } from '../engine/serve/publication';
import { applyBatch, discardBatch } from '../import/session';
import { UsageError } from './args';
import { checkBatch, readFiles } from './check';
import type { Io } from './io';
import { parsePublishArgs, type PublishArgs } from './publish-args';
import { writeSite, type PublishRecord } from './publish-site';
import { formatReports } from './report';
import { refreshPrecache } from './site-precache';
import type { Session } from './session';

const ROOT = new URL('../../', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', ROOT));

/** Checks, commits and publishes; returns the exit code. */
export async function publish(session: Session, args: PublishArgs, io: Io, dist = DIST): Promise<number> {
  const { conn } = session;
  const withK = { ...session, context: { ...session.context, k: args.k } };
  const { batch, crashes } = await checkBatch(withK, readFiles(args.files, args.read));
  for (const c of crashes) io.err(`atlas: the reader crashed on ${c.file} (a bug): ${c.error}`);
  if (!batch.ok) {
    await discardBatch(conn, batch);
    io.out(formatReports(batch.reports, false, args.lang));
    io.err('atlas publish: nothing was written.');
    return 1;
  }
  const kinds = new Set(batch.reports.flatMap((r) => (r.kind ? [r.kind] : [])));
  if (!kinds.has('indicator_values') && !kinds.has('cases')) {
    await discardBatch(conn, batch);
    io.err(
      'atlas publish: the files hold no indicator values (or cases): a site needs some. Nothing was written.',
    );
    return 1;
  }
  await applyBatch(conn, batch);
  const { catalog, firstView, served, title } = await buildPublication(conn, loadParquetModuleNode(), {
    base: session.catalog,
    extra: batch.indicators,
    kinds,
    k: args.k,
    ...(args.title !== undefined ? { title: args.title } : {}),
    lang: args.lang,
    files: args.files,
  });
  const version = (
    JSON.parse(readFileSync(fileURLToPath(new URL('package.json', ROOT)), 'utf8')) as { version: string }
  ).version;
  const record = writeSite({
    dist,
    out: args.out,
    catalog,
    firstView,
    served,
    inputs: args.files,
    version,
    lang: args.lang,
    title,
  });
  // The service worker precaches the site's own bytes, and sees a republished site as an update.
  if (existsSync(join(args.out, 'sw.js'))) await refreshPrecache(args.out);
  io.out(
    args.json ? JSON.stringify({ ok: true, out: args.out, ...record }, null, 2) : summary(args.out, record),
  );
  return 0;
}

function summary(out: string, r: PublishRecord): string {
  const w = r.withheld;
  return [
    `Published to ${out}/ (suppressed at source, k = ${r.k}):`,
    ...r.files.map((f) => `  ${f.file.padEnd(28)} ${f.bytes} bytes`),
    `Withheld: ${w.values.primary} values of 1 to ${r.k - 1} and ${w.values.secondary} more that would give one back; ${w.values.counties} county and ${w.values.national} national totals.`,
    ...(w.schools
      ? [
          `Schools: ${w.schools.primary + w.schools.secondary} school-years, ${w.schools.municipalities} municipality totals.`,
        ]
      : []),
    'Put the folder on any static host: see docs/deploy.md.',
  ].join('\n');
}

/** `atlas publish ...`: parses, opens a session, publishes. */
export async function publishCommand(
  argv: readonly string[],
  io: Io,
  open: () => Promise<Session>,
): Promise<number> {
  let args: PublishArgs;
  try {
    args = parsePublishArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`atlas: ${err.message}\nRun "npm run atlas -- help" for usage.`);
    return 2;
  }
  const session = await open();
  try {
    return await publish(session, args, io);
  } catch (err) {
    io.err(`atlas publish: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await session.close();
  }
}
