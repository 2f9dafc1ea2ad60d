/**
 * CJK-aware tokenisation for the search index.
 *
 * Text is first normalised with core/text/normalize (width/case folding and
 * dropping stray spaces next to CJK), line by line, so that a paragraph break
 * ('\n') is never bridged. Index terms are then every single code unit plus
 * every overlapping pair of code units (bigram) of the normalised text; Latin
 * and digit runs (LPR, AEO, 12345, 2023) are kept as they are, because every
 * character is indexed. Any substring of length ≥ 2 of the normalised text
 * has all of its bigrams in the unit's term set, which is what makes
 * candidate generation lossless (recall 1.0 after verification).
 */
import { fold, normalizeWithMap } from '../text/normalize.js';

export interface NormalizedUnitText {
  /** Normalised text; lines separated by '\n'. */
  norm: string;
  /** norm offset → display offset (norm.length + 1 entries); null when the identity. */
  map: Int32Array | null;
}

const WS = /\s/;

/** Normalise display text that may contain '\n' line breaks (kept as hard separators). */
export function normalizeUnitText(text: string): NormalizedUnitText {
  if (!WS.test(text.replace(/\n/g, ''))) {
    // Fast path: no white space to drop, fold is length-preserving.
    return { norm: fold(text), map: null };
  }
  const lines = text.split('\n');
  let norm = '';
  const map: number[] = [];
  let base = 0;
  for (let li = 0; li < lines.length; li++) {
    if (li > 0) {
      norm += '\n';
      map.push(base - 1);
    }
    const n = normalizeWithMap(lines[li]);
    norm += n.text;
    for (let i = 0; i < n.text.length; i++) map.push(base + n.map[i]);
    base += lines[li].length + 1;
  }
  map.push(text.length);
  return { norm, map: Int32Array.from(map) };
}

/** Map a [start, end) range of normalised text to display text. */
export function toDisplayRange(map: Int32Array | null, start: number, end: number): [number, number] {
  if (!map) return [start, end];
  if (end <= start) return [map[start], map[start]];
  return [map[start], map[end - 1] + 1];
}

/** Index terms of normalised text: unigrams and bigrams, never across '\n'. Unique, unordered. */
export function indexTerms(norm: string): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === '\n') continue;
    seen.add(c);
    const d = norm[i + 1];
    if (d !== undefined && d !== '\n') seen.add(c + d);
  }
  return [...seen];
}

/** All index terms with repetition (for lunr field lengths / term frequencies). */
export function indexTokens(norm: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === '\n') continue;
    out.push(c);
    const d = norm[i + 1];
    if (d !== undefined && d !== '\n') out.push(c + d);
  }
  return out;
}

/** The terms that a normalised phrase requires: its bigrams (or the character itself). */
export function phraseTerms(phrase: string): string[] {
  if (phrase.length === 1) return [phrase];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < phrase.length; i++) seen.add(phrase.slice(i, i + 2));
  return [...seen];
}
