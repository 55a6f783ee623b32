/**
 * `npm run atlas -- hotspots`: hot spots of one value column per municipality, on the same `runHotspots` the
 * app's worker runs, so the same file, options and seed give the app's numbers exactly.
 *
 * Input: a CSV or Parquet file (read by the app's own reader) with `lau_code` and the value column; the
 * municipality polygons are the app's boundaries (public/data/municipalities.geojson). Rows without a value
 * are left out (and reported on stderr); contiguity is built among the municipalities that remain.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { runHotspots, type HotspotMethod, type HotspotResult } from '../analysis/spatial/run';
import type { Correction } from '../analysis/spatial/multiple-testing';
import type { PolygonFeature } from '../analysis/spatial/contiguity';
import { parseNumberLoose } from '../import/csv-numbers';
import { readInput } from '../import/read';
import { loadParquetModuleNode } from '../engine/node/parquet-node';
import type { Lang } from '../i18n/numbers';
import type { Io } from './io';
import { problemLine } from './report';
import { PUBLIC_DATA } from './session';

/** The hotspots command's options. */
export interface HotspotsOptions {
  input: string;
  column: string;
  method: HotspotMethod;
  weights: 'queen' | 'rook';
  transform?: 'r' | 'b';
  permutations: number;
  seed: number;
  correction: Correction;
  format: 'csv' | 'json';
  /** The language of the reader's problems, when the file cannot be read. */
  lang: Lang;
}

/** Usage of the hotspots command. */
export const HOTSPOTS_USAGE = `Usage:
  npm run atlas -- hotspots --input <csv|parquet> --column <name> [--method gistar|moran]
      [--weights queen|rook] [--transform r|b] [--permutations <n>] [--seed <s>]
      [--correction none|bonferroni|fdr] [--format csv|json] [--lang en|sq]

Prints per municipality: lau_code, statistic (Gi* z or local Moran I_i), z (analytical), p (pseudo p-value of
the conditional permutations; analytical when --permutations 0), p_adjusted and class (hot99..cold99 or
HH/LH/LL/HL/ns). Defaults: gistar, queen, 999 permutations, seed 12345, no correction, csv.`;

const CHOICES: Record<string, readonly string[]> = {
  method: ['gistar', 'moran'],
  weights: ['queen', 'rook'],
  transform: ['r', 'b'],
  correction: ['none', 'bonferroni', 'fdr'],
  format: ['csv', 'json'],
  lang: ['en', 'sq'],
};

/** A mistake on the hotspots command line. */
export class HotspotsUsageError extends Error {}

function wholeNumber(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) {
    throw new HotspotsUsageError(`--${name} needs a whole number from 0 to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** Parses the options after `hotspots`; throws HotspotsUsageError. */
export function parseHotspotsArgs(argv: readonly string[]): HotspotsOptions {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new HotspotsUsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (!['input', 'column', 'permutations', 'seed', ...Object.keys(CHOICES)].includes(key)) {
      throw new HotspotsUsageError(`unknown option "--${key}"`);
    }
    if (value === undefined) throw new HotspotsUsageError(`--${key} needs a value`);
    if (key in values) throw new HotspotsUsageError(`option --${key} given twice`);
    const choices = CHOICES[key];
    if (choices && !choices.includes(value)) {
      throw new HotspotsUsageError(`--${key} must be one of ${choices.join(', ')}, got "${value}"`);
    }
    values[key] = value;
  }
  if (!values['input']) throw new HotspotsUsageError('--input <file> is required');
  if (!values['column']) throw new HotspotsUsageError('--column <name> is required');
  return {
    input: values['input'],
    column: values['column'],
    method: (values['method'] ?? 'gistar') as HotspotMethod,
    weights: (values['weights'] ?? 'queen') as 'queen' | 'rook',
    transform: values['transform'] as 'r' | 'b' | undefined,
    permutations: wholeNumber('permutations', values['permutations'] ?? '999', 99_999),
    seed: wholeNumber('seed', values['seed'] ?? '12345', 4_294_967_295),
    correction: (values['correction'] ?? 'none') as Correction,
    format: (values['format'] ?? 'csv') as 'csv' | 'json',
    lang: (values['lang'] ?? 'en') as Lang,
  };
}

/** Reads lau_code and the value column; rows without a number are skipped and counted. */
export function readValues(
  name: string,
  bytes: Uint8Array,
  column: string,
  lang: Lang = 'en',
): { ids: string[]; values: number[]; skipped: number } {
  const read = readInput({ name, bytes }, loadParquetModuleNode());
  const fatal = read.problems.find((p) => p.severity === 'error');
  if (fatal) {
    const line = problemLine(fatal, lang);
    throw new Error(`${line.found}; ${line.fix}`);
  }
  if (!read.ipc) throw new Error('not a table');
  const table = tableFromIPC(read.ipc);
  const codes = table.getChild('lau_code');
  const col = table.getChild(column);
  if (!codes) throw new Error(`${name} has no lau_code column (columns: ${read.columns.join(', ')})`);
  if (!col) throw new Error(`${name} has no column "${column}" (columns: ${read.columns.join(', ')})`);
  const decimalComma = read.detected?.decimalComma ?? false;
  const ids: string[] = [];
  const values: number[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (let i = 0; i < table.numRows; i++) {
    const code: unknown = codes.get(i);
    const raw: unknown = col.get(i);
    const value =
      typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberLoose(raw, decimalComma) : null;
    const id = typeof code === 'string' ? code.trim() : null;
    if (id === null || value === null || !Number.isFinite(value)) {
      skipped++;
      continue;
    }
    if (seen.has(id)) throw new Error(`${name}: lau_code ${id} appears twice`);
    seen.add(id);
    ids.push(id);
    values.push(value);
  }
  return { ids, values, skipped };
}

/** The app's municipality polygons. */
export function municipalityPolygons(): PolygonFeature[] {
  const geo = JSON.parse(readFileSync(`${PUBLIC_DATA}municipalities.geojson`, 'utf8')) as {
    features: PolygonFeature[];
  };
  return geo.features;
}

/** One output row per municipality. */
export function resultRows(r: HotspotResult) {
  return r.ids.map((id, i) => ({
    lau_code: id,
    statistic: r.statistic[i]!,
    z: r.z[i]!,
    p: r.p[i]!,
    p_adjusted: r.pAdjusted[i]!,
    class: r.classes[i]!,
  }));
}

/** Formats the result as CSV (full precision, so reruns compare exactly) or JSON. */
export function formatHotspots(r: HotspotResult, format: 'csv' | 'json'): string {
  const rows = resultRows(r);
  if (format === 'json') {
    const { method, weights, transform, permutations, seed, correction, global, islands, neighbours } = r;
    return JSON.stringify(
      { method, weights, transform, permutations, seed, correction, global, islands, neighbours, rows },
      null,
      2,
    );
  }
  const lines = rows.map((o) => [o.lau_code, o.statistic, o.z, o.p, o.p_adjusted, o.class].join(','));
  return ['lau_code,statistic,z,p,p_adjusted,class', ...lines].join('\n');
}

/** Runs `hotspots` with its arguments; returns the exit code (2 usage, 1 data problem, 0 done). */
export function hotspotsCommand(argv: readonly string[], io: Io): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(HOTSPOTS_USAGE);
    return 0;
  }
  let opts: HotspotsOptions;
  try {
    opts = parseHotspotsArgs(argv);
  } catch (err) {
    if (!(err instanceof HotspotsUsageError)) throw err;
    io.err(`atlas hotspots: ${err.message}\n${HOTSPOTS_USAGE}`);
    return 2;
  }
  try {
    const { ids, values, skipped } = readValues(
      basename(opts.input),
      new Uint8Array(readFileSync(opts.input)),
      opts.column,
      opts.lang,
    );
    if (skipped > 0) io.err(`atlas hotspots: ${skipped} row(s) without a lau_code or a number left out`);
    const result = runHotspots({
      ids,
      values,
      method: opts.method,
      weights: opts.weights,
      transform: opts.transform,
      permutations: opts.permutations,
      seed: opts.seed,
      correction: opts.correction,
      polygons: municipalityPolygons(),
    });
    if (result.islands.length > 0)
      io.err(`atlas hotspots: units without neighbours: ${result.islands.join(', ')}`);
    if (opts.correction !== 'none' && result.minAdjustedP > 0.05) {
      io.err(
        `atlas hotspots: with ${opts.permutations} permutations and ${opts.correction} over ${ids.length} units the smallest adjusted p is ${result.minAdjustedP.toFixed(3)}: nothing can be significant at 95 % or 99 % confidence`,
      );
    }
    io.out(formatHotspots(result, opts.format));
    return 0;
  } catch (err) {
    io.err(`atlas hotspots: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
