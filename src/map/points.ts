/**
 * The points overlay every map accepts (Child Protection Units, schools...): the point type and its outline.
 * Kept free of deck.gl so the SVG first-paint map can draw points without loading WebGL code.
 */
import type { Rgb } from './scale';

/** One point on the map. */
export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  color: Rgb;
  /** Radius in pixels. */
  radius: number;
  /** First tooltip line (plain text). */
  label: string;
  /** Second tooltip line (plain text), e.g. supporter and opening year. */
  detail?: string;
  /** Outline width in pixels (default 1); a wider dark ring marks a point out (e.g. opened recently). */
  ring?: number;
}

/** Outline colour of every point: dark, so light fills stand out from the choropleth. */
export const POINT_OUTLINE: Rgb = [25, 25, 25];
