/** The switch between the app's views: a row of links, so each view is also a link. */
import { useTranslation } from 'react-i18next';
import { VIEWS, type AtlasState, type ViewId } from '../state/store';
import { toSearch } from '../state/url';

interface Props {
  state: AtlasState;
  onView: (view: ViewId) => void;
}

/** Navigation between views. */
export function ViewTabs({ state, onView }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="view-tabs" aria-label={t('views.label')}>
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <a
              href={toSearch({ ...state, view: v })}
              aria-current={state.view === v ? 'page' : undefined}
              data-testid={`view-${v}`}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                onView(v);
              }}
            >
              {t(`views.${v}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
