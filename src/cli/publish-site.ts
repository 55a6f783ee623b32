/**
 * A published site on disk: the built app (dist/) with its data folder holding the user's files written
 * suppressed at source, a catalog without the demo, the first view, and publish.json saying what went in.
 * The same input gives the same bytes: nothing here reads a clock or a random source, and files are
 * written in a fixed order.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Catalog, FirstView } from '../engine/schema';
import type { ServedFiles } from '../engine/serve/served-files';
import {
  dataFiles,
  jsonBytes,
  MANIFEST,
  publishRecord,
  REPLACED,
  siteHtml,
  siteManifest,
  type PublishRecord,
  type SiteFile,
} from '../engine/serve/site-data';
import { ensureDir, writeOutput } from './output';

export { firstViewOf } from '../engine/serve/publication';
export type { PublishRecord } from '../engine/serve/site-data';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function copyTree(from: string, to: string, skip: (rel: string) => boolean): void {
  for (const name of readdirSync(from).sort()) {
    const src = join(from, name);
    const dst = join(to, name);
    const rel = relative(from, src);
    if (statSync(src).isDirectory()) {
      ensureDir(dst);
      copyTree(src, dst, (r) => skip(join(rel, r)));
    } else if (!skip(rel)) {
      copyFileSync(src, dst);
    }
  }
}

/** Writes the site into `out` from the built app in `dist`. */
export function writeSite(opts: {
  dist: string;
  out: string;
  catalog: Catalog;
  firstView: FirstView;
  served: ServedFiles;
  inputs: readonly string[];
  version: string;
  lang: string;
  title: string;
}): PublishRecord {
  const { dist, out } = opts;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html not found: build the app first (npm run build)`);
  }
  ensureDir(out);
  // A folder published before: its data files go, so that no file of an earlier publish stays behind.
  if (existsSync(join(out, 'data'))) {
    for (const f of readdirSync(join(out, 'data'))) if (REPLACED.test(f)) rmSync(join(out, 'data', f));
  }
  copyTree(dist, out, (rel) => rel.startsWith('data/') && REPLACED.test(basename(rel)));
  const data = dataFiles(opts.served, opts.catalog, opts.firstView);
  const record: PublishRecord = publishRecord({
    version: opts.version,
    served: opts.served,
    inputs: opts.inputs.map((p) => ({ file: basename(p), sha256: sha256(new Uint8Array(readFileSync(p))) })),
    data,
    sha256: data.map((f) => sha256(f.bytes)),
  });
  writeOutput(join(out, 'data'), [...data, { file: 'publish.json', bytes: jsonBytes(record) }]);
  const html = siteHtml(readFileSync(join(dist, 'index.html'), 'utf8'), opts.lang, opts.title);
  const top: SiteFile[] = [{ file: 'index.html', bytes: new TextEncoder().encode(html) }];
  if (existsSync(join(dist, MANIFEST)))
    top.push({ file: MANIFEST, bytes: siteManifest(opts.lang, opts.title) });
  writeOutput(out, top);
  return record;
}
