/**
 * The explorer's questions routed to `atlas serve` when the page came from one, and to the tab's own engine
 * otherwise. The page knows it came from a server by the cookie the server sets on the app's files
 * ({@link SERVED_COOKIE}; a cookie, not a mark in index.html, because the service worker answers later visits
 * with its own copy of index.html). The server is asked once, on the explorer's first question, so the other
 * views and every other host never make the request.
 */
import type { CaseQuestions } from './cases-types';

/** The cookie `atlas serve --dist` sets on the app's files. */
export const SERVED_COOKIE = { name: 'atlas-cases', value: 'server' } as const;

/** Whether `cookie` (document.cookie) holds {@link SERVED_COOKIE}. */
export function cameFromServer(cookie: string): boolean {
  return cookie.split(';').some((c) => c.trim() === `${SERVED_COOKIE.name}=${SERVED_COOKIE.value}`);
}

/**
 * `local`, or the server's questions when `remote()` finds a server (asked once; a failure to find one
 * falls back to `local`, so a server that is gone leaves the tab's own explorer).
 */
export function routedCaseQuestions(
  local: CaseQuestions,
  remote: () => Promise<CaseQuestions | null>,
): CaseQuestions {
  let chosen: Promise<CaseQuestions> | undefined;
  const route = () =>
    (chosen ??= remote().then(
      (r) => r ?? local,
      () => local,
    ));
  return {
    casesInfo: async () => (await route()).casesInfo(),
    caseFacets: async (filters, show) => (await route()).caseFacets(filters, show),
    activateCases: async (dim, filters) => (await route()).activateCases(dim, filters),
  };
}
