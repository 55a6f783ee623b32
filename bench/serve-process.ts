/**
 * `atlas serve` as its own process for the load test (node with tsx's loader, so the process measured is
 * the server itself): started on a loopback port, its startup time read from its first line, its memory from
 * /proc (resident now and at peak), stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A running server process. */
export interface ServeProcess {
  url: string;
  pid: number;
  /** The server's own figure: seconds from its start to listening. */
  startupSeconds: number;
  /** Seconds from spawning the process (TypeScript loading included) to listening. */
  wallSeconds: number;
  stop(): Promise<void>;
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** Starts `atlas serve --data <dir>` on 127.0.0.1:`port` with `extra` options; resolves once it listens. */
export function startServeProcess(
  root: string,
  dir: string,
  port: number,
  extra: string[] = [],
  timeoutMs = 300_000,
): Promise<ServeProcess> {
  const started = performance.now();
  const args = [
    '--import',
    'tsx',
    'src/cli/bin.ts',
    'serve',
    '--data',
    dir,
    '--port',
    String(port),
    ...extra,
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = stopper(child);
  process.once('exit', () => child.kill('SIGTERM'));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`atlas serve did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+) .* after ([\d.]+) s\./.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: m[1]!,
        pid: child.pid!,
        startupSeconds: Number(m[2]),
        wallSeconds: (performance.now() - started) / 1000,
        stop,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`atlas serve exited (${code}) before listening:\n${out}`));
    });
  });
}
