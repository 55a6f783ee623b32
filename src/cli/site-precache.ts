/**
 * A published site is a copy of dist/ with the files of data/ replaced by the user's (and index.html or the
 * manifest possibly rewritten). Its sw.js still lists the build's precache manifest: the revisions of the
 * demo's files, and files the site may no longer have. `refreshPrecache` rewrites that manifest for the files
 * as they are in the site, so the service worker precaches the right bytes, and the changed sw.js is how a
 * browser that saw an earlier version of the site finds out it was updated (the update banner).
 *
 * Revisions are what Workbox writes (workbox-build's getFileHash, vite-plugin-pwa's buildManifestEntry): the
 * MD5 of the file's bytes as 32 hex digits. Vite's hashed assets (assets/...) carry `revision: null` (their
 * name is their revision) and are kept as long as the file exists. An entry whose file is gone is dropped
 * (one failing precache request fails the whole install), and a file of data/ the manifest lacks is added.
 * A site whose files did not change keeps its sw.js byte for byte; the same files give the same sw.js.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { formatPrecache, locatePrecache, type PrecacheEntry } from '../common/precache-manifest';

export { formatPrecache, locatePrecache, type PrecacheEntry } from '../common/precache-manifest';

/** Folders of the site whose files are always precached (the data a published site is made of). */
const DATA_DIR = 'data';

/** MD5 of a file's bytes, as Workbox computes a revision. */
export function fileRevision(path: string): string {
  return createHash('md5').update(readFileSync(path)).digest('hex');
}

/** Every file under `dir` (relative, '/'-separated), sorted. */
function filesUnder(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((d) => {
      const rel = posix.join(dir, d.name);
      if (d.isDirectory()) return filesUnder(root, rel);
      return statSync(join(root, rel)).isFile() ? [rel] : [];
    })
    .sort();
}

/** The site's file of a manifest URL, or undefined when there is none. */
function siteFile(siteDir: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  for (const candidate of [path, safeDecode(path)]) {
    const file = join(siteDir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The manifest for the site's files as they are now (see the module comment). */
export function refreshedEntries(siteDir: string, entries: readonly PrecacheEntry[]): PrecacheEntry[] {
  const seen = new Set<string>();
  const out: PrecacheEntry[] = [];
  for (const e of entries) {
    if (seen.has(e.url)) continue;
    seen.add(e.url);
    const file = siteFile(siteDir, e.url);
    if (file === undefined) continue;
    out.push({ url: e.url, revision: e.revision === null ? null : fileRevision(file) });
  }
  for (const rel of filesUnder(siteDir, DATA_DIR)) {
    if (seen.has(rel)) continue;
    seen.add(rel);
    out.push({ url: rel, revision: fileRevision(join(siteDir, rel)) });
  }
  return out;
}

/**
 * Rewrites the precache manifest in `<siteDir>/sw.js` for the files now in `siteDir`. Throws when the site
 * has no sw.js or it holds no manifest this understands (nothing is written then).
 */
export async function refreshPrecache(siteDir: string): Promise<void> {
  const swPath = join(siteDir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const { start, end, entries } = locatePrecache(sw);
  const next = `${sw.slice(0, start)}${formatPrecache(refreshedEntries(siteDir, entries))}${sw.slice(end)}`;
  if (next !== sw) writeFileSync(swPath, next);
}
