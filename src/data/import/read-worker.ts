/**
 * Reads user files in a Web Worker, so decoding a 50 MB Parquet or CSV file never freezes the page. The
 * result's Arrow IPC bytes are transferred back, not copied.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { readInput } from './read';
import type { ReadInput, ReadResult } from './read-types';

const ready = init({ module_or_path: wasmUrl });

self.onmessage = async (event: MessageEvent<{ id: number; file: ReadInput }>) => {
  const { id, file } = event.data;
  await ready;
  let result: ReadResult;
  try {
    result = readInput(file, { readParquet });
  } catch (err) {
    result = {
      format: null,
      ipc: null,
      columns: [],
      rows: 0,
      rowOffset: 0,
      geojson: null,
      problems: [
        {
          file: file.name,
          severity: 'error',
          code: 'unknown-format',
          row: null,
          column: null,
          found: `a file the reader could not handle (${String(err)})`,
          expected: 'a CSV, Parquet or GeoJSON file',
          fix: 'Save the file again in one of these formats; if it still fails, please report it.',
        },
      ],
    };
  }
  const transfer = result.ipc ? [result.ipc.buffer] : [];
  (self as unknown as Worker).postMessage({ id, result }, transfer as Transferable[]);
};
