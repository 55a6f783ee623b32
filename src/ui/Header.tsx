/** Title, language switch and the synthetic-data banner. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Lang } from '../i18n';

interface Props {
  lang: Lang;
  onLang: (lang: Lang) => void;
  synthetic: boolean;
}

/** The page header. */
export function Header({ lang, onLang, synthetic }: Props) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <a className="skip-link" href="#map">
        {t('app.skip')}
      </a>
      <div className="title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <div className="lang-switch" role="group" aria-label={t('controls.language')}>
        {LANGUAGES.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            aria-pressed={l === lang}
            onClick={() => onLang(l)}
            data-testid={`lang-${l}`}
          >
            {t(`lang.${l}`)}
          </button>
        ))}
      </div>
      {synthetic && (
        <p className="banner" role="note" data-testid="synthetic-banner">
          {t('banner.synthetic')}
        </p>
      )}
    </header>
  );
}
