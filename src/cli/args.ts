/**
 * The command line, parsed: `validate <file>... [--json] [--k <n>] [--sheet <name|number>] [--mapping <m.json>]`,
 * `import <file>... --out <dir>` with the same options, `help`. Anything else is a usage error (exit code 2) that says what was wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_K } from '../analysis/suppression';
import { parseMapping, type ColumnMapping } from '../contract/mapping';

/** A mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** How to read the files: a workbook's sheet, and a column mapping (see src/contract/mapping.ts). */
export interface ReadOptions {
  sheet?: string | number;
  mapping?: ColumnMapping;
}

/** What the user asked for. */
export type Command =
  | { name: 'help' }
  | { name: 'validate'; files: string[]; json: boolean; k: number; read: ReadOptions }
  | { name: 'import'; files: string[]; json: boolean; k: number; out: string; read: ReadOptions };

/** Options each command takes; `true` = takes a value. */
const OPTIONS: Record<'validate' | 'import', Record<string, boolean>> = {
  validate: { json: false, k: true, sheet: true, mapping: true },
  import: { json: false, k: true, out: true, sheet: true, mapping: true },
};

/** `--sheet 2` is the second sheet, `--sheet Braktisja` the sheet of that name. */
function parseSheet(text: string): string | number {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : text;
}

/** Reads and checks a `--mapping` JSON file, naming what is wrong in it. */
function readMapping(path: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(
      `--mapping ${path}: not a JSON file (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const r = parseMapping(json);
  if ('errors' in r) throw new UsageError(`--mapping ${path}: ${r.errors.join('; ')}`);
  return r.mapping;
}

function readOptions(values: Record<string, string | true>): ReadOptions {
  const read: ReadOptions = {};
  if (typeof values.mapping === 'string') {
    if (!existsSync(values.mapping)) throw new UsageError(`no such mapping file: ${values.mapping}`);
    read.mapping = readMapping(values.mapping);
  }
  if (typeof values.sheet === 'string') read.sheet = parseSheet(values.sheet);
  else if (read.mapping?.sheet !== undefined) read.sheet = read.mapping.sheet;
  return read;
}

function parseK(text: string | undefined): number {
  const k = Number(text);
  if (text === undefined || !/^\d+$/.test(text.trim()) || k < 1 || k > 1_000_000) {
    throw new UsageError(`--k needs a whole number of at least 1 (the small-count threshold), got "${text}"`);
  }
  return k;
}

/** Checks that every input exists and is a file, naming the first that is not. */
function checkFiles(files: string[]): void {
  for (const f of files) {
    let isFile = false;
    try {
      isFile = statSync(f).isFile();
    } catch {
      throw new UsageError(`no such file: ${f}`);
    }
    if (!isFile) throw new UsageError(`not a file: ${f}`);
  }
}

/** Parses `argv` (without node and the script); throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (name !== 'validate' && name !== 'import') throw new UsageError(`unknown command "${name}"`);
  const allowed = OPTIONS[name];
  const files: string[] = [];
  const values: Record<string, string | true> = {};
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyFiles || !arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(key in allowed)) throw new UsageError(`unknown option "${arg}" for ${name}`);
    if (key in values) throw new UsageError(`option --${key} given twice`);
    if (!allowed[key]) {
      if (eq >= 0) throw new UsageError(`option --${key} takes no value`);
      values[key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${key} needs a value`);
    values[key] = value;
  }
  if (files.length === 0) throw new UsageError(`${name} needs at least one file`);
  checkFiles(files);
  const k = values.k === undefined ? DEFAULT_K : parseK(String(values.k));
  const json = values.json === true;
  const read = readOptions(values);
  if (name === 'validate') return { name, files, json, k, read };
  if (typeof values.out !== 'string') throw new UsageError('import needs --out <dir>');
  if (existsSync(values.out) && !statSync(values.out).isDirectory()) {
    throw new UsageError(`--out must be a folder, but ${values.out} is a file`);
  }
  return { name, files, json, k, out: values.out, read };
}
