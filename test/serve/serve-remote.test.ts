/**
 * The explorer's questions asked of `atlas serve` over fetch (src/engine/cases-remote.ts) give what the
 * engine gives over the same records; the server is detected from its info, not from any other host; the
 * server's own errors come through; and the built app, when served too, gets its CSP and nothing outside.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../src/common/csp';
import { startServe, type RunningServer } from '../../src/cli/serve/serve';
import type { CaseQuestions } from '../../src/engine/cases-types';
import type { Connector } from '../../src/engine/connector';
import { detectCasesServer, remoteCaseQuestions } from '../../src/engine/cases-remote';
import { casesDir, referenceEngine } from './fixture';

let dir: string;
let server: RunningServer;
let ref: { conn: Connector; questions: CaseQuestions };

beforeAll(async () => {
  dir = await casesDir(5_000, 11);
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atlas</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'export {};');
  server = await startServe({
    data: dir,
    dist,
    port: 0,
    host: '127.0.0.1',
    k: 5,
    rate: 0,
    threads: 1,
    connections: 1,
  });
  ref = await referenceEngine(dir);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ref?.conn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the explorer over atlas serve', () => {
  it('is detected by its info; another host is not a server', async () => {
    const found = await detectCasesServer(server.url);
    expect(found?.limits.k).toBe(5);
    const html = async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    expect(await detectCasesServer('', html)).toBeNull();
    expect(await detectCasesServer('', async () => new Response('', { status: 404 }))).toBeNull();
    expect(await detectCasesServer('', async () => Promise.reject(new Error('offline')))).toBeNull();
  });

  it('answers as the engine over the same records, perturbed whatever the client asks', async () => {
    const remote = remoteCaseQuestions({ base: server.url });
    const info = (await remote.casesInfo())!;
    const local = (await ref.questions.casesInfo())!;
    expect(info.categories).toEqual(local.categories);
    expect(info.periods).toEqual(local.periods);
    await remote.activateCases('sex', {});
    for (const filters of [
      {},
      { sex: ['F'] },
      { case_type: ['abuse'], period: [info.periods[0], info.periods[0] + 11] as [number, number] },
    ]) {
      const want = await ref.questions.caseFacets(filters, { k: 5, perturb: true });
      expect(await remote.caseFacets(filters, { k: 5, perturb: false })).toEqual(want);
      expect(await remote.caseFacets(filters, { k: 2, perturb: true })).toEqual(want);
    }
  });

  it("passes the server's refusal on", async () => {
    const remote = remoteCaseQuestions({ base: server.url });
    await expect(remote.caseFacets({ sex: [''] }, { k: 5, perturb: true })).rejects.toThrow(/filters\.sex/);
  });

  it('serves the built app with its own policy, and nothing outside it', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/cases.parquet`)).status).toBe(404);
    expect((await fetch(`${server.url}/.atlas-record-salt`)).status).toBe(404);
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });
});
