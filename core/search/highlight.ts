/**
 * Exact match ranges and snippets. Ranges are [start, end) offsets into the
 * display text (the text as stored in the corpus), computed on the
 * normalised form and mapped back, so they can be used to wrap <mark>s.
 */
import { normalizeUnitText, toDisplayRange, type NormalizedUnitText } from './tokenizer.js';
import { parseQuery, positivePhrases, type ParsedQuery } from './query.js';

export type Range = [number, number];

/** Occurrences of `phrase` in `norm` (non-overlapping, left to right). */
export function occurrences(norm: string, phrase: string, out: Range[] = []): Range[] {
  if (!phrase) return out;
  let at = norm.indexOf(phrase);
  while (at >= 0) {
    out.push([at, at + phrase.length]);
    at = norm.indexOf(phrase, at + phrase.length);
  }
  return out;
}

/** Count occurrences of `phrase` in `norm`. */
export function countOccurrences(norm: string, phrase: string): number {
  let n = 0;
  let at = norm.indexOf(phrase);
  while (at >= 0) {
    n++;
    at = norm.indexOf(phrase, at + phrase.length);
  }
  return n;
}

/** Sort and merge overlapping or touching ranges. */
export function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length < 2) return ranges.slice();
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [[sorted[0][0], sorted[0][1]]];
  for (let i = 1; i < sorted.length; i++) {
    const last = out[out.length - 1];
    const r = sorted[i];
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Display ranges of every positive phrase in already-normalised text. */
export function rangesIn(n: NormalizedUnitText, phrases: string[]): Range[] {
  const raw: Range[] = [];
  for (const p of phrases) occurrences(n.norm, p, raw);
  return mergeRanges(raw.map(([s, e]) => toDisplayRange(n.map, s, e)));
}

/**
 * Highlight ranges of a query inside a piece of display text (a paragraph,
 * a title): what the reading view uses after opening a result and for
 * in-document find. `query` uses the search syntax (words, "phrases", OR);
 * excluded words are not highlighted.
 */
export function findMatches(text: string, query: string | ParsedQuery): Range[] {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const phrases = positivePhrases(q);
  if (!phrases.length || !text) return [];
  return rangesIn(normalizeUnitText(text), phrases);
}

export interface Snippet {
  text: string;
  /** Ranges relative to `text`. */
  ranges: Range[];
  /** True when text was cut at the start / end. */
  before: boolean;
  after: boolean;
}

/** Move a cut point out of any mark (to the mark's start or end) and off the middle of a surrogate pair. */
function cutAt(text: string, at: number, ranges: Range[], side: 'start' | 'end'): number {
  for (const [s, e] of ranges) if (s < at && at < e) at = side === 'start' ? s : e;
  const c = text.charCodeAt(at);
  if (at > 0 && at < text.length && c >= 0xdc00 && c <= 0xdfff) at += side === 'start' ? -1 : 1;
  return at;
}

/**
 * A window of about `width` characters around the first match, with the
 * matches inside it. The window never starts or ends inside a match: a
 * highlighted word is shown whole or not at all.
 */
export function makeSnippet(text: string, ranges: Range[], width = 80): Snippet {
  const flat = text.replace(/\n/g, ' ');
  if (flat.length <= width) return { text: flat, ranges: ranges.map((r) => [r[0], r[1]] as Range), before: false, after: false };
  const first = ranges.length ? ranges[0] : ([0, 0] as Range);
  let start = Math.max(0, first[0] - Math.floor(width / 4));
  let end = Math.min(flat.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  end = Math.max(end, Math.min(flat.length, first[1]));
  start = cutAt(flat, start, ranges, 'start');
  end = cutAt(flat, end, ranges, 'end');
  const inside: Range[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    inside.push([s - start, e - start]);
  }
  return { text: flat.slice(start, end), ranges: inside, before: start > 0, after: end < flat.length };
}

export interface MarkedPiece {
  text: string;
  /** Start of the mark in the text; null for text between marks. */
  mark: number | null;
}

/**
 * Text cut at sorted ranges into plain and marked pieces: the one place that
 * knows how a highlight is laid over text (the reading view, search results
 * and the CLI render the pieces their own way). Overlapping or out-of-order
 * ranges are merged first; ranges past the end are clipped.
 */
export function markPieces(text: string, ranges: readonly Range[]): MarkedPiece[] {
  const out: MarkedPiece[] = [];
  let at = 0;
  for (const [s0, e0] of mergeRanges(ranges.map((r) => [r[0], r[1]] as Range))) {
    const s = Math.max(at, Math.min(s0, text.length));
    const e = Math.min(e0, text.length);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: null });
    out.push({ text: text.slice(s, e), mark: s });
    at = e;
  }
  if (at < text.length || !out.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
