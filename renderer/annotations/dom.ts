/**
 * Offsets in a unit's body text ↔ DOM positions in its rendered block.
 *
 * The body text (core/annotations/model.ts, TextPositionSelector) is the unit's
 * own paragraphs joined with '\n'. UnitBlock renders paragraph i as
 * `<p data-para="i">`, with the inline label (.marker), an article's heading
 * (.inline-heading) and the page number (.page-mark) inside it: those are not body text and are skipped, and search
 * <mark>s split the text into several nodes, which is why offsets are counted
 * over text nodes rather than taken from one node.
 */

const NOT_BODY = '.marker, .inline-heading, .page-mark, [data-annot-ui]';

export function paragraphStarts(paragraphs: readonly { text: string }[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.text.length + 1;
  }
  return starts;
}

export function unitElementOf(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return (el?.closest('[data-unit-id]') as HTMLElement | null) ?? null;
}

function paragraphsOf(unitEl: Element): HTMLElement[] {
  return Array.from(unitEl.querySelectorAll<HTMLElement>(':scope > p[data-para]'));
}

function bodyTextNodes(p: Element): Text[] {
  const out: Text[] = [];
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(NOT_BODY) && p.contains(n.parentElement!.closest(NOT_BODY)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Offset of a DOM point inside paragraph element p, counted over its body text. */
function offsetInParagraph(p: Element, node: Node, offset: number): number {
  const probe = p.ownerDocument.createRange();
  probe.setStart(node, offset);
  let n = 0;
  for (const t of bodyTextNodes(p)) {
    if (t === node) return n + offset;
    if (probe.comparePoint(t, t.length) < 0) n += t.length;
    else break;
  }
  return n;
}

/**
 * The body-text offset of a DOM point in a unit block. Points before the first
 * paragraph (the heading, the label) give 0, points after the last give the end.
 */
export function pointToOffset(unitEl: Element, node: Node, offset: number, starts: readonly number[], bodyLength: number): number {
  const paras = paragraphsOf(unitEl);
  const probe = unitEl.ownerDocument.createRange();
  probe.setStart(node, offset);
  for (const p of paras) {
    const i = Number(p.dataset.para);
    if (p.contains(node)) return Math.min(bodyLength, (starts[i] ?? 0) + offsetInParagraph(p, node, offset));
    // The point is before this paragraph: it is at its start.
    if (probe.comparePoint(p, 0) > 0) return starts[i] ?? 0;
  }
  return bodyLength;
}

export interface SelectionSpan {
  unitEl: HTMLElement;
  unitId: string;
  start: number;
  end: number;
}

/**
 * The part of a DOM range inside the unit where it starts. A selection that
 * runs into the next units is cut at the end of the first one: an annotation
 * belongs to one clause.
 */
export function rangeToSpan(range: Range, bodyOf: (unitId: string) => { starts: number[]; length: number } | null): SelectionSpan | null {
  const unitEl = unitElementOf(range.startContainer);
  if (!unitEl) return null;
  const unitId = unitEl.dataset.unitId!;
  const body = bodyOf(unitId);
  if (!body) return null;
  const start = pointToOffset(unitEl, range.startContainer, range.startOffset, body.starts, body.length);
  const end = unitEl.contains(range.endContainer) ? pointToOffset(unitEl, range.endContainer, range.endOffset, body.starts, body.length) : body.length;
  if (end <= start) return null;
  return { unitEl, unitId, start, end };
}

function pointAt(p: Element, local: number, preferNext: boolean): [Node, number] | null {
  const nodes = bodyTextNodes(p);
  let n = 0;
  for (let k = 0; k < nodes.length; k++) {
    const t = nodes[k];
    const inside = preferNext ? local < n + t.length : local <= n + t.length;
    if (inside) return [t, local - n];
    n += t.length;
  }
  const last = nodes[nodes.length - 1];
  return last ? [last, last.length] : null;
}

/** A DOM range over body-text offsets [start, end) of a rendered unit block; null when nothing is rendered there. */
export function spanToRange(unitEl: Element, start: number, end: number, starts: readonly number[]): Range | null {
  const paras = paragraphsOf(unitEl);
  if (!paras.length || end <= start) return null;
  const indexOf = (offset: number, forEnd: boolean) => {
    let best: HTMLElement | null = null;
    for (const p of paras) {
      const s = starts[Number(p.dataset.para)] ?? 0;
      if (forEnd ? s < offset : s <= offset) best = p;
    }
    return best ?? paras[0];
  };
  const sp = indexOf(start, false);
  const ep = indexOf(end, true);
  const a = pointAt(sp, Math.max(0, start - (starts[Number(sp.dataset.para)] ?? 0)), true);
  const b = pointAt(ep, Math.max(0, end - (starts[Number(ep.dataset.para)] ?? 0)), false);
  if (!a || !b) return null;
  const r = unitEl.ownerDocument.createRange();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r.collapsed ? null : r;
}

/**
 * The body text a range covers, one range per text node. A highlight over several paragraphs would otherwise
 * also colour what lies between them in the DOM: the next paragraph's page number (第4页 at laptop widths,
 * where it sits in the text's line) and its inline label.
 */
export function bodyPieces(unitEl: Element, range: Range): Range[] {
  const out: Range[] = [];
  for (const p of paragraphsOf(unitEl)) {
    if (!range.intersectsNode(p)) continue;
    for (const t of bodyTextNodes(p)) {
      if (!range.intersectsNode(t)) continue;
      const start = t === range.startContainer ? range.startOffset : 0;
      const end = t === range.endContainer ? range.endOffset : t.length;
      if (end <= start) continue;
      const piece = unitEl.ownerDocument.createRange();
      piece.setStart(t, start);
      piece.setEnd(t, end);
      out.push(piece);
    }
  }
  return out;
}

/** The DOM point under the pointer (caretPositionFromPoint where available, else the WebKit form). */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
