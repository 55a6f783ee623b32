/**
 * The service worker and web app manifest (vite-plugin-pwa 2, Workbox 7, generateSW), used by vite.config.ts.
 *
 * Precached at install, so that after one visit every view works without a network: the app shell
 * (index.html), every JS and CSS chunk, the workers, the WASM the app runs (DuckDB's eh build, the only one
 * the app ships: src/engine/duckdb-boot.ts; parquet-wasm, HiGHS), the manifest and icons, and every file of
 * data/.
 *
 * Updates: registerType 'prompt'. A new sw.js installs beside the running one and waits; the page shows a
 * banner (src/ui/pwa/) and the new worker takes over only when the user chooses "Reload". The first install
 * claims the open page (clientsClaim), so the first visit's later requests (lazy views, workers) are served
 * by it too. The registration is the app's (src/ui/pwa/register.ts), never an inline script (strict CSP).
 *
 * The worker answers from its caches and otherwise forwards the page's own requests; it has no route to,
 * and makes no request to, any other origin (no CDN runtime: Workbox is emitted next to sw.js).
 */
import { VitePWA } from 'vite-plugin-pwa';
import { webManifest } from './src/common/web-manifest.ts';

/** What is precached (of the build's output folder): with the manifest and its icons, which the plugin adds. */
export const PRECACHE_GLOBS = ['**/*.{html,js,mjs,css,wasm}', 'data/**/*'];

/**
 * Navigations the app shell does not answer. A navigation within the scope (a view's link, with or without
 * network) gets index.html; a file opened by its address (data/values.parquet, robots.txt) is the file.
 * Workbox tests these against path and query together: they look at the path alone (a link's query may
 * hold a '.' or a '/').
 */
export const NAVIGATION_DENYLIST = [
  /^[^?]*\/data\//,
  /^[^?]*\/(?!index\.html(?:\?|$))[^/?]+\.[^/?]+(?:\?.*)?$/,
];

/** DuckDB's eh wasm is 34.2 MB: the precache limit sits above it. */
export const MAX_PRECACHE_FILE = 36 * 1024 * 1024;

export function atlasPwa() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registered by src/ui/pwa/register.ts after the first map is drawn; nothing injected into index.html
    // but the manifest link.
    injectRegister: false,
    manifest: webManifest('en'),
    manifestFilename: 'manifest.webmanifest',
    // The manifest's scope, and the registration's: '.' resolves against the page, so a site in a
    // sub-folder registers for that folder.
    scope: '.',
    workbox: {
      globPatterns: PRECACHE_GLOBS,
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE,
      // Vite's hashed names carry their revision (the plugin's default: everything under assets/); files
      // of data/, index.html, the manifest and the icons get an MD5 revision (src/cli/site-precache.ts
      // recomputes those for a published site).
      navigateFallback: 'index.html',
      navigateFallbackDenylist: NAVIGATION_DENYLIST,
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      sourcemap: false,
      mode: 'production',
    },
  });
}
