/** The service worker's routing choices (pwa.config.ts) that are plain data: which navigations get the app shell. */
import { describe, expect, it } from 'vitest';
import { NAVIGATION_DENYLIST } from '../pwa.config';

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
});
