/** The native DuckDB connector, moved to src/engine/node/duckdb-native.ts; kept here for the tests' imports. */
export { createNativeConnector } from '../../src/engine/node/duckdb-native';
