/**
 * `atlas classify --input <csv|parquet> --column <name> --method quantile|equal|fisher|stddev|manual
 * --classes <n> [--breaks a,b,c] [--json]`: the class breaks of one column, computed by the function the
 * map uses (src/analysis/classify.ts classBreaks), printed as the upper bound of each class, one per line,
 * the last being the maximum (mapclassify's `bins`), or as JSON.
 *
 * The map classifies with lower-closed thresholds; for `quantile` a threshold is the quantile itself (a
 * value equal to it goes up), for the other methods it is the next double above the printed upper bound
 * (see classify-bounds.ts), so every printed number is exactly the limit the map draws. No engine starts.
 *
 * Exit codes: 0 ok (warnings allowed), 1 data error (unreadable file, missing column, no numbers, fewer
 * distinct values than classes), 2 usage error.
 */
import {
  ClassificationError,
  classBreaks,
  classSummary,
  extent,
  upperBoundsFromThresholds,
} from '../analysis/classify';
import { UsageError } from './args';
import { parseClassifyArgs, type ClassifyCommand } from './classify-args';
import { ColumnError, readNumericColumn } from './column';
import type { Io } from './io';

/** What `--json` prints. */
export interface ClassifyResult {
  method: ClassifyCommand['method'];
  /** Classes asked for. */
  classes: number;
  /** Upper bound of each class, the last being the maximum (mapclassify `bins`). */
  breaks: number[];
  /** The map's lower-closed thresholds (class i holds thresholds[i-1] <= v < thresholds[i]). */
  thresholds: number[];
  /** Values per class. */
  counts: number[];
  /** Numbers classified. */
  n: number;
  min: number;
  max: number;
  /** Cells skipped: empty, and not numbers. */
  skipped: { empty: number; nonNumeric: number };
}

/** Breaks of numbers; throws ColumnError when the data cannot fill the classes. */
export function classifyValues(
  values: readonly number[],
  cmd: Pick<ClassifyCommand, 'method' | 'classes' | 'breaks'>,
): Omit<ClassifyResult, 'skipped'> {
  const range = extent(values);
  if (!range) throw new ColumnError('no numbers to classify');
  const distinct = new Set(values).size;
  if (cmd.method !== 'manual' && distinct < cmd.classes) {
    throw new ColumnError(
      `${distinct} distinct value${distinct === 1 ? '' : 's'}, fewer than the ${cmd.classes} classes asked for; ask for at most ${distinct} classes (at least 3)`,
    );
  }
  const thresholds = classBreaks(values, cmd.method, cmd.classes, { manual: cmd.breaks ?? undefined });
  // Quantile thresholds are the quantiles themselves; the other methods' are next above an upper bound.
  const inner = cmd.method === 'quantile' ? thresholds : upperBoundsFromThresholds(thresholds);
  const [min, max] = range;
  // A stddev or manual bound can lie above the maximum: then it is the last upper bound itself.
  const last = inner[inner.length - 1];
  const breaks = cmd.method !== 'quantile' && last !== undefined && last >= max ? inner : [...inner, max];
  return {
    method: cmd.method,
    classes: cmd.classes,
    breaks,
    thresholds,
    counts: classSummary(values, thresholds).map((c) => c.count),
    n: values.length,
    min,
    max,
  };
}

/** Runs `classify` with the arguments after the command name; returns the exit code. */
export function classifyCommand(argv: readonly string[], io: Io): number {
  let cmd: ClassifyCommand;
  try {
    cmd = parseClassifyArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`atlas: ${err.message}\nRun "npm run atlas -- help" for usage.`);
    return 2;
  }
  try {
    const col = readNumericColumn(cmd.input, cmd.column, cmd.lang);
    if (col.nonNumeric > 0) {
      io.err(
        `atlas: warning: ${cmd.input}: ${col.nonNumeric} value${col.nonNumeric === 1 ? '' : 's'} of "${cmd.column}" not a number, skipped (${col.examples.join(', ')})`,
      );
    }
    const result: ClassifyResult = {
      ...classifyValues(col.values, cmd),
      skipped: { empty: col.empty, nonNumeric: col.nonNumeric },
    };
    io.out(cmd.json ? JSON.stringify(result, null, 2) : result.breaks.map(String).join('\n'));
    return 0;
  } catch (err) {
    if (err instanceof ColumnError) {
      io.err(`atlas: ${cmd.input}: ${err.message}`);
      return 1;
    }
    if (err instanceof ClassificationError) {
      // Malformed manual breaks: the command line asked for something impossible.
      io.err(`atlas: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
