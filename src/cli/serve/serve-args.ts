/**
 * `atlas serve --data <dir> [--port <p>] [--host <h>] [--token <t>] [--k <n>] [--dist <dir>] [--rate <n>]
 * [--threads <n>]`, parsed. Binding anything but a loopback address without a token is a usage error.
 */
import { existsSync, statSync } from 'node:fs';
import { MIN_SERVED_K } from '../../engine/serve/served-types';
import { UsageError } from '../args';
import { MAX_K } from './facets-request';

/** A parsed `serve` command. */
export interface ServeArgs {
  data: string;
  port: number;
  host: string;
  token?: string;
  k: number;
  dist?: string;
  /** A values Parquet file with the child population (default the demo's). */
  values?: string;
  /** Requests a minute per client (0: no limit). */
  rate: number;
  threads: number;
  /** DuckDB connections answering side by side. */
  connections: number;
}

/** The default port. */
export const DEFAULT_PORT = 8750;
/** The shortest token accepted. */
export const MIN_TOKEN_LENGTH = 16;

export const SERVE_USAGE = `Usage: npm run atlas -- serve --data <dir> [--port <p>] [--host <h>] [--token <t>] [options]

Answers the case explorer's questions (facets and totals, perturbed and suppressed) over HTTP as JSON, from
native DuckDB over the Parquet case files in <dir> (every .parquet file under it, e.g. year=2024/*.parquet).
Never records, never SQL from a client. docs/scale.md says how it is guarded and how it grows.
  --data <dir>     the folder of case files (the contract's cases columns)
  --port <p>       the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <h>       the address to listen on (default 127.0.0.1); any other than loopback needs --token
  --token <t>      every request must send Authorization: Bearer <t> (at least ${MIN_TOKEN_LENGTH} characters;
                   or set ATLAS_SERVE_TOKEN, which keeps it out of the process list)
  --k <n>          the small-count threshold, ${MIN_SERVED_K} to ${MAX_K} (default ${MIN_SERVED_K}); questions may ask for more, never less
  --dist <dir>     also serve the built app (npm run build) on the same origin
  --values <f>     the child population for rates: a values.parquet of atlas import (default the demo's)
  --rate <n>       requests a minute per client address (default 1200; 0: no limit)
  --threads <n>    DuckDB worker threads (default 2)
  --connections <n>  questions answered side by side, each on its own DuckDB connection (default 2)`;

const OPTIONS = [
  'data',
  'port',
  'host',
  'token',
  'k',
  'dist',
  'values',
  'rate',
  'threads',
  'connections',
] as const;
type Option = (typeof OPTIONS)[number];

function whole(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got "${text}"`);
  }
  return n;
}

function folder(name: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new UsageError(`--${name}: no such folder: ${path}`);
  return path;
}

function file(name: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--${name}: no such file: ${path}`);
  return path;
}

/** Whether `host` is a loopback address (a name other than localhost is not trusted to be one). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Parses the arguments after `serve`; throws UsageError. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ServeArgs {
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq < 0 ? undefined : eq) as Option;
    if (!OPTIONS.includes(key)) throw new UsageError(`unknown option "${arg}" for serve`);
    if (key in values) throw new UsageError(`option --${key} given twice`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`option --${key} needs a value`);
    }
    values[key] = value;
  }
  if (values.data === undefined) throw new UsageError('serve needs --data <dir>');
  const host = values.host ?? '127.0.0.1';
  const token = values.token ?? (env.ATLAS_SERVE_TOKEN || undefined);
  if (token !== undefined && (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token))) {
    throw new UsageError(`the token needs at least ${MIN_TOKEN_LENGTH} printable characters, no spaces`);
  }
  if (!isLoopback(host) && token === undefined) {
    throw new UsageError(`--host ${host} is not a loopback address: give --token (or ATLAS_SERVE_TOKEN) too`);
  }
  return {
    data: folder('data', values.data),
    port: values.port === undefined ? DEFAULT_PORT : whole('port', values.port, 0, 65535),
    host,
    ...(token !== undefined ? { token } : {}),
    k: values.k === undefined ? MIN_SERVED_K : whole('k', values.k, MIN_SERVED_K, MAX_K),
    ...(values.dist !== undefined ? { dist: folder('dist', values.dist) } : {}),
    ...(values.values !== undefined ? { values: file('values', values.values) } : {}),
    rate: values.rate === undefined ? 1200 : whole('rate', values.rate, 0, 10_000_000),
    threads: values.threads === undefined ? 2 : whole('threads', values.threads, 1, 256),
    connections: values.connections === undefined ? 2 : whole('connections', values.connections, 1, 64),
  };
}
