/**
 * The user's data alone, as the full tables suppression at source starts from (src/engine/serve/): after a
 * batch is committed, its values (user_values, never the demo's rows they were merged with) with the count
 * each is judged on, and the units, caseload and schools only when the batch brought them. Shared by
 * `atlas publish` and the app's "Publish these data"; `kinds` are the contract's table kinds.
 */
import type { FullCaseload } from '../../analysis/disclosure/served-caseload';
import type { FullSchool } from '../../analysis/disclosure/served-schools';
import type { FullValue } from '../../analysis/disclosure/served-values';
import type { Connector } from '../connector';
import { indicatorSeriesQuery } from '../queries';
import { policyCount, type Basis } from '../queries-values';
import type { FacilityRow, IndicatorMeta } from '../schema';
import type { FullDataset } from './served-files';

interface Resolved {
  year: number;
  lau_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: Basis;
}

interface Given {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const all = <T extends object>(conn: Connector, sql: string) => conn.query<T>({ sql, params: [] });

/** The full dataset of what the committed batch of `kinds` brought. */
export async function publishedData(
  conn: Connector,
  indicators: readonly IndicatorMeta[],
  kinds: ReadonlySet<string>,
): Promise<FullDataset> {
  const given = await all<Given>(
    conn,
    `SELECT lau_code, year::INTEGER AS year, indicator, value, numerator, denominator FROM user_values`,
  );
  const values: FullValue[] = [];
  for (const meta of indicators) {
    const mine = given.filter((g) => g.indicator === meta.id);
    if (mine.length === 0) continue;
    // Rates without counts are judged on their implied counts, as the app judges them.
    const resolved = new Map(
      (await conn.query<Resolved>(indicatorSeriesQuery(meta, 'own'))).map((r) => [
        `${r.lau_code}|${r.year}`,
        r,
      ]),
    );
    for (const g of mine) {
      const r = resolved.get(`${g.lau_code}|${g.year}`);
      values.push({
        ...g,
        count: r ? policyCount(meta, r) : meta.aggregation === 'sum' ? g.value : g.numerator,
        parts: { numerator: r?.numerator ?? g.numerator, denominator: r?.denominator ?? g.denominator },
      });
    }
  }
  const county = new Map(
    (
      await all<{ lau_code: string; qark_code: string }>(
        conn,
        'SELECT lau_code, qark_code FROM municipalities',
      )
    ).map((m) => [m.lau_code, m.qark_code]),
  );
  const data: FullDataset = { indicators, values, county };
  if (kinds.has('facilities')) {
    data.facilities = await all<FacilityRow>(
      conn,
      `SELECT id, lau_code, name, lon, lat, opened::INTEGER AS opened, closed::INTEGER AS closed, supporter,
  staff::INTEGER AS staff FROM facilities`,
    );
    data.caseload = kinds.has('caseload')
      ? await all<FullCaseload>(
          conn,
          'SELECT facility_id, year::INTEGER AS year, children_assisted::INTEGER AS children_assisted FROM caseload',
        )
      : [];
  }
  if (kinds.has('schools')) {
    data.schools = await all<FullSchool>(
      conn,
      `SELECT school_id, lau_code, lon, lat, level, year::INTEGER AS year, enrolled::INTEGER AS enrolled,
  dropouts::INTEGER AS dropouts FROM schools`,
    );
  }
  return data;
}
