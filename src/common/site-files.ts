/**
 * `site-files.json`: written at build (site-files.config.ts) into the output folder, listing every file of
 * the build but itself, so that the app can publish a copy of itself ("Publish these data",
 * src/export/site-zip.ts) by fetching its own files from its origin.
 */

/** The list's file name, at the root of the build. */
export const SITE_FILES = 'site-files.json';

/** What the list holds. */
export interface SiteFilesList {
  /** The app's version (package.json). */
  version: string;
  /** Paths relative to the build's root, '/'-separated, sorted. */
  files: string[];
}
