/**
 * `atlas cases --rows <n> --seed <s> --out <file.parquet> [--json]`, parsed. Mistakes are UsageErrors
 * (exit code 2) that say what was wrong.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './args';

/** A parsed `cases` command. */
export interface CasesArgs {
  rows: number;
  seed: number;
  out: string;
  json: boolean;
}

/** The most records one file may have (the record hashes number them in 32 bits; far above any need). */
export const MAX_ROWS = 1_000_000_000;

/** The seeds: unsigned 32-bit integers. */
export const MAX_SEED = 4294967295;

export const CASES_USAGE = `Usage: npm run atlas -- cases --rows <n> --seed <s> --out <file.parquet> [--json]

Writes n synthetic case records (the data contract's cases columns: year, month, lau_code, age_band, sex,
case_type, referral_source) as one Parquet file, for tests and benchmarks: every municipality, the demo's
years, plausible distributions. The same n and seed give the same bytes.
  --rows <n>   number of records, 1 to ${MAX_ROWS.toLocaleString('en')}
  --seed <s>   a whole number from 0 to ${MAX_SEED}
  --out <f>    the file to write (.parquet; its folder must exist)
  --json       print { rows, seed, out, bytes, seconds } instead of a sentence`;

const OPTIONS: Record<string, boolean> = { rows: true, seed: true, out: true, json: false };

function whole(name: string, text: string, min: number, max: number): number {
  const clean = text.replace(/_/g, '');
  const n = Number(clean);
  if (!/^\d+$/.test(clean) || n < min || n > max) {
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got "${text}"`);
  }
  return n;
}

/** Parses the arguments after `cases`; throws UsageError. */
export function parseCasesArgs(argv: readonly string[]): CasesArgs {
  const values: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(key in OPTIONS)) throw new UsageError(`unknown option "${arg}" for cases`);
    if (key in values) throw new UsageError(`option --${key} given twice`);
    if (!OPTIONS[key]) {
      if (eq >= 0) throw new UsageError(`option --${key} takes no value`);
      values[key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`option --${key} needs a value`);
    }
    values[key] = value;
  }
  for (const required of ['rows', 'seed', 'out']) {
    if (typeof values[required] !== 'string') throw new UsageError(`cases needs --${required}`);
  }
  const out = values.out as string;
  if (!out.toLowerCase().endsWith('.parquet'))
    throw new UsageError(`--out must name a .parquet file, got "${out}"`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out is a folder: ${out}`);
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${dir}`);
  return {
    rows: whole('rows', values.rows as string, 1, MAX_ROWS),
    seed: whole('seed', values.seed as string, 0, MAX_SEED),
    out,
    json: values.json === true,
  };
}
