/**
 * A Parquet file into an Arrow IPC stream with parquet-wasm, with damaged files turned into problems.
 * parquet-wasm (arrow-rs) reports most damage as errors, but some corrupt pages make Rust panic, which
 * surfaces as a WebAssembly.RuntimeError ("unreachable"). wasm-bindgen leaves the module usable after
 * such a trap (only the failed call's memory is lost), so catching it is enough; the tests read a good
 * file after a crashing one to keep that true.
 */
import { tableFromIPC } from 'apache-arrow';
import type { ParquetModule } from '../engine/parquet';
import { fmt, problem } from './read-problems';
import { emptyResult, type ReadResult } from './read-types';
import type { Problem } from '../contract/problem-types';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const AGAIN = 'Export or download the file again';

function at(bytes: Uint8Array, i: number): boolean {
  return PAR1.every((b, k) => bytes[i + k] === b);
}

function corrupt(file: string, found: string, fix: string): Problem {
  return problem(file, {
    code: 'corrupt-parquet',
    found,
    expected: 'a complete Parquet file, as written by pyarrow, R arrow, Spark or DuckDB',
    fix,
  });
}

/** Checks the "PAR1" markers and the footer length before handing bytes to the decoder. */
function checkFrame(file: string, bytes: Uint8Array): Problem | null {
  const size = fmt(bytes.length);
  const head = at(bytes, 0);
  const tail = bytes.length >= 8 && at(bytes, bytes.length - 4);
  if (head && !tail) {
    return corrupt(
      file,
      `a Parquet file that ends early (${size} bytes, without the closing "PAR1" marker)`,
      `${AGAIN}: was the download cut off?`,
    );
  }
  if (!head) return corrupt(file, `a Parquet file whose beginning is missing (${size} bytes)`, `${AGAIN}.`);
  const footer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  if (bytes.length < 12 || footer === 0 || footer > bytes.length - 12) {
    return corrupt(
      file,
      `a damaged Parquet file: its footer claims ${fmt(footer)} bytes in a ${size}-byte file`,
      `${AGAIN}: was the download cut off?`,
    );
  }
  return null;
}

/** Plain words for what parquet-wasm said (its own messages are often "Error strings stripped"). */
function explain(err: unknown): { found: string; fix: string } {
  const msg = err instanceof Error ? err.message : String(err);
  if (err instanceof WebAssembly.RuntimeError) {
    return { found: 'a damaged Parquet file: the reader crashed on its contents', fix: `${AGAIN}.` };
  }
  if (/EOF|out of range|index out of bounds/i.test(msg)) {
    return {
      found: 'a damaged Parquet file: its data ends before its own index says',
      fix: `${AGAIN}: was the download cut off?`,
    };
  }
  if (/codec|compression|not supported|unsupported|not yet implemented/i.test(msg)) {
    return {
      found: `a Parquet file this app cannot decode (${msg})`,
      fix: 'Write the file again with snappy or zstd compression and plain column types.',
    };
  }
  return { found: `a damaged Parquet file (${msg})`, fix: `${AGAIN}.` };
}

/** Decodes a Parquet file; never throws for bad bytes. */
export function readParquetFile(file: string, bytes: Uint8Array, mod: ParquetModule): ReadResult {
  const frame = checkFrame(file, bytes);
  if (frame) return emptyResult(null, [frame]);
  let ipc: Uint8Array;
  try {
    ipc = mod.readParquet(bytes).intoIPCStream();
  } catch (err) {
    const { found, fix } = explain(err);
    return emptyResult(null, [corrupt(file, found, fix)]);
  }
  let columns: string[];
  let rows: number;
  try {
    const table = tableFromIPC(ipc);
    columns = table.schema.fields.map((f) => f.name);
    rows = table.numRows;
  } catch (err) {
    // The bytes decoded but Arrow JS cannot read a column type (e.g. string views from newer writers).
    const msg = err instanceof Error ? err.message : String(err);
    return emptyResult(null, [
      corrupt(
        file,
        `a Parquet file with a column type this app cannot read (${msg})`,
        'Write the file again with plain types (strings as "string"/"utf8", numbers as int or double).',
      ),
    ]);
  }
  const problems: Problem[] = [];
  if (rows === 0) {
    problems.push(
      problem(file, {
        code: 'empty-file',
        found: `a Parquet file with columns (${columns.join(', ')}) but no rows`,
        expected: 'at least one row of data',
        fix: 'Export the table again; check the filter or query that produced it.',
      }),
    );
  }
  return { ...emptyResult('parquet', problems), ipc, columns, rows };
}
