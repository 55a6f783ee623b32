/** Title, language switch and the synthetic-data banner. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Lang } from '../i18n';
import type { Banner } from './own/own-data';

interface Props {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** What is synthetic on screen: everything, some named parts (after the user loaded files), or nothing. */
  banner: Banner;
}

/** The page header. */
export function Header({ lang, onLang, banner }: Props) {
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
      {banner && (
        <p className="banner" role="note" data-testid="synthetic-banner" data-kind={banner.kind}>
          {banner.kind === 'all'
            ? t('banner.synthetic')
            : `${t('own.banner', { list: banner.names.join(', ') })} ${t('own.bannerHint')}`}
        </p>
      )}
    </header>
  );
}
