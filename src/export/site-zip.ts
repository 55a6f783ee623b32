/**
 * "Publish these data" as a zip: the same static site `atlas publish` writes (src/cli/publish-site.ts), put
 * together in the browser. The app's own files are fetched from its origin (the build lists them in
 * site-files.json), data/ gets the user's files suppressed at source (src/engine/serve/), index.html and
 * the manifest the site's language and title, and publish.json what went in.
 *
 * sw.js: its precache manifest loses the entries of files the site does not have (one failing precache
 * request fails the whole install) and gains data files it lacks, but the revisions of files it keeps stay
 * as built: Workbox's are MD5, which WebCrypto lacks (the CLI recomputes them). Added files get their
 * SHA-256 as revision (any string serves Workbox as a revision).
 */
import { zipSync, type Zippable } from 'fflate';
import { formatPrecache, locatePrecache } from '../common/precache-manifest';
import { sha256Hex } from '../common/sha256';
import { SITE_FILES, type SiteFilesList } from '../common/site-files';
import type { Publication } from '../engine/serve/publication';
import {
  dataFiles,
  jsonBytes,
  MANIFEST,
  publishRecord,
  REPLACED,
  siteHtml,
  siteManifest,
  type SiteFile,
} from '../engine/serve/site-data';

/** Reads one of the app's files by its path in the build. */
export type FetchFile = (path: string) => Promise<Uint8Array>;

/** What the zip is made of. */
export interface SiteZipInput {
  publication: Publication;
  lang: 'en' | 'sq';
  /** The user's files and their SHA-256 (publish.json `inputs`). */
  inputs: { file: string; sha256: string }[];
  fetchFile?: FetchFile;
}

/** Files fetched at once. */
const PARALLEL = 4;

/** Entries written uncompressed: compressed already, or too large to deflate on the main thread. */
const STORED = /\.(wasm|png|jpe?g|webp|gz|br|zip|parquet)$/;

/** The same data gives the same zip: no clock in it. */
const MTIME = new Date(2000, 0, 1);

const fromOrigin: FetchFile = async (path) => {
  const res = await fetch(`${import.meta.env.BASE_URL}${path}`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

async function fetchAll(paths: readonly string[], fetchFile: FetchFile): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      out.set(path, await fetchFile(path));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, paths.length) }, worker));
  return out;
}

/** sw.js with its precache manifest for the site's files (see the module comment). */
async function siteWorker(sw: string, files: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const { start, end, entries } = locatePrecache(sw);
  const seen = new Set<string>();
  const kept = entries.filter((e) => {
    const path = e.url.split(/[?#]/)[0]!;
    if (seen.has(e.url) || !(files.has(path) || files.has(decodeURI(path)))) return false;
    seen.add(e.url);
    return true;
  });
  const added = [...files.keys()].filter((f) => f.startsWith('data/') && !seen.has(f)).sort();
  for (const f of added) kept.push({ url: f, revision: await sha256Hex(files.get(f)!) });
  return `${sw.slice(0, start)}${formatPrecache(kept)}${sw.slice(end)}`;
}

/** The published site as a zip's bytes, and how many files it holds. */
export async function siteZip(input: SiteZipInput): Promise<{ bytes: Uint8Array; files: number }> {
  const fetchFile = input.fetchFile ?? fromOrigin;
  const { catalog, firstView, served, title } = input.publication;
  const list = JSON.parse(new TextDecoder().decode(await fetchFile(SITE_FILES))) as SiteFilesList;
  const kept = list.files.filter((f) => !(f.startsWith('data/') && REPLACED.test(f.slice(5))));
  const files = await fetchAll(kept, fetchFile);
  files.set(SITE_FILES, jsonBytes(list));
  const data = dataFiles(served, catalog, firstView);
  const record = publishRecord({
    version: list.version,
    served,
    inputs: input.inputs,
    data,
    sha256: await Promise.all(data.map((f) => sha256Hex(f.bytes))),
  });
  const written: SiteFile[] = [...data, { file: 'publish.json', bytes: jsonBytes(record) }];
  for (const f of written) files.set(`data/${f.file}`, f.bytes);
  const html = files.get('index.html');
  if (!html) throw new Error('index.html is not among the files of the build');
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  files.set('index.html', new TextEncoder().encode(siteHtml(text(html), input.lang, title)));
  if (files.has(MANIFEST)) files.set(MANIFEST, siteManifest(input.lang, title));
  const sw = files.get('sw.js');
  if (sw) files.set('sw.js', new TextEncoder().encode(await siteWorker(text(sw), files)));
  const tree: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    tree[path] = [files.get(path)!, { level: STORED.test(path) ? 0 : 6, mtime: MTIME }];
  }
  return { bytes: zipSync(tree), files: files.size };
}
