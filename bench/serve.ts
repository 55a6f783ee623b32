/** Builds the app and serves dist/ with `vite preview` for the browser runs. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** A running preview server. */
export interface Server {
  /** e.g. http://127.0.0.1:4180 */
  url: string;
  /** Stops the server and its child processes; safe to call more than once. */
  stop: () => void;
}

/** Runs `npx vite build`, printing its output; throws if it fails. */
export function build(cwd: string): void {
  const r = spawnSync('npx', ['vite', 'build'], { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // npx starts vite as its own child: the group (led by the process we spawned) goes together.
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts `npx vite preview` on 127.0.0.1:`port` (strict) and resolves once it answers HTTP.
 * Rejects if it exits first or does not answer within `timeoutMs`.
 */
export async function startPreview(cwd: string, port: number, timeoutMs = 30_000): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`something already answers on ${url}; stop it first`);
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const stop = () => killGroup(child);
  process.once('exit', stop);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `vite preview exited (${child.exitCode ?? child.signalCode}) before answering:\n${log}`,
      );
    }
    if (await answers(url)) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${log}`);
}
