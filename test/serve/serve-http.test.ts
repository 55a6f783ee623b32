/**
 * `atlas serve` over HTTP on an ephemeral loopback port, on 20,000 synthetic records: its answers are the
 * engine's over the same records (perturbed, k = 5), no answer holds a count of 1..k-1 or anything but
 * facets, and every refusal has its status: 400, 404, 405, 413, 415, 421, 429, 401 with a token.
 */
import fc from 'fast-check';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../src/cli/serve/serve';
import type { ServeArgs } from '../../src/cli/serve/serve-args';
import {
  CASE_DIMS,
  type CaseFacets,
  type CaseFilters,
  type CaseQuestions,
  type CasesInfo,
} from '../../src/engine/cases-types';
import type { Connector } from '../../src/engine/connector';
import { casesDir, referenceEngine } from './fixture';

let dir: string;
let server: RunningServer;
let ref: { conn: Connector; questions: CaseQuestions };
let info: CasesInfo;

const args = (over: Partial<ServeArgs> = {}): ServeArgs => ({
  data: dir,
  port: 0,
  host: '127.0.0.1',
  k: 5,
  rate: 0,
  threads: 1,
  connections: 2,
  ...over,
});

beforeAll(async () => {
  dir = await casesDir(20_000);
  server = await startServe(args());
  ref = await referenceEngine(dir);
  info = (await ref.questions.casesInfo())!;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ref?.conn.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw request (node:http, so that Host and bodies can be anything). */
function send(
  url: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const ask = (body: unknown, url = server.url) =>
  send(url, 'POST', '/api/cases/facets', JSON.stringify(body), JSON_TYPE);

/** Every count of an answer. */
const counts = (f: CaseFacets) => [f.total, ...CASE_DIMS.flatMap((d) => f.facets[d].map((b) => b.count))];

/** Random filters over the records' own categories and months. */
const filtersArb = () =>
  fc.record(
    {
      lau_code: fc.subarray(info.categories.lau_code, { maxLength: 3 }),
      case_type: fc.subarray(info.categories.case_type, { maxLength: 2 }),
      referral_source: fc.subarray(info.categories.referral_source, { maxLength: 2 }),
      age_band: fc.subarray(info.categories.age_band, { maxLength: 2 }),
      sex: fc.subarray(info.categories.sex, { maxLength: 1 }),
      period: fc
        .tuple(
          fc.integer({ min: info.periods[0], max: info.periods[1] }),
          fc.integer({ min: info.periods[0], max: info.periods[1] }),
        )
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<CaseFilters>;

describe('atlas serve: answers', () => {
  it('GET /api/cases/info describes the records, with the rows as a perturbed total', async () => {
    const r = await send(server.url, 'GET', '/api/cases/info');
    expect(r.status).toBe(200);
    const served = JSON.parse(r.body);
    const all = await ref.questions.caseFacets({}, { k: 5, perturb: true });
    expect(served).toEqual({ ...info, rows: all.total, limits: { k: 5, maxK: 100, maxValues: 100 } });
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it(
    'answers as the engine does over the same records, and never a count of 1..k-1',
    { timeout: 120_000 },
    async () => {
      const samples = fc.sample(filtersArb(), { numRuns: 60, seed: 15 });
      let hidden = 0;
      for (const filters of samples) {
        const r = await ask({ filters, k: 5 });
        expect(r.status, r.body).toBe(200);
        const served = JSON.parse(r.body) as CaseFacets;
        expect(served).toEqual(await ref.questions.caseFacets(filters, { k: 5, perturb: true }));
        for (const c of counts(served)) {
          expect(c === null || (Number.isInteger(c) && (c === 0 || c >= 5))).toBe(true);
          if (c === null || c === 0) hidden++;
        }
        // Facets only: no field beyond the contract's, no record.
        expect(Object.keys(served).sort()).toEqual(['facets', 'total']);
        for (const d of CASE_DIMS) {
          for (const b of served.facets[d])
            expect(Object.keys(b).every((k) => ['key', 'count', 'rate'].includes(k))).toBe(true);
        }
      }
      expect(hidden).toBeGreaterThan(0);
    },
  );

  it('a larger k only hides more of the same shown counts', async () => {
    const filters = { case_type: ['trafficking'], sex: ['F'] };
    const at5 = JSON.parse((await ask({ filters, k: 5 })).body) as CaseFacets;
    const at20 = JSON.parse((await ask({ filters, k: 20 })).body) as CaseFacets;
    const a = counts(at5);
    const b = counts(at20);
    expect(b).toEqual(a.map((c) => (c !== null && c >= 1 && c < 20 ? null : c)));
    expect(b.some((c, i) => c === null && a[i] !== null)).toBe(true);
  });
});

describe('atlas serve: refusals', () => {
  it.each([
    ['malformed JSON', '{"filters": ', 400, /not valid JSON/],
    ['an empty body', '', 400, /empty/],
    ['not an object', '[1, 2]', 400, /JSON object/],
    ['an unknown field', '{"filters": {}, "sql": "SELECT 1"}', 400, /unknown field "sql"/],
    ['an unknown dimension', '{"filters": {"name": ["x"]}}', 400, /unknown field "name"/],
    ['a value that is not a string', '{"filters": {"sex": [1]}}', 400, /filters\.sex/],
    ['a period of three', '{"filters": {"period": [1, 2, 3]}}', 400, /filters\.period/],
    ['a period backwards', '{"filters": {"period": [24300, 24200]}}', 400, /first <= last/],
    ['k below the minimum', '{"k": 2}', 400, /k must be a whole number from 5/],
    ['k not whole', '{"k": 5.5}', 400, /k must be/],
    [
      'too many values',
      JSON.stringify({ filters: { lau_code: Array.from({ length: 101 }, (_, i) => `L${i}`) } }),
      400,
      /at most 100/,
    ],
  ])('%s', async (_, body, status, message) => {
    const r = await send(server.url, 'POST', '/api/cases/facets', body, JSON_TYPE);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).error).toMatch(message);
  });

  it('413 for a body over 16 kB, declared or not; 415 for another content type', async () => {
    const big = JSON.stringify({ filters: { lau_code: ['x'.repeat(20_000)] } });
    expect((await send(server.url, 'POST', '/api/cases/facets', big, JSON_TYPE)).status).toBe(413);
    const chunked = { ...JSON_TYPE, 'transfer-encoding': 'chunked' };
    expect((await send(server.url, 'POST', '/api/cases/facets', big, chunked)).status).toBe(413);
    const text = await send(server.url, 'POST', '/api/cases/facets', '{}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('404 for an unknown route, 405 with Allow for a wrong method', async () => {
    expect((await send(server.url, 'GET', '/api/cases/records')).status).toBe(404);
    expect((await send(server.url, 'GET', '/index.html')).status).toBe(404);
    const wrong = await send(server.url, 'GET', '/api/cases/facets');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    const options = await send(server.url, 'OPTIONS', '/api/cases/info');
    expect(options.status).toBe(405);
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('421 for a Host that is not its loopback address (DNS rebinding)', async () => {
    const r = await send(server.url, 'GET', '/api/cases/info', undefined, { host: 'evil.example:80' });
    expect(r.status).toBe(421);
  });

  it('429 with Retry-After once a client is over its rate', async () => {
    const limited = await startServe(args({ rate: 3 }));
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await send(limited.url, 'GET', '/api/cases/info')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const r = await send(limited.url, 'GET', '/api/cases/info');
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('401 without the right bearer token, and answers with it', async () => {
    const token = 'a-long-enough-test-token';
    const guarded = await startServe(args({ token }));
    try {
      const get = (headers: Record<string, string>) =>
        send(guarded.url, 'GET', '/api/cases/info', undefined, headers);
      const none = await get({});
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect((await get({ authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
      expect((await get({ authorization: `Basic ${token}` })).status).toBe(401);
      expect((await get({ authorization: `Bearer ${token}x` })).status).toBe(401);
      // Before the route: an unknown path without a token says nothing about the server's routes.
      expect((await send(guarded.url, 'GET', '/nope')).status).toBe(401);
      expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  }, 60_000);
});
