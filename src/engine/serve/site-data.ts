/**
 * The files a published site replaces in a copy of the built app, as bytes: data/ (served Parquet,
 * catalog.json, first-view.json, publish.json), index.html in the site's language and title, and the web
 * app manifest. Pure, so that `atlas publish` (src/cli/publish-site.ts, on disk) and the app's zip
 * (src/export/site-zip.ts) write the same bytes; hashing is the caller's (node:crypto or WebCrypto).
 */
import { webManifest } from '../../common/web-manifest';
import type { Catalog, FirstView } from '../schema';
import type { ServedFiles } from './served-files';

/** The web app manifest's file name in the build (pwa.config.ts). */
export const MANIFEST = 'manifest.webmanifest';

/** The data files of dist/data that a published site replaces (the rest, boundaries, are kept). */
export const REPLACED = /^(.*\.parquet|catalog\.json|first-view\.json|publish\.json)$/;

/** A file's bytes by its path in the site. */
export interface SiteFile {
  file: string;
  bytes: Uint8Array;
}

/** What publish.json records. */
export interface PublishRecord {
  version: string;
  k: number;
  inputs: { file: string; sha256: string }[];
  withheld: ServedFiles['withheld'];
  files: { file: string; bytes: number; sha256: string }[];
}

/** JSON as the site's files hold it: two-space indent, a final newline. */
export const jsonBytes = (o: unknown) => new TextEncoder().encode(`${JSON.stringify(o, null, 2)}\n`);

/** The files of data/ but publish.json (paths relative to data/), in the order they are written. */
export function dataFiles(served: ServedFiles, catalog: Catalog, firstView: FirstView): SiteFile[] {
  return [
    ...Object.entries(served.files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, bytes]) => ({ file, bytes: bytes! })),
    { file: 'catalog.json', bytes: jsonBytes(catalog) },
    { file: 'first-view.json', bytes: jsonBytes(firstView) },
  ];
}

/** publish.json of `data` (from {@link dataFiles}), given each file's SHA-256 in hex in the same order. */
export function publishRecord(opts: {
  version: string;
  served: ServedFiles;
  inputs: { file: string; sha256: string }[];
  data: readonly SiteFile[];
  sha256: readonly string[];
}): PublishRecord {
  return {
    version: opts.version,
    k: opts.served.withheld.k,
    inputs: opts.inputs,
    withheld: opts.served.withheld,
    files: opts.data.map((f, i) => ({
      file: `data/${f.file}`,
      bytes: f.bytes.length,
      sha256: opts.sha256[i]!,
    })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The built index.html in the site's language and title (the app reads <html data-atlas-lang>). */
export function siteHtml(html: string, lang: string, title: string): string {
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}" data-atlas-lang="${lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
}

/** The web app manifest naming the site in its language (src/common/web-manifest.ts). */
export function siteManifest(lang: string, title: string): Uint8Array {
  return jsonBytes(webManifest(lang === 'sq' ? 'sq' : 'en', title));
}
