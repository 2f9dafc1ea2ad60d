import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { readingTop } from './readingArea';

/**
 * Reports the unit at the top of the viewport while scrolling, once per frame
 * at most. Uses elementFromPoint rather than an IntersectionObserver over
 * every unit: one hit test per frame costs the same for 60 or 3,000 units.
 */
export function useTopUnit(container: RefObject<HTMLElement | null>, onTop: (unitId: string | null, scrollTop: number) => void): () => string | null {
  const cb = useRef(onTop);
  cb.current = onTop;
  // Stable across renders, so callers can list it as an effect dependency.
  const probe = useCallback(() => {
    const el = container.current;
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + Math.min(40, rect.width / 2), Math.max(readingTop(), rect.top) + 12);
    return hit?.closest<HTMLElement>('[data-unit-id]')?.dataset.unitId ?? null;
  }, [container]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        cb.current(probe(), window.scrollY);
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [probe]);
  return probe;
}
