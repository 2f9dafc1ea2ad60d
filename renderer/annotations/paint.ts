/**
 * Highlights are painted with the CSS Custom Highlight API: one Highlight per
 * colour (plus one underline layer for notes) over DOM ranges. The text DOM is
 * left alone, so search and find <mark>s stay a separate layer, and overlapping
 * highlights blend (the colours are translucent).
 *
 * The ranges point at text nodes that React may replace (a search mark added
 * or removed re-renders a paragraph), so a MutationObserver repaints on the
 * next frame after any change in the document body.
 */
import { useEffect, useRef } from 'react';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../core/annotations/model';
import { highlightName, NOTE_HIGHLIGHT } from './colours';
import { bodyPieces, spanToRange } from './dom';

export interface PaintSpan {
  id: string;
  unitId: string;
  start: number;
  end: number;
  colour: HighlightColour;
  note: boolean;
}

export interface Painted {
  /** Ranges by annotation id, for hit-testing and for scrolling to one. */
  ranges: Map<string, Range>;
}

/** Appended in place: a copy of the colour's list per highlight made painting quadratic in the highlights. */
function addTo(groups: Map<string, Range[]>, name: string, ranges: Range[]): void {
  const list = groups.get(name);
  if (list) list.push(...ranges);
  else groups.set(name, [...ranges]);
}

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function paintSpans(spans: readonly PaintSpan[], startsOf: (unitId: string) => readonly number[] | null): Painted {
  const ranges = new Map<string, Range>();
  const groups = new Map<string, Range[]>();
  for (const s of spans) {
    const el = document.getElementById(s.unitId);
    const starts = startsOf(s.unitId);
    if (!el || !starts) continue;
    const r = spanToRange(el, s.start, s.end, starts);
    if (!r) continue;
    ranges.set(s.id, r);
    // Painted piece by piece (its body text only); found and scrolled to as the one range.
    const pieces = bodyPieces(el, r);
    addTo(groups, highlightName(s.colour), pieces);
    if (s.note) addTo(groups, NOTE_HIGHLIGHT, pieces);
  }
  if (supported()) {
    for (const c of HIGHLIGHT_COLOURS) {
      const name = highlightName(c);
      const rs = groups.get(name);
      if (rs) CSS.highlights.set(name, new Highlight(...rs));
      else CSS.highlights.delete(name);
    }
    const notes = groups.get(NOTE_HIGHLIGHT);
    if (notes) CSS.highlights.set(NOTE_HIGHLIGHT, new Highlight(...notes));
    else CSS.highlights.delete(NOTE_HIGHLIGHT);
  }
  return { ranges };
}

export function clearPaint(): void {
  if (!supported()) return;
  for (const c of HIGHLIGHT_COLOURS) CSS.highlights.delete(highlightName(c));
  CSS.highlights.delete(NOTE_HIGHLIGHT);
}

/** Paints `spans` inside `root` and keeps them painted across re-renders; returns the live range map. */
export function useHighlightPainter(root: () => Element | null, spans: readonly PaintSpan[], startsOf: (unitId: string) => readonly number[] | null) {
  const painted = useRef<Painted>({ ranges: new Map() });
  useEffect(() => {
    let frame = 0;
    const repaint = () => {
      frame = 0;
      painted.current = paintSpans(spans, startsOf);
    };
    repaint();
    const el = root();
    const observer = new MutationObserver((records) => {
      // Our own controls (bookmark stars, note badges) change often and hold no body text.
      if (records.every((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[data-annot-ui]'))) return;
      if (!frame) frame = requestAnimationFrame(repaint);
    });
    if (el) observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root, spans, startsOf]);
  useEffect(() => clearPaint, []);
  return painted;
}
