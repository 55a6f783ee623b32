/**
 * Writes `<file>.gz` (gzip -9) and `<file>.br` (Brotli, quality 11) beside every compressible file of a
 * built folder, for a static host that serves precompressed files (nginx `gzip_static` / `brotli_static`,
 * Caddy `file_server { precompressed br gzip }`: docs/deploy.md). Node's own zlib, so no `brotli` program is
 * needed; the same bytes for the same input (gzip's header has no time or name). A sidecar is kept only when
 * it is smaller than the file. Prints each file's sizes and the totals.
 *
 *   npm run build && npx tsx scripts/precompress.ts dist
 *   npx tsx scripts/precompress.ts /srv/atlas          # a published site's folder
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What compresses: code, WASM, styles, JSON and GeoJSON, HTML, SVG, the manifest. Parquet is already compressed. */
const COMPRESSIBLE = /\.(?:js|mjs|wasm|css|json|geojson|html|svg|webmanifest|txt)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: tsx scripts/precompress.ts <built folder>');
  process.exit(2);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
let total = 0;
let gzTotal = 0;
let brTotal = 0;
for (const path of files(dir)
  .filter((p) => COMPRESSIBLE.test(p))
  .sort()) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm')
        ? constants.BROTLI_MODE_GENERIC
        : constants.BROTLI_MODE_TEXT,
    },
  });
  total += bytes.length;
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  gzTotal += Math.min(gz.length, bytes.length);
  brTotal += Math.min(br.length, bytes.length);
  console.log(`${relative(dir, path)}: ${kb(bytes.length)}, gzip ${kb(gz.length)}, brotli ${kb(br.length)}`);
}
console.log(`total: ${kb(total)}, gzip ${kb(gzTotal)}, brotli ${kb(brTotal)}`);
