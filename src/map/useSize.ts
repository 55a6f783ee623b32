/** The content size of an element, kept current with a ResizeObserver, and the first non-empty size. */
import { useEffect, useState, type RefObject } from 'react';

/** A size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Current size (0 until measured) and the first size that had an area (null until then). */
export function useSize(ref: RefObject<HTMLElement | null>): Size & { first: Size | null } {
  const [size, setSize] = useState<Size & { first: Size | null }>({ width: 0, height: 0, first: null });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The observer also reports the size it finds when it starts observing.
    const ro = new ResizeObserver(() => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      setSize((s) => ({
        width,
        height,
        first: s.first ?? (width > 0 && height > 0 ? { width, height } : null),
      }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
