/** Where the reading view's floating annotation UI goes: below the top bar, inside the window. */
import type { ToolbarPlace } from './SelectionToolbar';

const TOOLBAR_W = 380;

export const topbarBottom = () => document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;

/** Above the selection, or below it when there is no room under the top bar (page coordinates). */
export function toolbarPlaceFor(rect: DOMRect): ToolbarPlace {
  const below = rect.top - 52 < topbarBottom();
  const left = Math.max(8, Math.min(window.innerWidth - TOOLBAR_W - 8, rect.left + rect.width / 2 - TOOLBAR_W / 2)) + window.scrollX;
  return { top: (below ? rect.bottom + 8 : rect.top - 46) + window.scrollY, left, below };
}

export function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
