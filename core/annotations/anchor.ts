/**
 * Anchoring: from a selection in a clause to W3C selectors, and back from the
 * selectors to a range in a (possibly rebuilt) document.
 *
 * All comparisons run on `fold()`ed text. The fold is length-preserving, so an
 * offset found in folded text is the same offset in the display text, and a
 * rebuild that only changed the width of punctuation (，→ ,) still matches
 * exactly.
 *
 * Re-anchoring order (each step only when the previous one failed):
 *   1. the same unit id and position, if the quote is still there  → kept
 *   2. the exact quote elsewhere in the same unit                   → moved
 *   3. the exact quote anywhere in the document whose match score
 *      (matchScore, match-quote.ts) clears MIN_MATCH_SCORE, or a long quote found
 *      exactly once                                                 → moved
 *   4. an approximate match (bounded errors, approx-string-match)
 *      whose match score clears MIN_MATCH_SCORE                     → fuzzy
 *   5. nothing: the annotation is kept as an orphan                 → orphaned
 * Annotations never depend on ids alone: a unit id that survived a rebuild but
 * now holds other words fails step 1 and the quote is searched for.
 *
 * The TextQuoteSelector (exact, prefix, suffix) is the user's evidence and is
 * never rewritten: re-anchoring updates the clause address and the
 * TextPositionSelector, and a fuzzy match records the words now displayed in
 * `policyReader:approximate` beside the quote (the UI asks the user to
 * confirm it). The next rebuild anchors from the original words again.
 */
import approxSearch from 'approx-string-match';
import { contextScore, matchScore, maxErrorsFor, MIN_MATCH_SCORE } from './match-quote.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { allUnits, unitBodyText } from '../corpus/units.js';
import { fold } from '../text/normalize.js';
import {
  type Annotation,
  QUOTE_CONTEXT_CHARS,
  type TextPositionSelector,
  type TextQuoteSelector,
  docSourceUri,
  approximateOf,
  positionOf,
  quoteOf,
} from './model.js';

export interface TextRange {
  start: number;
  end: number;
}

/** The text a selection's offsets refer to (defined with the other unit texts in core/corpus/units). */
export { unitBodyText };

/** Characters kept of a clause's opening for bookmarks (same bound as quote context). */
export const OPENING_CHARS = QUOTE_CONTEXT_CHARS;

export type OpeningUnit = Pick<Unit, 'paragraphs' | 'heading' | 'label'> & { children?: readonly OpeningUnit[] };

function firstText(unit: OpeningUnit): string {
  const own = unitBodyText(unit);
  if (own) return own;
  for (const c of unit.children ?? []) {
    const t = firstText(c);
    if (t) return t;
  }
  return '';
}

/**
 * What a clause bookmark remembers of its clause: the start of its body text
 * (an article whose text is all in its 款 uses the first 款), else its heading,
 * else its label. Never the label when there is text: renumbering changes it.
 */
export function unitOpening(unit: OpeningUnit): string {
  const text = firstText(unit) || unit.heading || unit.label;
  return Array.from(text).slice(0, OPENING_CHARS).join('');
}

/** Quote + position selectors for [start, end) of `text`. Throws on an empty or out-of-range selection. */
export function createSelectors(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`selection ${start}–${end} is empty or outside a text of ${text.length} characters`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Per-document lookups, computed once per document object: re-anchoring
 * thousands of annotations touches each document many times. Documents are
 * immutable once loaded, so a WeakMap keyed by the object is safe.
 */
interface DocIndex {
  units: Unit[];
  byId: Map<string, Unit>;
  folded: Map<Unit, string>;
  body: Map<Unit, string>;
  openings: Map<Unit, string>;
  foldedOpenings: Map<Unit, string>;
  text?: DocText;
}
const indexes = new WeakMap<PolicyDocument, DocIndex>();

function indexOf(doc: PolicyDocument): DocIndex {
  let ix = indexes.get(doc);
  if (!ix) {
    const units = allUnits(doc.units);
    ix = { units, byId: new Map(units.map((u) => [u.id, u])), folded: new Map(), body: new Map(), openings: new Map(), foldedOpenings: new Map() };
    indexes.set(doc, ix);
  }
  return ix;
}

/** The value cached for `unit` in `cache`, computed once. */
function once(cache: Map<Unit, string>, unit: Unit, compute: () => string): string {
  let t = cache.get(unit);
  if (t === undefined) {
    t = compute();
    cache.set(unit, t);
  }
  return t;
}

const bodyOf = (ix: DocIndex, unit: Unit): string => once(ix.body, unit, () => unitBodyText(unit));
const foldedBody = (ix: DocIndex, unit: Unit): string => once(ix.folded, unit, () => fold(bodyOf(ix, unit)));
const openingOf = (ix: DocIndex, unit: Unit): string => once(ix.openings, unit, () => unitOpening(unit));
/** fold(unitOpening(unit)), once per unit: bookmarks compare it against every clause. */
const foldedOpening = (ix: DocIndex, unit: Unit): string => once(ix.foldedOpenings, unit, () => fold(openingOf(ix, unit)));

function findUnit(doc: PolicyDocument, unitId: string): Unit | null {
  return indexOf(doc).byId.get(unitId) ?? null;
}

function allOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The best exact occurrence of the quote in `text`: most context agreement, then nearest `near`. */
function bestExact(text: string, quote: TextQuoteSelector, near: number): TextRange | null {
  const exact = fold(quote.exact);
  let best: { range: TextRange; score: number; distance: number } | null = null;
  for (const start of allOccurrences(text, exact)) {
    const end = start + exact.length;
    const score = contextScore(text, start, end, quote);
    const distance = Math.abs(start - near);
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && distance < best.distance)) {
      best = { range: { start, end }, score, distance };
    }
  }
  return best?.range ?? null;
}

/**
 * Resolves an annotation's selectors against one unit (the reader's and the
 * export's path): the position if the words are still there, else the best
 * exact occurrence. The words are those displayed now: the approximate place's
 * words for a fuzzy-placed annotation, else the quote. Null when they are not
 * in the unit (the annotation must not be shown or exported as a quotation of
 * this clause).
 */
export function resolveInUnit(annotation: Annotation, unit: Pick<Unit, 'paragraphs'>): TextRange | null {
  const quote = quoteOf(annotation);
  const pos = positionOf(annotation);
  const text = fold(unitBodyText(unit));
  if (!quote) {
    if (pos && pos.start >= 0 && pos.end <= text.length && pos.start < pos.end) return { start: pos.start, end: pos.end };
    return null;
  }
  const approx = approximateOf(annotation);
  const shown: TextQuoteSelector = approx ? { ...quote, exact: approx.exact } : quote;
  const exact = fold(shown.exact);
  if (!exact) return null;
  if (pos && text.slice(pos.start, pos.end) === exact) return { start: pos.start, end: pos.end };
  return bestExact(text, shown, pos?.start ?? 0);
}

// ---- whole-document search -------------------------------------------------

interface DocText {
  /** Folded body texts of every unit, joined with '\n'. */
  text: string;
  units: Unit[];
  /** Offset of each unit's body text in `text`. */
  offsets: number[];
}

function docText(doc: PolicyDocument): DocText {
  const ix = indexOf(doc);
  if (ix.text) return ix.text;
  const offsets: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const u of ix.units) {
    if (offsets.length) length += 1;
    offsets.push(length);
    const t = foldedBody(ix, u);
    parts.push(t);
    length += t.length;
  }
  ix.text = { text: parts.join('\n'), units: ix.units, offsets };
  return ix.text;
}

/** The unit containing [start, end) of the document text, with the range made unit-relative; null when it crosses units. */
function locate(dt: DocText, start: number, end: number): { unit: Unit; range: TextRange } | null {
  let lo = 0;
  let hi = dt.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dt.offsets[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const unit = dt.units[lo];
  const base = dt.offsets[lo];
  const next = lo + 1 < dt.offsets.length ? dt.offsets[lo + 1] - 1 : dt.text.length;
  const len = next - base;
  if (end - base > len) return null;
  return { unit, range: { start: start - base, end: end - base } };
}

/**
 * Where the annotation used to be, as an offset into the new document text: the
 * old unit's new offset if that id still exists, else the document start.
 */
function oldDocPosition(dt: DocText, unitId: string | null, start: number): number {
  const i = unitId ? dt.units.findIndex((u) => u.id === unitId) : -1;
  return i === -1 ? 0 : dt.offsets[i] + start;
}

/** An exact quote at least this long, found exactly once in the document, is its own evidence, whatever its context. */
const UNIQUE_EXACT_CHARS = 12;

interface Scored {
  hit: { unit: Unit; range: TextRange };
  score: number;
}

/** The best-scoring exact occurrence of the quote in the document, and how many there are. */
function exactInDoc(dt: DocText, quote: TextQuoteSelector, near: number): { best: Scored | null; count: number } {
  const exact = fold(quote.exact);
  const starts = allOccurrences(dt.text, exact);
  let best: Scored | null = null;
  for (const start of starts) {
    const hit = locate(dt, start, start + exact.length);
    if (!hit) continue;
    const score = matchScore(dt.text, start, start + exact.length, 0, quote, near);
    if (!best || score > best.score) best = { hit, score };
  }
  return { best, count: starts.length };
}

/** Most approximate matches scored for one quote: a short, common quote cannot make re-anchoring unbounded. */
const MAX_FUZZY_CANDIDATES = 500;

function fuzzyInDoc(dt: DocText, quote: TextQuoteSelector, near: number): Scored | null {
  const exact = fold(quote.exact);
  if (exact.length < 4) return null; // a couple of characters with an error matches almost anything
  const matches = approxSearch(dt.text, exact, maxErrorsFor(exact.length));
  // The fewest errors first, so the cap keeps the likeliest candidates.
  matches.sort((a, b) => a.errors - b.errors);
  let best: Scored | null = null;
  for (const m of matches.slice(0, MAX_FUZZY_CANDIDATES)) {
    if (m.end <= m.start) continue;
    const hit = locate(dt, m.start, m.end);
    if (!hit) continue;
    const score = matchScore(dt.text, m.start, m.end, m.errors, quote, near);
    if (!best || score > best.score) best = { hit, score };
  }
  return best;
}

// ---- re-anchoring ----------------------------------------------------------

export type ReanchorStatus = 'kept' | 'moved' | 'fuzzy' | 'orphaned';

export interface ReanchorResult {
  status: ReanchorStatus;
  annotation: Annotation;
}

/**
 * The annotation at its new place: clause address, corpus stamp and position
 * updated; the TextQuoteSelector kept exactly as the user made it. `approx`
 * (a fuzzy match) records the words now displayed and the match score.
 */
function placed(a: Annotation, doc: PolicyDocument, unit: Unit | null, range: TextRange | null, contentHash: string, approx?: { score: number }): Annotation {
  const target: Annotation['target'] = {
    ...a.target,
    source: docSourceUri(doc.id, unit?.id ?? null),
    'policyReader:document': { id: doc.id, title: doc.title, docNumber: doc.docNumber },
    'policyReader:unitId': unit?.id ?? null,
    'policyReader:contentHash': contentHash,
  };
  delete target['policyReader:approximate'];
  if (unit && range && a.target.selector) {
    const position: TextPositionSelector = { type: 'TextPositionSelector', start: range.start, end: range.end };
    const others = a.target.selector.filter((s) => s.type !== 'TextPositionSelector');
    target.selector = [...others, position];
    if (approx) {
      const exact = bodyOf(indexOf(doc), unit).slice(range.start, range.end);
      const before = a.target['policyReader:approximate'];
      // The same place confirmed before stays confirmed.
      const confirmed = before?.confirmed && before.exact === exact ? { confirmed: before.confirmed } : {};
      target['policyReader:approximate'] = { exact, score: Math.round(approx.score * 1000) / 1000, ...confirmed };
    }
  }
  if (unit && a.target['policyReader:opening'] !== undefined) target['policyReader:opening'] = openingOf(indexOf(doc), unit);
  const out: Annotation = { ...a, target };
  delete out['policyReader:orphaned'];
  return out;
}

function orphan(a: Annotation): ReanchorResult {
  return { status: 'orphaned', annotation: { ...a, 'policyReader:orphaned': true } };
}

function reanchorBookmark(a: Annotation, doc: PolicyDocument, contentHash: string): ReanchorResult {
  const unitId = a.target['policyReader:unitId'];
  if (!unitId) return { status: 'kept', annotation: placed(a, doc, null, null, contentHash) };
  const ix = indexOf(doc);
  const units = ix.units;
  const byId = findUnit(doc, unitId);
  const opening = a.target['policyReader:opening'];
  if (!opening) {
    return byId ? { status: 'kept', annotation: placed(a, doc, byId, null, contentHash) } : orphan(a);
  }
  const want = fold(opening);
  if (byId && foldedOpening(ix, byId) === want) return { status: 'kept', annotation: placed(a, doc, byId, null, contentHash) };
  const same = units.filter((u) => foldedOpening(ix, u) === want);
  if (same.length) {
    // Several clauses can open alike (（一）加强…); prefer the one nearest the old place in reading order.
    const oldIndex = byId ? units.indexOf(byId) : 0;
    same.sort((x, y) => Math.abs(units.indexOf(x) - oldIndex) - Math.abs(units.indexOf(y) - oldIndex));
    return { status: 'moved', annotation: placed(a, doc, same[0], null, contentHash) };
  }
  // The clause's opening words were edited: accept a close opening.
  let best: { unit: Unit; errors: number } | null = null;
  if (want.length >= 4) {
    for (const u of units) {
      const o = foldedOpening(ix, u);
      const m = approxSearch(o, want, maxErrorsFor(want.length)).find((x) => x.start <= 2);
      if (m && (!best || m.errors < best.errors)) best = { unit: u, errors: m.errors };
    }
  }
  if (best) return { status: 'fuzzy', annotation: placed(a, doc, best.unit, null, contentHash) };
  return orphan(a);
}

/**
 * Re-anchors one annotation in the rebuilt document (null when the document is
 * gone). Never loses it: what cannot be placed comes back with
 * `policyReader:orphaned` set and everything else (quote, note, document title,
 * old contentHash) unchanged, so a later corpus can still place it.
 */
export function reanchor(annotation: Annotation, doc: PolicyDocument | null, contentHash: string): ReanchorResult {
  if (!doc) return orphan(annotation);
  const quote = quoteOf(annotation);
  if (!quote || !quote.exact) return reanchorBookmark(annotation, doc, contentHash);

  const unitId = annotation.target['policyReader:unitId'];
  const pos = positionOf(annotation);
  const exact = fold(quote.exact);
  const unit = unitId ? findUnit(doc, unitId) : null;

  if (unit) {
    const text = foldedBody(indexOf(doc), unit);
    if (pos && text.slice(pos.start, pos.end) === exact) {
      return { status: 'kept', annotation: placed(annotation, doc, unit, { start: pos.start, end: pos.end }, contentHash) };
    }
    const inUnit = bestExact(text, quote, pos?.start ?? 0);
    if (inUnit) return { status: 'moved', annotation: placed(annotation, doc, unit, inUnit, contentHash) };
  }

  const dt = docText(doc);
  const near = oldDocPosition(dt, unitId, pos?.start ?? 0);
  const inDoc = exactInDoc(dt, quote, near);
  if (inDoc.best && (inDoc.best.score >= MIN_MATCH_SCORE || (inDoc.count === 1 && exact.length >= UNIQUE_EXACT_CHARS))) {
    return { status: 'moved', annotation: placed(annotation, doc, inDoc.best.hit.unit, inDoc.best.hit.range, contentHash) };
  }

  const fuzzy = fuzzyInDoc(dt, quote, near);
  if (fuzzy && fuzzy.score >= MIN_MATCH_SCORE) {
    return { status: 'fuzzy', annotation: placed(annotation, doc, fuzzy.hit.unit, fuzzy.hit.range, contentHash, { score: fuzzy.score }) };
  }
  return orphan(annotation);
}
