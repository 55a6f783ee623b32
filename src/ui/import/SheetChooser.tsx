/**
 * The sheets of a workbook with more than one visible sheet: the one read is selected; choosing another
 * checks the file again from that sheet. Hidden sheets are listed, marked and not selectable.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetInfo } from '../../import/read-types';

interface Props {
  sheets: readonly SheetInfo[];
  /** The name of the sheet read. */
  sheet: string | undefined;
  disabled: boolean;
  onSheet: (number: number) => void;
}

/** True when the chooser has something to choose from. */
export function hasSheetChoice(sheets: readonly SheetInfo[] | undefined): boolean {
  return (sheets ?? []).filter((s) => !s.hidden).length > 1;
}

/** The sheet select. */
export function SheetChooser({ sheets, sheet, disabled, onSheet }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const current = sheets.find((s) => s.name === sheet);
  return (
    <div className="sheet-chooser">
      <label htmlFor={id}>{t('mapping.sheet')}</label>
      <select
        id={id}
        data-testid="import-sheet"
        value={current ? String(current.number) : ''}
        disabled={disabled}
        onChange={(e) => onSheet(Number(e.target.value))}
      >
        {!current && <option value="" />}
        {sheets.map((s) => {
          const o = { number: s.number, name: s.name };
          return (
            <option key={s.number} value={String(s.number)} disabled={s.hidden}>
              {s.hidden
                ? t('mapping.sheetHidden', o)
                : s.recognised
                  ? `${s.number}. ${s.name}`
                  : t('mapping.sheetNoTable', o)}
            </option>
          );
        })}
      </select>
    </div>
  );
}
