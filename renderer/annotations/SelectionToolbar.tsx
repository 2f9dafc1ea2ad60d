import { createPortal } from 'react-dom';
import { useLayoutEffect, useRef } from 'react';
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, type HighlightColour } from '../../core/annotations/model';

export interface ToolbarPlace {
  /** Page coordinates (the toolbar scrolls with the text). */
  top: number;
  left: number;
  below: boolean;
}

interface Props {
  place: ToolbarPlace;
  lastColour: HighlightColour;
  onHighlight(c: HighlightColour): void;
  onNote(): void;
  onBookmark(): void;
  onCopy(): void;
}

/** Keeps the text selection when a button is pressed with the mouse. */
const keepSelection = (e: React.MouseEvent) => e.preventDefault();

/**
 * The toolbar is appended to the page (it floats over the text), so the Tab
 * order would never reach it: Tab while it shows moves into it; Esc goes back
 * to the clause with the selection kept.
 */
function useTabIntoToolbar(bar: React.RefObject<HTMLDivElement | null>) {
  // A layout effect: the key handler is in place in the commit that shows the toolbar, so a Tab pressed as soon
  // as it appears (before a passive effect would run) goes into it, not down the page's Tab order.
  useLayoutEffect(() => {
    let from: HTMLElement | null = null;
    const onKey = (e: KeyboardEvent) => {
      const el = bar.current;
      if (!el) return;
      const inside = el.contains(document.activeElement);
      if (e.key === 'Tab' && !e.shiftKey && !inside && !e.ctrlKey && !e.altKey && !e.metaKey) {
        const t = document.activeElement;
        if (t && (t as HTMLElement).isContentEditable) return;
        if (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return;
        e.preventDefault();
        from = document.activeElement as HTMLElement | null;
        el.querySelector<HTMLElement>('button.last, button')?.focus();
      } else if (e.key === 'Escape' && inside) {
        e.preventDefault();
        (from && from !== document.body ? from : null)?.focus({ preventScroll: true });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [bar]);
}

export function SelectionToolbar({ place, lastColour, onHighlight, onNote, onBookmark, onCopy }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  useTabIntoToolbar(bar);
  return createPortal(
    <div
      ref={bar}
      className={place.below ? 'sel-toolbar below' : 'sel-toolbar'}
      role="toolbar"
      aria-label="标注所选文字"
      data-annot-ui=""
      style={{ top: place.top, left: place.left }}
      onMouseDown={keepSelection}
    >
      {HIGHLIGHT_COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          className={c === lastColour ? `swatch sw-${c} last` : `swatch sw-${c}`}
          aria-label={`高亮：${COLOUR_NAMES[c]}`}
          title={c === lastColour ? `高亮：${COLOUR_NAMES[c]}（h）` : `高亮：${COLOUR_NAMES[c]}`}
          onClick={() => onHighlight(c)}
        />
      ))}
      <button type="button" onClick={onNote} title="高亮并写笔记（n）">
        添加笔记
      </button>
      <button type="button" onClick={onBookmark} title="为本条加书签（b）">
        书签
      </button>
      <button type="button" onClick={onCopy} title="复制所选文字及出处">
        复制引用
      </button>
    </div>,
    document.body,
  );
}
