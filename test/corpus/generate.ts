/**
 * The import corpus: malformed and edge-case files with what the app must say about each, written to a folder
 * with manifest.json. Deterministic (seeded) and quick. Not committed: generate it when needed.
 *
 *   npx tsx test/corpus/generate.ts [dir]      (default: a new temporary folder; prints its path)
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeBase } from './base';
import { csvCases } from './cases-csv';
import { encodingCases } from './cases-encoding';
import { headerCases } from './cases-headers';
import { formatCases } from './cases-format';
import { geojsonCases } from './cases-geojson';
import { parquetValidCases } from './cases-parquet';
import { flippedCases, truncatedCases } from './cases-parquet-damaged';
import { parquetInvalidCases } from './cases-parquet-invalid';
import { placeCases } from './cases-places';
import { facilityCases } from './cases-facilities';
import { tableCases } from './cases-tables';
import { valueCases } from './cases-values';
import { keyCases } from './cases-keys';
import { openParquetWriter } from './parquet';
import type { CorpusCase, Manifest, ManifestEntry } from './types';

/** The seed of the shipped corpus. */
export const CORPUS_SEED = 20240917;

/** Builds every case in memory (bytes and manifest entry). */
export async function buildCorpus(seed = CORPUS_SEED): Promise<CorpusCase[]> {
  const base = makeBase(seed);
  const writer = await openParquetWriter(base);
  let pq: CorpusCase[];
  try {
    const valid = await parquetValidCases(base, writer);
    const zstd = valid.find((c) => c.name === 'pq-zstd.parquet')!.bytes;
    const plain = valid.find((c) => c.name === 'pq-uncompressed.parquet')!.bytes;
    pq = [
      ...valid,
      ...(await parquetInvalidCases(writer)),
      ...truncatedCases(zstd, 'zstd'),
      ...truncatedCases(plain, 'plain'),
      ...flippedCases(zstd, plain, Number(base.values.rows[0]![3])),
    ];
  } finally {
    writer.close();
  }
  const cases = [
    ...formatCases(base),
    ...encodingCases(),
    ...csvCases(base),
    ...headerCases(base),
    ...valueCases(base),
    ...keyCases(base),
    ...placeCases(base),
    ...facilityCases(base),
    ...tableCases(base),
    ...geojsonCases(base),
    ...pq,
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`two corpus cases are named ${c.name}`);
    seen.add(c.name);
  }
  return cases;
}

/** A case's manifest entry: everything but the bytes. */
function entryOf(c: CorpusCase): ManifestEntry {
  const entry: Partial<CorpusCase> = { ...c };
  delete entry.bytes;
  return entry as ManifestEntry;
}

/** Writes the corpus and manifest.json into `dir` (created when missing); returns the manifest. */
export async function generateCorpus(dir: string, seed = CORPUS_SEED): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const cases = await buildCorpus(seed);
  for (const c of cases) writeFileSync(join(dir, c.name), c.bytes);
  const manifest: Manifest = { seed, cases: cases.map(entryOf) };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function isEntry(): boolean {
  const script = process.argv[1];
  try {
    return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
  const t0 = performance.now();
  const m = await generateCorpus(dir);
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`${m.cases.length} files and manifest.json written to ${dir} in ${ms} ms\n`);
}
