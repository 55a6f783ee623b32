/** The normalised rows of the column mapping's preview: as they would load, in a box of their own. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import type { Lang } from '../../i18n';
import type { PreviewRow } from '../../contract/types';
import type { IndicatorMeta } from '../../engine/schema';

interface Props {
  rows: readonly PreviewRow[];
  lang: Lang;
  /** To name each row's indicator by its label. */
  indicators: readonly IndicatorMeta[];
}

/** The preview's rows. */
export function PreviewTable({ rows, lang, indicators }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const labels = new Map(indicators.map((i) => [i.id, i.label[lang]]));
  const title = t('mapping.previewTitle', { count: rows.length });
  return (
    <>
      <h5 id={id}>{title}</h5>
      <div className="mapping-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="mapping-preview" data-testid="mapping-preview" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('mapping.colRow')}</th>
              <th scope="col">{t('mapping.colPlace')}</th>
              <th scope="col">{t('mapping.colLau')}</th>
              <th scope="col">{t('mapping.colName')}</th>
              <th scope="col">{t('mapping.colYear')}</th>
              <th scope="col">{t('mapping.colIndicator')}</th>
              <th scope="col" className="num">
                {t('mapping.colValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-lau={r.lau_code ?? ''}>
                <th scope="row">{r.row}</th>
                <td>{r.place ?? ''}</td>
                <td>{r.lau_code ?? <em>{t('mapping.unmatched')}</em>}</td>
                <td>{r.municipality ?? ''}</td>
                <td>{r.year ?? ''}</td>
                <td>{r.indicator === null ? '' : (labels.get(r.indicator) ?? r.indicator)}</td>
                <td className="num" data-value={r.value ?? ''}>
                  {r.value === null ? '' : formatNumber(r.value, lang, 2)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
