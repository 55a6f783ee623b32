/** The coverage view (being built: see its issue). */
import { useTranslation } from 'react-i18next';
import type { ViewContext } from '../views';

/** The coverage view. */
export default function CoverageView(props: ViewContext) {
  const { t } = useTranslation();
  void props;
  return (
    <main className="main view-pending" id="map">
      <p>{t('views.pending')}</p>
    </main>
  );
}
