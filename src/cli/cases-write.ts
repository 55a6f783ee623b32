/**
 * A Parquet file written progressively: Arrow IPC chunks (one engine query each) go through parquet-wasm's
 * streaming writer (transformParquetStream) to the file, so memory holds about one row group, never the
 * whole table. The same chunks give the same bytes: zstd, fixed row group size, fixed created_by.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  transformParquetStream,
  type RecordBatch,
} from 'parquet-wasm/esm';
import { loadParquetModuleNode } from '../engine/node/parquet-node';

/** Rows per row group: arrow-rs's default, set so that it cannot change under us. */
export const ROW_GROUP_ROWS = 1_048_576;

/**
 * Writes the chunks `next()` returns (Arrow IPC streams, all of one schema; null when there are no more) as
 * one Parquet file at `path`.
 */
export async function writeParquetChunks(path: string, next: () => Uint8Array | null): Promise<void> {
  loadParquetModuleNode();
  const batches = new ReadableStream<RecordBatch>(
    {
      pull(controller) {
        const ipc = next();
        if (ipc === null) {
          controller.close();
          return;
        }
        const table = WasmTable.fromIPCStream(ipc);
        for (const batch of table.recordBatches()) controller.enqueue(batch);
        table.free();
      },
    },
    { highWaterMark: 0 },
  );
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(ROW_GROUP_ROWS)
    .setCreatedBy('Safety Net Atlas')
    .build();
  const bytes = (await transformParquetStream(batches, props)) as WebReadableStream<Uint8Array>;
  await pipeline(Readable.fromWeb(bytes), createWriteStream(path));
}
