/**
 * A Parquet file into an Arrow IPC stream with parquet-wasm, with damaged files turned into problems.
 * parquet-wasm (arrow-rs) reports most damage as errors, but some corrupt pages make Rust panic, which
 * surfaces as a WebAssembly.RuntimeError ("unreachable"). wasm-bindgen leaves the module usable after
 * such a trap (only the failed call's memory is lost), so catching it is enough; the tests read a good
 * file after a crashing one to keep that true.
 */
import { tableFromIPC } from 'apache-arrow';
import type { ParquetModule } from '../engine/parquet';
import { problem } from './read-problems';
import { emptyResult, type ReadResult } from './read-types';
import { msg, type MsgKey } from '../contract/problem-text';
import type { Msg, Problem } from '../contract/problem-types';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const AGAIN = msg('problems.corrupt-parquet.fix.again');
const CUT_OFF = msg('problems.corrupt-parquet.fix.cutOff');

function at(bytes: Uint8Array, i: number): boolean {
  return PAR1.every((b, k) => bytes[i + k] === b);
}

function corrupt(file: string, found: Msg, fix: Msg): Problem {
  return problem(file, {
    code: 'corrupt-parquet',
    found,
    expected: msg('problems.corrupt-parquet.expected'),
    fix,
  });
}

const damaged = (
  k: 'endsEarly' | 'noStart' | 'footer' | 'crashed' | 'short' | 'codec' | 'damaged' | 'arrowType',
) => `problems.corrupt-parquet.found.${k}` satisfies MsgKey;

/** Checks the "PAR1" markers and the footer length before handing bytes to the decoder. */
function checkFrame(file: string, bytes: Uint8Array): Problem | null {
  const size = bytes.length;
  const head = at(bytes, 0);
  const tail = bytes.length >= 8 && at(bytes, bytes.length - 4);
  if (head && !tail) {
    return corrupt(file, msg(damaged('endsEarly'), { size }), CUT_OFF);
  }
  if (!head) return corrupt(file, msg(damaged('noStart'), { size }), AGAIN);
  const footer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  if (bytes.length < 12 || footer === 0 || footer > bytes.length - 12) {
    return corrupt(file, msg(damaged('footer'), { footer, size }), CUT_OFF);
  }
  return null;
}

/** Plain words for what parquet-wasm said (its own messages are often "Error strings stripped"). */
function explain(err: unknown): { found: Msg; fix: Msg } {
  const error = err instanceof Error ? err.message : String(err);
  if (err instanceof WebAssembly.RuntimeError) return { found: msg(damaged('crashed')), fix: AGAIN };
  if (/EOF|out of range|index out of bounds/i.test(error))
    return { found: msg(damaged('short')), fix: CUT_OFF };
  if (/codec|compression|not supported|unsupported|not yet implemented/i.test(error)) {
    return { found: msg(damaged('codec'), { error }), fix: msg('problems.corrupt-parquet.fix.codec') };
  }
  return { found: msg(damaged('damaged'), { error }), fix: AGAIN };
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
    const error = err instanceof Error ? err.message : String(err);
    return emptyResult(null, [
      corrupt(file, msg(damaged('arrowType'), { error }), msg('problems.corrupt-parquet.fix.arrowType')),
    ]);
  }
  const problems: Problem[] = [];
  if (rows === 0) {
    problems.push(
      problem(file, {
        code: 'empty-file',
        found: msg('problems.empty-file.parquet.found', { columns: columns.join(', ') }),
        expected: msg('problems.empty-file.parquet.expected'),
        fix: msg('problems.empty-file.parquet.fix'),
      }),
    );
  }
  return { ...emptyResult('parquet', problems), ipc, columns, rows };
}
