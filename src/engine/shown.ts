/** A value that may be hidden by small-count suppression. */
export interface Shown {
  value: number | null;
  suppressed: boolean;
}
