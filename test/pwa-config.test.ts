/** The service worker's routing choices (pwa.config.ts) that are plain data: which navigations get the app shell. */
import { describe, expect, it } from 'vitest';
import { MVP_ASSET, NAVIGATION_DENYLIST } from '../pwa.config';

const shell = (pathAndQuery: string) => !NAVIGATION_DENYLIST.some((r) => r.test(pathAndQuery));

describe('service worker routes', () => {
  it('answers every view link with the app shell, in a sub-folder too, whatever its query holds', () => {
    for (const url of [
      '/',
      '/?lang=en',
      '/?lang=sq&view=coverage&catchment=r25',
      '/?k=2.5&hot=a/data/b',
      '/atlas/',
      '/atlas/?view=planner',
      '/index.html',
      '/atlas/index.html?lang=sq',
    ]) {
      expect(shell(url), url).toBe(true);
    }
  });

  it('leaves a file opened by its address to the file', () => {
    for (const url of [
      '/data/values.parquet',
      '/atlas/data/catalog.json',
      '/robots.txt',
      '/sw.js',
      '/x/publish.json',
    ]) {
      expect(shell(url), url).toBe(false);
    }
  });

  it('caches at run time only DuckDB’s mvp wasm and worker', () => {
    expect(MVP_ASSET.test('http://h/assets/duckdb-mvp-BP0pRkMH.wasm')).toBe(true);
    expect(MVP_ASSET.test('http://h/sub/assets/duckdb-browser-mvp.worker-C9hF7LGh.js')).toBe(true);
    expect(MVP_ASSET.test('http://h/assets/duckdb-eh-9ubY-jlA.wasm')).toBe(false);
    expect(MVP_ASSET.test('http://h/assets/duckdb-browser-eh.worker-hQa-dcAV.js')).toBe(false);
  });
});
