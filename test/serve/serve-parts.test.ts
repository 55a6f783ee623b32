/**
 * The pieces of `atlas serve` on their own: the question's strict check, the rate limiter and the gate, the
 * command line (no other host than loopback without a token), the bearer check, and the static files that
 * never leave dist/.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { hasToken } from '../../src/cli/serve/auth';
import { parseFacetsRequest, requestKey, RequestError } from '../../src/cli/serve/facets-request';
import { BusyError, gate, rateLimiter } from '../../src/cli/serve/limits';
import { parseServeArgs } from '../../src/cli/serve/serve-args';
import { staticFile } from '../../src/cli/serve/static-files';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-serve-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the question', () => {
  it('is normalised: values sorted and unique, empty filters dropped, k defaulting to the minimum', () => {
    const r = parseFacetsRequest(
      { filters: { sex: ['M', 'F', 'M'], age_band: [], period: [24200, 24210] } },
      5,
    );
    expect(r).toEqual({ filters: { sex: ['F', 'M'], period: [24200, 24210] }, k: 5 });
    const same = parseFacetsRequest({ filters: { period: [24200, 24210], sex: ['F', 'M'] }, k: 5 }, 5);
    expect(requestKey(same)).toBe(requestKey(r));
  });

  it.each([
    [null, /JSON object/],
    [{ filters: [] }, /filters must be an object/],
    [{ filters: { lau_code: 'AL111' } }, /array of strings/],
    [{ filters: { lau_code: [''] } }, /1 to 64/],
    [{ filters: { period: [24200.5, 24300] } }, /period/],
    [{ filters: { period: ['24200', 24300] } }, /period/],
    [{ k: 101 }, /to 100/],
    [{ k: '5' }, /k must be/],
    [{ filters: {}, perturb: false }, /unknown field "perturb"/],
  ])('%j is refused', (body, message) => {
    expect(() => parseFacetsRequest(body, 5)).toThrow(RequestError);
    expect(() => parseFacetsRequest(body, 5)).toThrow(message);
  });
});

describe('the limits', () => {
  it('a client gets its burst, then waits; another client has its own bucket', () => {
    const limit = rateLimiter(60, 2);
    expect([limit.take('a', 0), limit.take('a', 0), limit.take('a', 0)]).toEqual([0, 0, 1]);
    expect(limit.take('b', 0)).toBe(0);
    expect(limit.take('a', 1000)).toBe(0);
  });

  it('the gate runs a few at once, queues a few more and refuses the rest', async () => {
    const g = gate(1, 1);
    let release!: () => void;
    const first = g.run(() => new Promise<void>((r) => (release = r)));
    const second = g.run(async () => 'second');
    await expect(g.run(async () => 'third')).rejects.toBeInstanceOf(BusyError);
    expect(g.load).toEqual({ running: 1, waiting: 1 });
    release();
    await first;
    expect(await second).toBe('second');
  });
});

describe('the command line', () => {
  const data = join(tmp, 'data');
  mkdirSync(data, { recursive: true });

  it('listens on loopback by default and refuses another host without a token', () => {
    expect(parseServeArgs(['--data', data])).toMatchObject({ host: '127.0.0.1', port: 8750, k: 5 });
    expect(() => parseServeArgs(['--data', data, '--host', '0.0.0.0'])).toThrow(/needs|--token/);
    expect(() => parseServeArgs(['--data', data, '--host', '0.0.0.0', '--token', 'short'])).toThrow(/16/);
    const token = 'x'.repeat(16);
    expect(parseServeArgs(['--data', data, '--host', '0.0.0.0', '--token', token])).toMatchObject({ token });
    expect(parseServeArgs(['--data', data, '--host', '0.0.0.0'], { ATLAS_SERVE_TOKEN: token })).toMatchObject(
      { token },
    );
  });

  it('says what is wrong', () => {
    expect(() => parseServeArgs([])).toThrow(UsageError);
    expect(() => parseServeArgs(['--data', join(tmp, 'none')])).toThrow(/no such folder/);
    expect(() => parseServeArgs(['--data', data, '--k', '3'])).toThrow(/--k needs a whole number from 5/);
    expect(() => parseServeArgs(['--data', data, '--sql', 'x'])).toThrow(/unknown option/);
  });
});

describe('the bearer token', () => {
  it('only the exact token passes', () => {
    const token = 'the-right-token-123';
    expect(hasToken({ authorization: `Bearer ${token}` }, token)).toBe(true);
    for (const auth of [
      undefined,
      '',
      'Bearer',
      `Bearer  ${token}`,
      `bearer${token}`,
      `Bearer ${token.slice(1)}`,
    ]) {
      expect(hasToken(auth === undefined ? {} : { authorization: auth }, token)).toBe(false);
    }
  });
});

describe('the static files', () => {
  const dist = join(tmp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>');
  writeFileSync(join(dist, 'assets', 'a.js'), '');
  writeFileSync(join(dist, '.env'), 'secret');
  writeFileSync(join(tmp, 'outside.txt'), 'outside');
  symlinkSync(join(tmp, 'outside.txt'), join(dist, 'link.txt'));

  it('serves files inside dist/ only', () => {
    expect(staticFile(dist, '/')).toMatch(/index\.html$/);
    expect(staticFile(dist, '/assets/a.js')).toMatch(/a\.js$/);
    for (const bad of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/.env',
      '/link.txt',
      '/assets',
      '/missing',
      '/%E0%A4%A',
    ]) {
      expect(staticFile(dist, bad), bad).toBeNull();
    }
  });
});
