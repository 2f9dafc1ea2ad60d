/**
 * Annotations in the reading view: the selection toolbar, highlights painted
 * in the text, the popover of a clicked highlight, clause and document
 * bookmarks (through readerAnnotations), the side panel, keyboard shortcuts
 * and re-attaching an orphan. ReaderView mounts it with one line.
 */
import { createPortal } from 'react-dom';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { resolveInUnit } from '../../core/annotations/anchor';
import { isHighlightColour, kindOf, noteOf, unitIdOf, isOrphaned, type Annotation, type HighlightColour } from '../../core/annotations/model';
import type { PolicyDocument } from '../../core/corpus/types';
import { unitBodyText } from '../../core/corpus/units';
import { copyText, onMenuCommand } from '../platform';
import { citationLine } from '../../core/citation/citation';
import type { FlatUnit } from '../reader/units';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationPanel, type PanelEntry } from './AnnotationPanel';
import { create, remove as removeAction, toggleBookmark, update } from './actions';
import { useDocAnnotations } from './hooks';
import { caretAt, paragraphStarts, pointToOffset, rangeToSpan, unitElementOf, type SelectionSpan } from './dom';
import { useHighlightPainter, type PaintSpan } from './paint';
import { ReattachBanner } from './ReattachBanner';
import { readerAnnotations, type UnitAnnotationState } from './readerState';
import { SelectionToolbar, type ToolbarPlace } from './SelectionToolbar';
import { UndoToast, useUndoToast } from './UndoToast';
import './annotations.css';

const EMPTY: Annotation[] = [];
const LAST_COLOUR_KEY = 'policy-reader:last-colour';
const TOOLBAR_W = 380;

function readLastColour(): HighlightColour {
  try {
    const v = localStorage.getItem(LAST_COLOUR_KEY);
    return isHighlightColour(v) ? v : 'yellow';
  } catch {
    return 'yellow';
  }
}

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

const topbarBottom = () => document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;

function placeFor(rect: DOMRect): ToolbarPlace {
  const below = rect.top - 52 < topbarBottom();
  const left = Math.max(8, Math.min(window.innerWidth - TOOLBAR_W - 8, rect.left + rect.width / 2 - TOOLBAR_W / 2)) + window.scrollX;
  return { top: (below ? rect.bottom + 8 : rect.top - 46) + window.scrollY, left, below };
}

interface Popover {
  id: string;
  top: number;
  left: number;
  focusNote: boolean;
}

export function ReaderAnnotations({ doc, flat }: { doc: PolicyDocument; flat: FlatUnit[] }) {
  const annotations = useDocAnnotations(doc.id) ?? EMPTY;
  const { shown, show, hide } = useUndoToast();
  const [lastColour, setLastColour] = useState(readLastColour);
  const [sel, setSel] = useState<{ span: SelectionSpan; place: ToolbarPlace } | null>(null);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);

  const index = useMemo(() => new Map(flat.map((f, i) => [f.unit.id, { f, i }])), [flat]);
  const bodies = useMemo(() => {
    const cache = new Map<string, { starts: number[]; length: number }>();
    return (unitId: string) => {
      let b = cache.get(unitId);
      if (!b) {
        const u = index.get(unitId)?.f.unit;
        if (!u) return null;
        const starts = paragraphStarts(u.paragraphs);
        b = { starts, length: u.paragraphs.reduce((n, p) => n + p.text.length, 0) + Math.max(0, u.paragraphs.length - 1) };
        cache.set(unitId, b);
      }
      return b;
    };
  }, [index]);
  const startsOf = useCallback((id: string) => bodies(id)?.starts ?? null, [bodies]);

  // Where each annotation is in this document, in reading order.
  const entries = useMemo((): PanelEntry[] => {
    const out: PanelEntry[] = [];
    for (const a of annotations) {
      const unitId = unitIdOf(a);
      const at = unitId ? index.get(unitId) : undefined;
      if (isOrphaned(a) || (unitId && !at)) continue;
      const range = at && a.motivation !== 'bookmarking' ? resolveInUnit(a, at.f.unit) : null;
      if (a.motivation !== 'bookmarking' && !range) continue;
      out.push({ annotation: a, flat: at?.f ?? null, order: at ? at.i : -1, range });
    }
    return out.sort((x, y) => x.order - y.order || (x.range?.start ?? -1) - (y.range?.start ?? -1));
  }, [annotations, index]);

  const spans = useMemo(
    (): PaintSpan[] =>
      entries
        .filter((e) => e.range && e.flat)
        .map((e) => ({ id: e.annotation.id, unitId: e.flat!.unit.id, start: e.range!.start, end: e.range!.end, colour: e.annotation['policyReader:colour'] ?? 'yellow', note: noteOf(e.annotation).trim() !== '' })),
    [entries],
  );
  const root = useCallback(() => document.querySelector('[data-testid=doc] .units'), []);
  const painted = useHighlightPainter(root, spans, startsOf);

  // Bookmarks and note counts for the per-unit controls and the header.
  useEffect(() => {
    const units = new Map<string, UnitAnnotationState>();
    let docBookmark: Annotation | null = null;
    for (const e of entries) {
      const a = e.annotation;
      if (!e.flat) {
        if (a.motivation === 'bookmarking') docBookmark = a;
        continue;
      }
      const s = units.get(e.flat.unit.id) ?? { bookmark: null, marks: 0, notes: 0 };
      if (a.motivation === 'bookmarking') s.bookmark = a;
      else {
        s.marks++;
        if (kindOf(a) === 'note') s.notes++;
      }
      units.set(e.flat.unit.id, s);
    }
    readerAnnotations.publish(units, docBookmark);
  }, [entries]);
  useEffect(() => () => readerAnnotations.clear(), []);

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
      const name = f.unit.label || '本段';
      // Decided in the database, not from this render's state: a fast double press must not add two.
      const r = await toggleBookmark({ doc, unit: f.unit });
      if (!r.ok) return;
      if (r.value.added) show(`已加书签：${name}`);
      else show(`已删除书签：${name}`, r.value.undo ? () => void r.value.undo!() : undefined);
    },
    [index, doc, show],
  );

  const openPopoverFor = useCallback(
    (id: string, focusNote = false) => {
      const r = painted.current.ranges.get(id);
      const rect = r?.getBoundingClientRect();
      if (!rect) return;
      if (rect.top < topbarBottom() || rect.bottom > window.innerHeight) r!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const now = r!.getBoundingClientRect();
      setPopover({ id, top: now.bottom + window.scrollY + 6, left: Math.max(8, Math.min(window.innerWidth - 340, now.left)) + window.scrollX, focusNote });
    },
    [painted],
  );

  useEffect(() => {
    readerAnnotations.actions = {
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
    };
  }, [bookmarkUnit, remove, doc, show, entries, openPopoverFor]);

  // The selection: a toolbar beside it while it lies in a clause.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const s = window.getSelection();
      const units = root();
      if (!s || s.isCollapsed || !s.rangeCount || !units) return setSel(null);
      const r = s.getRangeAt(0);
      if (!units.contains(r.startContainer)) return setSel(null);
      const span = rangeToSpan(r, bodies);
      if (!span) return setSel(null);
      setSel({ span, place: placeFor(r.getBoundingClientRect()) });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [bodies, root]);

  const highlight = useCallback(
    async (colour: HighlightColour, withNote = false) => {
      if (!sel) return;
      const f = index.get(sel.span.unitId)?.f;
      if (!f) return;
      const r = await create({ motivation: 'highlighting', doc, unit: f.unit, range: { start: sel.span.start, end: sel.span.end }, colour });
      if (!r.ok) return;
      const a = r.value;
      setLastColour(colour);
      try {
        localStorage.setItem(LAST_COLOUR_KEY, colour);
      } catch {
        /* the colour is still remembered for this session */
      }
      const place = sel.place;
      window.getSelection()?.removeAllRanges();
      setSel(null);
      if (withNote) setPopover({ id: a.id, top: place.below ? place.top : place.top + 46 + 30, left: place.left, focusNote: true });
    },
    [sel, index, doc],
  );

  const copyQuote = useCallback(async () => {
    if (!sel) return;
    const f = index.get(sel.span.unitId)?.f;
    if (!f) return;
    const body = unitBodyText(f.unit);
    const text = `${citationLine(doc, f.unit, f.ancestors)}\n${body.slice(sel.span.start, sel.span.end)}`;
    const ok = await copyText(text);
    show(ok ? '已复制所选文字及出处' : '复制失败：系统剪贴板不可用');
  }, [sel, index, doc, show]);

  // The clause the reader is on: the focused one, the selected one, else the one at the top of the window.
  const currentUnit = useCallback((): string | null => {
    const focused = unitElementOf(document.activeElement);
    if (focused && root()?.contains(focused)) {
      const r = focused.getBoundingClientRect();
      if (r.bottom > topbarBottom() && r.top < window.innerHeight) return focused.dataset.unitId!;
    }
    if (sel) return sel.span.unitId;
    const article = document.querySelector('[data-testid=doc]')?.getBoundingClientRect();
    if (!article) return null;
    const x = article.left + article.width / 3;
    for (let y = topbarBottom() + 12; y < window.innerHeight; y += 24) {
      const u = unitElementOf(document.elementFromPoint(x, y));
      if (u && root()?.contains(u)) return u.dataset.unitId!;
    }
    return null;
  }, [sel, root]);

  const command = useCallback(
    (c: 'highlight' | 'note' | 'bookmark') => {
      if (c === 'bookmark') {
        const id = currentUnit();
        if (id) void bookmarkUnit(id);
        return;
      }
      if (!sel) return show(c === 'note' ? '请先选择要加笔记的文字' : '请先选择要高亮的文字');
      void highlight(lastColour, c === 'note');
    },
    [currentUnit, bookmarkUnit, sel, show, highlight, lastColour],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const c = e.key === 'h' ? 'highlight' : e.key === 'n' ? 'note' : e.key === 'b' ? 'bookmark' : null;
      if (!c) return;
      e.preventDefault();
      command(c);
    };
    window.addEventListener('keydown', onKey);
    const off = onMenuCommand((c) => (c === 'highlight' || c === 'note' || c === 'bookmark') && command(c));
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [command]);

  // A click on a highlight opens its popover.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || e.target.closest('[data-annot-ui], a, button')) return;
      const s = window.getSelection();
      if (s && !s.isCollapsed) return;
      const caret = caretAt(e.clientX, e.clientY);
      const unitEl = caret ? unitElementOf(caret.node) : null;
      if (!unitEl || !root()?.contains(unitEl)) return;
      const b = bodies(unitEl.dataset.unitId!);
      const offset = b && caret ? pointToOffset(unitEl, caret.node, caret.offset, b.starts, b.length) : -1;
      let best: PaintSpan | null = null;
      for (const sp of spans) {
        if (sp.unitId !== unitEl.dataset.unitId || offset < sp.start - 1 || offset > sp.end + 1) continue;
        const r = painted.current.ranges.get(sp.id);
        const hit = r && Array.from(r.getClientRects()).some((q) => e.clientX >= q.left && e.clientX <= q.right && e.clientY >= q.top && e.clientY <= q.bottom);
        if (hit && (!best || sp.end - sp.start < best.end - best.start)) best = sp;
      }
      if (best) openPopoverFor(best.id);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [spans, bodies, root, painted, openPopoverFor]);

  // A press outside the popover closes it (the editor keeps a typed note).
  useEffect(() => {
    if (!popover) return;
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Element && !e.target.closest('.annot-popover')) setPopover(null);
    };
    // Esc closes it even when the focus is not inside (it was opened by a click on the text).
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPopover(null);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [popover]);

  const open = popover ? annotations.find((a) => a.id === popover.id) : undefined;

  return (
    <>
      {sel && (
        <SelectionToolbar
          place={sel.place}
          lastColour={lastColour}
          onHighlight={(c) => void highlight(c)}
          onNote={() => void highlight(lastColour, true)}
          onBookmark={() => void bookmarkUnit(sel.span.unitId)}
          onCopy={() => void copyQuote()}
        />
      )}
      {popover &&
        open &&
        createPortal(
        <div className="annot-popover" role="dialog" aria-label="编辑标注" data-annot-ui="" style={{ top: popover.top, left: popover.left }}>
          <AnnotationEditor
            annotation={open}
            focusNote={popover.focusNote}
            onSave={(p) => void update(open.id, p)}
            onDelete={() => {
              setPopover(null);
              void remove(open, kindOf(open) === 'note' ? '笔记' : '高亮');
            }}
            onClose={() => setPopover(null)}
          />
        </div>,
        document.body,
      )}
      <ReattachBanner doc={doc} selection={sel?.span ?? null} unitOf={(id) => index.get(id)?.f.unit ?? null} onDone={show} />
      <button type="button" className="annot-panel-toggle" data-annot-ui="" aria-pressed={panelOpen} aria-expanded={panelOpen} aria-label="标注" title="本文的书签、高亮和笔记" onClick={() => setPanelOpen((o) => !o)}>
        标注{entries.length ? ` ${entries.length}` : ''}
      </button>
      {panelOpen && <AnnotationPanel doc={doc} entries={entries} onClose={() => setPanelOpen(false)} />}
      <UndoToast shown={shown} hide={hide} />
    </>
  );
}
