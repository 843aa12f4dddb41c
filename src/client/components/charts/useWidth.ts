import { useCallback, useRef, useState } from 'react';

/**
 * The width in CSS pixels of the element the returned ref is put on, followed as it resizes, so a chart
 * draws at its real size and its text stays legible on a phone instead of shrinking with a viewBox.
 */
export function useWidth(fallback: number) {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const update = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    update();
    if (typeof ResizeObserver !== 'undefined') {
      observer.current = new ResizeObserver(update);
      observer.current.observe(el);
    }
  }, []);
  return [ref, width] as const;
}
