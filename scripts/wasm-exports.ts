/**
 * Keeps only the exports of a WebAssembly module that something uses: DuckDB-WASM's main module exports
 * 75,011 symbols (7.4 MB of names, built for dynamic linking of extensions, which the app never loads), and
 * at instantiation Emscripten's dynamic-linking glue walks every export, making a GOT global and a table
 * slot for each function and a GOT global for each data symbol. The exports kept: those its JS glue names,
 * those its own imports name in the GOT (`GOT.mem` / `GOT.func`: the module reaches these through the GOT),
 * and its memory, table and tags.
 * Every other byte of the module is copied as it is.
 */

/** Reads an unsigned LEB128 at `at`; returns the value and the offset after it. */
function uleb(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const b = bytes[p++];
    if (b === undefined) throw new Error(`wasm: truncated LEB128 at ${at}`);
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, p];
  }
}

function writeUleb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return out;
}

const decoder = new TextDecoder();

/** A section of the module: its id and where its payload lies. */
interface Section {
  id: number;
  start: number;
  end: number;
  /** Offset of the section's id byte. */
  head: number;
}

function sections(bytes: Uint8Array): Section[] {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('wasm: not a WebAssembly module');
  const out: Section[] = [];
  let p = 8;
  while (p < bytes.length) {
    const head = p;
    const id = bytes[p++]!;
    const [size, start] = uleb(bytes, p);
    out.push({ id, start, end: start + size, head });
    p = start + size;
  }
  return out;
}

function readName(bytes: Uint8Array, at: number): [string, number] {
  const [len, p] = uleb(bytes, at);
  return [decoder.decode(bytes.subarray(p, p + len)), p + len];
}

/** The names the module imports from `GOT.mem` and `GOT.func`. */
export function gotImports(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const imports = sections(bytes).find((s) => s.id === 2);
  if (!imports) return names;
  let [count, p] = uleb(bytes, imports.start);
  for (; count > 0; count--) {
    let module: string;
    let field: string;
    [module, p] = readName(bytes, p);
    [field, p] = readName(bytes, p);
    const kind = bytes[p++]!;
    if (module === 'GOT.mem' || module === 'GOT.func') names.add(field);
    if (kind === 0) [, p] = uleb(bytes, p);
    else if (kind === 1) {
      p += 1; // reftype
      const flags = bytes[p++]!;
      [, p] = uleb(bytes, p);
      if (flags & 1) [, p] = uleb(bytes, p);
    } else if (kind === 2) {
      const flags = bytes[p++]!;
      [, p] = uleb(bytes, p);
      if (flags & 1) [, p] = uleb(bytes, p);
    } else if (kind === 3) p += 2;
    else if (kind === 4) {
      p += 1;
      [, p] = uleb(bytes, p);
    } else throw new Error(`wasm: unknown import kind ${kind}`);
  }
  return names;
}

/** Export names of the module, in order. */
export function exportNames(bytes: Uint8Array): string[] {
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) return [];
  const names: string[] = [];
  let [count, p] = uleb(bytes, section.start);
  for (; count > 0; count--) {
    let name: string;
    [name, p] = readName(bytes, p);
    p += 1;
    [, p] = uleb(bytes, p);
    names.push(name);
  }
  return names;
}

/**
 * The module with only the function and global exports `keep` accepts (plus those its GOT imports need, and
 * every memory, table and tag).
 */
export function keepExports(bytes: Uint8Array, keep: (name: string) => boolean): Uint8Array<ArrayBuffer> {
  const all = sections(bytes);
  const section = all.find((s) => s.id === 7);
  if (!section) return new Uint8Array(bytes);
  const got = gotImports(bytes);
  const kept: number[] = [];
  let n = 0;
  let [count, p] = uleb(bytes, section.start);
  for (; count > 0; count--) {
    const from = p;
    let name: string;
    [name, p] = readName(bytes, p);
    const kind = bytes[p++]!;
    [, p] = uleb(bytes, p);
    if ((kind !== 0 && kind !== 3) || got.has(name) || keep(name)) {
      for (let i = from; i < p; i++) kept.push(bytes[i]!);
      n += 1;
    }
  }
  if (p !== section.end) throw new Error('wasm: the export section did not end where its size says');
  const payload = [...writeUleb(n), ...kept];
  const head = [7, ...writeUleb(payload.length)];
  const out = new Uint8Array(section.head + head.length + payload.length + (bytes.length - section.end));
  out.set(bytes.subarray(0, section.head), 0);
  out.set(head, section.head);
  out.set(payload, section.head + head.length);
  out.set(bytes.subarray(section.end), section.head + head.length + payload.length);
  return out;
}

/**
 * The export names a script of Emscripten's glue can reach: `wasmExports.x`, `wasmExports["x"]`, the
 * `_x` wrappers it defines (`Module._x`, `var _x`), and names it passes as strings ("x", to `ccall`).
 */
export function glueExportNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/(?<![\w$.])_([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/(?<![\w$])Module\._([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/["'`]([A-Za-z_$][\w$]*)["'`]/g)) names.add(m[1]!);
  return names;
}

/** DuckDB-WASM's module with only the exports its worker script can reach (see {@link glueExportNames}). */
export function trimDuckdbExports(wasm: Uint8Array, glue: string): Uint8Array<ArrayBuffer> {
  const names = glueExportNames(glue);
  return keepExports(wasm, (name) => names.has(name));
}
