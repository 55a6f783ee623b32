/** Number texts of the hotspots view's legend notes and table. */
import { formatNumber, type Lang } from '../../i18n';

/** A p-value or statistic as text: three decimals, or scientific below 0.001. */
export function formatStat(x: number, lang: Lang, digits = 3): string {
  if (!Number.isFinite(x)) return '–';
  if (x !== 0 && Math.abs(x) < 10 ** -digits) return x.toExponential(1);
  return formatNumber(x, lang, digits);
}

/** A shown dropout rate: `<k` when suppressed, a dash when unknown, else two decimals. */
export function formatRate(
  r: { rate: number | null; suppressed: boolean } | undefined,
  k: number,
  lang: Lang,
): string {
  return r?.suppressed ? `<${k}` : r?.rate == null ? '–' : formatNumber(r.rate, lang, 2);
}
