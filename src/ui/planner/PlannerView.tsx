/** The planner view (being built: see its issue). */
import { useTranslation } from 'react-i18next';
import type { ViewContext } from '../views';

/** The planner view. */
export default function PlannerView(props: ViewContext) {
  const { t } = useTranslation();
  void props;
  return (
    <main className="main view-pending" id="map">
      <p>{t('views.pending')}</p>
    </main>
  );
}
