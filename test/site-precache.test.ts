/**
 * refreshPrecache (src/cli/site-precache.ts) on copies of a real production build (built here, with the
 * service worker): an unchanged site keeps its sw.js byte for byte; a site with a data file changed, one
 * removed, one added and index.html re-titled gets exactly the precache manifest Workbox itself computes for
 * those files (workbox-build's getManifest, the same globs), in a sw.js that still parses; the same files
 * give the same bytes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { build } from 'vite';
import { getManifest } from 'workbox-build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRECACHE_FILE, PRECACHE_GLOBS } from '../pwa.config';
import {
  formatPrecache,
  locatePrecache,
  refreshPrecache,
  type PrecacheEntry,
} from '../src/cli/site-precache';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-precache-'));
const dist = join(work, 'dist');

/** A copy of the build, as `atlas publish` starts from. */
function copySite(name: string): string {
  const dir = join(work, name);
  cpSync(dist, dir, { recursive: true });
  return dir;
}

const entriesOf = (dir: string) => locatePrecache(readFileSync(join(dir, 'sw.js'), 'utf8')).entries;
const byUrl = (entries: readonly PrecacheEntry[]) =>
  [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

/** What Workbox computes for the files of `dir`: the build's globs, plus the manifest and icons. */
async function workboxManifest(dir: string): Promise<PrecacheEntry[]> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: [...PRECACHE_GLOBS, 'manifest.webmanifest', 'icons/*.png'],
    globIgnores: ['sw.js', 'workbox-*.js'],
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE,
  });
  expect(warnings).toEqual([]);
  return (manifestEntries ?? []).map((e) => ({ url: e.url, revision: e.revision ?? null }));
}

beforeAll(async () => {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: dist, emptyOutDir: true },
  });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('refreshPrecache', () => {
  it('reads the build’s own manifest, which is what Workbox computes for dist/', async () => {
    const entries = entriesOf(dist);
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.some((e) => /^assets\/duckdb-eh-.*\.wasm$/.test(e.url) && e.revision === null)).toBe(true);
    // One DuckDB build is shipped (src/engine/duckdb-boot.ts): the mvp build is not even in the build.
    expect(entries.filter((e) => /mvp/.test(e.url))).toEqual([]);
    expect(readdirSync(join(dist, 'assets')).filter((f) => /mvp/.test(f))).toEqual([]);
    expect(byUrl(entries)).toEqual(byUrl(await workboxManifest(dist)));
  });

  it('leaves the sw.js of an unchanged site byte for byte', async () => {
    const site = copySite('unchanged');
    const before = readFileSync(join(site, 'sw.js'));
    await refreshPrecache(site);
    expect(readFileSync(join(site, 'sw.js')).equals(before)).toBe(true);
  });

  it('follows changed, removed and added data files and a re-titled index.html', async () => {
    const site = copySite('published');
    const before = entriesOf(site);
    writeFileSync(join(site, 'data/values.parquet'), readFileSync(join(site, 'data/caseload.parquet')));
    unlinkSync(join(site, 'data/facilities.parquet'));
    writeFileSync(join(site, 'data/publish.json'), '{"k":5}\n');
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    writeFileSync(
      join(site, 'index.html'),
      html.replace('<title>Safety Net Atlas</title>', '<title>Tirana</title>'),
    );
    await refreshPrecache(site);

    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    expect(() => new Script(sw)).not.toThrow();
    const after = entriesOf(site);
    expect(byUrl(after)).toEqual(byUrl(await workboxManifest(site)));
    const revision = (list: PrecacheEntry[], url: string) => list.find((e) => e.url === url)?.revision;
    expect(revision(after, 'data/values.parquet')).not.toBe(revision(before, 'data/values.parquet'));
    expect(revision(after, 'data/values.parquet')).toBe(revision(before, 'data/caseload.parquet'));
    expect(revision(after, 'index.html')).not.toBe(revision(before, 'index.html'));
    expect(after.some((e) => e.url === 'data/facilities.parquet')).toBe(false);
    expect(revision(after, 'data/publish.json')).toMatch(/^[0-9a-f]{32}$/);
    // Everything else as it was, in the same order.
    const untouched = (list: PrecacheEntry[]) =>
      list.filter((e) => !/^(data\/|index\.html$)/.test(e.url) || e.url === 'data/caseload.parquet');
    expect(untouched(after)).toEqual(untouched(before));
    // Only the manifest changed: the worker's code around it is the build's.
    const original = readFileSync(join(dist, 'sw.js'), 'utf8');
    const a = locatePrecache(original);
    const b = locatePrecache(sw);
    expect(sw.slice(0, b.start)).toBe(original.slice(0, a.start));
    expect(sw.slice(b.end)).toBe(original.slice(a.end));

    // The same files give the same bytes.
    const again = copySite('again');
    writeFileSync(join(again, 'data/values.parquet'), readFileSync(join(again, 'data/caseload.parquet')));
    unlinkSync(join(again, 'data/facilities.parquet'));
    writeFileSync(join(again, 'data/publish.json'), '{"k":5}\n');
    writeFileSync(join(again, 'index.html'), readFileSync(join(site, 'index.html')));
    await refreshPrecache(again);
    expect(readFileSync(join(again, 'sw.js'), 'utf8')).toBe(sw);
  });

  it('refuses a sw.js without a precache manifest, and writes nothing', async () => {
    const site = join(work, 'no-manifest');
    cpSync(join(dist, 'index.html'), join(site, 'index.html'), { recursive: true });
    writeFileSync(join(site, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
    await expect(refreshPrecache(site)).rejects.toThrow(/precacheAndRoute/);
    expect(readFileSync(join(site, 'sw.js'), 'utf8')).toBe('self.addEventListener("fetch", () => {});\n');
    await expect(refreshPrecache(join(work, 'nothing-here'))).rejects.toThrow(/ENOENT/);
  });

  it('parses quoted keys and spacing too, and writes Workbox’s minified form', () => {
    const sw =
      'x.precacheAndRoute([ { "url": "data/a b.json", "revision": "0a" }, {url:"assets/x-1.js",revision:null} ],{})';
    const { entries } = locatePrecache(sw);
    expect(entries).toEqual([
      { url: 'data/a b.json', revision: '0a' },
      { url: 'assets/x-1.js', revision: null },
    ]);
    expect(formatPrecache(entries)).toBe(
      '[{url:"data/a b.json",revision:"0a"},{url:"assets/x-1.js",revision:null}]',
    );
    expect(() => locatePrecache('x.precacheAndRoute([{url:1}])')).toThrow(/unrecognised/);
  });
});
