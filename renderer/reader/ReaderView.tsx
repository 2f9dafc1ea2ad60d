import { Fragment, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PolicyDocument } from '../../core/corpus/types';
import { Toast, useToast } from '../components/Toast';
import { usePositionWriter, useSavedPosition } from '../hooks/useReadingPosition';
import { copyText } from '../platform';
import { citationLine, citationText } from '../../core/citation/citation';
import { DocHeader } from './DocHeader';
import { parseQuery } from '../../core/search';
import { onMenuCommand } from '../platform';
import { useInDocumentFind, type FindMatch } from '../search/useInDocumentFind';
import { FindBar } from './FindBar';
import { ReaderAnnotations } from '../annotations/ReaderAnnotations';
import { createReaderAnnotationStore, ReaderAnnotationContext } from '../annotations/readerState';
import { createActiveStore } from './activeStore';
import { Outline } from './Outline';
import { ReaderDock } from './ReaderDock';
import { useProgressiveChunks } from './useProgressiveChunks';
import { chunkUnits, pageMarks } from './pages';
import { UnitBlock, type CarriedFind } from './UnitBlock';
import { carriedMarker, signatureIndex } from '../../core/citation/printed';
import { useTopUnit } from './useUnitTracking';
import { unitOnScreen, useCurrentUnit } from './useCurrentUnit';
import { useKeepPlace } from './useKeepPlace';
import { READING_TEXT_ID, readingTop } from './readingArea';
import { BodyMissingNotice, MissingClauseNotice } from './ReaderNotices';
import { hasBodyText } from '../../core/corpus/units';
import { buildOutline, flattenUnits, type FlatUnit, type OutlineEntry } from './units';

interface Props {
  doc: PolicyDocument;
  /** Unit to land on (deep link); null restores the saved reading position. */
  unitId: string | null;
  /** Terms to mark in the text (`?q=` from search). */
  highlightQuery: string;
  /** Changes on every navigation, so a repeated link to the same unit re-scrolls. */
  nonce: number;
}

const FLASH_MS = 2000;
const NO_OUTLINE: OutlineEntry[] = [];

function scrollToUnit(id: string): HTMLElement | null {
  const el = document.getElementById(id);
  if (!el) return null;
  el.scrollIntoView({ block: 'start' });
  // Units above the target may only now get laid out (content-visibility) and
  // change height; a second pass after layout settles keeps the target in place.
  requestAnimationFrame(() => requestAnimationFrame(() => el.scrollIntoView({ block: 'start' })));
  return el;
}

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function ReaderView({ doc, unitId, highlightQuery, nonce }: Props) {
  const flat = useMemo(() => flattenUnits(doc.units), [doc]);
  const outline = useMemo(() => buildOutline(doc.units), [doc]);
  // The outline of a long law has over a thousand entries: it renders after the text's first screen.
  const shownOutline = useDeferredValue(outline, NO_OUTLINE);
  const marks = useMemo(() => pageMarks(flat), [flat]);
  const chunks = useMemo(() => chunkUnits(flat), [flat]);
  // The signature is printed under the text, before its notes (（此件公开发布）), the attachments and the 版记 (the first of them at the top level).
  const signatureBefore = useMemo(() => doc.units[signatureIndex(doc.units)]?.id ?? null, [doc]);
  const indexOf = useMemo(() => new Map(flat.map((f, i) => [f.unit.id, i])), [flat]);
  const hasBody = useMemo(() => hasBodyText(doc), [doc]);
  const outlineIds = useMemo(() => {
    const ids = new Set<string>();
    const walk = (es: typeof outline) => es.forEach((e) => (ids.add(e.id), walk(e.children)));
    walk(outline);
    return ids;
  }, [outline]);
  const query = useMemo(() => (highlightQuery.trim() ? parseQuery(highlightQuery) : null), [highlightQuery]);

  // In-document find: the match in focus is scrolled to the middle of the window.
  const find = useInDocumentFind(doc, {
    onCurrent: () => requestAnimationFrame(() => document.querySelector('mark.find-current')?.scrollIntoView({ block: 'center' })),
  });
  const showFind = find.show;
  useEffect(() => onMenuCommand((c) => c === 'find' && showFind()), [showFind]);
  const foundByUnit = useMemo(() => {
    const m = new Map<string, FindMatch[]>();
    for (const x of find.open ? find.matches : []) m.set(x.unitId, [...(m.get(x.unitId) ?? []), x]);
    return m;
  }, [find.open, find.matches]);
  const currentMatch = find.open ? find.matches[find.current] : undefined;
  // Find matches on an article number shown on its first 款's line are drawn there (undefined when none: keeps memo hits).
  const carriedFind = (f: FlatUnit): CarriedFind | undefined => {
    const parent = f.ancestors[f.ancestors.length - 1];
    if (!parent || !carriedMarker(f.unit, parent)) return undefined;
    const found = foundByUnit.get(parent.id);
    return found ? { found, currentMatch: currentMatch?.unitId === parent.id ? currentMatch : undefined } : undefined;
  };

  const content = useRef<HTMLDivElement>(null);
  const unitsRef = useRef<HTMLDivElement>(null);
  // One annotation store per reading view: the clause controls read it, ReaderAnnotations fills it.
  const [annotationStore] = useState(createReaderAnnotationStore);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [active] = useState(createActiveStore);
  const { toast, show } = useToast();
  // The outline as a drawer (narrow windows, ReaderDock's 目录).
  const [outlineOpen, setOutlineOpen] = useState(false);
  const outlineToggle = useRef<HTMLButtonElement>(null);
  const toggleOutline = useCallback(() => setOutlineOpen((o) => !o), []);
  const closeOutline = useCallback((opts: { restoreFocus: boolean }) => {
    setOutlineOpen(false);
    if (opts.restoreFocus) outlineToggle.current?.focus();
  }, []);

  const saved = useSavedPosition(doc.id);
  const writePosition = usePositionWriter(doc.id);

  // Long documents go on the page in steps (useProgressiveChunks); what must be there now is.
  const savedUnit = !unitId && saved.loaded && saved.position ? (saved.position.unitId && indexOf.has(saved.position.unitId) ? saved.position.unitId : 'all') : null;
  const progressive = useProgressiveChunks(chunks, doc.id, find.open ? 'all' : (unitId ?? savedUnit));
  const { mountAll } = progressive;

  const outlineFor = useCallback(
    (id: string | null) => {
      if (!id) return null;
      const f = flat[indexOf.get(id) ?? -1];
      if (!f) return null;
      const chain = [...f.ancestors, f.unit];
      for (let i = chain.length - 1; i >= 0; i--) if (outlineIds.has(chain[i].id)) return chain[i].id;
      return null;
    },
    [flat, indexOf, outlineIds],
  );

  // One current unit drives the outline, j/k, c and the blue bar (useCurrentUnit.ts).
  const current = useCurrentUnit((id) => active.set(outlineFor(id)));
  const topUnit = useTopUnit(content, (id, scrollTop) => {
    writePosition(id, scrollTop);
    current.scrolledTo(id);
  });
  useKeepPlace(() => (unitOnScreen(current.get()) ? current.get() : topUnit()));

  // Deep link: land on the unit and flash it.
  useLayoutEffect(() => {
    if (!unitId) return;
    if (!indexOf.has(unitId)) return; // MissingClauseNotice says so
    scrollToUnit(unitId);
    current.choose(unitId, { focus: true });
    setFlashId(unitId);
    const t = setTimeout(() => setFlashId(null), FLASH_MS);
    return () => clearTimeout(t);
  }, [unitId, nonce, indexOf, current]);

  // Opened with Enter from a list, the focus was on a link that is gone: put it in the document, so
  // j/k, h, Tab and the screen reader start from the text (a deep link focuses its clause instead).
  useEffect(() => {
    const f = document.activeElement;
    if (!f || f === document.body || !f.isConnected) content.current?.focus({ preventScroll: true });
  }, [doc.id]);

  // No deep link: restore where the reader left off, once, when the position has been read.
  const restored = useRef(false);
  useLayoutEffect(() => {
    if (unitId || restored.current || !saved.loaded) return;
    restored.current = true;
    const p = saved.position;
    if (!p) return;
    if (p.unitId && indexOf.has(p.unitId)) {
      scrollToUnit(p.unitId);
      current.scrolledTo(p.unitId);
    } else window.scrollTo(0, p.scrollTop);
  }, [unitId, saved, indexOf, current]);

  const copy = useCallback(
    async (f: FlatUnit) => {
      const ok = await copyText(citationText(doc, f.unit, f.ancestors));
      show(ok ? `已复制：${citationLine(doc, f.unit, f.ancestors)}` : '复制失败：系统剪贴板不可用');
    },
    [doc, show],
  );

  // Keyboard: j/k or ↓/↑ move between units, c copies the current one.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Shift+arrows select words (useKeyboardSelection), they do not move between clauses.
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || isTyping(e.target)) return;
      const from = current.get() ?? topUnit();
      const at = from ? (indexOf.get(from) ?? -1) : -1;
      let next: number;
      if (e.key === 'j' || e.key === 'ArrowDown') next = Math.min(flat.length - 1, at + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') next = Math.max(0, at < 0 ? 0 : at - 1);
      else if (e.key === 'c' && at >= 0) {
        e.preventDefault();
        void copy(flat[at]);
        return;
      } else return;
      e.preventDefault();
      const id = flat[next]?.unit.id;
      // The next clause may not be on the page yet (a long document still being put there).
      if (id && !document.getElementById(id)) mountAll();
      const el = id ? document.getElementById(id) : null;
      if (!el || !id) return;
      const r = el.getBoundingClientRect();
      const topbar = readingTop();
      if (r.top < topbar || r.bottom > window.innerHeight) el.scrollIntoView({ block: r.height > window.innerHeight - topbar ? 'start' : 'nearest' });
      current.choose(id, { focus: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flat, indexOf, copy, topUnit, current, mountAll]);

  return (
    <ReaderAnnotationContext value={annotationStore}>
      <div className="reader">
        {/* In the flow, above the text (sticky under the top bar): it never covers a line. */}
        <FindBar find={find} />
        <ReaderDock docId={doc.id} outlineOpen={outlineOpen} onToggleOutline={toggleOutline} toggleRef={outlineToggle} />
        <Outline docId={doc.id} outline={shownOutline} pending={shownOutline !== outline} active={active} drawerOpen={outlineOpen} onClose={closeOutline} />
        <article className="doc" id={READING_TEXT_ID} ref={content} tabIndex={-1} data-testid="doc" data-doc-id={doc.id}>
          <DocHeader doc={doc} />
          {unitId && !indexOf.has(unitId) && <MissingClauseNotice doc={doc} unitId={unitId} />}
          {!hasBody && <BodyMissingNotice doc={doc} />}
          {doc.addressees && <p className="addressees">{doc.addressees}</p>}
          <div className="units" ref={unitsRef}>
            {chunks.slice(0, progressive.shown).map((c) => (
              <div key={c.key} className="chunk" style={{ containIntrinsicSize: `auto ${c.estimateEm}em` }}>
                {c.units.map((f) => (
                  <Fragment key={f.unit.id}>
                    {f.unit.id === signatureBefore && <Signature lines={doc.signature} />}
                    <UnitBlock
                      flat={f}
                      marks={marks.get(f.unit.id) ?? []}
                      query={query}
                      found={foundByUnit.get(f.unit.id)}
                      currentMatch={currentMatch?.unitId === f.unit.id ? currentMatch : undefined}
                      carried={carriedFind(f)}
                      flash={f.unit.id === flashId}
                      onCopy={copy}
                    />
                  </Fragment>
                ))}
              </div>
            ))}
            {progressive.restEm > 0 && <div className="chunk-spacer" aria-hidden="true" style={{ height: `${progressive.restEm}em` }} />}
          </div>
          {signatureBefore === null && <Signature lines={doc.signature} />}
        </article>
        <ReaderAnnotations doc={doc} flat={flat} unitsRef={unitsRef} />
        <Toast message={toast} />
      </div>
    </ReaderAnnotationContext>
  );
}

/** The issuing bodies and the date, right-aligned as printed. */
function Signature({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <div className="signature">
      {lines.map((s, i) => (
        <p key={i}>{s}</p>
      ))}
    </div>
  );
}
