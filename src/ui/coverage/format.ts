/** Text of the coverage figures: shares as percentages, suppressed counts as "<k", missing as a dash word. */
import type { Shown } from '../../analysis/coverage';
import { formatNumber, type Lang } from '../../i18n';
import { formatShown } from '../../common/format';

/** Formatting bound to a language, a threshold and the words for "no data" and "per cent". */
export interface CoverageFormat {
  count: (n: number) => string;
  share: (s: number | null) => string;
  shown: (v: Shown, digits?: number) => string;
}

/** Builds the formatters; `percent` words a percentage ("{{value}}%"), `noData` a missing value. */
export function coverageFormat(
  lang: Lang,
  k: number,
  noData: string,
  percent: (value: string) => string,
): CoverageFormat {
  return {
    count: (n) => formatNumber(n, lang, 0),
    share: (s) => (s === null ? noData : percent(formatNumber(s * 100, lang, 1))),
    shown: (v, digits = 0) => formatShown(v, lang, digits, k, noData),
  };
}
