/** One select per column of the header: what the column holds (a role of the column mapping). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../contract/column-letter';
import { COLUMN_ROLES, type ColumnRole } from '../../contract/mapping';
import { AUTO } from './mapping-draft';

interface Props {
  columns: readonly string[];
  roles: readonly (ColumnRole | typeof AUTO)[];
  firstColumn: number;
  disabled: boolean;
  onRole: (header: string, role: ColumnRole | typeof AUTO) => void;
}

/** The column roles. */
export function ColumnRoles({ columns, roles, firstColumn, disabled, onRole }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mapping-roles">
      <legend>{t('mapping.columns')}</legend>
      <ul>
        {columns.map((header, i) => (
          <li key={`${i}:${header}`}>
            <label htmlFor={`${id}-${i}`}>
              {t('mapping.columnLabel', { letter: columnLetter(firstColumn + i), header })}
            </label>
            <select
              id={`${id}-${i}`}
              data-testid="mapping-role"
              data-column={header}
              value={roles[i] ?? AUTO}
              disabled={disabled}
              onChange={(e) => onRole(header, e.target.value as ColumnRole | typeof AUTO)}
            >
              <option value={AUTO}>{t('mapping.auto')}</option>
              {COLUMN_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`mapping.role.${r}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
