import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything is served from the app's own origin: WASM bundles and workers are emitted as assets.
export default defineConfig({
  plugins: [react()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  worker: { format: 'es' },
});
