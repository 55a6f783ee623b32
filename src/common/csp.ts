/**
 * The Content-Security-Policy of the Atlas, in one place: the build writes it into `dist/index.html` as a
 * `<meta http-equiv>` (vite.config.ts, `cspMeta`), so every published site, which copies that file, carries
 * it too; the browser tests check it word for word (e2e/csp.spec.ts) and docs/deploy.md sends the same
 * policy as a header.
 *
 * Why each source is there:
 * - `script-src 'self' 'wasm-unsafe-eval'`: the bundle and its chunks only, no inline script, no `eval`;
 *   `'wasm-unsafe-eval'` lets DuckDB-WASM, parquet-wasm and HiGHS compile their WebAssembly.
 * - `worker-src 'self' blob:`: the DuckDB, read, hotspots and planner workers are files of the build;
 *   `blob:` is for libraries that start a worker from generated code (MapLibre's CSP-safe build does not,
 *   but a library upgrade may).
 * - `connect-src 'self'`: the data, the WASM and the basemap come from the app's own origin; nothing else.
 * - `img-src 'self' data: blob:`: the favicon (`data:,`), the PNG export's `blob:` link and canvas reads.
 * - `style-src 'self'`: the built stylesheets; React and MapLibre set styles through the CSSOM
 *   (`element.style`), which the policy allows, never through a `style` attribute in HTML or a `<style>`.
 * - `object-src 'none'; base-uri 'none'; form-action 'none'`: no plugins, no `<base>` hijack, no form posts.
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, sources: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The policy as the `<meta http-equiv="Content-Security-Policy">` of index.html holds it. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([d, s]) => `${d} ${s}`).join('; ');

/**
 * Directives a `<meta>` policy cannot carry (the browser ignores them there), which a host sends as a
 * header beside the policy above (docs/deploy.md).
 */
export const CSP_HEADER_ONLY = "frame-ancestors 'none'";

/** The policy as a server sends it in the `Content-Security-Policy` header. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; ${CSP_HEADER_ONLY}`;
