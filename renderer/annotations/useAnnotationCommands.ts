/**
 * What the reader can do with annotations: highlight the selection (in the
 * last colour, remembered across sessions), add a note, bookmark a clause or
 * the document, copy the selection with its citation, delete with 撤销. The
 * controls in the text reach these through the view's store (provide).
 */
import { useCallback, useEffect, useState } from 'react';
import { isHighlightColour, kindOf, type Annotation, type HighlightColour } from '../../core/annotations/model';
import { citationLine } from '../../core/citation/citation';
import type { PolicyDocument } from '../../core/corpus/types';
import { unitBodyText } from '../../core/corpus/units';
import { copyText } from '../platform';
import { unitName } from '../reader/units';
import { create, remove as removeAction, toggleBookmark } from './actions';
import { unitElementOf } from './dom';
import { topbarBottom } from './placement';
import type { ReaderAnnotationStore } from './readerState';
import type { DocAnnotationEntries } from './useDocAnnotationEntries';
import type { Popover } from './useAnnotationPopover';
import type { AnnotationCommand } from './useAnnotationKeys';
import type { Selected } from './useSelectionToolbar';
import type { ToolbarPlace } from './SelectionToolbar';
import { opensWithFirstClause } from '../../core/citation/printed';

const LAST_COLOUR_KEY = 'policy-reader:last-colour';

function readLastColour(): HighlightColour {
  try {
    const v = localStorage.getItem(LAST_COLOUR_KEY);
    return isHighlightColour(v) ? v : 'yellow';
  } catch {
    return 'yellow';
  }
}

interface Deps {
  doc: PolicyDocument;
  store: ReaderAnnotationStore;
  data: DocAnnotationEntries;
  root: () => Element | null;
  sel: Selected | null;
  /** The selection as it is now (useSelectionToolbar): `sel` may be a frame behind it. */
  selNow(): Selected | null;
  clearSelection(): void;
  show(text: string, undo?: (() => void) | null): void;
  setPopover(p: Popover | null): void;
  openPopoverFor(id: string): void;
}

export function useAnnotationCommands({ doc, store, data, root, sel, selNow, clearSelection, show, setPopover, openPopoverFor }: Deps) {
  const { index, entries } = data;
  const [lastColour, setLastColour] = useState(readLastColour);

  const remove = useCallback(
    async (a: Annotation, what: string) => {
      const r = await removeAction(a.id);
      if (r.ok) show(`已删除${what}`, () => void r.value.undo());
    },
    [show],
  );

  const bookmarkUnit = useCallback(
    async (unitId: string) => {
      const f = index.get(unitId)?.f;
      if (!f) return;
      const name = unitName(f.unit, f.ancestors);
      // Decided in the database, not from this render's state: a fast double press must not add two.
      const r = await toggleBookmark({ doc, unit: f.unit });
      if (!r.ok) return;
      if (r.value.added) show(`已加书签：${name}`);
      else show(`已删除书签：${name}`, r.value.undo ? () => void r.value.undo!() : undefined);
    },
    [index, doc, show],
  );

  // The controls in the text (☆, 注, the header's 书签) call these through the store.
  useEffect(
    () =>
      store.provide({
        toggleUnitBookmark: (id) => void bookmarkUnit(id),
        toggleDocBookmark: () =>
          void toggleBookmark({ doc }).then((r) => {
            if (!r.ok) return;
            if (r.value.added) show('已为本文加书签');
            else show('已删除本文书签', r.value.undo ? () => void r.value.undo!() : undefined);
          }),
        openUnitNotes: (unitId) => {
          const e = entries.find((x) => x.flat?.unit.id === unitId && kindOf(x.annotation) === 'note');
          if (e) openPopoverFor(e.annotation.id);
        },
      }),
    [store, bookmarkUnit, doc, show, entries, openPopoverFor],
  );

  const highlightSpan = useCallback(
    async (span: { unitId: string; start: number; end: number }, place: ToolbarPlace, colour: HighlightColour, withNote: boolean) => {
      const f = index.get(span.unitId)?.f;
      if (!f) return;
      const r = await create({ motivation: 'highlighting', doc, unit: f.unit, range: { start: span.start, end: span.end }, colour });
      if (!r.ok) return;
      const a = r.value;
      setLastColour(colour);
      try {
        localStorage.setItem(LAST_COLOUR_KEY, colour);
      } catch {
        /* the colour is still remembered for this session */
      }
      clearSelection();
      if (withNote) setPopover({ id: a.id, top: place.below ? place.top : place.top + 46 + 30, left: place.left, focusNote: true });
      else document.getElementById(span.unitId)?.focus({ preventScroll: true });
    },
    [index, doc, clearSelection, setPopover],
  );

  // The toolbar acts on the words selected now: a Shift+→ pressed just before Enter is in the highlight (`sel` can
  // be a frame behind). The toolbar keeps the selection when pressed, so there is one; else the one it shows.
  const highlight = useCallback(
    async (colour: HighlightColour, withNote = false) => {
      const s = selNow() ?? sel;
      if (s) await highlightSpan(s.span, s.place, colour, withNote);
    },
    [sel, selNow, highlightSpan],
  );

  const copyQuote = useCallback(async () => {
    const s = selNow() ?? sel;
    if (!s) return;
    const f = index.get(s.span.unitId)?.f;
    if (!f) return;
    const body = unitBodyText(f.unit);
    const text = `${citationLine(doc, f.unit, f.ancestors)}\n${body.slice(s.span.start, s.span.end)}`;
    const ok = await copyText(text);
    show(ok ? '已复制所选文字及出处' : '复制失败：系统剪贴板不可用');
  }, [sel, selNow, index, doc, show]);

  // `sel` follows the document's selection one animation frame late (useSelectionToolbar). A key pressed
  // in that frame after the selection was removed (Esc, a move with j) must not act on words no longer
  // selected: the note would land on the previous clause while the reader types it for this one.
  const liveSel = useCallback((): Selected | null => {
    const s = window.getSelection();
    return sel && s && !s.isCollapsed && s.rangeCount ? sel : null;
  }, [sel]);

  // The clause the reader is on: the focused one, the selected one, else the one at the top of the window.
  const currentUnit = useCallback((): string | null => {
    const units = root();
    const focused = unitElementOf(document.activeElement);
    if (focused && units?.contains(focused)) {
      const r = focused.getBoundingClientRect();
      // An article printed on its first 款's line has no height of its own: that 款 is on screen instead.
      const shown = r.height > 0 ? r : (focused.nextElementSibling?.getBoundingClientRect() ?? r);
      if (shown.bottom > topbarBottom() && shown.top < window.innerHeight) return focused.dataset.unitId!;
    }
    const selected = liveSel();
    if (selected) return selected.span.unitId;
    const box = units?.getBoundingClientRect();
    if (!box) return null;
    const x = box.left + box.width / 3;
    for (let y = topbarBottom() + 12; y < window.innerHeight; y += 24) {
      const u = unitElementOf(document.elementFromPoint(x, y));
      if (u && units?.contains(u)) return u.dataset.unitId!;
    }
    return null;
  }, [liveSel, root]);

  // The clause whose words the keyboard works on: the current one, or for an article printed on its
  // first 款's line (no text of its own), that 款.
  const clauseWithText = useCallback((): string | null => {
    const id = currentUnit();
    const u = id ? index.get(id)?.f.unit : undefined;
    if (!u) return null;
    if (data.bodies(u.id)?.length) return u.id;
    return opensWithFirstClause(u) ? u.children[0].id : null;
  }, [currentUnit, index, data]);

  const command = useCallback(
    (c: AnnotationCommand) => {
      if (c === 'bookmark') {
        const id = currentUnit();
        if (id) void bookmarkUnit(id);
        return;
      }
      if (liveSel()) return void highlight(lastColour, c === 'note');
      // No selection: the whole current clause (keyboard users have no mouse to select with).
      const id = clauseWithText();
      const b = id ? data.bodies(id) : null;
      const el = id ? document.getElementById(id) : null;
      if (!id || !b?.length || !el) return show(c === 'note' ? '请先选择要加笔记的文字，或用 j/k 移到一条条文' : '请先选择要高亮的文字，或用 j/k 移到一条条文');
      const r = el.querySelector('p[data-para]')?.getBoundingClientRect() ?? el.getBoundingClientRect();
      void highlightSpan({ unitId: id, start: 0, end: b.length }, { top: r.bottom + window.scrollY + 6, left: Math.max(8, r.left) + window.scrollX, below: true }, lastColour, c === 'note');
    },
    [currentUnit, clauseWithText, bookmarkUnit, liveSel, show, highlight, highlightSpan, lastColour, data],
  );

  return { lastColour, remove, bookmarkUnit, highlight, copyQuote, command, clauseWithText };
}
