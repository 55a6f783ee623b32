/** parquet-wasm's writer, once its module is initialised (by ./parquet-browser.ts or ./node/parquet-node.ts). */
import { Compression, Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import type { ParquetWriter } from './parquet-write';

export const parquetWriter: ParquetWriter = {
  writeParquet(ipc) {
    const props = new WriterPropertiesBuilder()
      .setCompression(Compression.ZSTD)
      .setCreatedBy('Safety Net Atlas')
      .build();
    return writeParquet(Table.fromIPCStream(ipc), props);
  },
};
