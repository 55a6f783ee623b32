/**
 * `atlas classify` arguments: `--input <file> --column <name> [--method quantile|equal|fisher|stddev|manual]
 * [--classes <n>] [--breaks a,b,c] [--json] [--lang en|sq]`. Mistakes are UsageErrors (exit code 2).
 */
import { statSync } from 'node:fs';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../analysis/classify';
import { parseLang, UsageError } from './args';
import type { Lang } from '../i18n/numbers';

/** A parsed `classify` command. */
export interface ClassifyCommand {
  input: string;
  column: string;
  method: ClassMethod;
  classes: number;
  /** `manual`: the class upper bounds. */
  breaks: number[] | null;
  json: boolean;
  /** The language of the reader's problems, when the file cannot be read. */
  lang: Lang;
}

/** Options and whether each takes a value. */
const OPTIONS: Record<string, boolean> = {
  input: true,
  column: true,
  method: true,
  classes: true,
  breaks: true,
  json: false,
  lang: true,
};

/** The map's defaults (src/map/scale.ts): five quantile classes. */
const DEFAULT_METHOD: ClassMethod = 'quantile';
const DEFAULT_CLASSES = 5;

function parseBreaks(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  return parts.map((p, i) => {
    const x = Number(p);
    if (p === '' || !Number.isFinite(x)) {
      throw new UsageError(`--breaks needs numbers separated by commas; break ${i + 1} is "${p}"`);
    }
    return x;
  });
}

/** Parses the arguments after `classify`; throws UsageError. */
export function parseClassifyArgs(argv: readonly string[]): ClassifyCommand {
  const values: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (use --input <file>)`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(key in OPTIONS)) throw new UsageError(`unknown option "${arg}" for classify`);
    if (key in values) throw new UsageError(`option --${key} given twice`);
    if (!OPTIONS[key]) {
      if (eq >= 0) throw new UsageError(`option --${key} takes no value`);
      values[key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${key} needs a value`);
    values[key] = value;
  }
  const input = values.input;
  if (typeof input !== 'string') throw new UsageError('classify needs --input <file.csv|file.parquet>');
  let isFile = false;
  try {
    isFile = statSync(input).isFile();
  } catch {
    throw new UsageError(`no such file: ${input}`);
  }
  if (!isFile) throw new UsageError(`not a file: ${input}`);
  const column = values.column;
  if (typeof column !== 'string') throw new UsageError('classify needs --column <name>');

  const breaks = typeof values.breaks === 'string' ? parseBreaks(values.breaks) : null;
  const methodText = typeof values.method === 'string' ? values.method : breaks ? 'manual' : DEFAULT_METHOD;
  if (!(CLASS_METHODS as readonly string[]).includes(methodText)) {
    throw new UsageError(`--method must be one of ${CLASS_METHODS.join(', ')}, got "${methodText}"`);
  }
  const method = methodText as ClassMethod;
  if (method === 'manual' && !breaks) throw new UsageError('--method manual needs --breaks a,b,c');
  if (method !== 'manual' && breaks)
    throw new UsageError(`--breaks goes with --method manual, not ${method}`);

  let classes = breaks ? breaks.length + 1 : DEFAULT_CLASSES;
  if (typeof values.classes === 'string') {
    classes = Number(values.classes);
    if (!/^\d+$/.test(values.classes.trim()) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
      throw new UsageError(
        `--classes needs a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}, got "${values.classes}"`,
      );
    }
  }
  if (breaks && (classes < MIN_CLASSES || classes > MAX_CLASSES)) {
    throw new UsageError(
      `${breaks.length} breaks make ${breaks.length + 1} classes; the map draws ${MIN_CLASSES} to ${MAX_CLASSES}`,
    );
  }
  const lang = parseLang(typeof values.lang === 'string' ? values.lang : undefined);
  return { input, column, method, classes, breaks, json: values.json === true, lang };
}
