/** Selection of municipalities on a map: one (most views) or several (the case explorer's filter). */

/** Whether `lau` is selected: the one selected municipality, or one of several. */
export function isSelected(selected: string | readonly string[] | null, lau: string): boolean {
  return typeof selected === 'string' ? selected === lau : (selected?.includes(lau) ?? false);
}
