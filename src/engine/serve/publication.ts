/**
 * What a published site's data folder holds, from the committed user data (issue 12): the served files
 * suppressed at source at k, a catalog without the demo (each indicator's source: the user's catalog's,
 * else the files it came from), and the first view. Shared by `atlas publish` (src/cli/publish.ts) and the
 * app's "Publish these data" (src/import/start-browser.ts), so that both write the same bytes.
 */
import type { Connector } from '../connector';
import { mergedCatalog } from '../merged-catalog';
import type { ParquetWriter } from '../parquet-write';
import type { Catalog, FirstView, IndicatorMeta } from '../schema';
import { publishedData } from './published-data';
import { writeServedFiles, type ServedFiles } from './served-files';

/** What to publish. */
export interface PublicationInput {
  /** The catalog the user's data was loaded over (the demo's). */
  base: Catalog;
  /** Indicators the user's files defined. */
  extra: readonly IndicatorMeta[];
  /** The table kinds the user's files brought. */
  kinds: ReadonlySet<string>;
  k: number;
  /** The site's title; the imported catalog's title in `lang` when absent. */
  title?: string;
  lang: 'en' | 'sq';
  /** The user's file names, for the sources of indicators their files did not describe. */
  files: readonly string[];
}

/** A published site's data. */
export interface Publication {
  catalog: Catalog;
  firstView: FirstView;
  served: ServedFiles;
  title: string;
}

/** The indicators' sources on a published site: the user's catalog's, else the files they came from. */
function sourced(meta: IndicatorMeta, own: ReadonlySet<string>, files: string): IndicatorMeta {
  if (own.has(meta.id)) return meta;
  return { ...meta, source: { en: `Published from ${files}`, sq: `Publikuar nga ${files}` } };
}

/** The first view: the default year's served values, withheld cells as hidden. */
export function firstViewOf(
  catalog: Catalog,
  values: readonly (readonly [string, number, string, number | null, boolean])[],
): FirstView {
  return {
    year: catalog.defaultYear,
    rows: values
      .filter(([, year]) => year === catalog.defaultYear)
      .map(([lau, , indicator, value, hidden]) => [lau, indicator, hidden ? null : value, hidden]),
  };
}

/** The data of a site on what is committed in user_values (and the tables of `kinds`). */
export async function buildPublication(
  conn: Connector,
  writer: ParquetWriter,
  input: PublicationInput,
): Promise<Publication> {
  const [stats] = await conn.query<{ first: number; last: number }>({
    sql: 'SELECT min(year)::INTEGER AS first, max(year)::INTEGER AS last FROM user_values',
    params: [],
  });
  const present = (
    await conn.query<{ id: string }>({ sql: 'SELECT DISTINCT indicator AS id FROM user_values', params: [] })
  ).map((r) => r.id);
  const merged = mergedCatalog(input.base, input.extra, present, stats ?? null, true);
  const own = new Set(input.extra.map((i) => i.id));
  const names = input.files.map((f) => f.split('/').pop()).join(', ');
  const indicators = merged.indicators.map((m) => sourced(m, own, names));
  const data = await publishedData(conn, indicators, input.kinds);
  const served = writeServedFiles(writer, data, input.k);
  const title = input.title ?? merged.title[input.lang];
  const catalog: Catalog = {
    ...merged,
    synthetic: false,
    title: { en: title, sq: title },
    indicators,
    served: { k: input.k, files: Object.keys(served.files).sort(), withheld: served.withheld },
  };
  const firstView = firstViewOf(
    catalog,
    served.values.map((v) => [v.lau_code, v.year, v.indicator, v.value, v.status !== null] as const),
  );
  return { catalog, firstView, served, title };
}
