import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportNames,
  glueExportNames,
  gotImports,
  keepExports,
  trimDuckdbExports,
} from '../scripts/wasm-exports';

/** A module exporting three functions (`a`, `b`, `c`: each returns its number), a memory and a global. */
function tinyModule(): Uint8Array<ArrayBuffer> {
  const name = (s: string) => [s.length, ...new TextEncoder().encode(s)];
  const section = (id: number, body: number[]) => [id, body.length, ...body];
  const type = section(1, [1, 0x60, 0, 1, 0x7f]); // () -> i32
  const funcs = section(3, [3, 0, 0, 0]);
  const memory = section(5, [1, 0, 1]);
  const global = section(6, [1, 0x7f, 0, 0x41, 7, 0x0b]); // const i32 7
  const exports = section(7, [
    6,
    ...name('a'),
    0,
    0,
    ...name('b'),
    0,
    1,
    ...name('c'),
    0,
    2,
    ...name('memory'),
    2,
    0,
    ...name('g_used'),
    3,
    0,
    ...name('g_unused'),
    3,
    0,
  ]);
  const body = (n: number) => [4, 0, 0x41, n, 0x0b];
  const code = section(10, [3, ...body(1), ...body(2), ...body(3)]);
  return new Uint8Array([
    0,
    0x61,
    0x73,
    0x6d,
    1,
    0,
    0,
    0,
    ...type,
    ...funcs,
    ...memory,
    ...global,
    ...exports,
    ...code,
  ]);
}

describe('keepExports', () => {
  it('keeps the exports asked for and the memory, and the module still runs', async () => {
    const trimmed = keepExports(tinyModule(), (n) => n === 'b' || n === 'g_used');
    expect(exportNames(tinyModule())).toEqual(['a', 'b', 'c', 'memory', 'g_used', 'g_unused']);
    expect(exportNames(trimmed)).toEqual(['b', 'memory', 'g_used']);
    const { instance } = await WebAssembly.instantiate(trimmed);
    expect((instance.exports.b as () => number)()).toBe(2);
    expect(instance.exports.a).toBeUndefined();
  });

  it('refuses what is not WebAssembly', () => {
    expect(() => keepExports(new TextEncoder().encode('not wasm at all'), () => true)).toThrow(
      /not a WebAssembly/,
    );
  });
});

describe('trimDuckdbExports on DuckDB-WASM’s eh build', () => {
  const dist = join(dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm')), '.');
  const wasm = new Uint8Array(readFileSync(join(dist, 'duckdb-eh.wasm')));
  const glue = readFileSync(join(dist, 'duckdb-browser-eh.worker.js'), 'utf8');
  const trimmed = trimDuckdbExports(wasm, glue);
  const kept = new Set(exportNames(trimmed));

  it('keeps every export the worker script reaches and every one the GOT needs', () => {
    const all = new Set(exportNames(wasm));
    const reached = [...glue.matchAll(/wasmExports\.(\w+)/g)].map((m) => m[1]!);
    expect(reached.length).toBeGreaterThan(40);
    for (const name of reached) expect(kept.has(name), name).toBe(true);
    for (const name of gotImports(wasm)) if (all.has(name)) expect(kept.has(name), name).toBe(true);
    for (const name of ['duckdb_web_query_run', 'duckdb_web_connect', 'malloc', 'free'])
      expect(kept.has(name), name).toBe(true);
    expect(glueExportNames(glue).has('duckdb_web_prepared_send')).toBe(true);
  });

  it('drops the rest (75,011 exports to about a hundred) and still compiles', async () => {
    expect(exportNames(wasm).length).toBeGreaterThan(70_000);
    expect(kept.size).toBeLessThan(500);
    expect(trimmed.length).toBeLessThan(wasm.length - 6_000_000);
    await expect(WebAssembly.compile(trimmed)).resolves.toBeInstanceOf(WebAssembly.Module);
  }, 60_000);
});
