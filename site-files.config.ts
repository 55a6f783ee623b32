/**
 * A Vite plugin writing `site-files.json` (src/common/site-files.ts) into the build's output folder once
 * every other file is written (the service worker too): each file's path but its own, sorted, and the
 * app's version. Nothing in it depends on a clock, so the same build gives the same list.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SITE_FILES, type SiteFilesList } from './src/common/site-files.ts';

function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = dir === '' ? d.name : posix.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(root, rel);
    return statSync(join(root, rel)).isFile() ? [rel] : [];
  });
}

export function atlasSiteFiles(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'atlas:site-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
        const files = filesUnder(outDir)
          .filter((f) => f !== SITE_FILES)
          .sort();
        const list: SiteFilesList = { version: pkg.version, files };
        writeFileSync(join(outDir, SITE_FILES), `${JSON.stringify(list, null, 2)}\n`);
      },
    },
  };
}
