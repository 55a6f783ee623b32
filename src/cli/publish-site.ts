/**
 * A published site on disk: the built app (dist/) with its data folder holding the user's files written
 * suppressed at source, a catalog without the demo, the first view, and publish.json saying what went in.
 * The same input gives the same bytes: nothing here reads a clock or a random source, and files are
 * written in a fixed order.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { webManifest } from '../common/web-manifest';
import type { Catalog, FirstView } from '../engine/schema';
import type { ServedFiles } from '../engine/serve/served-files';
import { ensureDir, writeOutput } from './output';

/** The web app manifest's file name in the build (pwa.config.ts). */
const MANIFEST = 'manifest.webmanifest';

/** The data files of dist/data that a published site replaces (the rest, boundaries, are kept). */
const REPLACED = /^(.*\.parquet|catalog\.json|first-view\.json|publish\.json)$/;

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

/** The first view: the default year's served values, withheld cells as hidden. */
export function firstViewOf(
  catalog: Catalog,
  values: readonly (readonly [string, number, string, number | null, boolean])[],
): FirstView {
  return {
    year: catalog.defaultYear,
    rows: values
      .filter(([, year]) => year === catalog.defaultYear)
      .map(([lau, , indicator, value, hidden]) => [lau, indicator, hidden ? null : value, hidden]),
  };
}

/** What publish.json records. */
export interface PublishRecord {
  version: string;
  k: number;
  inputs: { file: string; sha256: string }[];
  withheld: ServedFiles['withheld'];
  files: { file: string; bytes: number; sha256: string }[];
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
  const text = (o: unknown) => new TextEncoder().encode(`${JSON.stringify(o, null, 2)}\n`);
  const data: { file: string; bytes: Uint8Array }[] = [
    ...Object.entries(opts.served.files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, bytes]) => ({ file, bytes: bytes! })),
    { file: 'catalog.json', bytes: text(opts.catalog) },
    { file: 'first-view.json', bytes: text(opts.firstView) },
  ];
  const record: PublishRecord = {
    version: opts.version,
    k: opts.served.withheld.k,
    inputs: opts.inputs.map((p) => ({ file: basename(p), sha256: sha256(new Uint8Array(readFileSync(p))) })),
    withheld: opts.served.withheld,
    files: data.map((f) => ({ file: `data/${f.file}`, bytes: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  writeOutput(join(out, 'data'), [...data, { file: 'publish.json', bytes: text(record) }]);
  // The page's language and title: the app reads the language from <html data-atlas-lang> (src/main.tsx).
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<html lang="[^"]*"/, `<html lang="${opts.lang}" data-atlas-lang="${opts.lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(opts.title)}</title>`);
  const top = [{ file: 'index.html', bytes: new TextEncoder().encode(html) }];
  // The web app manifest names the site in its language (src/common/web-manifest.ts).
  if (existsSync(join(dist, MANIFEST))) {
    const lang = opts.lang === 'sq' ? 'sq' : 'en';
    top.push({ file: MANIFEST, bytes: text(webManifest(lang, opts.title)) });
  }
  writeOutput(out, top);
  return record;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
