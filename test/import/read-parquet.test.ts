import { readFileSync } from 'node:fs';
import {
  Dictionary,
  Int32,
  Table,
  tableFromIPC,
  tableToIPC,
  Type,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInput, type ReadResult } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { duckdbParquet } from '../fixtures/import/make';

const mod = loadParquetModuleNode();
const read = (bytes: Uint8Array, name = 'values.parquet'): ReadResult => readInput({ name, bytes }, mod);

const SELECT = `SELECT 'AL' || (111 + i % 61)::VARCHAR AS lau_code, 2015 + i % 10 AS year,
  'child_poverty' AS indicator, round(i * 1.37 % 100, 2)::DOUBLE AS value,
  CASE WHEN i % 7 = 0 THEN NULL ELSE 'Korçë ' || (i % 5)::VARCHAR END AS note FROM range(3000) r(i)`;
const CODECS = ['snappy', 'zstd', 'gzip', 'brotli', 'uncompressed'] as const;
let files: Record<(typeof CODECS)[number] | 'dictionary' | 'enum' | 'empty', Uint8Array>;

beforeAll(async () => {
  const out = await duckdbParquet([
    ...CODECS.map((c) => ({ select: SELECT, options: `COMPRESSION ${c}` })),
    // Few distinct strings: DuckDB writes dictionary-encoded pages.
    {
      select: `SELECT (['Tiranë', 'Durrës', 'Korçë'])[1 + i % 3] AS name FROM range(5000) r(i)`,
      options: 'COMPRESSION zstd',
    },
    {
      select: `SELECT CAST((['a', 'b'])[1 + i % 2] AS ENUM ('a', 'b')) AS kind FROM range(100) r(i)`,
      options: 'COMPRESSION snappy',
    },
    { select: 'SELECT 1 AS a WHERE false', options: 'COMPRESSION zstd' },
  ]);
  files = {
    ...(Object.fromEntries(CODECS.map((c, i) => [c, out[i]!])) as Record<
      (typeof CODECS)[number],
      Uint8Array
    >),
    dictionary: out[5]!,
    enum: out[6]!,
    empty: out[7]!,
  };
}, 30_000);

describe('readInput: Parquet', () => {
  it.each(CODECS)('reads a %s-compressed file written by DuckDB', (codec) => {
    const r = read(files[codec]);
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('parquet');
    expect(r.columns).toEqual(['lau_code', 'year', 'indicator', 'value', 'note']);
    expect(r.rows).toBe(3000);
    expect(r.rowOffset).toBe(0);
    const t = tableFromIPC(r.ipc!);
    expect(t.getChild('note')!.get(1)).toBe('Korçë 1');
    expect(t.getChild('note')!.nullCount).toBe(429);
  });

  it('reads dictionary-encoded pages and DuckDB enums', () => {
    const r = read(files.dictionary);
    expect(r.rows).toBe(5000);
    expect(tableFromIPC(r.ipc!).getChild('name')!.get(2)).toBe('Korçë');
    expect(read(files.enum).rows).toBe(100);
  });

  it('keeps an Arrow dictionary column written by an Arrow writer (pandas categoricals look like this)', () => {
    const names = vectorFromArray(['Tiranë', 'Durrës', 'Tiranë'], new Dictionary(new Utf8(), new Int32()));
    const ipc = tableToIPC(new Table({ name: names }), 'stream');
    const props = new WriterPropertiesBuilder()
      .setCompression(Compression.SNAPPY)
      .setDictionaryEnabled(true)
      .build();
    const r = read(writeParquet(WasmTable.fromIPCStream(ipc), props));
    expect(r.problems).toEqual([]);
    const col = tableFromIPC(r.ipc!).getChild('name')!;
    expect(col.type.typeId).toBe(Type.Dictionary);
    expect(col.toArray()).toEqual(['Tiranë', 'Durrës', 'Tiranë']);
  });

  it('says a file with columns but no rows is empty', () => {
    const r = read(files.empty);
    expect(r.problems.map((p) => p.code)).toEqual(['empty-file']);
    expect(r.columns).toEqual(['a']);
  });

  it('reports a file whose start is missing, and a footer length that cannot be', () => {
    const noHead = read(files.zstd.subarray(100));
    expect(noHead.problems[0]!.code).toBe('corrupt-parquet');
    expect(noHead.problems[0]!.found).toContain('beginning is missing');
    const bad = files.zstd.slice();
    new DataView(bad.buffer).setUint32(bad.length - 8, 0x7fffffff, true);
    const p = read(bad).problems[0]!;
    expect(p.code).toBe('corrupt-parquet');
    expect(p.found).toContain('footer claims 2,147,483,647 bytes');
  });

  it('turns a parquet-wasm panic into a problem and keeps the module usable', () => {
    // A byte of this file's metadata was changed so that arrow-rs panics ("unreachable" trap).
    // If parquet-wasm one day reports it as an ordinary error, the first expectation below says so:
    // then find another crashing file (flip bytes until readParquet throws a RuntimeError).
    const panic = new Uint8Array(readFileSync('test/fixtures/import/panic.parquet'));
    let raw: unknown;
    try {
      mod.readParquet(panic).intoIPCStream();
    } catch (err) {
      raw = err;
    }
    expect(raw).toBeInstanceOf(WebAssembly.RuntimeError);
    const r = read(panic, 'broken.parquet');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      file: 'broken.parquet',
      code: 'corrupt-parquet',
      severity: 'error',
    });
    expect(r.problems[0]!.found).toContain('the reader crashed');
    expect(r.ipc).toBeNull();
    expect(read(files.snappy).rows).toBe(3000);
  });

  it('never throws on files with bytes flipped in the middle, and still reads good files afterwards', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let failed = 0;
    for (const codec of CODECS) {
      const good = files[codec];
      for (let k = 0; k < 60; k++) {
        const b = good.slice();
        const at = 4 + Math.floor(rnd() * (b.length - 8));
        for (let j = 0; j < 1 + (k % 4); j++) b[Math.min(b.length - 5, at + j)]! ^= 0xff;
        const r = read(b, 'flipped.parquet');
        // Either a problem, or (for a flip inside values) a table that decodes.
        if (r.ipc === null) {
          failed++;
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r.problems[0]!.file).toBe('flipped.parquet');
          expect(['corrupt-parquet', 'not-parquet']).toContain(r.problems[0]!.code);
        }
      }
      expect(read(good).rows).toBe(3000);
    }
    expect(failed).toBeGreaterThan(50);
  });
});
