/**
 * Large Parquet files read a part at a time: decoding a file of 10 million records at once holds it as one
 * Arrow table of about 600 MB in parquet-wasm's memory, again as IPC bytes in the worker, and again in the
 * engine, which does not fit a tab. A file of more than {@link PART_ROWS} rows is planned into parts of
 * whole row groups (about PART_ROWS rows each); the first part is read like a whole file (with the same
 * problems for damaged bytes), and the engine takes the others one by one (src/contract/stage-parts.ts).
 */
import type { ParquetFile } from 'parquet-wasm/esm';

/** Rows of a part, about: one row group of the Atlas's own writer and DuckDB's default. */
export const PART_ROWS = 1_048_576;

/** The row groups of each part, and the rows of each part. */
export interface PartPlan {
  groups: number[][];
  rows: number[];
}

/** Groups consecutive row groups into parts of at most `limit` rows (a larger row group is a part alone). */
export function planParts(groupRows: readonly number[], limit = PART_ROWS): PartPlan {
  const plan: PartPlan = { groups: [], rows: [] };
  groupRows.forEach((n, i) => {
    const last = plan.rows.length - 1;
    if (last >= 0 && plan.rows[last]! + n <= limit) {
      plan.groups[last]!.push(i);
      plan.rows[last]! += n;
    } else {
      plan.groups.push([i]);
      plan.rows.push(n);
    }
  });
  return plan;
}

/**
 * The plan of a Parquet file from its footer (nothing decoded), or null when it is small enough to read
 * whole, or when the footer cannot be read (the whole-file reader then names the damage).
 */
export async function partPlanOf(
  bytes: Uint8Array,
  open: (blob: Blob) => Promise<ParquetFile>,
): Promise<PartPlan | null> {
  let file: ParquetFile | undefined;
  try {
    file = await open(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const meta = file.metadata();
    const groups = meta.rowGroups().map((g) => g.numRows());
    meta.free();
    const total = groups.reduce((s, n) => s + n, 0);
    return total > PART_ROWS ? planParts(groups) : null;
  } catch {
    return null;
  } finally {
    file?.free();
  }
}
