/** Text for a value a person sees: a locale number, "<k" when suppressed, or a no-data word. */
import { formatNumber, type Lang } from '../i18n';

/** Decimals to show for an indicator: counts are whole numbers, rates keep one decimal. */
export function digitsFor(aggregation: 'sum' | 'ratio'): number {
  return aggregation === 'sum' ? 0 : 1;
}

/** Formats a possibly suppressed value. */
export function formatShown(
  v: { value: number | null; suppressed: boolean },
  lang: Lang,
  digits: number,
  k: number,
  noData: string,
): string {
  if (v.suppressed) return `<${formatNumber(k, lang, 0)}`;
  if (v.value === null) return noData;
  return formatNumber(v.value, lang, digits);
}
