/**
 * The English and Albanian catalogs: the core strings plus one file per view, each under its own top-level
 * key (`cases`, `coverage`, `planner`, `hotspots`, `export`, `mapping` for the import's column mapping, `own`: the user's
 * data against the demo's, `pwa`: the installed app and its update prompt) so views can grow their strings independently. The problem catalogs
 * (`problems.en.json`, `problems.sq.json`: what the import says about a file) are not merged here:
 * src/contract/problem-text.ts renders them, and they load with the import report, not with the first screen.
 */
import casesEn from './cases.en.json';
import casesSq from './cases.sq.json';
import coverageEn from './coverage.en.json';
import coverageSq from './coverage.sq.json';
import en from './en.json';
import exportEn from './export.en.json';
import exportSq from './export.sq.json';
import hotspotsEn from './hotspots.en.json';
import hotspotsSq from './hotspots.sq.json';
import importEn from './import.en.json';
import importSq from './import.sq.json';
import ownEn from './own.en.json';
import ownSq from './own.sq.json';
import plannerEn from './planner.en.json';
import plannerSq from './planner.sq.json';
import pwaEn from './pwa.en.json';
import pwaSq from './pwa.sq.json';
import sq from './sq.json';

/** Every string of one language. */
export type Catalog = Record<string, unknown>;

/** The merged catalogs by language. */
export const CATALOGS: { en: Catalog; sq: Catalog } = {
  en: {
    ...en,
    ...casesEn,
    ...coverageEn,
    ...plannerEn,
    ...hotspotsEn,
    ...exportEn,
    ...importEn,
    ...ownEn,
    ...pwaEn,
  },
  sq: {
    ...sq,
    ...casesSq,
    ...coverageSq,
    ...plannerSq,
    ...hotspotsSq,
    ...exportSq,
    ...importSq,
    ...ownSq,
    ...pwaSq,
  },
};
