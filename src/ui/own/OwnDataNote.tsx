/**
 * What is the user's: the files loaded (and restored), the "only my data" switch once some values are the
 * user's, and (in the import panel) which indicators come from the user's files and which from the demo.
 */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n';
import type { SourceGroups } from './own-data';

interface NoteProps {
  files: readonly string[];
  restored: number;
  /** Offer "only my data" (the user has values of their own). */
  offer: boolean;
  onlyMine: boolean;
  onOnlyMine: (on: boolean) => void;
}

/** The note under the view tabs. */
export function OwnDataNote({ files, restored, offer, onlyMine, onOnlyMine }: NoteProps) {
  const { t } = useTranslation();
  return (
    <div className="own-data-bar">
      <p className="own-data" role="note" data-testid="own-data">
        {restored > 0 && `${t('import.restored', { count: restored })} `}
        {t('import.ownData', { files: files.join(', ') })}
      </p>
      {offer && (
        <label className="only-mine" title={t('own.onlyHint')}>
          <input
            type="checkbox"
            checked={onlyMine}
            onChange={(e) => onOnlyMine(e.target.checked)}
            data-testid="only-mine"
          />{' '}
          {t('own.only')}
        </label>
      )}
    </div>
  );
}

/** One line: the indicators from the user's files (in part or whole) and those still the demo's. */
export function SourcesLine({ groups, lang }: { groups: SourceGroups; lang: Lang }) {
  const { t } = useTranslation();
  const names = (list: SourceGroups['own']) => list.map((i) => i.label[lang]).join(', ') || t('own.none');
  const own = [
    ...groups.own.map((i) => i.label[lang]),
    ...groups.mixed.map((i) => t('own.partly', { name: i.label[lang] })),
  ];
  return (
    <p className="hint sources" data-testid="import-sources">
      {t('own.sources', { own: own.join(', ') || t('own.none'), demo: names(groups.demo) })}
    </p>
  );
}
