/**
 * The case explorer's questions on any connector (./cases-types.ts; SQL in ./queries-cases-explore.ts).
 * Records are counted once into a cube; each facet's raw rows (true count, cell key) are cached by the
 * filters they depend on, so a facet whose inputs did not change costs nothing; an index on the dimension
 * being changed answers the others in a few milliseconds. Only shown counts leave: perturbed by the
 * cell-key method, or true with 1..k-1 suppressed when perturbation is off.
 */
import { cellKeyParamsFor, combineCellKeys, shownCount } from '../analysis/disclosure/cell-key';
import { caseBars, caseOrder, caseRate, type Population } from '../analysis/cases/facets';
import { CASE_INDICATORS } from './case-indicators';
import {
  CASE_DIMS,
  type CaseBar,
  type CaseCategoryDim,
  type CaseDim,
  type CaseFilters,
  type CaseQuestions,
  type CasesInfo,
} from './cases-types';
import { normaliseCaseFilters, othersKey } from './cases-filters';
import type { Connector } from './connector';
import { createDemoCases } from './engine-cases-demo';
import {
  codeCubeQueries,
  cubeFacetsQuery,
  cubeInfoQueries,
  textCubeQuery,
  type CodedFilters,
  indexFacetsQuery,
  indexQuery,
  populationQuery,
  tableRowsQuery,
  type CaseSource,
  type FacetRow,
} from './queries-cases-explore';

/** How the explorer finds its records. */
export interface CaseOptions {
  /** The data are the bundled demo: without a cases file of the user's, the demo's records are made. */
  demo: boolean;
  /** The salt of a user's record keys (default: 32 random bits from crypto.getRandomValues). */
  salt?: number;
  /**
   * Build an index on the dimension that changed between two questions (default true). Off at `atlas
   * serve`, where consecutive questions come from different people and one shared index would thrash.
   */
  autoIndex?: boolean;
}

/** The questions and a way to forget everything after an import. */
export interface CaseQuestionsPart {
  questions: CaseQuestions;
  invalidate(): void;
}

type Raw = Map<string, { n: number; ck: number }>;

interface Loaded {
  info: CasesInfo;
  population: Population;
  /** Each category's code in the cube (its index in info.categories). */
  codes: Map<CaseCategoryDim, Map<string, number>>;
}

/** The filters with category values as the cube's codes (-1 for a value the records do not hold). */
function coded(filters: CaseFilters, codes: Loaded['codes']): CodedFilters {
  const out: CodedFilters = filters.period ? { period: filters.period } : {};
  for (const d of CASE_DIMS) {
    if (d === 'period') continue;
    const values = filters[d];
    if (values) out[d] = values.map((v) => codes.get(d)?.get(v) ?? -1);
  }
  return out;
}

const CACHE_LIMIT = 256;

function randomSalt(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The explorer's questions over `conn`. */
export function caseQuestions(conn: Connector, options: CaseOptions): CaseQuestionsPart {
  const salt = options.salt ?? randomSalt();
  let loaded: Promise<Loaded | null> | undefined;
  const cache = new Map<string, Raw>();
  let index: { dim: CaseDim; key: string; ready: Promise<void>; done: boolean } | undefined;
  let last: CaseFilters | undefined;

  const present = async (table: 'cases' | 'demo_cases') => {
    const [r] = await conn.query<{ present: number }>(tableRowsQuery(table));
    if (!r?.present) return 0;
    const [c] = await conn.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table}`, params: [] });
    return c?.n ?? 0;
  };

  const load = async (): Promise<Loaded | null> => {
    let source: CaseSource | null = null;
    if ((await present('cases')) > 0) source = { table: 'cases', salt };
    else if (options.demo) {
      if ((await present('demo_cases')) === 0) await createDemoCases(conn);
      source = { table: 'demo_cases' };
    }
    if (!source) return null;
    await conn.query(textCubeQuery(source));
    const { values, extent } = cubeInfoQueries();
    const rows = await conn.query<{ dim: CaseCategoryDim; value: string | null }>(values);
    const [ext] = await conn.query<{ first: number | null; last: number | null; n: number }>(extent);
    if (!ext || ext.first === null || ext.last === null || ext.n === 0) return null;
    const categories = caseOrder(rows);
    for (const q of codeCubeQueries(categories)) await conn.query(q);
    const codes = new Map(
      (Object.keys(categories) as CaseCategoryDim[]).map((d) => [
        d,
        new Map(categories[d].map((v, i) => [v, i])),
      ]),
    );
    const pops = await conn.query<{ lau_code: string; year: number; pop: number }>(
      populationQuery(CASE_INDICATORS.rate.denominator),
    );
    const population: Population = new Map();
    for (const p of pops) {
      const m = population.get(p.lau_code) ?? new Map<number, number>();
      m.set(p.year, p.pop);
      population.set(p.lau_code, m);
    }
    const info: CasesInfo = {
      source: source.table === 'cases' ? 'own' : 'demo',
      rows: ext.n,
      categories,
      periods: [ext.first, ext.last],
    };
    return { info, population, codes };
  };
  const ready = () => (loaded ??= load());

  const remember = (key: string, raw: Raw) => {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, raw);
  };

  /** The raw rows of every dimension under `filters` (each without its own filter). */
  const rawFacets = async (filters: CaseFilters, data: Loaded): Promise<Map<CaseDim, Raw>> => {
    const out = new Map<CaseDim, Raw>();
    const missing: CaseDim[] = [];
    for (const d of CASE_DIMS) {
      const hit = cache.get(othersKey(d, filters));
      if (hit) out.set(d, hit);
      else missing.push(d);
    }
    if (missing.length === 0) return out;
    const fromIndex =
      index?.done === true && index.key === othersKey(index.dim, filters) && !missing.includes(index.dim)
        ? index.dim
        : null;
    const c = coded(filters, data.codes);
    const q = fromIndex ? indexFacetsQuery(fromIndex, missing, c) : cubeFacetsQuery(missing, c);
    const rows = await conn.query<FacetRow>(q);
    for (const d of missing) out.set(d, new Map());
    const { categories } = data.info;
    for (const r of rows) {
      if (r.key === null) continue;
      const key = r.dim === 'period' ? String(r.key) : categories[r.dim][r.key];
      if (key !== undefined) out.get(r.dim)!.set(key, { n: r.n, ck: r.ck });
    }
    for (const d of missing) remember(othersKey(d, filters), out.get(d)!);
    return out;
  };

  const activate = async (dim: CaseDim, raw: CaseFilters) => {
    const data = await ready();
    if (!data) return;
    const filters = normaliseCaseFilters(raw, data.info);
    const key = othersKey(dim, filters);
    if (index && index.dim === dim && index.key === key) return index.ready;
    const entry = { dim, key, done: false, ready: Promise.resolve() };
    index = entry;
    entry.ready = conn.query(indexQuery(dim, coded(filters, data.codes))).then(
      () => {
        entry.done = true;
      },
      (e: unknown) => {
        if (index === entry) index = undefined;
        throw e;
      },
    );
    return entry.ready;
  };

  /** The one dimension whose filter changed since the last question, if exactly one did. */
  const changed = (filters: CaseFilters): CaseDim | null => {
    if (!last) return null;
    const prev = last;
    const diff = CASE_DIMS.filter(
      (d) => JSON.stringify(prev[d] ?? null) !== JSON.stringify(filters[d] ?? null),
    );
    return diff.length === 1 ? diff[0]! : null;
  };

  const questions: CaseQuestions = {
    async casesInfo() {
      return (await ready())?.info ?? null;
    },
    async caseFacets(raw, show) {
      const data = await ready();
      if (!data) throw new Error('no case records are loaded');
      const filters = normaliseCaseFilters(raw, data.info);
      if (!Number.isInteger(show.k) || show.k < 1) throw new Error(`k must be a whole number of 1 or more`);
      const params = cellKeyParamsFor(show.k);
      // Exact counts only for the user's own records: the demo's stay perturbed, as a site's would.
      const perturb = show.perturb || data.info.source !== 'own';
      const shown = (n: number, ck: number) => shownCount(n, ck, perturb, params);
      const facetsRaw = await rawFacets(filters, data);
      const period = filters.period ?? data.info.periods;
      const facets = {} as Record<CaseDim, CaseBar[]>;
      for (const d of CASE_DIMS) {
        const bars = caseBars(d, facetsRaw.get(d)!, data.info, shown);
        if (d === 'lau_code') {
          for (const b of bars) b.rate = caseRate(b.count, data.population.get(String(b.key)), period);
        }
        facets[d] = bars;
      }
      // The total is a cell of its own: the records of the selected municipalities (or all) under the rest.
      const lau = facetsRaw.get('lau_code')!;
      const chosen = filters.lau_code ? filters.lau_code.flatMap((c) => lau.get(c) ?? []) : [...lau.values()];
      const n = chosen.reduce((s, c) => s + c.n, 0);
      const total = shown(n, combineCellKeys(chosen.map((c) => c.ck)));
      // Mosaic's activation, when the view did not ask: the dimension the user is changing gets an index.
      const moving = changed(filters);
      last = filters;
      if (
        options.autoIndex !== false &&
        moving &&
        (index?.dim !== moving || index.key !== othersKey(moving, filters))
      ) {
        void activate(moving, filters).catch(() => undefined);
      }
      return { total, facets };
    },
    activateCases: activate,
  };
  return {
    questions,
    invalidate() {
      loaded = undefined;
      index = undefined;
      last = undefined;
      cache.clear();
    },
  };
}
