/** The file's first rows as the sheet has them (as text), the header row marked, in a box of its own. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../contract/column-letter';
import type { FileDetail } from '../../import/session';

/** Rows of the file shown. */
const SHOWN = 20;

interface Props {
  file: string;
  head: NonNullable<FileDetail['head']>;
  /** The 1-based row of the file read as the header. */
  headerRow: number;
  firstColumn: number;
}

/** The head of the file. */
export function HeadTable({ file, head, headerRow, firstColumn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const rows = head.rows.slice(0, SHOWN);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, c) => columnLetter(firstColumn + c));
  return (
    <>
      <p className="hint" id={id}>
        {t('mapping.headCaption', { count: rows.length, file })}
      </p>
      <div className="mapping-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="mapping-head" data-testid="mapping-head" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('mapping.rowNumber')}</th>
              {letters.map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = head.firstRow + i;
              const header = n === headerRow;
              return (
                <tr key={n} className={header ? 'header-row' : undefined} data-row={n}>
                  <th scope="row">
                    {n}
                    {header && <span className="badge ok">{t('mapping.headerMark')}</span>}
                  </th>
                  {letters.map((l, c) => (
                    <td key={l}>{r[c] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
