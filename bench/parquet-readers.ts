/**
 * Parquet → Arrow IPC in Node: parquet-wasm (what the app uses) against hyparquet, on the app's values.parquet
 * and a generated 1M-row file (zstd and snappy). Also runnable alone: `npx tsx bench/parquet-readers.ts [--runs N]`.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { initSync, readParquet } from 'parquet-wasm/esm';
import { hyparquetColumnsToIPC, hyparquetObjectsToIPC } from './hyparquet-arrow';
import { largeFixtures } from './parquet-fixtures';
import type { Fixture } from './parquet-fixtures';
import { hyparquetBytes, parquetWasmBytes } from './reader-bytes';
import { parquetTextReport } from './report';
import type { ReaderBytes } from './reader-bytes';
import { summarize } from './stats';
import type { Summary } from './stats';

/** One reader on one file. */
export interface ReaderTiming {
  reader: string;
  file: string;
  fileBytes: number;
  rows: number;
  /** Sum of the `value` column of the decoded table: equal across readers if they agree. */
  valueSum: number | null;
  ipcBytes: number;
  /** Wall time (ms) of each timed run, after one warm-up run. */
  samples: number[];
  summary: Summary;
}

/** Everything the comparison measured. */
export interface ParquetReport {
  runs: number;
  /** One-off WebAssembly compile + instantiate of parquet-wasm (ms). */
  parquetWasmInitMs: number;
  timings: ReaderTiming[];
  bytes: ReaderBytes[];
}

type Decode = (bytes: Uint8Array) => Promise<Uint8Array>;

const READERS: Record<string, Decode> = {
  'parquet-wasm': async (bytes) => readParquet(bytes).intoIPCStream(),
  'hyparquet objects → Arrow': (bytes) => hyparquetObjectsToIPC(toArrayBuffer(bytes)),
  'hyparquet columns → Arrow': (bytes) => hyparquetColumnsToIPC(toArrayBuffer(bytes)),
};

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function check(ipc: Uint8Array): { rows: number; valueSum: number | null } {
  const table = tableFromIPC(ipc);
  const col = table.getChild('value');
  let sum = 0;
  if (col) for (const v of col) sum += typeof v === 'number' ? v : 0;
  return { rows: table.numRows, valueSum: col ? sum : null };
}

async function time(reader: string, decode: Decode, fx: Fixture, runs: number): Promise<ReaderTiming> {
  const bytes = new Uint8Array(readFileSync(fx.path));
  const first = await decode(bytes); // warm-up (JIT, lazy wasm instantiation of the codecs)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await decode(bytes);
    samples.push(performance.now() - t);
  }
  return {
    reader,
    file: fx.name,
    fileBytes: bytes.length,
    ...check(first),
    ipcBytes: first.length,
    samples,
    summary: summarize(samples),
  };
}

/** Runs the comparison; `log` gets one line per reader and file. */
export async function compareParquetReaders(
  root: string,
  runs: number,
  log: (line: string) => void = console.log,
): Promise<ParquetReport> {
  const cache = resolve(root, 'bench/.cache');
  const fixtures: Fixture[] = [
    { name: 'public/data/values.parquet', path: resolve(root, 'public/data/values.parquet') },
    ...(await largeFixtures(cache)),
  ];
  const require = createRequire(import.meta.url);
  const t0 = performance.now();
  initSync({ module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
  const parquetWasmInitMs = performance.now() - t0;
  const timings: ReaderTiming[] = [];
  for (const fx of fixtures) {
    for (const [reader, decode] of Object.entries(READERS)) {
      const r = await time(reader, decode, fx, runs);
      timings.push(r);
      log(
        `  ${fx.name} (${(statSync(fx.path).size / 1000).toFixed(0)} kB) · ${reader}: median ${r.summary.median?.toFixed(1)} ms, ${r.rows} rows`,
      );
    }
  }
  const bytes = [parquetWasmBytes(), ...(await hyparquetBytes(root))];
  return { runs, parquetWasmInitMs, timings, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error('usage: npx tsx bench/parquet-readers.ts [--runs N]');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  console.log('\n' + parquetTextReport(await compareParquetReaders(root, runs)));
}
