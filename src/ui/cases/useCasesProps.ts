/**
 * The props of the explorer's parts, from its data (./useCasesView) and the translator: the labels, the
 * charts' bars, the map's colours and tooltip, the summary and the tables' texts. Each part memoised on what
 * it depends on, so a new answer rebuilds only what it changes.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseBar, CaseDim } from '../../engine/cases-types';
import type { ViewContext } from '../views';
import { measureOf, rankMunicipalities } from './cases-derive';
import { casesScale } from './cases-scale';
import { countText, rateText, summaryText, valueLabel, type LabelContext } from './cases-texts';
import type { CasesViewData } from './useCasesView';

/** How many municipalities the ranked list shows (the selected ones beyond them too). */
export const TOP_MUNICIPALITIES = 15;

/** The explorer's props. */
export function useCasesProps(data: CasesViewData, ctx: ViewContext) {
  const { t } = useTranslation();
  const { lang } = ctx.state;
  const { municipalities } = ctx;
  const { facets } = data.answer;
  const { measure } = data.settings;
  const names = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m.name])), [municipalities]);
  const counties = useMemo(
    () => new Map(municipalities.map((m) => [m.lau_code, m.qark_name])),
    [municipalities],
  );
  const labels: LabelContext = useMemo(() => ({ t, lang, names }), [t, lang, names]);
  const label = useCallback((dim: CaseDim, v: string | number) => valueLabel(labels, dim, v), [labels]);
  const count = useCallback((c: number | null) => countText(c, lang), [lang]);
  const rate = useCallback((r: number | null | undefined) => rateText(r, lang), [lang]);
  const valueText = useCallback(
    (b: CaseBar) => (measure === 'rate' ? rateText(measureOf(b, 'rate'), lang) : countText(b.count, lang)),
    [measure, lang],
  );
  const countOnly = useCallback((b: CaseBar) => countText(b.count, lang), [lang]);

  const lau = facets?.facets.lau_code;
  const map = useMemo(() => (lau ? casesScale(lau, measure) : null), [lau, measure]);
  const ranked = useMemo(
    () => (lau ? rankMunicipalities(lau, measure, TOP_MUNICIPALITIES, data.filters.lau_code) : []),
    [lau, measure, data.filters.lau_code],
  );
  const describe = useCallback(
    (code: string) => {
      const v = map?.values.get(code);
      const value = !v
        ? ''
        : v.suppressed
          ? t('cases.suppressedCount', { k: data.k })
          : measure === 'rate'
            ? t('cases.rateValue', { rate: rateText(v.value, lang) })
            : t('cases.countValue', { count: v.value ?? 0, n: countText(v.value, lang) });
      return { name: names.get(code) ?? code, county: counties.get(code) ?? '', value };
    },
    [map, names, counties, measure, lang, t, data.k],
  );
  const show = { k: data.k, perturb: data.perturb };
  const summary = facets ? summaryText(labels, facets.total, data.filters, show) : '';
  const unit = measure === 'rate' ? t('cases.unitRate') : t('cases.unitCount');
  return {
    t,
    lang,
    label,
    count,
    rate,
    valueText,
    countOnly,
    names,
    map,
    ranked,
    describe,
    summary,
    mapText: {
      label: t('cases.mapLabel', { what: unit }),
      title: t('cases.mapTitle'),
      unit,
      method: t('legend.method'),
    },
  };
}

/** What {@link useCasesProps} gives the layout. */
export type CasesProps = ReturnType<typeof useCasesProps>;
