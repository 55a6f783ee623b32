/**
 * The ranking: every municipality's need score, rank and rank interval under perturbed weights, a stacked
 * bar of each indicator's contribution and a sentence saying what drives it. Sortable by column (buttons in
 * the headers, so the keyboard works), and it is the table alternative to the need map.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedScore } from '../../analysis/planning/need-index';
import type { RankInterval } from '../../analysis/planning/robustness';
import { formatNumber, type Lang } from '../../i18n';
import { drivers, INDICATOR_COLORS } from './explain';

/** A municipality's display names. */
export interface Place {
  name: string;
  county: string;
}

interface Props {
  scores: readonly NeedScore[];
  intervals: ReadonlyMap<string, RankInterval> | null;
  /** Children at risk not reached by an existing unit, when known. */
  gap: ReadonlyMap<string, number> | null;
  places: ReadonlyMap<string, Place>;
  /** Chosen indicator ids in slider order, and their labels. */
  ids: readonly string[];
  labels: ReadonlyMap<string, string>;
  /** Indicators suppressed (not just absent) per municipality. */
  suppressed: ReadonlyMap<string, ReadonlySet<string>>;
  lang: Lang;
  selected: string | null;
  onSelect: (lau: string) => void;
  caption: string;
}

type SortKey = 'rank' | 'name' | 'score' | 'spread' | 'gap';

/** The sentence of one municipality. */
export function useWhy() {
  const { t } = useTranslation();
  return (s: NeedScore, n: number, labels: ReadonlyMap<string, string>, lang: Lang) => {
    const d = drivers(s);
    const pct = (x: number) => formatNumber(x * 100, lang, 0);
    const head =
      d.length === 0
        ? t('planner.why.none', { rank: s.rank, n })
        : d.length === 1
          ? t('planner.why.one', {
              rank: s.rank,
              n,
              first: labels.get(d[0]!.id),
              firstShare: pct(d[0]!.share),
            })
          : t('planner.why.two', {
              rank: s.rank,
              n,
              first: labels.get(d[0]!.id),
              firstShare: pct(d[0]!.share),
              second: labels.get(d[1]!.id),
              secondShare: pct(d[1]!.share),
            });
    return head;
  };
}

/** The sortable ranking table. */
export function RankingTable(props: Props) {
  const { scores, intervals, gap, places, ids, labels, suppressed, lang, selected, onSelect, caption } =
    props;
  const { t } = useTranslation();
  const why = useWhy();
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'rank', asc: true });
  const n = scores.length;

  // One scale for every bar: the zero line sits where the largest negative part ends.
  const { neg, pos } = useMemo(() => {
    let negMax = 0;
    let posMax = 0;
    for (const s of scores) {
      let p = 0;
      let q = 0;
      for (const c of Object.values(s.contributions)) {
        if (c > 0) p += c;
        else q -= c;
      }
      posMax = Math.max(posMax, p);
      negMax = Math.max(negMax, q);
    }
    return { neg: negMax, pos: posMax };
  }, [scores]);
  const span = neg + pos || 1;

  const rows = useMemo(() => {
    const value = (s: NeedScore): number | string => {
      switch (sort.key) {
        case 'name':
          return places.get(s.lau_code)?.name ?? s.lau_code;
        case 'score':
          return s.score;
        case 'spread': {
          const iv = intervals?.get(s.lau_code);
          return iv ? iv.high - iv.low : 0;
        }
        case 'gap':
          return gap?.get(s.lau_code) ?? 0;
        default:
          return s.rank;
      }
    };
    const dir = sort.asc ? 1 : -1;
    return [...scores].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c =
        typeof va === 'string' && typeof vb === 'string'
          ? va.localeCompare(vb, 'sq')
          : Number(va) - Number(vb);
      return dir * c || a.rank - b.rank;
    });
  }, [scores, sort, places, intervals, gap]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, asc: active ? !sort.asc : key === 'rank' || key === 'name' })}
          data-testid={`planner-sort-${key}`}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.asc ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="planner-ranking" aria-labelledby="planner-ranking-title">
      <h2 id="planner-ranking-title">{t('planner.ranking.title')}</h2>
      <ul className="contrib-legend" aria-label={t('planner.ranking.legend')}>
        {ids.map((id, i) => (
          <li key={id}>
            <span
              className="weight-key"
              aria-hidden="true"
              style={{ background: INDICATOR_COLORS[i % INDICATOR_COLORS.length] }}
            />
            {labels.get(id)}
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="ranking" data-testid="planner-ranking">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {header('rank', t('planner.ranking.rank'))}
              {header('name', t('planner.ranking.municipality'))}
              {header('score', t('planner.ranking.score'))}
              {header('spread', t('planner.ranking.interval'))}
              {gap && header('gap', t('planner.ranking.gap'))}
              <th scope="col">{t('planner.ranking.why')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const place = places.get(s.lau_code);
              const iv = intervals?.get(s.lau_code);
              const hidden = suppressed.get(s.lau_code);
              let negAt = neg;
              let posAt = neg;
              return (
                <tr
                  key={s.lau_code}
                  data-lau={s.lau_code}
                  data-rank={s.rank}
                  className={s.lau_code === selected ? 'selected' : undefined}
                >
                  <td className="num">{s.rank}</td>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => onSelect(s.lau_code)}>
                      {place?.name ?? s.lau_code}
                    </button>
                    <span className="county">{place?.county}</span>
                  </th>
                  <td className="num">{formatNumber(s.score, lang, 3)}</td>
                  <td className="num" data-testid="planner-interval">
                    {iv
                      ? iv.low === iv.high
                        ? t('planner.ranking.firm', { rank: iv.low })
                        : t('planner.ranking.range', { low: iv.low, high: iv.high })
                      : '…'}
                  </td>
                  {gap && <td className="num">{formatNumber(gap.get(s.lau_code) ?? 0, lang, 0)}</td>}
                  <td className="why">
                    <div className="contrib-bar" aria-hidden="true">
                      {ids.map((id, i) => {
                        const c = s.contributions[id] ?? 0;
                        if (c === 0) return null;
                        const w = (Math.abs(c) / span) * 100;
                        let left: number;
                        if (c > 0) {
                          left = (posAt / span) * 100;
                          posAt += c;
                        } else {
                          negAt += c;
                          left = (negAt / span) * 100;
                        }
                        return (
                          <span
                            key={id}
                            style={{
                              left: `${left}%`,
                              width: `${w}%`,
                              background: INDICATOR_COLORS[i % INDICATOR_COLORS.length],
                            }}
                          />
                        );
                      })}
                      {neg > 0 && <span className="zero" style={{ left: `${(neg / span) * 100}%` }} />}
                    </div>
                    <span className="why-text">{why(s, n, labels, lang)}</span>
                    {s.missing.length > 0 && (
                      <span className="why-missing">
                        {' '}
                        {t(
                          s.missing.some((id) => hidden?.has(id))
                            ? 'planner.why.suppressed'
                            : 'planner.why.missing',
                          { names: s.missing.map((id) => labels.get(id) ?? id).join(', ') },
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('planner.ranking.intervalHint')}</p>
    </section>
  );
}
