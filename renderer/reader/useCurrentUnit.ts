/**
 * The one "current unit" of the reading view. The outline's entry, j/k, c,
 * the blue bar (focus) and the arrival flash all follow it:
 *   - set explicitly by a click or focus inside a unit, by j/k, by a deep link;
 *   - while it stays on screen, scrolling does not move it;
 *   - once scrolled out of view, the unit at the top of the window takes over
 *     (and the blue bar goes, since nothing was chosen).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { readingTop } from './readingArea';

export interface CurrentUnit {
  /** The current unit id (explicit, else the last one at the top of the window). */
  get(): string | null;
  /** Choose a unit (j/k, deep link, click); `focus` draws the blue bar on it. */
  choose(id: string, opts?: { focus?: boolean }): void;
  /** The unit at the top of the window changed (scrolling). */
  scrolledTo(topId: string | null): void;
}


/** Whether a unit is at least partly in the reading area (below the top bar). */
export function unitOnScreen(id: string | null): boolean {
  const el = id ? document.getElementById(id) : null;
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > readingTop() + 4 && r.top < window.innerHeight;
}

export function useCurrentUnit(onChange: (id: string | null) => void): CurrentUnit {
  const current = useRef<string | null>(null);
  const explicit = useRef(false);
  const changed = useRef(onChange);
  changed.current = onChange;

  const choose = useCallback((id: string, opts: { focus?: boolean } = {}) => {
    explicit.current = true;
    if (opts.focus) document.getElementById(id)?.focus({ preventScroll: true });
    if (current.current !== id) {
      current.current = id;
      changed.current(id);
    }
  }, []);

  const scrolledTo = useCallback((topId: string | null) => {
    if (explicit.current && unitOnScreen(current.current)) return;
    explicit.current = false;
    const focused = document.activeElement as HTMLElement | null;
    if (focused?.dataset?.unitId && focused.dataset.unitId !== topId) focused.blur();
    if (current.current !== topId) {
      current.current = topId;
      changed.current(topId);
    }
  }, []);

  // A click (or Tab) into a unit makes it current: focus lands on the unit or a control inside it.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const unit = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-unit-id]');
      if (unit?.dataset.unitId) choose(unit.dataset.unitId);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [choose]);

  return useMemo(() => ({ get: () => current.current, choose, scrolledTo }), [choose, scrolledTo]);
}
